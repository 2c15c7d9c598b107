/**
 * Answers the component views' requests for a server link (see widget/server-link): finds the notebook
 * that holds the view and gives it that notebook's messages over the page's one stream socket.
 */
import type { INotebookTracker, NotebookPanel } from "@jupyterlab/notebook";
import { DisposableDelegate, type IDisposable } from "@lumino/disposable";
import type { NotebookMessage, StreamConnection } from "../panel/connection";
import type { ComponentsApi } from "../panel/rest";
import {
  CONNECT_EVENT,
  type ConnectDetail,
  type CurrentVersion,
  type ServerLink,
} from "../widget/server-link";

type Connection = Pick<StreamConnection, "watch" | "cancel" | "request" | "reportFrame">;

function forComponent(component: string, listener: (message: NotebookMessage) => void) {
  return (message: NotebookMessage): void => {
    if (message.type === "synced") listener(message);
    else if (message.type !== "components_changed" && message.component === component) listener(message);
  };
}

function linkFor(
  panel: NotebookPanel,
  connection: Connection,
  api: ComponentsApi,
  onVersionChanged: (notebook: string, component: string, version: number) => void,
): ServerLink {
  const context = panel.context;
  return {
    notebook: () => context.path,
    follow(component, listener) {
      const filtered = forComponent(component, listener);
      let unwatch = connection.watch(context.path, filtered);
      // The server moves subscriptions with a renamed notebook; its messages then name the new path.
      const moved = (): void => {
        unwatch();
        unwatch = connection.watch(context.path, filtered);
      };
      context.pathChanged.connect(moved);
      return () => {
        context.pathChanged.disconnect(moved);
        unwatch();
      };
    },
    async current(component): Promise<CurrentVersion | null> {
      const list = await api.versions(context.path, component);
      const version = list.versions.find((v) => v.number === list.current);
      return version ? { version: version.number, code: version.code } : null;
    },
    cancel: (generation) => connection.cancel(generation),
    versionChanged: (component, version) => onVersionChanged(context.path, component, version),
    fix: (request) => connection.request({ type: "fix", notebook: context.path, ...request }),
    reportFrame: (component, version, error) =>
      connection.reportFrame({ notebook: context.path, component, version, error }),
  };
}

export function answerViewLinks(
  tracker: INotebookTracker,
  connection: Connection,
  api: ComponentsApi,
  onVersionChanged: (notebook: string, component: string, version: number) => void,
): IDisposable {
  const onConnect = (event: Event): void => {
    const detail = (event as CustomEvent<ConnectDetail | undefined>).detail;
    const target = event.target;
    if (!detail || typeof detail.respond !== "function" || !(target instanceof Node)) return;
    const panel = tracker.find((candidate) => candidate.node.contains(target));
    if (!panel) return;
    event.stopPropagation();
    detail.respond(linkFor(panel, connection, api, onVersionChanged));
  };
  document.addEventListener(CONNECT_EVENT, onConnect);
  return new DisposableDelegate(() => document.removeEventListener(CONNECT_EVENT, onConnect));
}
