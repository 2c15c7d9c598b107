/** Kernel <-> widget-view custom messages, as schema/widget.schema.json describes them. */
import widgetSchemaJson from "../../../schema/widget.schema.json";
import { makeGuard, type JsonSchema } from "./validator";
import type { FramePhase } from "./frame";

export interface StreamStartMessage {
  type: "stream_start";
  generation: string;
}
export interface DeltaMessage {
  type: "delta";
  offset: number;
  text: string;
}
export interface StreamEndMessage {
  type: "stream_end";
  generation: string;
  ok: boolean;
  length: number;
  /** With ok: the version the streamed code became. */
  version?: number;
}
export interface CodeSyncMessage {
  type: "code_sync";
  generation: string;
  code: string;
  done: boolean;
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
export interface ExternalUpdateMessage {
  type: "external_update";
  version: number;
}
export interface FixMessage {
  type: "fix";
}

/** One static-check finding: line 1-based, column 0-based. */
export interface Finding {
  rule: string;
  message: string;
  line: number;
  column: number;
  snippet: string;
}

/** The widget's synced `error` trait ($defs/widget_error). */
export interface WidgetError {
  phase: "generation" | "compile" | "runtime" | "import" | "blocked";
  message: string;
  line?: number;
  column?: number;
  findings?: Finding[];
}

export type KernelToViewMessage = StreamStartMessage | DeltaMessage | StreamEndMessage | CodeSyncMessage;
export type ViewToKernelMessage =
  | CancelMessage
  | WidgetEmitMessage
  | WidgetFrameErrorMessage
  | WidgetRenderedMessage
  | ResyncMessage
  | ViewReadyMessage
  | ExternalUpdateMessage
  | FixMessage;
export type WidgetMessage = KernelToViewMessage | ViewToKernelMessage;

export const widgetSchema = widgetSchemaJson as JsonSchema;

const isWidgetMessage = makeGuard<WidgetMessage>(widgetSchema);
const TO_VIEW = new Set(["stream_start", "delta", "stream_end", "code_sync"]);

/** A valid message travelling kernel -> view. */
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
