/** Messages from the runtime to its host: errors with positions in the component's source, paint times. */
import type { ErrorInfo } from "react";
import type { FromFrameMessage, RenderedMessage } from "../schema/frame";
import { componentStack, sourcePosition } from "./evaluate";

export type Post = (message: FromFrameMessage) => void;

function errorMessage(error: unknown): string {
  if (error instanceof Error)
    return `${error.name && error.name !== "Error" ? `${error.name}: ` : ""}${error.message}`;
  return String(error);
}

export class Reporter {
  constructor(private readonly post: Post) {}

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
      message: errorMessage(error),
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
