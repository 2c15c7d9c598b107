/**
 * What a component's view shows, decided in one place from everything it knows: the widget's traits (the
 * kernel's word at rest), the generation it follows from the kernel and the one it follows from the server,
 * a version the server made that the kernel has not loaded yet, and what its own preview reported. The view
 * draws this and nothing else.
 *
 * The preview's rule: once something rendered it stays on screen. While a generation streams, its code is
 * previewed as it arrives (a partial that does not render keeps the last frame); when it ends without a new
 * version, the version before it is shown again. Only a component with no version shows nothing until its
 * first partial paints.
 */
import { hasPreviewableCode, isRunning, type Following } from "../stream/follower";
import type { Finding } from "../schema/events";
import type { WidgetError } from "../schema/widget";
import type { Status } from "../stream/format";
import { FIXABLE_ERROR_PHASES } from "./format";

export interface Traits {
  name: string;
  code: string;
  version: number | null;
  status: Status;
  error: WidgetError | null;
  explanation: string;
}

export interface ViewInputs {
  traits: Traits;
  /** The kernel generation this view followed last, running or ended. */
  kernel: Following | null;
  /** The server generation this view followed last, running or ended. */
  server: Following | null;
  /** Which of the two started last: its outcome is the news. */
  recent: "kernel" | "server" | null;
  /** A version the server made (panel edit, rollback, hand edit) that the kernel has not loaded yet. */
  serverVersion: { version: number; code: string; message: string } | null;
  /** This view's own render error of the version it shows. */
  frameError: WidgetError | null;
  /** The version it shows rendered cleanly here. */
  finalRenderOk: boolean;
  /** A partial of the running generation painted in this view. */
  partialPainted: boolean;
  /** Anything (a version or a partial) painted in this view's frame since it opened. */
  everPainted: boolean;
  /** Messages from the component were dropped (see host/frame-limits.ts). */
  throttleNotice: string | null;
}

export interface Shown {
  version: number | null;
  status: Status;
  /** Characters streamed so far (the token estimate while writing). */
  streamedChars: number;
  /** The code panel's text, and whether it is open (it is while code streams). */
  code: string;
  codeOpen: boolean;
  /** What the preview renders: streaming code as a partial, else the version's code; null: nothing. */
  preview: { code: string; partial: boolean } | null;
  previewVisible: boolean;
  /** The code of the version on screen (the server's or the kernel's). */
  versionCode: string;
  explanation: string;
  error: WidgetError | null;
  /** A generation runs (the kernel's or the server's): Fix waits, Cancel applies to it. */
  running: Following | null;
  runningOn: "kernel" | "server" | null;
}

function followingStatus(generation: Following): Status {
  const running = isRunning(generation);
  const usage = generation.usage;
  return {
    phase: generation.phase,
    message: generation.message,
    model: generation.model,
    input_tokens: usage?.input_tokens ?? 0,
    output_tokens: usage?.output_tokens ?? 0,
    cost: usage?.cost ?? null,
    started_at: running ? generation.startedAt : null,
    elapsed_ms: generation.elapsedMs,
  };
}

function blockedError(findings: Finding[]): WidgetError {
  return { phase: "blocked", message: `Blocked before rendering: ${findings.length} finding(s).`, findings };
}

/** The error on screen: the newest attempt's blocked findings first, else a render or generation error. */
function shownError(inputs: ViewInputs): WidgetError | null {
  const { server, recent, traits } = inputs;
  if (recent === "server" && server && !isRunning(server) && server.error) {
    if (server.error.code === "blocked" && server.error.findings.length)
      return blockedError(server.error.findings);
    if (server.outcome === "error") return { phase: "generation", message: server.error.message };
  }
  const stored = traits.error;
  if (stored?.phase === "blocked") return stored;
  // A stored render error is stale once this view rendered the current code cleanly.
  const stale = stored !== null && FIXABLE_ERROR_PHASES.has(stored.phase) && inputs.finalRenderOk;
  return inputs.frameError ?? (stale ? null : stored);
}

function shownStatus(inputs: ViewInputs, running: Following | null): Status {
  const { kernel, server, recent, traits } = inputs;
  if (running) return followingStatus(running);
  // The kernel's closing events reach the view just before its settled traits.
  if (kernel && recent === "kernel" && !isRunning(kernel) && traits.status.phase !== kernel.phase)
    return followingStatus(kernel);
  if (server && recent === "server" && !isRunning(server)) {
    const status = followingStatus(server);
    if (inputs.serverVersion && server.outcome !== "error" && server.outcome !== "cancelled")
      return { ...status, message: inputs.serverVersion.message || status.message };
    return status;
  }
  if (inputs.serverVersion) return { phase: "done", message: inputs.serverVersion.message };
  return traits.status;
}

export function present(inputs: ViewInputs): Shown {
  const { kernel, server, traits } = inputs;
  const runningOn = kernel && isRunning(kernel) ? "kernel" : server && isRunning(server) ? "server" : null;
  const running = runningOn === "kernel" ? kernel : runningOn === "server" ? server : null;
  const versionCode = inputs.serverVersion?.code ?? traits.code ?? "";
  const version = inputs.serverVersion?.version ?? traits.version;
  const error = shownError(inputs);

  let status = shownStatus(inputs, running);
  // Said once: a generation's failure is the error box's to explain; the status line just says "Failed".
  if (status.phase === "error" && error?.phase === "generation") status = { ...status, message: "" };
  if (inputs.throttleNotice && !status.notice) status = { ...status, notice: inputs.throttleNotice };

  const streaming = running !== null && hasPreviewableCode(running);
  const preview = streaming
    ? { code: running.code, partial: true }
    : versionCode.trim()
      ? { code: versionCode, partial: false }
      : null;
  const streamedChars = running ? running.code.length + running.explanation.length : 0;
  return {
    version,
    status,
    streamedChars,
    code: running ? running.code : versionCode,
    codeOpen: running !== null && running.code.length > 0,
    preview,
    // A version that never painted here (its code does not compile) leaves no empty box behind.
    previewVisible:
      (versionCode.trim() !== "" && (inputs.everPainted || inputs.frameError === null)) ||
      (running !== null && inputs.partialPainted),
    versionCode,
    explanation: running && running.explanation.trim() ? running.explanation : traits.explanation,
    error,
    running,
    runningOn,
  };
}
