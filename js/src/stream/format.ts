/**
 * Words and figures for a generation's status, shared by the cell's status line and the side panel: phase
 * labels, token counts, durations, costs.
 */
import type { WidgetStatus } from "../schema/widget";
import { ACTIVE_PHASES } from "./follower";

/** The status line's figures: the `status` trait (schema/widget.schema.json), or part of it. */
export type Status = Partial<WidgetStatus>;

// Every phase of the status trait has its label (the compiler refuses a missing one).
const PHASE_LABELS: Record<NonNullable<Status["phase"]>, string> = {
  idle: "",
  queued: "Queued",
  connecting: "Connecting…",
  streaming: "Writing…",
  retrying: "Retrying…",
  saving: "Saving…",
  done: "Done",
  cached: "Cached",
  cancelled: "Cancelled",
  error: "Failed",
};

export function phaseText(status: Status): string {
  const phase = status.phase ?? "";
  const label = (PHASE_LABELS as Record<string, string>)[phase] ?? phase;
  const detail = (status.message ?? "").trim();
  return detail && (phase === "retrying" || phase === "error" || phase === "cancelled")
    ? `${label} · ${detail}`
    : label;
}

export function formatCount(n: number): string {
  return n < 10_000 ? n.toLocaleString("en-US") : `${(n / 1000).toFixed(1)}k`;
}

/**
 * Token counts. While code streams the kernel sends no per-token status (that would cost comm bytes), so
 * the view estimates output tokens from the streamed characters (about four per token).
 */
export function tokensText(status: Status, streamedChars = 0): string {
  const input = status.input_tokens ?? 0;
  const output = status.output_tokens ?? 0;
  if (streamedChars > 0 && ACTIVE_PHASES.has(status.phase ?? "")) {
    return `~${formatCount(Math.round(streamedChars / 4))} tokens`;
  }
  if (!input && !output) return "";
  return `${formatCount(input)} in · ${formatCount(output)} out`;
}

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.floor(seconds - minutes * 60)} s`;
}

/** Elapsed time: ticking from started_at while active, else the kernel's final figure. */
export function elapsedText(status: Status, now: number): string {
  const active = ACTIVE_PHASES.has(status.phase ?? "");
  if (active && typeof status.started_at === "number") return formatDuration(now - status.started_at);
  return status.elapsed_ms ? formatDuration(status.elapsed_ms) : "";
}

export function costText(status: Status): string {
  if (typeof status.cost !== "number") return "";
  if (status.cost === 0) return "$0";
  return status.cost < 0.01 ? `$${status.cost.toFixed(4)}` : `$${status.cost.toFixed(2)}`;
}
