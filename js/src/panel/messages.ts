/**
 * What the panel reads of the stream socket: the wire types and guards of schema/ws.ts and
 * schema/events.ts, and two helpers.
 */
import type { GenerationEvent } from "../schema/events";
import { TERMINAL_PHASES } from "../stream/follower";

export type { Finding, GenerationEvent, Phase, RouteInfo, Usage } from "../schema/events";
export type {
  ActiveGeneration,
  ClientMessage,
  ComponentMessage,
  FrameFailure,
  ServerMessage,
  UpdateReason,
} from "../schema/ws";
export { isClientMessage, isServerMessage } from "../schema/ws";

/** Whether this event ends its generation. */
export function endsGeneration(event: GenerationEvent): boolean {
  return event.type === "status" && TERMINAL_PHASES.has(event.phase);
}

/** Server paths have no leading slash; JupyterLab's sometimes do. */
export function notebookKey(path: string): string {
  return path.replace(/^\/+/, "");
}
