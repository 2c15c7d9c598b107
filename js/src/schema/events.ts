/**
 * The generation stream's events (schema/events.schema.json): what the kernel sends a cell's views over
 * the widget's comm and the server sends over its socket, and the one follower (stream/follower.ts) reads.
 * The types are generated from the schema (generated/events.ts); the guard reads the schema itself.
 */
import eventsSchemaJson from "../../../schema/events.schema.json";
import type { EventFinding, EventRoute, EventStatusPhase, EventUsage } from "./generated/events";
import type { GenerationEvent } from "./generated/events";
import { makeGuard, type JsonSchema } from "./validator";

export type { GenerationEvent };
export type Usage = EventUsage;
export type Phase = EventStatusPhase;
/** A static-check finding that blocked generated code (line 1-based, column 0-based). */
export type Finding = EventFinding;
/** Which model answered a request and why, read defensively (a status may name only part of it). */
export type RouteInfo = Partial<EventRoute>;

/** A valid generation event. */
export const isGenerationEvent = makeGuard<GenerationEvent>(eventsSchemaJson as JsonSchema);
