/**
 * One view of a ComponentWidget: status line, code, the sandboxed preview, the model's explanation and
 * errors. It follows the kernel's generations (events over the widget's comm) and, inside JupyterLab, the
 * server's generations of the same component (see server-link), each with the one stream follower
 * (stream/follower.ts); what it shows is decided by present() (presentation.ts) from that and the traits.
 *
 * A new current version made through the server (a panel edit, a rollback, a hand edit) is shown at once
 * and handed to the kernel, which reloads it from the history.
 */
import type { AnyModel } from "@anywidget/types";
import { Preview, type PreviewOptions, type Props } from "../host/preview";
import { prepareSpare, takeSpare } from "../host/spare-frames";
import type { NotebookMessage } from "../stream/notebook-messages";
import type { FrameErrorMessage } from "../schema/frame";
import {
  isKernelToViewMessage,
  isViewToKernelMessage,
  isWidgetError,
  type ViewToKernelMessage,
  type WidgetError,
} from "../schema/widget";
import { ACTIVE_PHASES, isRunning, type Following } from "../stream/follower";
import { whenConnected } from "./dom";
import { ErrorBox } from "./error-box";
import { FIXABLE_ERROR_PHASES } from "./format";
import { KernelFollow } from "./kernel-follow";
import { present, type Shown, type ViewInputs } from "./presentation";
import { runtimeModules } from "./runtime-modules";
import { ServerFollow } from "./server-follow";
import { FrameReports, requestServerLink, type ServerLink } from "./server-link";
import { StatusLine } from "./status-line";
import { ensureStyles } from "./styles";
import { layOutView, type RuntimeState, type ViewNodes, type WidgetState } from "./view-nodes";

export type { RuntimeState, WidgetState } from "./view-nodes";

export class ComponentView {
  private readonly kernel = new KernelFollow();
  private readonly server = new ServerFollow();
  private recent: "kernel" | "server" | null = null;
  private serverVersion: ViewInputs["serverVersion"] = null;
  private link: ServerLink | null = null;
  private frameReports: FrameReports | null = null;
  private unfollow: (() => void) | null = null;
  private disposed = false;
  /** Made once the view is in the page (see attachPreview). */
  private preview: Preview | null = null;
  private readonly previewOptions: PreviewOptions;
  private readonly nodes: ViewNodes;
  private frameError: WidgetError | null = null;
  private finalRenderOk = false;
  private partialPainted = false;
  private everPainted = false;
  /** Set when the preview dropped messages its component sent too fast; cleared by the next generation. */
  private throttleNotice: string | null = null;
  /** The last frame error sent to the kernel: the same failure again is not news. */
  private lastSentFrameError: string | null = null;
  /** What the preview was last asked to render. */
  private rendered: { code: string; partial: boolean } | null = null;
  /** Some version's code was rendered as final in this view's frame. */
  private finalShown = false;
  private drawFrame = 0;
  private shown: Shown | null = null;
  private readonly statusLine = new StatusLine(() => this.cancel());
  private readonly errorBox = new ErrorBox(() => this.requestFix());
  private readonly listeners: [string, (...args: never[]) => void][] = [];

  constructor(
    private readonly model: AnyModel<WidgetState>,
    private readonly el: HTMLElement,
    runtime: AnyModel<RuntimeState>,
  ) {
    ensureStyles(el.ownerDocument);
    this.nodes = layOutView(el, this.statusLine.element, this.errorBox.element);

    this.previewOptions = {
      runtimeSource: runtime.get("runtime_js"),
      loadModule: (id) => runtimeModules(runtime).load(id),
      props: this.props(),
      title: `Component ${model.get("name") || ""}`.trim(),
      onReady: () => prepareSpare(runtime.get("runtime_js")),
      onRendered: (message) => {
        if (message.applied) this.everPainted = true;
        if (message.partial) {
          if (message.applied && this.shown?.running) this.partialPainted = true;
        } else {
          this.finalRenderOk = true;
          this.frameError = null;
          this.lastSentFrameError = null;
          this.send({ type: "rendered", version: this.shownVersion() });
          this.frameReports?.rendered(this.shownVersion());
        }
        this.draw();
      },
      onError: (message, final) => {
        if (final) this.onFrameError(message);
      },
      onEmit: (name, payload) => this.send({ type: "emit", name, payload }),
      onThrottled: (kind) => {
        this.throttleNotice = `The component sent too many ${kind} messages; the extra ones were dropped.`;
        this.draw();
      },
    };
    void this.attachPreview();

    this.listen("msg:custom", (content: unknown) => this.onKernelMessage(content));
    this.listen("change:data", () => this.preview?.setProps(this.props()));
    this.listen("change:status", () => {
      this.errorBox.fixAnswered();
      this.draw();
    });
    this.listen("change:version", () => this.onVersionChange());
    for (const name of ["code", "name", "error", "explanation"])
      this.listen(`change:${name}`, () => this.draw());

    // Tells the kernel a view is on screen: while one is, the kernel does not resend streamed code.
    this.send({ type: "view_ready" });
    // Opened while a generation runs (the cell re-rendered, a second view): ask for what it missed.
    if (ACTIVE_PHASES.has(this.model.get("status")?.phase ?? "")) {
      this.kernel.askedForResync();
      this.send({ type: "resync" });
    }
    this.draw();
    void this.connectToServer();
  }

  private listen(event: string, callback: (...args: never[]) => void): void {
    this.model.on(event, callback as (...args: unknown[]) => void);
    this.listeners.push([event, callback]);
  }

  private props(): Props {
    const data = this.model.get("data");
    return typeof data === "object" && data !== null && !Array.isArray(data) ? data : {};
  }

  private traitVersion(): number | null {
    const version = this.model.get("version");
    return typeof version === "number" && version > 0 ? version : null;
  }

  /** The version on screen: the server's while the kernel has not caught up, else the kernel's. */
  private shownVersion(): number | null {
    return this.serverVersion?.version ?? this.traitVersion();
  }

  private send(message: ViewToKernelMessage): void {
    if (!isViewToKernelMessage(message)) {
      console.warn("jupyter-componentgen: not sending an invalid message", message);
      return;
    }
    this.model.send(message);
  }

  /**
   * The preview's frame, made once this view is in the page (a view is rendered before JupyterLab attaches
   * it): a spare frame whose runtime is already loaded when there is one, else a new one.
   */
  private async attachPreview(): Promise<void> {
    const container = this.nodes.preview;
    await whenConnected(container, () => this.disposed);
    if (this.disposed) return;
    const options = { ...this.previewOptions, props: this.props() };
    this.preview = takeSpare(container, options) ?? new Preview(container, options);
    this.rendered = null;
    this.draw();
  }

  // --- what it shows --------------------------------------------------------------------------------------

  private modelError(): WidgetError | null {
    const error = this.model.get("error") ?? null;
    if (isWidgetError(error)) return error;
    console.warn("jupyter-componentgen: ignoring an error state the schema does not allow", error);
    return null;
  }

  private inputs(): ViewInputs {
    return {
      traits: {
        name: this.model.get("name") ?? "",
        code: this.model.get("code") ?? "",
        version: this.traitVersion(),
        status: this.model.get("status") ?? {},
        error: this.modelError(),
        explanation: this.model.get("explanation") ?? "",
      },
      kernel: this.kernel.generation,
      server: this.server.generation,
      recent: this.recent,
      serverVersion: this.serverVersion,
      frameError: this.frameError,
      finalRenderOk: this.finalRenderOk,
      partialPainted: this.partialPainted,
      everPainted: this.everPainted,
      throttleNotice: this.throttleNotice,
    };
  }

  private scheduleDraw(): void {
    if (this.drawFrame || this.disposed) return;
    // Many events a frame make one draw; a page in the background (no frames) draws on a timer.
    const draw = (): void => {
      cancelAnimationFrame(this.drawFrame);
      clearTimeout(timer);
      this.drawFrame = 0;
      this.draw();
    };
    const timer = setTimeout(draw, 100);
    this.drawFrame = requestAnimationFrame(draw);
  }

  private draw(): void {
    if (this.disposed) return;
    const shown = present(this.inputs());
    const wasRunning = this.shown?.running ?? null;
    this.shown = shown;
    this.statusLine.update(this.model.get("name") ?? "", shown.version, shown.status);
    this.statusLine.setStreamed(shown.streamedChars);
    this.drawCode(shown, wasRunning !== null);
    this.nodes.preview.hidden = !shown.previewVisible;
    if (shown.preview) {
      // A view that opens while a generation runs (a re-run cell) shows the version first: a partial that
      // shows nothing yet then keeps that frame instead of standing alone on a blank one.
      if (shown.preview.partial && !this.finalShown && shown.versionCode.trim())
        this.renderPreview(shown.versionCode, false);
      this.renderPreview(shown.preview.code, shown.preview.partial);
    }
    const explanation = shown.explanation.trim();
    this.nodes.explanation.hidden = !explanation;
    this.nodes.explanationText.textContent = explanation;
    this.errorBox.show(shown.error, shown.version);
    this.showFix(shown);
  }

  private drawCode(shown: Shown, wasRunning: boolean): void {
    const node = this.nodes.code;
    const current = node.textContent ?? "";
    if (current !== shown.code) {
      const follow = node.scrollTop + node.clientHeight >= node.scrollHeight - 24;
      if (shown.code.startsWith(current) && current) node.append(shown.code.slice(current.length));
      else node.textContent = shown.code;
      if (follow) node.scrollTop = node.scrollHeight;
    }
    // Opened while code streams, closed when the generation ends; in between the person decides.
    if (shown.codeOpen && !wasRunning) this.nodes.codePanel.open = true;
    if (!shown.running && wasRunning) this.nodes.codePanel.open = false;
  }

  private renderPreview(code: string, partial: boolean): void {
    if (!this.preview) return; // drawn again once it exists
    const last = this.rendered;
    if (last && last.code === code && (last.partial === partial || (partial && !last.partial))) return;
    this.rendered = { code, partial };
    if (!partial) {
      this.finalRenderOk = false;
      this.finalShown = true;
    }
    this.preview.render(code, partial);
  }

  // --- the kernel's generations ------------------------------------------------------------------------------

  private onKernelMessage(content: unknown): void {
    if (!isKernelToViewMessage(content)) return;
    const step = this.kernel.handle(content, this.model.get("status")?.model ?? "");
    if (step.resync) this.send({ type: "resync" });
    if (step.started) {
      // The kernel generates: it leads until its generation ends.
      this.startedGeneration("kernel");
      this.server.reset();
      this.serverVersion = null;
    }
    if (step.ended) this.kernelEnded(step.ended);
    this.scheduleDraw();
  }

  /** A kernel generation ended: a new version's code is the streamed code, which the kernel does not resend. */
  private kernelEnded(generation: Following): void {
    const saved = generation.outcome === "done" || generation.outcome === "cached";
    if (!saved || generation.gap || !generation.code.trim()) return;
    // Its version first, so a render report of this code names it even before the kernel's update lands.
    if (generation.version !== null) this.model.set("version", generation.version);
    this.model.set("code", generation.code);
  }

  private startedGeneration(on: "kernel" | "server"): void {
    this.recent = on;
    this.partialPainted = false;
    this.frameError = null;
    this.throttleNotice = null;
    this.lastSentFrameError = null;
  }

  // --- following the server (inside JupyterLab) ------------------------------------------------------------

  private async connectToServer(): Promise<void> {
    const link = await requestServerLink(this.el, () => this.disposed);
    const name = this.model.get("name");
    if (!link || this.disposed || !name) return;
    this.link = link;
    this.frameReports = new FrameReports(link, name, (version) => this.server.savedByServer(version));
    this.unfollow = link.follow(name, (message) => this.onServerMessage(message));
  }

  private onServerMessage(message: NotebookMessage): void {
    // The kernel's own generation leads while it runs; the history's outcome reaches it afterwards.
    if (this.kernel.running) return;
    const before = this.server.generation?.generation ?? null;
    const change = this.server.handle(message);
    const after = this.server.generation?.generation ?? null;
    if (after !== null && after !== before) this.startedGeneration("server");
    if (change.kind === "updated") this.followVersion(change.version, change.code, change.message);
    else if (change.kind === "lost") void this.catchUp();
    this.scheduleDraw();
  }

  /** Show a version made through the server and ask the kernel to load it (unless it shows it already). */
  private followVersion(version: number, code: string, message: string): void {
    const ahead = version !== this.traitVersion();
    this.serverVersion = ahead ? { version, code, message } : null;
    if (ahead) this.send({ type: "external_update", version });
    this.draw();
  }

  /** After losing track of a server generation, show whatever the history holds now. */
  private async catchUp(): Promise<void> {
    const link = this.link;
    const name = this.model.get("name");
    if (!link || !name) return;
    try {
      const current = await link.current(name);
      if (this.disposed || this.kernel.running) return;
      if (current && current.version !== this.shownVersion()) {
        this.followVersion(current.version, current.code, "");
        return;
      }
    } catch (error) {
      console.warn("jupyter-componentgen: could not load the current version", error);
    }
    this.draw();
  }

  private onVersionChange(): void {
    const version = this.traitVersion();
    if (version !== null && this.serverVersion !== null && version >= this.serverVersion.version) {
      // The kernel caught up with the version shown: its state leads again.
      this.serverVersion = null;
      if (!(this.server.generation && isRunning(this.server.generation))) this.recent = "kernel";
    }
    const name = this.model.get("name");
    if (this.link && name && version !== null) this.link.versionChanged(name, version);
    this.draw();
  }

  private cancel(): void {
    const running = this.shown?.running;
    if (this.link && running && this.shown?.runningOn === "server") this.link.cancel(running.generation);
    else this.send({ type: "cancel" });
  }

  // --- errors and Fix -------------------------------------------------------------------------------------

  private onFrameError(message: FrameErrorMessage): void {
    this.finalRenderOk = false;
    const where = {
      ...(message.line !== undefined ? { line: message.line } : {}),
      ...(message.column !== undefined ? { column: message.column } : {}),
    };
    this.frameError = { phase: message.phase, message: message.message, ...where };
    this.draw();
    const key = JSON.stringify([this.shownVersion(), this.frameError]);
    if (key === this.lastSentFrameError) return;
    this.lastSentFrameError = key;
    const version = this.shownVersion();
    this.send({ type: "frame_error", phase: message.phase, message: message.message, ...where, version });
    this.frameReports?.failed(this.shownVersion(), message);
  }

  /**
   * Fix is offered for blocked code and for a render error of the version the kernel holds, never while a
   * generation runs (nor while this view shows a server version the kernel has not loaded yet).
   */
  private showFix(shown: Shown): void {
    const error = shown.error;
    const serverBlocked = this.recent === "server" ? this.server.blocked : null;
    // A panel edit's blocked draft is the server's to fix; everything else goes to the kernel.
    const serverFix = serverBlocked !== null && serverBlocked.draft !== null && this.link !== null;
    this.errorBox.setFixable(
      error !== null &&
        FIXABLE_ERROR_PHASES.has(error.phase) &&
        shown.running === null &&
        (serverFix || (serverBlocked === null && this.serverVersion === null)),
    );
  }

  private requestFix(): void {
    const blocked = this.recent === "server" ? this.server.blocked : null;
    const name = this.model.get("name");
    if (blocked && blocked.draft !== null && this.link && name) {
      this.link
        .fix({ component: name, draft: blocked.draft, auto: false })
        .catch((error: unknown) => {
          this.throttleNotice = `Fix was refused: ${String(error)}`;
          this.draw();
        })
        .finally(() => this.errorBox.fixAnswered());
      return;
    }
    this.send({ type: "fix" });
  }

  dispose(): void {
    if (this.disposed) return;
    this.send({ type: "view_closed" });
    this.disposed = true;
    this.unfollow?.();
    this.unfollow = null;
    for (const [event, callback] of this.listeners)
      this.model.off(event, callback as (...args: unknown[]) => void);
    this.listeners.length = 0;
    this.statusLine.dispose();
    this.errorBox.dispose();
    if (this.drawFrame) cancelAnimationFrame(this.drawFrame);
    this.preview?.dispose();
    this.el.replaceChildren();
  }
}
