/** Parent <-> iframe messages, as schema/frame.schema.json describes them. */
import frameSchemaJson from "../../../schema/frame.schema.json";
import { makeGuard, type JsonSchema } from "./validator";

export type FramePhase = "compile" | "runtime" | "import";

export interface LoadRuntimeMessage {
  type: "load_runtime";
  source: string;
}
export interface RenderMessage {
  type: "render";
  id: number;
  code: string;
  props: Record<string, unknown>;
  partial: boolean;
  /** The frame's height when the component asks for the viewport (h-screen, 100vh…); 640 when absent. */
  viewport_height?: number;
}
export interface PropsMessage {
  type: "props";
  props: Record<string, unknown>;
}
/** One library module the host sends: its bundle's source, or why it could not load it. */
export interface LoadedModule {
  id: string;
  source?: string;
  error?: string;
}
export interface LoadModulesMessage {
  type: "load_modules";
  modules: LoadedModule[];
}
export interface ReadyMessage {
  type: "ready";
  stage: "bootstrap" | "runtime";
}
export interface RenderedMessage {
  type: "rendered";
  id: number;
  partial: boolean;
  applied: boolean;
  compile_ms?: number;
  render_ms?: number;
  painted_at?: number;
}
export interface FrameErrorMessage {
  type: "error";
  id?: number;
  phase: FramePhase;
  message: string;
  stack?: string;
  line?: number;
  column?: number;
}
export interface ResizeMessage {
  type: "resize";
  height: number;
}
export interface NeedModulesMessage {
  type: "need_modules";
  /** Module ids of the manifest (static/modules/manifest.json), dependencies first. */
  modules: string[];
}
export interface EmitMessage {
  type: "emit";
  name: string;
  payload?: unknown;
}

/** What the host sends into the iframe. */
export type ToFrameMessage = LoadRuntimeMessage | RenderMessage | PropsMessage | LoadModulesMessage;
/** What the iframe sends to the host. */
export type FromFrameMessage =
  | ReadyMessage
  | RenderedMessage
  | FrameErrorMessage
  | ResizeMessage
  | EmitMessage
  | NeedModulesMessage;
export type FrameMessage = ToFrameMessage | FromFrameMessage;

export const frameSchema = frameSchemaJson as JsonSchema;

const isFrameMessage = makeGuard<FrameMessage>(frameSchema);
const TO_FRAME = new Set(["load_runtime", "render", "props", "load_modules"]);

/** A valid message travelling parent -> iframe. */
export function isToFrameMessage(value: unknown): value is ToFrameMessage {
  return isFrameMessage(value) && TO_FRAME.has(value.type);
}

/** A valid message travelling iframe -> parent. */
export function isFromFrameMessage(value: unknown): value is FromFrameMessage {
  return isFrameMessage(value) && !TO_FRAME.has(value.type);
}
