/**
 * One view of a ComponentWidget: status line, streaming code panel, the sandboxed preview, the model's
 * explanation and errors. Code streams in as custom messages (deltas); the preview renders partial code
 * while it streams and the final code when it ends or when `code` changes.
 */
import type { AnyModel } from "@anywidget/types";
import { Preview, type Props } from "../host/preview";
import type { FrameErrorMessage } from "../schema/frame";
import { isKernelToViewMessage, isViewToKernelMessage, type ViewToKernelMessage } from "../schema/widget";
import { h } from "./dom";
import type { Status } from "./format";
import { StatusLine } from "./status-line";
import { StreamedCode } from "./stream";
import { ensureStyles } from "./styles";

export interface WidgetError {
  phase: string;
  message: string;
  line?: number;
  column?: number;
}

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
  [key: string]: unknown;
}

const ERROR_TITLES: Record<string, string> = {
  compile: "Compile error",
  runtime: "Runtime error",
  import: "Import not allowed",
  generation: "Generation failed",
};

function errorTitle(error: WidgetError): string {
  const where: string[] = [];
  if (error.line !== undefined) where.push(`line ${error.line}`);
  if (error.line !== undefined && error.column !== undefined) where.push(`column ${error.column + 1}`);
  return [ERROR_TITLES[error.phase] ?? `Error (${error.phase})`, where.join(", ")]
    .filter(Boolean)
    .join(" · ");
}

function createNodes() {
  return {
    error: h("div", { class: "cg-error", "data-testid": "cg-error", role: "alert", hidden: true }),
    codePanel: h("details", { class: "cg-code-panel" }),
    code: h("pre", { class: "cg-code", "data-testid": "cg-code" }),
    preview: h("div", { class: "cg-preview", "data-testid": "cg-preview" }),
    explanation: h("details", { class: "cg-explanation", hidden: true }),
    explanationText: h("div", { class: "cg-explanation-text" }),
  };
}

export class ComponentView {
  private readonly stream = new StreamedCode();
  private readonly preview: Preview;
  private readonly nodes = createNodes();
  private frameError: WidgetError | null = null;
  /** Whether the newest final render of the current code succeeded. */
  private finalRenderOk = false;
  private lastFinalCode: string | null = null;
  private partialShown = false;
  private partialFrame = 0;
  private readonly statusLine = new StatusLine(() => this.send({ type: "cancel" }));
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
      h("div", { class: "cg-root" }, this.statusLine.element, n.error, n.codePanel, n.preview, n.explanation),
    );

    this.preview = new Preview(n.preview, {
      runtimeSource: runtime.get("runtime_js"),
      props: this.props(),
      title: `Component ${model.get("name") || ""}`.trim(),
      onRendered: (message) => {
        if (message.partial) return;
        this.finalRenderOk = true;
        this.frameError = null;
        this.showError();
        this.send({ type: "rendered", version: this.version() });
      },
      onError: (message, final) => {
        if (!final) return;
        this.onFrameError(message);
      },
      onEmit: (name, payload) => this.send({ type: "emit", name, payload }),
    });

    this.listen("msg:custom", (content: unknown) => this.onCustomMessage(content));
    this.listen("change:code", () => this.renderFinal(this.model.get("code")));
    this.listen("change:data", () => this.preview.setProps(this.props()));
    this.listen("change:status", () => this.showStatus());
    this.listen("change:name", () => this.showStatus());
    this.listen("change:version", () => this.showStatus());
    this.listen("change:error", () => this.showError());
    this.listen("change:explanation", () => this.showExplanation());

    this.showStatus();
    this.showError();
    this.showExplanation();
    n.code.textContent = model.get("code") ?? "";
    if (model.get("code")) this.renderFinal(model.get("code"));
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
    const codeNode = this.nodes.code;
    switch (action.kind) {
      case "started":
        this.frameError = null;
        this.showError();
        codeNode.textContent = "";
        this.nodes.codePanel.open = true;
        this.statusLine.setStreamed(0);
        break;
      case "appended": {
        const follow = codeNode.scrollTop + codeNode.clientHeight >= codeNode.scrollHeight - 24;
        codeNode.append(action.text);
        if (follow) codeNode.scrollTop = codeNode.scrollHeight;
        this.statusLine.setStreamed(this.stream.code.length);
        this.schedulePartial();
        break;
      }
      case "replaced":
        codeNode.textContent = this.stream.code;
        codeNode.scrollTop = codeNode.scrollHeight;
        this.schedulePartial();
        break;
      case "resync":
        this.send({ type: "resync" });
        break;
      case "ended":
        this.endStream(action.ok, action.code);
        break;
      case "ignored":
        break;
    }
  }

  /** Partial renders follow animation frames: many deltas per frame make one render. */
  private schedulePartial(): void {
    if (this.partialFrame) return;
    this.partialFrame = requestAnimationFrame(() => {
      this.partialFrame = 0;
      if (!this.stream.active) return;
      this.partialShown = true;
      this.preview.render(this.stream.code, true);
    });
  }

  private endStream(ok: boolean, code: string): void {
    if (this.partialFrame) cancelAnimationFrame(this.partialFrame);
    this.partialFrame = 0;
    this.nodes.codePanel.open = false;
    if (ok) {
      // The kernel does not resend the code: adopt the streamed text locally (no save_changes).
      const changed = this.model.get("code") !== code;
      this.model.set("code", code);
      if (!changed) this.renderFinal(code);
    } else {
      this.nodes.code.textContent = this.model.get("code") ?? "";
      this.renderFinal(this.model.get("code") ?? "", true);
    }
  }

  private renderFinal(code: string, force = false): void {
    if (!this.stream.active) this.nodes.code.textContent = code;
    if (!force && code === this.lastFinalCode && !this.partialShown) return;
    this.lastFinalCode = code;
    this.partialShown = false;
    this.finalRenderOk = false;
    if (!code.trim()) return;
    this.preview.render(code, false);
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
    this.send({
      type: "frame_error",
      phase: message.phase,
      message: message.message,
      ...(message.line !== undefined ? { line: message.line } : {}),
      ...(message.column !== undefined ? { column: message.column } : {}),
      version: this.version(),
    });
  }

  private showError(): void {
    const modelError = this.model.get("error");
    // A stored render error is stale once this view rendered the current code cleanly.
    const staleModelError = modelError && modelError.phase !== "generation" && this.finalRenderOk;
    const error = this.frameError ?? (modelError && !staleModelError ? modelError : null);
    const node = this.nodes.error;
    node.hidden = !error;
    if (!error) {
      node.replaceChildren();
      return;
    }
    node.replaceChildren(
      h("div", { class: "cg-error-title" }, errorTitle(error)),
      h("div", {}, error.message),
    );
  }

  private showStatus(): void {
    this.statusLine.update(this.model.get("name") ?? "", this.version(), this.model.get("status") ?? {});
  }

  private showExplanation(): void {
    const text = (this.model.get("explanation") ?? "").trim();
    this.nodes.explanation.hidden = !text;
    this.nodes.explanationText.textContent = text;
  }

  dispose(): void {
    for (const [event, callback] of this.listeners)
      this.model.off(event, callback as (...args: unknown[]) => void);
    this.listeners.length = 0;
    this.statusLine.dispose();
    if (this.partialFrame) cancelAnimationFrame(this.partialFrame);
    this.preview.dispose();
    this.el.replaceChildren();
  }
}
