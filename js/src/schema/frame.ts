/** Parent <-> iframe messages: the types generated from schema/frame.schema.json, by the names the code uses. */
import frameSchemaJson from "../../../schema/frame.schema.json";
import type {
  FrameEmit,
  FrameError,
  FrameErrorPhase,
  FrameLoadedModule,
  FrameLoadModules,
  FrameLoadRuntime,
  FrameMessage,
  FrameNeedModules,
  FrameProps,
  FrameReady,
  FrameRender,
  FrameRendered,
  FrameResize,
} from "./generated/frame";
import { makeGuard, type JsonSchema } from "./validator";

export type { FrameMessage } from "./generated/frame";

export type FramePhase = FrameErrorPhase;
export type LoadRuntimeMessage = FrameLoadRuntime;
export type RenderMessage = FrameRender;
export type PropsMessage = FrameProps;
/** One library module the host sends: its bundle's source, or why it could not load it. */
export type LoadedModule = FrameLoadedModule;
export type LoadModulesMessage = FrameLoadModules;
export type ReadyMessage = FrameReady;
export type RenderedMessage = FrameRendered;
export type FrameErrorMessage = FrameError;
export type ResizeMessage = FrameResize;
export type NeedModulesMessage = FrameNeedModules;
export type EmitMessage = FrameEmit;

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

/** Every kind of message a frame may send its page; the compiler checks the list against the schema's types. */
export const FROM_FRAME_KINDS = [
  "ready",
  "rendered",
  "error",
  "resize",
  "emit",
  "need_modules",
] as const satisfies readonly FromFrameMessage["type"][];
type UnlistedKind = Exclude<FromFrameMessage["type"], (typeof FROM_FRAME_KINDS)[number]>;
const everyKindListed: [UnlistedKind] extends [never] ? true : never = true;
void everyKindListed;

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
