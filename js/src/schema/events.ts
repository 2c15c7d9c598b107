/**
 * The generation stream's events (schema/events.schema.json): what the kernel sends a cell's views over
 * the widget's comm and the server sends over its socket, and the one follower (stream/follower.ts) reads.
 */
import eventsSchemaJson from "../../../schema/events.schema.json";
import { makeGuard, type JsonSchema } from "./validator";

export interface Usage {
  input_tokens: number;
  output_tokens: number;
  cached_tokens?: number;
  cost?: number | null;
}

export type Phase =
  | "queued"
  | "connecting"
  | "streaming"
  | "retrying"
  | "saving"
  | "done"
  | "cached"
  | "cancelled"
  | "error";

/** A static-check finding that blocked generated code (line 1-based, column 0-based). */
export interface Finding {
  rule: string;
  message: string;
  line: number;
  column: number;
  snippet: string;
}

/** Which model answered a request and why (read defensively: older servers do not send it). */
export interface RouteInfo {
  kind?: string;
  reason?: string;
  model?: string;
}

interface EventBase {
  generation: string;
  seq: number;
}
export type GenerationEvent = EventBase &
  (
    | { type: "content_block_start"; component: string; kind: "file" | "edit"; position: number }
    | { type: "content_block_delta"; component: string; text: string }
    | { type: "content_block_stop"; component: string }
    | { type: "text_delta"; text: string }
    | {
        type: "status";
        phase: Phase;
        message: string;
        model?: string;
        usage?: Usage;
        elapsed_ms?: number;
        route?: RouteInfo | string;
      }
    | {
        type: "error";
        code: string;
        message: string;
        retryable: boolean;
        draft?: number | null;
        findings?: Finding[];
      }
    | {
        type: "message_stop";
        version: number;
        usage: Usage;
        stop_reason: string;
        cached?: boolean;
        latency_ms?: number;
      }
  );

/** A valid generation event. */
export const isGenerationEvent = makeGuard<GenerationEvent>(eventsSchemaJson as JsonSchema);
