/**
 * The code streaming into a view: follows stream_start / delta / code_sync / stream_end, detects gaps
 * (a delta whose offset is not the current length) and says when to ask the kernel for a resync.
 */
import type { KernelToViewMessage } from "../schema/widget";

export type StreamAction =
  /** A new stream: the code is empty again. */
  | { kind: "started" }
  /** Text was added at the end of the code. */
  | { kind: "appended"; text: string }
  /** The code was replaced as a whole (after a resync). */
  | { kind: "replaced" }
  /** A gap or an unknown stream: send `resync` to the kernel. */
  | { kind: "resync" }
  /** The stream is over: ok=true means `code` is the new component code (of `version`, when known). */
  | { kind: "ended"; ok: boolean; code: string; version?: number }
  | { kind: "ignored" };

export class StreamedCode {
  code = "";
  generation: string | null = null;
  /** True from stream_start until stream_end. */
  active = false;
  private awaitingSync = false;
  private endAfterSync = false;
  /** The version named by a stream_end that waits for a resync. */
  private endVersion: number | undefined = undefined;

  handle(message: KernelToViewMessage): StreamAction {
    switch (message.type) {
      case "stream_start":
        this.generation = message.generation;
        this.code = "";
        this.active = true;
        this.awaitingSync = this.endAfterSync = false;
        return { kind: "started" };
      case "delta":
        return this.delta(message.offset, message.text);
      case "code_sync":
        return this.sync(message.generation, message.code, message.done);
      case "stream_end":
        return this.end(message.generation, message.ok, message.length, message.version);
    }
  }

  private requestResync(): StreamAction {
    if (this.awaitingSync) return { kind: "ignored" };
    this.awaitingSync = true;
    return { kind: "resync" };
  }

  private delta(offset: number, text: string): StreamAction {
    if (!this.active) {
      // Opened mid-stream (or missed stream_start): adopt the stream and fetch what came before;
      // code_sync names the generation.
      this.generation = null;
      this.code = "";
      this.active = true;
      this.awaitingSync = this.endAfterSync = false;
      return this.requestResync();
    }
    if (this.awaitingSync) return { kind: "ignored" };
    const end = offset + text.length;
    if (offset > this.code.length) return this.requestResync();
    if (end <= this.code.length) return { kind: "ignored" };
    const added = text.slice(this.code.length - offset);
    this.code += added;
    return { kind: "appended", text: added };
  }

  private sync(generation: string, code: string, done: boolean): StreamAction {
    if (generation !== this.generation && this.generation !== null && !this.awaitingSync)
      return { kind: "ignored" };
    this.generation = generation;
    this.code = code;
    this.awaitingSync = false;
    if (done) {
      // Adopt the code only if stream_end already said ok; otherwise the kernel's code trait stays the truth.
      const ok = this.endAfterSync;
      const version = ok ? this.endVersion : undefined;
      this.endAfterSync = false;
      this.endVersion = undefined;
      this.active = false;
      return { kind: "ended", ok, code, ...(version !== undefined ? { version } : {}) };
    }
    this.active = true;
    return { kind: "replaced" };
  }

  private end(generation: string, ok: boolean, length: number, version?: number): StreamAction {
    if (generation !== this.generation) return { kind: "ignored" };
    if (ok && length !== this.code.length) {
      // Something went missing: get the whole code before adopting it.
      this.endAfterSync = true;
      this.endVersion = version;
      return this.requestResync();
    }
    this.active = false;
    this.awaitingSync = this.endAfterSync = false;
    this.endVersion = undefined;
    const known = ok && version !== undefined ? { version } : {};
    return { kind: "ended", ok, code: this.code, ...known };
  }
}
