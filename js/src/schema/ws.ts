/**
 * Messages of the componentgen/api/stream WebSocket (schema/ws.schema.json; types generated in
 * generated/ws.ts) and the generation events they carry (schema/events.schema.json). The side panel's
 * connection validates everything the server sends before anyone sees it.
 */
import wsSchemaJson from "../../../schema/ws.schema.json";
import { isGenerationEvent, type GenerationEvent } from "./events";
import type * as ws from "./generated/ws";
import { makeGuard, type JsonSchema } from "./validator";

export type ActiveGeneration = ws.WsActiveGeneration;
/** A compile, import or runtime error a component's frame reported (line 1-based). */
export type FrameFailure = ws.WsFrameFailure;
export type UpdateReason = ws.WsComponentUpdatedReason;

/** The `event` envelope, its payload typed as events.schema.json's (isServerMessage checks it against it). */
export type EventEnvelope = Omit<ws.WsEvent, "event"> & { event: GenerationEvent };

export type ClientMessage =
  | ws.WsGenerate
  | ws.WsEdit
  | ws.WsCancel
  | ws.WsSubscribe
  | ws.WsResume
  | ws.WsFix
  | ws.WsFrameStatus;
export type ServerMessage = Exclude<ws.WsMessage, ClientMessage | ws.WsEvent> | EventEnvelope;

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

// Every client message type, once (the compiler refuses a missing or unknown one).
const CLIENT_TYPES: Record<ClientMessage["type"], true> = {
  generate: true,
  edit: true,
  cancel: true,
  subscribe: true,
  resume: true,
  fix: true,
  frame_status: true,
};
const isClientType = (type: string): boolean => Object.prototype.hasOwnProperty.call(CLIENT_TYPES, type);
const isWsMessage = makeGuard<ServerMessage | ClientMessage>(wsSchemaJson as JsonSchema);

/** A valid server -> client message (an event envelope's payload is checked against events.schema.json). */
export function isServerMessage(value: unknown): value is ServerMessage {
  if (!isWsMessage(value) || isClientType(value.type)) return false;
  return value.type !== "event" || isGenerationEvent(value.event);
}

/** A valid client -> server message. */
export function isClientMessage(value: unknown): value is ClientMessage {
  return isWsMessage(value) && isClientType(value.type);
}
