/** Opens the server's stream socket the way JupyterLab opens its own (base URL, token, WebSocket class). */
import { URLExt } from "@jupyterlab/coreutils";
import { ServerConnection } from "@jupyterlab/services";
import type { SocketLike } from "../panel/connection";

const STREAM_PATH = "componentgen/api/stream";

export function streamSocketFactory(settings: ServerConnection.ISettings): () => SocketLike {
  return () => {
    let url = URLExt.join(settings.wsUrl, STREAM_PATH);
    if (settings.appendToken && settings.token) url += `?token=${encodeURIComponent(settings.token)}`;
    return new settings.WebSocket(url) as unknown as SocketLike;
  };
}
