/**
 * The host side of a component preview: owns the sandboxed iframe (a relay frame holding the component's
 * frame), sends the runtime each time it loads, queues renders until the runtime is ready, coalesces
 * streaming (partial) renders so at most one is in flight, and reports what the iframe says — within the
 * limits of frame-limits.ts, since the frame's code can post anything. Shared by the widget view and the
 * standalone page.
 */
import {
  isFromFrameMessage,
  type FrameErrorMessage,
  type FromFrameMessage,
  type LoadedModule,
  type RenderedMessage,
  type ToFrameMessage,
} from "../schema/frame";
import { isBundledModule } from "../runtime/bundled-manifest";
import { createEmit } from "../runtime/emit";
import {
  capText,
  FRAME_LIMITS,
  MAX_REPORTED_MESSAGE,
  MAX_REPORTED_STACK,
  peek,
  TokenBucket,
  type ThrottledKind,
} from "./frame-limits";
import { FRAME_ALLOW, relayDocument } from "./srcdoc";

export type Props = Record<string, unknown>;

export interface PreviewOptions {
  /** The runtime bundle's source (static/runtime.js), sent into the iframe once it is up. */
  runtimeSource: string;
  props?: Props;
  /** Accessible title of the iframe. */
  title?: string;
  /** Smallest iframe height in CSS pixels. */
  minHeight?: number;
  onRendered?: (message: RenderedMessage) => void;
  /** `final` is true when the error belongs to a final (not streaming) render or the component it mounted. */
  onError?: (message: FrameErrorMessage, final: boolean) => void;
  onEmit?: (name: string, payload: unknown) => void;
  onResize?: (height: number) => void;
  /** The runtime in the iframe is up (again, after a reload). */
  onReady?: () => void;
  /** Messages of this kind from the frame were dropped (at most once a second per kind). */
  onThrottled?: (kind: ThrottledKind) => void;
  /**
   * The source of a library module (static/modules/<file> of the manifest), for the frame's need_modules.
   * Without it, frames asking for a module are told it cannot be loaded here.
   */
  loadModule?: (id: string) => Promise<string>;
  /** The frame's height when the component asks for the viewport (h-screen, 100vh…); the frame's default 640. */
  viewportHeight?: number;
}

interface RenderRequest {
  code: string;
  partial: boolean;
}

// A partial render that gets no answer (the frame is throttled or was reloaded) stops blocking after this.
const IN_FLIGHT_TIMEOUT_MS = 3000;
/** Tallest the iframe may grow, in CSS pixels; taller content scrolls inside it. */
const MAX_FRAME_HEIGHT = 10_000;
const REMEMBERED_FINAL_IDS = 32;
const THROTTLE_NOTICE_MS = 1000;
const THROTTLE_NOTICE_DROPS = 5;

export class Preview {
  readonly iframe: HTMLIFrameElement;
  private options: PreviewOptions;
  private props: Props;
  private runtimeReady = false;
  /** load_runtime was sent to the current document and its runtime has not said ready yet. */
  private awaitingRuntime = false;
  private disposed = false;
  private nextId = 1;
  /** The newest final code: sent when the runtime comes up, and again if the iframe reloads. */
  private lastFinal: string | null = null;
  /** The newest partial code not sent yet. */
  private queuedPartial: string | null = null;
  /** The newest request of either kind. */
  private latest: RenderRequest | null = null;
  private inFlight: { id: number; timer: ReturnType<typeof setTimeout> } | null = null;
  private lastSentPartial: string | null = null;
  private readonly finalIds: number[] = [];
  /** Render requests the frame has not answered yet: each is answered once, by `rendered` or `error`. */
  private readonly unanswered = new Set<number>();
  /**
   * The newest partial the frame answered "not applied" because it waited for modules: once they arrive the
   * frame paints it after all and says so, one more answer to that id.
   */
  private waitingPartial: number | null = null;
  /** The final render on screen: its component may still fail later (in an effect or a handler). */
  private mountedFinal: number | null = null;
  private readonly emitBudget = new TokenBucket(FRAME_LIMITS.emits);
  private readonly readyBudget = new TokenBucket(FRAME_LIMITS.ready);
  private readonly moduleRequestBudget = new TokenBucket(FRAME_LIMITS.moduleRequests);
  private readonly errorBudget = new TokenBucket(FRAME_LIMITS.errors);
  private readonly resizeBudget = new TokenBucket(FRAME_LIMITS.resizes);
  private readonly lastThrottleNotice = new Map<ThrottledKind, number>();
  private readonly drops = new Map<ThrottledKind, { count: number; since: number }>();
  private readonly hostEmit = createEmit(
    (name, payload) => this.options.onEmit?.(name, payload),
    undefined,
    undefined,
    (warning) => this.throttled("emit", warning),
  );
  /** Library modules the current frame document asked for (each is loaded once per frame load). */
  private modulesAsked = new Set<string>();
  private frameLoads = 0;

  constructor(container: HTMLElement, options: PreviewOptions) {
    this.options = options;
    this.props = options.props ?? {};
    const iframe = document.createElement("iframe");
    // allow-scripts only: never allow-same-origin, which would give generated code the page's origin.
    // The component's own frame sits inside this one (see relayDocument), which relays messages both ways.
    iframe.setAttribute("sandbox", "allow-scripts");
    iframe.setAttribute("referrerpolicy", "no-referrer");
    iframe.setAttribute("allow", FRAME_ALLOW);
    iframe.title = options.title ?? "Component preview";
    iframe.className = "cg-frame";
    iframe.style.cssText = `display:block;width:100%;border:0;height:${this.minHeight}px;`;
    iframe.srcdoc = relayDocument(iframe.title);
    this.iframe = iframe;
    window.addEventListener("message", this.onMessage);
    iframe.addEventListener("load", this.onLoad);
    container.appendChild(iframe);
  }

  private get minHeight(): number {
    return this.options.minHeight ?? 40;
  }

  /**
   * Take over this preview (a spare whose runtime is loaded: see spare-frames.ts) for a new view: its frame
   * moves into `container` without reloading (moveBefore keeps a frame's document alive; the caller checks
   * the browser has it and that both places are in the page).
   */
  adopt(container: HTMLElement, options: PreviewOptions): void {
    this.options = options;
    this.props = options.props ?? {};
    this.iframe.title = options.title ?? this.iframe.title;
    this.iframe.style.height = `${this.minHeight}px`;
    (container as HTMLElement & { moveBefore(node: Node, child: Node | null): void }).moveBefore(
      this.iframe,
      null,
    );
    if (this.runtimeReady) options.onReady?.();
  }

  /** Whether the runtime inside the iframe is up and rendering. */
  get ready(): boolean {
    return this.runtimeReady;
  }

  /**
   * Render code. Final renders always go through, in order; partial (streaming) renders are coalesced:
   * while one is in flight only the newest waiting code is kept.
   */
  render(code: string, partial: boolean): void {
    if (this.disposed) return;
    this.latest = { code, partial };
    if (!partial) {
      this.queuedPartial = null;
      this.lastFinal = code;
      if (this.runtimeReady) this.send(code, false);
      return;
    }
    this.queuedPartial = code;
    if (this.runtimeReady && !this.inFlight) this.flushPartial();
  }

  /** New props for the mounted component: re-rendered in place, its state kept. */
  setProps(props: Props): void {
    if (this.disposed) return;
    this.props = props;
    if (this.runtimeReady) this.post({ type: "props", props });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    window.removeEventListener("message", this.onMessage);
    this.iframe.removeEventListener("load", this.onLoad);
    if (this.inFlight) clearTimeout(this.inFlight.timer);
    this.inFlight = null;
    this.lastFinal = this.queuedPartial = this.latest = null;
    this.iframe.remove();
    // Drop the document so a detached iframe does not keep the runtime alive.
    this.iframe.removeAttribute("srcdoc");
  }

  private post(message: ToFrameMessage): void {
    this.iframe.contentWindow?.postMessage(message, "*");
  }

  private send(code: string, partial: boolean): number {
    const id = this.nextId++;
    this.unanswered.add(id);
    if (!partial) {
      this.finalIds.push(id);
      if (this.finalIds.length > REMEMBERED_FINAL_IDS) this.finalIds.shift();
    }
    const viewport = this.options.viewportHeight;
    const sizing = viewport ? { viewport_height: viewport } : {};
    this.post({ type: "render", id, code, props: this.props, partial, ...sizing });
    return id;
  }

  private flushPartial(): void {
    const code = this.queuedPartial;
    this.queuedPartial = null;
    if (code === null || code === this.lastSentPartial) return;
    this.lastSentPartial = code;
    const id = this.send(code, true);
    const timer = setTimeout(() => this.settle(id), IN_FLIGHT_TIMEOUT_MS);
    this.inFlight = { id, timer };
  }

  /** The iframe answered render `id` (or gave up on it): let the next partial through. */
  private settle(id: number | undefined): void {
    if (!this.inFlight || this.inFlight.id !== id) return;
    clearTimeout(this.inFlight.timer);
    this.inFlight = null;
    this.flushPartial();
  }

  private onRuntimeReady(): void {
    this.runtimeReady = true;
    this.unanswered.clear();
    this.waitingPartial = null;
    this.mountedFinal = null;
    this.lastSentPartial = null;
    if (this.inFlight) clearTimeout(this.inFlight.timer);
    this.inFlight = null;
    if (this.lastFinal !== null) this.send(this.lastFinal, false);
    if (this.latest?.partial) this.queuedPartial = this.latest.code;
    this.flushPartial();
    this.options.onReady?.();
  }

  /**
   * A (re)loaded relay document (first shown, or moved in the page): the runtime starts over. Its load event
   * waits for the component's frame, whose bootstrap then listens for the runtime.
   */
  private readonly onLoad = (): void => {
    if (this.disposed) return;
    this.runtimeReady = false;
    this.awaitingRuntime = true;
    this.modulesAsked = new Set();
    this.frameLoads++;
    this.post({ type: "load_runtime", source: this.options.runtimeSource });
  };

  private readonly onMessage = (event: MessageEvent): void => {
    if (this.disposed || event.source !== this.iframe.contentWindow || event.source === null) return;
    // Admitted before it is validated: validating a flood would cost the page too.
    const seen = peek(event.data);
    if (!seen || !this.admit(seen.type, seen.id)) return;
    if (!isFromFrameMessage(event.data)) return;
    this.handle(event.data);
  };

  private admit(type: string, id: unknown): boolean {
    const answers = typeof id === "number" && this.unanswered.has(id);
    let admitted: boolean;
    switch (type) {
      case "rendered":
        admitted = answers || (this.waitingPartial !== null && id === this.waitingPartial);
        if (admitted && !answers) this.waitingPartial = null;
        break;
      case "error":
        // Otherwise only the mounted component can fail (later, in an effect or a handler), and seldom.
        admitted = answers || (id === this.mountedFinal && this.errorBudget.take());
        break;
      case "resize":
        admitted = this.resizeBudget.take();
        break;
      case "emit":
        admitted = this.emitBudget.take();
        break;
      case "ready":
        admitted = this.readyBudget.take();
        break;
      case "need_modules":
        // Each id is answered once per load anyway; this only bounds the work of reading the requests.
        admitted = this.moduleRequestBudget.take();
        break;
      default:
        return false;
    }
    if (!admitted) this.throttled(type as ThrottledKind);
    return admitted;
  }

  /** Say (at most once a second per kind) that messages of `kind` from the frame were dropped. */
  private throttled(kind: ThrottledKind, detail?: string): void {
    const now = performance.now();
    // A stray report (a partial answered again once its modules arrived) is not a flood: say so only
    // when several are dropped within a second.
    const drops = this.drops.get(kind);
    const recent = drops && now - drops.since < THROTTLE_NOTICE_MS ? drops : { count: 0, since: now };
    recent.count += 1;
    this.drops.set(kind, recent);
    if (recent.count < THROTTLE_NOTICE_DROPS) return;
    if (now - (this.lastThrottleNotice.get(kind) ?? -Infinity) < THROTTLE_NOTICE_MS) return;
    this.lastThrottleNotice.set(kind, now);
    console.warn(
      `jupyter-componentgen: dropped ${kind} messages from the component${detail ? `: ${detail}` : ""}`,
    );
    this.options.onThrottled?.(kind);
  }

  private handle(message: FromFrameMessage): void {
    switch (message.type) {
      case "ready":
        // Only the runtime's first word after each load counts. The frame's code can post "ready" too:
        // a forged bootstrap would make this page copy the 2 MB runtime once per message and stop sending
        // props, a forged runtime ready would resend the code; so the runtime goes out on the load event.
        if (message.stage === "runtime" && this.awaitingRuntime) {
          this.awaitingRuntime = false;
          this.onRuntimeReady();
        }
        break;
      case "rendered":
        if (this.unanswered.delete(message.id) && message.partial && !message.applied)
          this.waitingPartial = message.id;
        if (!message.partial && message.applied) this.mountedFinal = message.id;
        this.settle(message.id);
        this.options.onRendered?.(message);
        break;
      case "error": {
        if (message.id !== undefined) this.unanswered.delete(message.id);
        const capped: FrameErrorMessage = {
          ...message,
          message: capText(message.message, MAX_REPORTED_MESSAGE),
          ...(message.stack !== undefined ? { stack: capText(message.stack, MAX_REPORTED_STACK) } : {}),
        };
        this.settle(message.id);
        this.options.onError?.(capped, message.id !== undefined && this.finalIds.includes(message.id));
        break;
      }
      case "resize": {
        // The frame's word is not trusted: a hostile component must not make the notebook miles long.
        const height = Math.min(MAX_FRAME_HEIGHT, Math.max(this.minHeight, Math.ceil(message.height)));
        this.iframe.style.height = `${height}px`;
        this.options.onResize?.(height);
        break;
      }
      case "need_modules":
        this.loadModules(message.modules);
        break;
      case "emit":
        // The in-frame limiter can be bypassed by posting directly: enforce the same limits here.
        try {
          this.hostEmit(message.name, message.payload);
        } catch (error) {
          this.throttled("emit", String(error));
        }
        break;
    }
  }

  /** Answer need_modules: ids of the manifest only, each once per frame load, all of a request in one answer. */
  private loadModules(ids: string[]): void {
    const fresh = ids.filter((id) => isBundledModule(id) && !this.modulesAsked.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) this.modulesAsked.add(id);
    const load = this.options.loadModule;
    const frameLoad = this.frameLoads;
    void Promise.all(
      fresh.map(async (id): Promise<LoadedModule> => {
        if (!load) return { id, error: "this page cannot load library modules" };
        try {
          return { id, source: await load(id) };
        } catch (error) {
          return { id, error: String(error instanceof Error ? error.message : error).slice(0, 500) };
        }
      }),
    ).then((modules) => {
      // A reloaded frame asks again for what it needs.
      if (!this.disposed && frameLoad === this.frameLoads) this.post({ type: "load_modules", modules });
    });
  }
}
