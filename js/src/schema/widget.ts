/**
 * Kernel <-> widget-view custom messages and the synced `status` and `error` traits, as
 * schema/widget.schema.json describes them (types generated in generated/widget.ts).
 */
import widgetSchemaJson from "../../../schema/widget.schema.json";
import type { Finding, GenerationEvent } from "./events";
import type * as widget from "./generated/widget";
import { makeGuard, type JsonSchema } from "./validator";

/**
 * One event of the widget's running generation (schema/events.schema.json) without its `seq`, and without
 * its `generation` when the previous event named it (stream/kernel-decoder.ts restores both).
 */
export type EventMessage = Omit<widget.WidgetEvent, "event"> & { event: UnstampedEvent };
type Unstamped<T> = T extends unknown
  ? Omit<T, "seq" | "generation"> & { generation?: string; seq?: number }
  : never;
export type UnstampedEvent = Unstamped<GenerationEvent>;
/** The next code delta of the generation and block the previous events named. */
export type DeltaMessage = widget.WidgetDelta;

/** The widget's synced `error` trait ($defs/widget_error); null when nothing is wrong. */
export type WidgetError = widget.WidgetError;
/** The widget's synced `status` trait ($defs/widget_status). */
export type WidgetStatus = widget.WidgetStatus;

export type KernelToViewMessage = EventMessage | DeltaMessage;
export type ViewToKernelMessage = Exclude<widget.WidgetMessage, widget.WidgetEvent | widget.WidgetDelta>;
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
