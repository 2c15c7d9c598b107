/**
 * The one follower of a generation's stream. The kernel (over the widget's comm) and the server (over its
 * socket) send the same events (schema/events.schema.json); this pure reducer turns them into what a view
 * shows: the phase and its message, the model, the tokens, the code as it stands, the model's explanation,
 * the error and the version the generation ended on. The cell's view and the side panel both use it.
 *
 * Code: every `file` block restarts the code (a whole file streaming, or the whole code after each diff
 * edit that applied); `edit` blocks carry SEARCH/REPLACE text, which only counts as progress.
 */
import type { Finding, GenerationEvent, Phase, RouteInfo, Usage } from "../schema/events";

export const TERMINAL_PHASES: ReadonlySet<string> = new Set(["done", "cached", "cancelled", "error"]);
/** Phases during which a generation runs (its elapsed time ticks). */
export const ACTIVE_PHASES: ReadonlySet<string> = new Set([
  "queued",
  "connecting",
  "streaming",
  "retrying",
  "saving",
]);
/** Phases during which Cancel still applies. */
export const CANCELLABLE_PHASES: ReadonlySet<string> = new Set([
  "queued",
  "connecting",
  "streaming",
  "retrying",
]);

export type Outcome = "done" | "cached" | "cancelled" | "error";

export interface GenerationError {
  code: string;
  message: string;
  retryable: boolean;
  /** The draft that keeps the failed generation's code (a Fix of blocked code sends it). */
  draft: number | null;
  /** The static-check findings that blocked the code. */
  findings: Finding[];
}

export interface Following {
  generation: string;
  /** The last phase reported; "connecting" until the first status. */
  phase: Phase;
  message: string;
  model: string;
  route: RouteInfo | null;
  usage: Usage | null;
  elapsedMs: number;
  /** When this follower started (its own clock, in ms), less the elapsed time the first status reported. */
  startedAt: number;
  /** The kind of block streaming now. */
  block: "file" | "edit" | null;
  /** The code as it stands: the open or last file block's text. */
  code: string;
  /** Characters of SEARCH/REPLACE text received (an edit's progress, when no preview is possible). */
  editChars: number;
  /** The model's prose outside the code. */
  explanation: string;
  error: GenerationError | null;
  /** The version the generation saved (or found cached). */
  version: number | null;
  outcome: Outcome | null;
  /**
   * Code arrived for a block whose start this follower never saw (it joined mid-stream): the code is
   * incomplete until the sender resends it (the kernel's `resync`, the server's `resume`).
   */
  gap: boolean;
  /** The sequence number of the last event applied. */
  lastSeq: number;
}

export function startFollowing(
  generation: string,
  init: { phase?: Phase; model?: string; now?: number } = {},
): Following {
  return {
    generation,
    phase: init.phase ?? "connecting",
    message: "",
    model: init.model ?? "",
    route: null,
    usage: null,
    elapsedMs: 0,
    startedAt: init.now ?? Date.now(),
    block: null,
    code: "",
    editChars: 0,
    explanation: "",
    error: null,
    version: null,
    outcome: null,
    gap: false,
    lastSeq: 0,
  };
}

/** Whether the generation is still under way. */
export function isRunning(state: Following): boolean {
  return state.outcome === null;
}

/** Whether the code can be previewed: a file block streamed some code and nothing is missing from it. */
export function hasPreviewableCode(state: Following): boolean {
  return !state.gap && state.code.trim().length > 0;
}

function route(value: RouteInfo | string | undefined): RouteInfo | null {
  if (value === undefined) return null;
  return typeof value === "string" ? { reason: value } : value;
}

/** The state after `event`; events of another generation leave it as it is. */
export function follow(state: Following, event: GenerationEvent, now: number = Date.now()): Following {
  if (event.generation !== state.generation) return state;
  const next: Following = { ...state, lastSeq: Math.max(state.lastSeq, event.seq) };
  switch (event.type) {
    case "content_block_start":
      next.block = event.kind;
      if (event.kind === "file") {
        next.code = "";
        next.gap = false;
      }
      return next;
    case "content_block_delta":
      if (next.block === "file") next.code += event.text;
      else if (next.block === "edit") next.editChars += event.text.length;
      else next.gap = true;
      return next;
    case "content_block_stop":
      next.block = null;
      return next;
    case "text_delta":
      next.explanation += event.text;
      return next;
    case "status":
      next.phase = event.phase;
      next.message = event.message;
      if (event.model) next.model = event.model;
      if (event.usage) next.usage = event.usage;
      if (event.route !== undefined) next.route = route(event.route);
      if (event.elapsed_ms !== undefined) {
        next.elapsedMs = event.elapsed_ms;
        if (state.lastSeq === 0) next.startedAt = now - event.elapsed_ms;
      }
      if (TERMINAL_PHASES.has(event.phase)) {
        next.outcome = event.phase as Outcome;
        next.block = null;
      }
      return next;
    case "error":
      next.error = {
        code: event.code,
        message: event.message,
        retryable: event.retryable,
        draft: event.draft ?? null,
        findings: event.findings ?? [],
      };
      return next;
    case "message_stop":
      next.version = event.version;
      next.usage = event.usage;
      return next;
  }
}

/** The status line's figures while a generation runs: streamed characters stand in for output tokens. */
export function estimatedOutputTokens(state: Following): number {
  const reported = state.usage?.output_tokens ?? 0;
  const streamed = Math.round((state.code.length + state.editChars + state.explanation.length) / 4);
  return isRunning(state) ? Math.max(reported, streamed) : reported;
}
