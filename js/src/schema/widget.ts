/** Kernel <-> widget-view custom messages, as schema/widget.schema.json describes them. */
import widgetSchemaJson from "../../../schema/widget.schema.json";
import { makeGuard, type JsonSchema } from "./validator";
import type { Finding, GenerationEvent } from "./events";
import type { FramePhase } from "./frame";

/**
 * One event of the widget's running generation (schema/events.schema.json) without its `seq`, and without
 * its `generation` when the previous event named it (stream/kernel-decoder.ts restores both).
 */
export interface EventMessage {
  type: "event";
  event: UnstampedEvent;
}
type Unstamped<T> = T extends unknown
  ? Omit<T, "seq" | "generation"> & { generation?: string; seq?: number }
  : never;
export type UnstampedEvent = Unstamped<GenerationEvent>;
/** The next code delta of the generation and block the previous events named. */
export interface DeltaMessage {
  type: "delta";
  text: string;
}
export interface CancelMessage {
  type: "cancel";
}
export interface WidgetEmitMessage {
  type: "emit";
  name: string;
  payload?: unknown;
}
export interface WidgetFrameErrorMessage {
  type: "frame_error";
  phase: FramePhase;
  message: string;
  line?: number;
  column?: number;
  version?: number | null;
}
export interface WidgetRenderedMessage {
  type: "rendered";
  version?: number | null;
}
export interface ResyncMessage {
  type: "resync";
}
export interface ViewReadyMessage {
  type: "view_ready";
}
export interface ViewClosedMessage {
  type: "view_closed";
}
export interface ExternalUpdateMessage {
  type: "external_update";
  version: number;
}
export interface FixMessage {
  type: "fix";
}

/** The widget's synced `error` trait ($defs/widget_error). */
export interface WidgetError {
  phase: "generation" | "compile" | "runtime" | "import" | "blocked";
  message: string;
  line?: number;
  column?: number;
  findings?: Finding[];
}

export type KernelToViewMessage = EventMessage | DeltaMessage;
export type ViewToKernelMessage =
  | CancelMessage
  | WidgetEmitMessage
  | WidgetFrameErrorMessage
  | WidgetRenderedMessage
  | ResyncMessage
  | ViewReadyMessage
  | ViewClosedMessage
  | ExternalUpdateMessage
  | FixMessage;
export type WidgetMessage = KernelToViewMessage | ViewToKernelMessage;

export type { Finding };

export const widgetSchema = widgetSchemaJson as JsonSchema;

const isWidgetMessage = makeGuard<WidgetMessage>(widgetSchema);
const TO_VIEW = new Set(["event", "delta"]);

/** A message travelling kernel -> view, as far as its envelope goes (the decoder checks each event whole). */
export function isKernelToViewMessage(value: unknown): value is KernelToViewMessage {
  return isWidgetMessage(value) && TO_VIEW.has(value.type);
}

/** A valid message travelling view -> kernel. */
export function isViewToKernelMessage(value: unknown): value is ViewToKernelMessage {
  return isWidgetMessage(value) && !TO_VIEW.has(value.type);
}

/** A valid `error` trait (null included: nothing is wrong). */
export const isWidgetError = makeGuard<WidgetError | null>({
  $defs: widgetSchema.$defs,
  $ref: "#/$defs/widget_error",
});
