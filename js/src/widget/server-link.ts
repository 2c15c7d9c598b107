/**
 * How a widget view finds the server inside JupyterLab. The view dispatches CONNECT_EVENT from its element;
 * the labextension (which owns the page's one stream socket) answers with a ServerLink for the notebook the
 * element is in. Elsewhere (VS Code, Colab, an exported page) nobody answers and the view works as before.
 */
import type { NotebookMessage } from "../stream/notebook-messages";
import type { FrameFailure } from "../schema/ws";
import type { FrameErrorMessage } from "../schema/frame";

export const CONNECT_EVENT = "jupyter-componentgen:connect";

export interface CurrentVersion {
  version: number;
  code: string;
}

/** A fix the server should ask the model for (see the `fix` message of schema/ws.schema.json). */
export interface FixRequest {
  component: string;
  draft?: number;
  error?: FrameFailure & { version: number };
  auto: boolean;
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
  /** Ask for a fix; resolves with the generation's id, rejects when the server refuses. */
  fix(request: FixRequest): Promise<string>;
  /** Tell the server how a version rendered here (error null: cleanly), for the side panel's Fix. */
  reportFrame(component: string, version: number, error: FrameFailure | null): void;
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

// The schema's bound on an error's message and stack; longer texts are cut, not refused.
const MAX_ERROR_CHARS = 20_000;

function frameFailure(message: FrameErrorMessage): FrameFailure {
  return {
    phase: message.phase,
    message: message.message.slice(0, MAX_ERROR_CHARS) || "Unknown error",
    ...(message.line !== undefined && message.line >= 1 ? { line: message.line } : {}),
    ...(message.column !== undefined && message.column >= 0 ? { column: message.column } : {}),
    ...(message.stack ? { stack: message.stack.slice(0, MAX_ERROR_CHARS) } : {}),
  };
}

/**
 * Tells the server how the versions a view shows render, so the side panel can offer a fix, and asks once
 * for the automatic fix when a version that a server generation (a panel edit) just saved fails here.
 * Versions the kernel generated are the kernel's to fix; the server allows one automatic fix per version
 * however many views ask, and never for a version that is itself a fix.
 */
export class FrameReports {
  private reported: { version: number; text: string } | null = null;
  private readonly autoAsked = new Set<number>();

  constructor(
    private readonly link: ServerLink,
    private readonly component: string,
    private readonly savedByServer: (version: number) => boolean,
  ) {}

  rendered(version: number | null): void {
    if (version === null || this.reported?.version !== version) return;
    this.reported = null;
    this.link.reportFrame(this.component, version, null);
  }

  failed(version: number | null, message: FrameErrorMessage): void {
    if (version === null) return;
    const error = frameFailure(message);
    const text = JSON.stringify(error);
    if (this.reported?.version !== version || this.reported.text !== text) {
      this.reported = { version, text };
      this.link.reportFrame(this.component, version, error);
    }
    if (!this.savedByServer(version) || this.autoAsked.has(version)) return;
    this.autoAsked.add(version);
    // A refusal is expected (another view asked first, or the version is a fix): nothing to show.
    this.link
      .fix({ component: this.component, error: { ...error, version }, auto: true })
      .catch(() => undefined);
  }
}
