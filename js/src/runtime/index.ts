/**
 * The iframe runtime: receives render/props messages from the parent, compiles and mounts components,
 * and reports rendered/error/resize/emit back. Loaded by the srcdoc bootstrap as one inline script.
 */
import "@tailwindcss/browser";
import type { ComponentType, ErrorInfo } from "react";
import { isToFrameMessage, type FromFrameMessage, type RenderMessage } from "../schema/frame";
import { compileComponent, CompileError } from "./compile";
import { createEmit } from "./emit";
import { componentStack, evaluateModule, isLoadingComponent, sourcePosition } from "./evaluate";
import { disallowedImport, requireModule } from "./modules";
import { repairCandidates } from "./repair";
import { Stage, type Props } from "./stage";

const parentWindow = window.parent;

function post(message: FromFrameMessage): void {
  parentWindow.postMessage(message, "*");
}

const root = document.createElement("div");
root.id = "componentgen-root";
root.style.display = "flow-root";
document.body.appendChild(root);

let props: Props = {};
let lastPartialCode: string | null = null;

const emit = createEmit((name, payload) => {
  if (stage.mounted?.partial) {
    console.info(`emit("${name}") ignored: the component is still streaming.`);
    return;
  }
  post({ type: "emit", name, payload });
});
(window as unknown as { emit: typeof emit }).emit = emit;

function errorMessage(error: unknown): string {
  if (error instanceof Error) return `${error.name && error.name !== "Error" ? `${error.name}: ` : ""}${error.message}`;
  return String(error);
}

function postRuntimeError(error: unknown, id: number | undefined, info?: ErrorInfo): void {
  const stack = error instanceof Error ? error.stack : undefined;
  const position = sourcePosition(stack, info?.componentStack ?? undefined);
  const frames = componentStack(stack, info?.componentStack ?? undefined);
  post({
    type: "error",
    phase: "runtime",
    message: errorMessage(error),
    ...(id !== undefined ? { id } : {}),
    ...(frames ? { stack: frames } : {}),
    ...(position ?? {}),
  });
}

const stage = new Stage(root, (error, info, mounted) => {
  if (mounted.partial) return;
  postRuntimeError(error, mounted.renderId, info);
});

function defaultExport(exports: Record<string, unknown>): ComponentType<Props> | null {
  const candidate = exports.default;
  if (typeof candidate === "function") return candidate as ComponentType<Props>;
  if (typeof candidate === "object" && candidate !== null && "$$typeof" in candidate) {
    return candidate as unknown as ComponentType<Props>;
  }
  return null;
}

function withEmit(value: Props): Props {
  return { ...value, emit };
}

/** Post `rendered` at the first animation frame after the commit (or soon, if frames are throttled). */
function reportPainted(message: Omit<Extract<FromFrameMessage, { type: "rendered" }>, "type" | "painted_at">): void {
  let sent = false;
  const send = (): void => {
    if (sent) return;
    sent = true;
    post({ type: "rendered", ...message, painted_at: performance.timeOrigin + performance.now() });
  };
  requestAnimationFrame(send);
  // Offscreen cross-origin frames get no animation frames; do not leave the host waiting.
  setTimeout(send, 250);
}

function renderFinal(message: RenderMessage): void {
  const started = performance.now();
  const fail = (phase: "compile" | "import" | "runtime", text: string, line?: number, column?: number): void => {
    post({
      type: "error",
      id: message.id,
      phase,
      message: text,
      ...(line !== undefined ? { line } : {}),
      ...(column !== undefined ? { column } : {}),
    });
  };
  let exports: Record<string, unknown>;
  try {
    const compiled = compileComponent(message.code);
    const bad = disallowedImport(compiled.imports);
    if (bad) return fail("import", bad.message, bad.line);
    exports = evaluateModule(compiled.code, requireModule, emit);
  } catch (error) {
    if (error instanceof CompileError) return fail("compile", error.message, error.line, error.column);
    return postRuntimeError(error, message.id);
  }
  const component = defaultExport(exports);
  if (!component) {
    return fail("compile", "The code has no default export: add `export default function MyComponent(props) { … }`.");
  }
  const compiledAt = performance.now();
  const result = stage.mount(component, withEmit(props), message.id, false);
  if (!result.ok) {
    // Final renders are never rejected as empty, so this is an error.
    const failure = result.reason === "error" ? result : { error: new Error("The component did not render."), info: undefined };
    return postRuntimeError(failure.error, message.id, failure.info);
  }
  lastPartialCode = null;
  reportPainted({
    id: message.id,
    partial: false,
    applied: true,
    compile_ms: compiledAt - started,
    render_ms: performance.now() - compiledAt,
  });
}

/**
 * Try repaired versions of streaming code, newest cut first; failures are expected and stay silent.
 * Candidates that do not compile cost little; at most two are mounted.
 */
function renderPartial(message: RenderMessage): void {
  const started = performance.now();
  const notApplied = (): void => post({ type: "rendered", id: message.id, partial: true, applied: false });
  let mounts = 0;
  for (const candidate of repairCandidates(message.code)) {
    if (candidate.code === lastPartialCode) return notApplied();
    let exports: Record<string, unknown>;
    try {
      const compiled = compileComponent(candidate.code);
      if (disallowedImport(compiled.imports)) return notApplied();
      exports = evaluateModule(compiled.code, requireModule, emit);
    } catch {
      continue;
    }
    const component = defaultExport(exports);
    if (!component) return notApplied();
    const compiledAt = performance.now();
    const result = stage.mount(component, withEmit(props), message.id, true);
    if (result.ok) {
      lastPartialCode = candidate.code;
      return reportPainted({
        id: message.id,
        partial: true,
        applied: true,
        compile_ms: compiledAt - started,
        render_ms: performance.now() - compiledAt,
      });
    }
    // Rendered but empty: earlier cuts hold even less. Failed: one earlier cut may still work.
    if (result.reason === "empty" || ++mounts >= 2) break;
  }
  notApplied();
}

function onMessage(event: MessageEvent): void {
  if (event.source !== parentWindow || !isToFrameMessage(event.data)) return;
  const message = event.data;
  if (message.type === "render") {
    props = message.props;
    if (message.partial) renderPartial(message);
    else renderFinal(message);
    // Tailwind marks the timeline on every build; keep it from growing over a long session.
    performance.clearMarks();
    performance.clearMeasures();
  } else if (message.type === "props") {
    props = message.props;
    try {
      stage.update(withEmit(props));
    } catch (error) {
      if (stage.mounted && !stage.mounted.partial) postRuntimeError(error, stage.mounted.renderId);
    }
  }
}

function reportUncaught(error: unknown): void {
  const mounted = stage.mounted;
  if (mounted?.partial) return;
  postRuntimeError(error, mounted?.renderId);
}

window.addEventListener("message", onMessage);
window.addEventListener("error", (event) => {
  if (isLoadingComponent()) return;
  reportUncaught(event.error ?? new Error(event.message));
});
window.addEventListener("unhandledrejection", (event) => {
  reportUncaught(event.reason);
});

let lastHeight = -1;
new ResizeObserver(() => {
  const height = Math.min(100000, Math.ceil(root.getBoundingClientRect().height));
  if (height === lastHeight) return;
  lastHeight = height;
  post({ type: "resize", height });
}).observe(root);

post({ type: "ready", stage: "runtime" });
