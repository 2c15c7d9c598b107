/**
 * How a widget view finds the server inside JupyterLab. The view dispatches CONNECT_EVENT from its element;
 * the labextension (which owns the page's one stream socket) answers with a ServerLink for the notebook the
 * element is in. Elsewhere (VS Code, Colab, an exported page) nobody answers and the view works as before.
 */
import type { NotebookMessage } from "../panel/connection";

export const CONNECT_EVENT = "jupyter-componentgen:connect";

export interface CurrentVersion {
  version: number;
  code: string;
}

export interface ServerLink {
  /** The notebook's path on the server (it follows renames). */
  notebook(): string;
  /** Receive the server's messages about one component; returns the function that stops them. */
  follow(component: string, listener: (message: NotebookMessage) => void): () => void;
  /** The component's current version in the history, or null when it has none. */
  current(component: string): Promise<CurrentVersion | null>;
  /** Stop a generation running on the server. */
  cancel(generation: string): void;
  /** The view's version changed without the server (e.g. the kernel generated one): others refresh. */
  versionChanged(component: string, version: number): void;
}

export interface ConnectDetail {
  respond(link: ServerLink): void;
}

const POLL_MS = 100;

/**
 * Ask the page for a link once `el` is in the document; null when nobody answers within `timeoutMs` or
 * `cancelled()` turns true first.
 */
export function requestServerLink(
  el: HTMLElement,
  cancelled: () => boolean,
  timeoutMs = 15_000,
): Promise<ServerLink | null> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const attempt = (): void => {
      if (cancelled()) return resolve(null);
      if (!el.isConnected) {
        if (Date.now() > deadline) return resolve(null);
        setTimeout(attempt, POLL_MS);
        return;
      }
      let link: ServerLink | null = null;
      const detail: ConnectDetail = { respond: (answer) => (link = answer) };
      el.dispatchEvent(new CustomEvent(CONNECT_EVENT, { bubbles: true, composed: true, detail }));
      resolve(link);
    };
    attempt();
  });
}
