/**
 * Messages of the componentgen/api/stream WebSocket (schema/ws.schema.json) and the generation events they
 * carry (schema/events.schema.json). Everything the server sends is validated before anyone sees it.
 */
import wsSchemaJson from "../../../schema/ws.schema.json";
import { isGenerationEvent, type GenerationEvent } from "../schema/events";
import { makeGuard, type JsonSchema } from "../schema/validator";
import { TERMINAL_PHASES } from "../stream/follower";

export type { Finding, GenerationEvent, Phase, RouteInfo, Usage } from "../schema/events";

export interface ActiveGeneration {
  generation: string;
  component: string;
  state: "queued" | "running";
  last_seq: number;
}

/** A compile, import or runtime error a component's frame reported (line 1-based). */
export interface FrameFailure {
  phase: "compile" | "import" | "runtime";
  message: string;
  line?: number;
  column?: number;
  stack?: string;
}

export type UpdateReason = "generated" | "rollback" | "user_edit" | "cached";

export type ServerMessage =
  | { type: "accepted"; id: string; generation: string }
  | {
      type: "generation_started";
      generation: string;
      notebook: string;
      component: string;
      model: string;
      instruction: string;
      state: "queued" | "running";
      last_seq?: number;
    }
  | { type: "event"; notebook: string; component: string; event: GenerationEvent }
  | { type: "version_saved"; notebook: string; component: string; version: number; generation: string | null }
  | {
      type: "component_updated";
      notebook: string;
      component: string;
      version: number;
      code: string;
      reason?: UpdateReason;
    }
  | { type: "request_error"; id?: string | null; code?: string; message: string }
  | { type: "subscribed"; notebook: string; active: ActiveGeneration[] }
  | { type: "components_changed"; notebook: string }
  | {
      type: "component_error";
      notebook: string;
      component: string;
      version: number;
      error: FrameFailure | null;
    };

export type ClientMessage =
  | {
      type: "generate";
      id: string;
      notebook: string;
      component: string;
      instruction: string;
      model?: string;
      regenerate?: boolean;
    }
  | { type: "edit"; id: string; notebook: string; component: string; instruction: string; model?: string }
  | { type: "cancel"; generation: string }
  | { type: "subscribe"; notebook: string; component?: string }
  | { type: "resume"; generation: string; after_seq: number }
  | {
      type: "fix";
      id: string;
      notebook: string;
      component: string;
      draft?: number;
      error?: FrameFailure & { version: number };
      model?: string;
      auto: boolean;
    }
  | {
      type: "frame_status";
      notebook: string;
      component: string;
      version: number;
      error: FrameFailure | null;
    };

/** Messages about one component of one notebook, as followers of that component receive them. */
export type ComponentMessage = Extract<
  ServerMessage,
  {
    type:
      | "generation_started"
      | "event"
      | "version_saved"
      | "component_updated"
      | "component_error"
      | "components_changed";
  }
>;

const CLIENT_TYPES = new Set(["generate", "edit", "cancel", "subscribe", "resume", "fix", "frame_status"]);
const isWsMessage = makeGuard<ServerMessage | ClientMessage>(wsSchemaJson as JsonSchema);

/** A valid server -> client message (an event envelope's payload is checked against events.schema.json). */
export function isServerMessage(value: unknown): value is ServerMessage {
  if (!isWsMessage(value) || CLIENT_TYPES.has(value.type)) return false;
  return value.type !== "event" || isGenerationEvent(value.event);
}

/** A valid client -> server message. */
export function isClientMessage(value: unknown): value is ClientMessage {
  return isWsMessage(value) && CLIENT_TYPES.has(value.type);
}

/** Whether this event ends its generation. */
export function endsGeneration(event: GenerationEvent): boolean {
  return event.type === "status" && TERMINAL_PHASES.has(event.phase);
}

/** Server paths have no leading slash; JupyterLab's sometimes do. */
export function notebookKey(path: string): string {
  return path.replace(/^\/+/, "");
}
