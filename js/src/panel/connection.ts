/**
 * The page's one stream socket: subscribes to notebooks, hands each watcher its notebook's messages once
 * and in order, reconnects with backoff, and resumes every running generation from the last event it saw
 * (by seq), so a dropped socket or a reloaded page neither loses nor repeats an event.
 */
import type { NotebookListener, NotebookMessage } from "../stream/notebook-messages";
import {
  endsGeneration,
  isServerMessage,
  notebookKey,
  type ActiveGeneration,
  type ClientMessage,
  type ComponentMessage,
  type ServerMessage,
} from "./messages";

/** The part of the browser's WebSocket the connection uses (tests pass a fake). */
export interface SocketLike {
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type ConnectionState = "connecting" | "open" | "closed";

export type { NotebookListener, NotebookMessage, SyncedNotice } from "../stream/notebook-messages";

export interface ConnectionOptions {
  /** Waits before each reconnect attempt; the last one repeats. */
  retryDelaysMs?: number[];
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export class RequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "RequestError";
  }
}

export type GenerationRequest =
  | Omit<Extract<ClientMessage, { type: "generate" }>, "id">
  | Omit<Extract<ClientMessage, { type: "edit" }>, "id">
  | Omit<Extract<ClientMessage, { type: "fix" }>, "id">;

export type FrameStatus = Omit<Extract<ClientMessage, { type: "frame_status" }>, "type">;

interface Pending {
  resolve: (generation: string) => void;
  reject: (error: Error) => void;
}

/** What the connection keeps of a running generation, to replay it to watchers that come later. */
interface Running {
  notebook: string;
  started: Extract<ComponentMessage, { type: "generation_started" }>;
  events: ComponentMessage[];
}

const DEFAULT_DELAYS_MS = [250, 1000, 2000, 5000, 10000];
// Seq bookkeeping of finished generations, kept to drop late duplicates; a bounded number of them.
const FINISHED_KEPT = 200;

let nextRequest = 1;

export class StreamConnection {
  private socket: SocketLike | null = null;
  private stateValue: ConnectionState = "closed";
  private attempt = 0;
  private timer: unknown = null;
  private disposed = false;
  private readonly watchers = new Map<string, Set<NotebookListener>>();
  /** Notebooks the server confirmed on the current socket. */
  private readonly subscribed = new Set<string>();
  private readonly lastSeq = new Map<string, number>();
  private readonly running = new Map<string, Running>();
  private readonly pending = new Map<string, Pending>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly errorListeners = new Set<(error: RequestError) => void>();
  private readonly delays: number[];
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(
    private readonly openSocket: () => SocketLike,
    options: ConnectionOptions = {},
  ) {
    this.delays = options.retryDelaysMs ?? DEFAULT_DELAYS_MS;
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  }

  get state(): ConnectionState {
    return this.stateValue;
  }

  /** Receive a notebook's messages (replaying the generations already running); returns the unwatch. */
  watch(notebook: string, listener: NotebookListener): () => void {
    const key = notebookKey(notebook);
    let listeners = this.watchers.get(key);
    if (!listeners) {
      listeners = new Set();
      this.watchers.set(key, listeners);
      this.ensureOpen();
      if (this.stateValue === "open") this.send({ type: "subscribe", notebook: key });
    }
    listeners.add(listener);
    for (const run of this.running.values()) {
      if (run.notebook !== key) continue;
      listener(run.started);
      for (const message of run.events) listener(message);
    }
    return () => {
      listeners.delete(listener);
      // The server has no unsubscribe: the socket keeps the subscription and drops the messages here.
    };
  }

  /** Ask for a generation; resolves with its id once the server accepted it (it may be queued). */
  request(message: GenerationRequest): Promise<string> {
    if (this.stateValue !== "open") {
      return Promise.reject(
        new RequestError("Not connected to the server; wait for the connection to come back.", "offline"),
      );
    }
    const id = `r${nextRequest++}-${Math.random().toString(36).slice(2, 8)}`;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ ...message, id } as ClientMessage);
    });
  }

  cancel(generation: string): void {
    this.send({ type: "cancel", generation });
  }

  /** Tell the server how a version rendered in a view (dropped while offline: the next render reports). */
  reportFrame(status: FrameStatus): void {
    this.send({ type: "frame_status", ...status, notebook: notebookKey(status.notebook) });
  }

  onStateChange(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Errors the server reported for requests that have no id (cancel, resume). */
  onError(listener: (error: RequestError) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** The last event seq seen of a generation (0 when none). */
  seenUpTo(generation: string): number {
    return this.lastSeq.get(generation) ?? 0;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    this.failPending("The connection was closed.");
    const socket = this.socket;
    this.socket = null;
    socket?.close();
    this.watchers.clear();
  }

  // --- the socket --------------------------------------------------------------------------------------

  private ensureOpen(): void {
    if (this.disposed || this.socket || this.timer !== null) return;
    this.connect();
  }

  private connect(): void {
    this.timer = null;
    if (this.disposed) return;
    this.setState("connecting");
    let socket: SocketLike;
    try {
      socket = this.openSocket();
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      this.subscribed.clear();
      this.setState("open");
      for (const notebook of this.watchers.keys()) this.send({ type: "subscribe", notebook });
    };
    socket.onmessage = (event) => {
      if (this.socket === socket) this.receive(event.data);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.failPending("The connection to the server was lost; try again once it is back.");
      this.setState("closed");
      this.scheduleReconnect();
    };
    socket.onerror = () => undefined; // a close event follows
  }

  private scheduleReconnect(): void {
    if (this.disposed || this.timer !== null || this.watchers.size === 0) return;
    const delay = this.delays[Math.min(this.attempt, this.delays.length - 1)] ?? 1000;
    this.attempt += 1;
    this.timer = this.setTimer(() => this.connect(), delay);
  }

  private setState(state: ConnectionState): void {
    if (state === this.stateValue) return;
    this.stateValue = state;
    for (const listener of [...this.stateListeners]) listener(state);
  }

  private send(message: ClientMessage): void {
    if (this.stateValue === "open") this.socket?.send(JSON.stringify(message));
  }

  private failPending(reason: string): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of pending) reject(new RequestError(reason, "offline"));
  }

  // --- what the server says ----------------------------------------------------------------------------

  private receive(data: unknown): void {
    let message: unknown;
    try {
      message = JSON.parse(String(data));
    } catch {
      return;
    }
    if (!isServerMessage(message)) {
      console.warn(
        "jupyter-componentgen: ignoring a server message that does not follow the schema",
        message,
      );
      return;
    }
    this.handle(message);
  }

  private handle(message: ServerMessage): void {
    switch (message.type) {
      case "accepted": {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        pending?.resolve(message.generation);
        break;
      }
      case "request_error": {
        const error = new RequestError(message.message, message.code ?? "error");
        const pending = message.id ? this.pending.get(message.id) : undefined;
        if (pending && message.id) {
          this.pending.delete(message.id);
          pending.reject(error);
        } else {
          for (const listener of [...this.errorListeners]) listener(error);
        }
        break;
      }
      case "subscribed":
        this.onSubscribed(notebookKey(message.notebook), message.active);
        break;
      case "generation_started": {
        const notebook = notebookKey(message.notebook);
        const run = this.running.get(message.generation);
        if (run) run.started = message;
        else this.running.set(message.generation, { notebook, started: message, events: [] });
        this.dispatch(notebook, message);
        break;
      }
      case "event":
        this.onEvent(message);
        break;
      case "version_saved":
      case "component_updated":
      case "component_error":
      case "components_changed":
        this.dispatch(notebookKey(message.notebook), message);
        break;
    }
  }

  private onSubscribed(notebook: string, active: ActiveGeneration[]): void {
    this.subscribed.add(notebook);
    for (const generation of active) {
      if (!this.running.has(generation.generation)) {
        // Joined while it runs (a reload, a new tab): what it is comes from its replayed events.
        const started: Running["started"] = {
          type: "generation_started",
          generation: generation.generation,
          notebook,
          component: generation.component,
          model: "",
          instruction: "",
          state: generation.state,
          last_seq: generation.last_seq,
        };
        this.running.set(generation.generation, { notebook, started, events: [] });
        this.dispatch(notebook, started);
      }
      // Following starts with a resume: the server replays what this page has not seen, then streams.
      this.send({
        type: "resume",
        generation: generation.generation,
        after_seq: this.seenUpTo(generation.generation),
      });
    }
    // Generations this page followed that ended while it was away: watchers reload what they show.
    const stillActive = new Set(active.map((a) => a.generation));
    for (const [id, run] of this.running) {
      if (run.notebook === notebook && !stillActive.has(id)) this.finish(id);
    }
    this.dispatch(notebook, { type: "synced", notebook, active });
  }

  private onEvent(message: Extract<ServerMessage, { type: "event" }>): void {
    const event = message.event;
    const seen = this.seenUpTo(event.generation);
    if (event.seq <= seen) return; // a resume overlapping the live stream
    this.lastSeq.set(event.generation, event.seq);
    const notebook = notebookKey(message.notebook);
    const run = this.running.get(event.generation);
    if (run) run.events.push(message);
    this.dispatch(notebook, message);
    if (endsGeneration(event)) this.finish(event.generation);
  }

  private finish(generation: string): void {
    this.running.delete(generation);
    if (this.lastSeq.size > FINISHED_KEPT) {
      for (const id of this.lastSeq.keys()) {
        if (this.lastSeq.size <= FINISHED_KEPT) break;
        if (!this.running.has(id)) this.lastSeq.delete(id);
      }
    }
  }

  private dispatch(notebook: string, message: NotebookMessage): void {
    const listeners = this.watchers.get(notebook);
    if (!listeners) return;
    for (const listener of [...listeners]) {
      try {
        listener(message);
      } catch (error) {
        console.error("jupyter-componentgen: a stream listener failed", error);
      }
    }
  }
}
