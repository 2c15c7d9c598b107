/**
 * One view of a ComponentWidget: status line, streaming code panel, the sandboxed preview, the model's
 * explanation and errors. Code streams in as custom messages (deltas); the preview renders partial code
 * while it streams and the final code when it ends or when `code` changes.
 *
 * Inside JupyterLab the view also follows its component on the server (see server-link): a generation
 * started from the side panel or another page streams here too, and a new current version (generated,
 * rolled back, edited by hand) is shown at once and handed to the kernel, which reloads it from the history.
 */
import type { AnyModel } from "@anywidget/types";
import { Preview, type Props } from "../host/preview";
import type { FrameErrorMessage } from "../schema/frame";
import type { NotebookMessage } from "../panel/connection";
import {
  isKernelToViewMessage,
  isViewToKernelMessage,
  isWidgetError,
  type Finding,
  type ViewToKernelMessage,
  type WidgetError,
} from "../schema/widget";
import { h } from "./dom";
import { ErrorBox } from "./error-box";
import { ACTIVE_PHASES, FIXABLE_ERROR_PHASES, type Status } from "./format";
import { FrameReports, requestServerLink, type ServerLink } from "./server-link";
import { ServerStream, type ServerAction } from "./server-stream";
import { StatusLine } from "./status-line";
import { runtimeModules } from "./runtime-modules";
import { StreamedCode, type StreamAction } from "./stream";
import { ensureStyles } from "./styles";

export interface WidgetState {
  name: string;
  code: string;
  version: number;
  status: Status;
  data: Props | null;
  error: WidgetError | null;
  explanation: string;
  runtime: string;
  [key: string]: unknown;
}

export interface RuntimeState {
  runtime_js: string;
  view_js: string;
  modules?: Record<string, string>;
  [key: string]: unknown;
}

function createNodes() {
  return {
    codePanel: h("details", { class: "cg-code-panel" }),
    code: h("pre", { class: "cg-code", "data-testid": "cg-code" }),
    preview: h("div", { class: "cg-preview", "data-testid": "cg-preview" }),
    explanation: h("details", { class: "cg-explanation", hidden: true }),
    explanationText: h("div", { class: "cg-explanation-text" }),
  };
}

export class ComponentView {
  private readonly stream = new StreamedCode();
  private readonly serverStream = new ServerStream();
  /** What the server said while it leads (a server generation, or a version the kernel has not loaded). */
  private serverStatus: Status | null = null;
  private serverVersion: number | null = null;
  private link: ServerLink | null = null;
  private frameReports: FrameReports | null = null;
  private unfollow: (() => void) | null = null;
  private disposed = false;
  private readonly preview: Preview;
  private readonly nodes = createNodes();
  private frameError: WidgetError | null = null;
  /** Whether the newest final render of the current code succeeded. */
  private finalRenderOk = false;
  private lastFinalCode: string | null = null;
  private partialShown = false;
  private partialFrame = 0;
  private readonly statusLine = new StatusLine(() => this.cancel());
  /** Findings of a server generation (a panel edit) the static checks blocked, until the next one starts. */
  private serverBlocked: { draft: number | null; findings: Finding[] } | null = null;
  private readonly errorBox = new ErrorBox(() => this.requestFix());
  /** Set when the preview dropped messages its component sent too fast; cleared by the next generation. */
  private throttleNotice: string | null = null;
  /** The last frame error sent to the kernel: the same failure again is not news. */
  private lastSentFrameError: string | null = null;
  private readonly listeners: [string, (...args: never[]) => void][] = [];

  constructor(
    private readonly model: AnyModel<WidgetState>,
    private readonly el: HTMLElement,
    runtime: AnyModel<RuntimeState>,
  ) {
    ensureStyles(el.ownerDocument);
    const n = this.nodes;
    n.codePanel.append(h("summary", {}, "Code"), n.code);
    n.explanation.append(h("summary", {}, "Explanation"), n.explanationText);
    el.replaceChildren(
      h(
        "div",
        { class: "cg-root" },
        this.statusLine.element,
        this.errorBox.element,
        n.codePanel,
        n.preview,
        n.explanation,
      ),
    );

    this.preview = new Preview(n.preview, {
      runtimeSource: runtime.get("runtime_js"),
      loadModule: (id) => runtimeModules(runtime).load(id),
      props: this.props(),
      title: `Component ${model.get("name") || ""}`.trim(),
      onRendered: (message) => {
        if (message.partial) return;
        this.finalRenderOk = true;
        this.frameError = null;
        this.lastSentFrameError = null;
        this.showError();
        this.send({ type: "rendered", version: this.shownVersion() });
        this.frameReports?.rendered(this.shownVersion());
      },
      onError: (message, final) => {
        if (!final) return;
        this.onFrameError(message);
      },
      onEmit: (name, payload) => this.send({ type: "emit", name, payload }),
      onThrottled: (kind) => {
        this.throttleNotice = `The component sent too many ${kind} messages; the extra ones were dropped.`;
        this.showStatus();
      },
    });

    this.listen("msg:custom", (content: unknown) => this.onCustomMessage(content));
    this.listen("change:code", () => this.renderFinal(this.model.get("code")));
    this.listen("change:data", () => this.preview.setProps(this.props()));
    this.listen("change:status", () => {
      this.errorBox.fixAnswered();
      this.showStatus();
    });
    this.listen("change:name", () => this.showStatus());
    this.listen("change:version", () => this.onVersionChange());
    this.listen("change:error", () => this.showError());
    this.listen("change:explanation", () => this.showExplanation());

    this.showStatus();
    this.showError();
    this.showExplanation();
    // Tells the kernel a view exists, so it may skip resending code this view assembles from deltas.
    this.send({ type: "view_ready" });
    n.code.textContent = model.get("code") ?? "";
    if (model.get("code")) this.renderFinal(model.get("code"));
    this.showPreview();
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

  private version(): number | null {
    const version = this.model.get("version");
    return typeof version === "number" && version > 0 ? version : null;
  }

  /** The version on screen: the server's while the kernel has not caught up, else the kernel's. */
  private shownVersion(): number | null {
    return this.serverVersion ?? this.version();
  }

  private send(message: ViewToKernelMessage): void {
    if (!isViewToKernelMessage(message)) {
      console.warn("jupyter-componentgen: not sending an invalid message", message);
      return;
    }
    this.model.send(message);
  }

  // --- streaming --------------------------------------------------------------------------------------

  private onCustomMessage(content: unknown): void {
    if (!isKernelToViewMessage(content)) return;
    const action = this.stream.handle(content);
    if (action.kind === "started") {
      // The kernel generates: it leads again until its stream ends.
      this.serverStream.reset();
      this.serverStatus = this.serverVersion = null;
      this.serverBlocked = null;
      this.showStatus();
    }
    this.applyStreamAction(action, this.stream.code);
  }

  private applyStreamAction(action: StreamAction, streamedCode: string): void {
    const codeNode = this.nodes.code;
    switch (action.kind) {
      case "started":
        this.frameError = null;
        this.throttleNotice = null;
        this.lastSentFrameError = null;
        this.showError();
        codeNode.textContent = "";
        this.nodes.codePanel.open = true;
        this.statusLine.setStreamed(0);
        this.showPreview();
        break;
      case "appended": {
        const follow = codeNode.scrollTop + codeNode.clientHeight >= codeNode.scrollHeight - 24;
        codeNode.append(action.text);
        if (follow) codeNode.scrollTop = codeNode.scrollHeight;
        this.statusLine.setStreamed(streamedCode.length);
        this.schedulePartial();
        break;
      }
      case "replaced":
        codeNode.textContent = streamedCode;
        codeNode.scrollTop = codeNode.scrollHeight;
        this.schedulePartial();
        break;
      case "resync":
        this.send({ type: "resync" });
        break;
      case "ended":
        this.endStream(action.ok, action.code, action.version);
        break;
      case "ignored":
        break;
    }
  }

  /** The code streaming now (the kernel's or the server's), or null when nothing streams. */
  private streamingCode(): string | null {
    if (this.stream.active) return this.stream.code;
    return this.serverStream.streaming ? this.serverStream.code : null;
  }

  /** Partial renders follow animation frames: many deltas per frame make one render. */
  private schedulePartial(): void {
    if (this.partialFrame) return;
    this.partialFrame = requestAnimationFrame(() => {
      this.partialFrame = 0;
      const code = this.streamingCode();
      if (code === null) return;
      this.partialShown = true;
      this.preview.render(code, true);
    });
  }

  private endStream(ok: boolean, code: string, version?: number): void {
    if (this.partialFrame) cancelAnimationFrame(this.partialFrame);
    this.partialFrame = 0;
    this.nodes.codePanel.open = false;
    if (ok) {
      // The kernel does not resend the code: adopt the streamed text locally (no save_changes), with its
      // version first, so a render report of this code names it even before the kernel's update lands.
      if (version !== undefined) this.model.set("version", version);
      const changed = this.model.get("code") !== code;
      this.model.set("code", code);
      if (!changed) this.renderFinal(code);
    } else {
      this.nodes.code.textContent = this.model.get("code") ?? "";
      this.renderFinal(this.model.get("code") ?? "", true);
    }
  }

  private renderFinal(code: string, force = false): void {
    if (this.streamingCode() === null) this.nodes.code.textContent = code;
    if (!force && code === this.lastFinalCode && !this.partialShown) return;
    this.lastFinalCode = code;
    this.partialShown = false;
    this.finalRenderOk = false;
    this.showPreview();
    if (!code.trim()) return;
    this.preview.render(code, false);
  }

  /**
   * The preview is hidden while there is nothing to show: no code streams and there is no version (e.g.
   * the first generation was blocked: its checked first lines must not stay on screen as if they ran).
   */
  private showPreview(): void {
    const code = this.streamingCode() ?? this.lastFinalCode ?? this.model.get("code") ?? "";
    this.nodes.preview.hidden = !code.trim();
  }

  // --- following the server (inside JupyterLab) ------------------------------------------------------------

  private async connectToServer(): Promise<void> {
    const link = await requestServerLink(this.el, () => this.disposed);
    const name = this.model.get("name");
    if (!link || this.disposed || !name) return;
    this.link = link;
    this.frameReports = new FrameReports(link, name, (version) => this.serverStream.savedByServer(version));
    this.unfollow = link.follow(name, (message) => this.onServerMessage(message));
  }

  private onServerMessage(message: NotebookMessage): void {
    // The kernel's own generation leads while it streams; the history's outcome reaches it afterwards.
    if (this.stream.active) return;
    const action: ServerAction = this.serverStream.handle(message);
    switch (action.kind) {
      case "status":
        this.serverStatus = action.status;
        this.showStatus();
        break;
      case "started":
        this.serverBlocked = null;
        this.applyStreamAction({ kind: "started" }, "");
        break;
      case "appended":
        this.applyStreamAction(action, this.serverStream.code);
        break;
      case "ended":
        this.serverStatus = action.status;
        this.serverBlocked = action.blocked ?? null;
        this.showError();
        this.showStatus();
        this.restoreShownCode();
        break;
      case "updated":
        this.followVersion(action.version, action.code, action.status);
        break;
      case "lost":
        void this.catchUp();
        break;
      case "ignored":
        break;
    }
  }

  /** Show a version made through the server and ask the kernel to load it (unless it shows it already). */
  private followVersion(version: number, code: string, status: Status): void {
    if (this.partialFrame) cancelAnimationFrame(this.partialFrame);
    this.partialFrame = 0;
    this.nodes.codePanel.open = false;
    const kernelVersion = this.version();
    this.serverVersion = version === kernelVersion ? null : version;
    this.serverStatus = this.serverVersion === null ? null : status;
    this.renderFinal(code);
    this.showStatus();
    if (this.serverVersion !== null) this.send({ type: "external_update", version });
  }

  /** After losing track of a server generation, show whatever the history holds now. */
  private async catchUp(): Promise<void> {
    const link = this.link;
    const name = this.model.get("name");
    if (!link || !name) return;
    this.serverStatus = null;
    try {
      const current = await link.current(name);
      if (this.disposed || this.stream.active) return;
      if (current && current.version !== this.shownVersion()) {
        this.followVersion(current.version, current.code, { phase: "done", message: "" });
        return;
      }
    } catch (error) {
      console.warn("jupyter-componentgen: could not load the current version", error);
    }
    this.restoreShownCode();
    this.showStatus();
  }

  /** A server generation ended without a new version: back to the code shown before it. */
  private restoreShownCode(): void {
    if (this.partialFrame) cancelAnimationFrame(this.partialFrame);
    this.partialFrame = 0;
    this.nodes.codePanel.open = false;
    this.renderFinal(this.lastFinalCode ?? this.model.get("code") ?? "");
  }

  private cancel(): void {
    const generation = this.serverStream.generation;
    if (this.link && generation && !this.stream.active) this.link.cancel(generation);
    else this.send({ type: "cancel" });
  }

  private onVersionChange(): void {
    const version = this.version();
    if (version !== null && this.serverVersion !== null && version >= this.serverVersion) {
      // The kernel caught up with the version shown: its state leads again.
      this.serverVersion = null;
      if (!this.serverStream.active) this.serverStatus = null;
    }
    this.showStatus();
    const name = this.model.get("name");
    if (this.link && name && version !== null) this.link.versionChanged(name, version);
  }

  // --- display ------------------------------------------------------------------------------------------

  private onFrameError(message: FrameErrorMessage): void {
    this.finalRenderOk = false;
    this.frameError = {
      phase: message.phase,
      message: message.message,
      ...(message.line !== undefined ? { line: message.line } : {}),
      ...(message.column !== undefined ? { column: message.column } : {}),
    };
    this.showError();
    const key = JSON.stringify([this.shownVersion(), this.frameError]);
    if (key === this.lastSentFrameError) return;
    this.lastSentFrameError = key;
    this.send({
      type: "frame_error",
      phase: message.phase,
      message: message.message,
      ...(message.line !== undefined ? { line: message.line } : {}),
      ...(message.column !== undefined ? { column: message.column } : {}),
      version: this.shownVersion(),
    });
    this.frameReports?.failed(this.shownVersion(), message);
  }

  /** The kernel's `error` trait, if it is one the schema allows. */
  private modelError(): WidgetError | null {
    const error = this.model.get("error") ?? null;
    if (isWidgetError(error)) return error;
    console.warn("jupyter-componentgen: ignoring an error state the schema does not allow", error);
    return null;
  }

  /** The error on screen: blocked findings first (the newest attempt), else a render or generation error. */
  private shownError(): WidgetError | null {
    const blocked = this.serverBlocked;
    if (blocked) {
      return {
        phase: "blocked",
        message: `Blocked before rendering: ${blocked.findings.length} finding(s).`,
        findings: blocked.findings,
      };
    }
    const modelError = this.modelError();
    if (modelError?.phase === "blocked") return modelError;
    // A stored render error is stale once this view rendered the current code cleanly.
    const stale = modelError !== null && FIXABLE_ERROR_PHASES.has(modelError.phase) && this.finalRenderOk;
    return this.frameError ?? (stale ? null : modelError);
  }

  private showError(): void {
    this.errorBox.show(this.shownError(), this.shownVersion());
    this.showFix();
  }

  /**
   * Fix is offered for blocked code and for a render error of the version the kernel holds, never while
   * a generation runs (nor while this view shows a server version the kernel has not loaded yet).
   */
  private showFix(): void {
    const error = this.shownError();
    const running =
      this.stream.active ||
      this.serverStream.streaming ||
      ACTIVE_PHASES.has(this.currentStatus().phase ?? "");
    // A panel edit's blocked draft is the server's to fix; everything else goes to the kernel.
    const serverFix = this.serverBlocked !== null && this.serverBlocked.draft !== null && this.link !== null;
    this.errorBox.setFixable(
      error !== null &&
        FIXABLE_ERROR_PHASES.has(error.phase) &&
        !running &&
        (serverFix || (this.serverBlocked === null && this.serverVersion === null)),
    );
  }

  private requestFix(): void {
    const blocked = this.serverBlocked;
    const name = this.model.get("name");
    if (blocked && blocked.draft !== null && this.link && name) {
      this.link
        .fix({ component: name, draft: blocked.draft, auto: false })
        .catch((error: unknown) => {
          this.serverStatus = { phase: "error", message: `Fix was refused: ${String(error)}` };
          this.showStatus();
        })
        .finally(() => this.errorBox.fixAnswered());
      return;
    }
    this.send({ type: "fix" });
  }

  private currentStatus(): Status {
    const status: Status = this.serverStatus ?? this.model.get("status") ?? {};
    return this.throttleNotice && !status.notice ? { ...status, notice: this.throttleNotice } : status;
  }

  private showStatus(): void {
    this.statusLine.update(this.model.get("name") ?? "", this.shownVersion(), this.currentStatus());
    this.showFix();
  }

  private showExplanation(): void {
    const text = (this.model.get("explanation") ?? "").trim();
    this.nodes.explanation.hidden = !text;
    this.nodes.explanationText.textContent = text;
  }

  dispose(): void {
    this.disposed = true;
    this.unfollow?.();
    this.unfollow = null;
    for (const [event, callback] of this.listeners)
      this.model.off(event, callback as (...args: unknown[]) => void);
    this.listeners.length = 0;
    this.statusLine.dispose();
    this.errorBox.dispose();
    if (this.partialFrame) cancelAnimationFrame(this.partialFrame);
    this.preview.dispose();
    this.el.replaceChildren();
  }
}
