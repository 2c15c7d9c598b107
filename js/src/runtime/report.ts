/** Messages from the runtime to its host: errors with positions in the component's source, paint times. */
import type { ErrorInfo } from "react";
import type { FromFrameMessage, RenderedMessage } from "../schema/frame";
import { componentStack, sourcePosition } from "./evaluate";
import type { MissingExport } from "./modules";
import { explainReactError } from "./react-errors";

export type Post = (message: FromFrameMessage) => void;

function errorMessage(error: unknown): string {
  if (error instanceof Error)
    return `${error.name && error.name !== "Error" ? `${error.name}: ` : ""}${explainReactError(error.message)}`;
  return explainReactError(String(error));
}

/** `"recharts" has no export named "Sparkline" (line 4)`, for each missing import, joined. */
export function describeMissing(missing: readonly MissingExport[]): string {
  return missing
    .slice(0, 5)
    .map(({ module, name, line }) => `"${module}" has no export named "${name}" (line ${line})`)
    .join("; ");
}

export class Reporter {
  /** Named imports the render with this id uses and its modules lack: the likely cause of its errors. */
  private missing: { id: number; missing: readonly MissingExport[] } | null = null;

  constructor(private readonly post: Post) {}

  /** Remember the missing imports of render `id` (the newest one only), for its runtime errors. */
  noteMissing(id: number, missing: readonly MissingExport[]): void {
    this.missing = missing.length > 0 ? { id, missing } : null;
  }

  /** An error's message as the person reads it: React's codes spelled out, missing imports named first. */
  describe(error: unknown, id: number | undefined): string {
    return this.withMissing(errorMessage(error), id);
  }

  private withMissing(message: string, id: number | undefined): string {
    if (!this.missing || this.missing.id !== id) return message;
    return `${describeMissing(this.missing.missing)}. ${message}`;
  }

  /** A compile or import error (or a missing default export) of render `id`. */
  codeError(id: number, phase: "compile" | "import", message: string, line?: number, column?: number): void {
    this.post({
      type: "error",
      id,
      phase,
      message,
      ...(line !== undefined ? { line } : {}),
      ...(column !== undefined ? { column } : {}),
    });
  }

  /** An error thrown while the component ran; the line comes from its stack when it points into the component. */
  runtimeError(error: unknown, id: number | undefined, info?: ErrorInfo): void {
    const stack = error instanceof Error ? error.stack : undefined;
    const reactStack = info?.componentStack ?? undefined;
    const position = sourcePosition(stack, reactStack);
    const frames = componentStack(stack, reactStack);
    this.post({
      type: "error",
      phase: "runtime",
      message: this.describe(error, id),
      ...(id !== undefined ? { id } : {}),
      ...(frames ? { stack: frames } : {}),
      ...(position ?? {}),
    });
  }

  notApplied(id: number): void {
    this.post({ type: "rendered", id, partial: true, applied: false });
  }

  /** Post `rendered` at the first animation frame after the commit (or soon, if frames are throttled). */
  painted(message: Omit<RenderedMessage, "type" | "painted_at">): void {
    let sent = false;
    const send = (): void => {
      if (sent) return;
      sent = true;
      this.post({ type: "rendered", ...message, painted_at: performance.timeOrigin + performance.now() });
    };
    requestAnimationFrame(send);
    // Offscreen cross-origin frames get no animation frames; do not leave the host waiting.
    setTimeout(send, 250);
  }
}
