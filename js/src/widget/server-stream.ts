/**
 * A generation running on the server (started from the side panel or another page), as one component's
 * view follows it: status, code streaming in, and the version it ends on.
 */
import type { NotebookMessage } from "../panel/connection";
import type { Finding, GenerationEvent } from "../panel/messages";
import type { Status } from "./format";

export type ServerAction =
  /** Show this status (the generation's phase, model, tokens, cost). */
  | { kind: "status"; status: Status }
  /** A whole-file code block starts: the streamed code is empty again. */
  | { kind: "started" }
  | { kind: "appended"; text: string }
  /**
   * The generation ended without a new version: show the current code again. `blocked` when the static
   * checks refused its code: the draft keeping it and every finding.
   */
  | { kind: "ended"; status: Status; blocked?: { draft: number | null; findings: Finding[] } }
  /** The component's current version changed (a generation, a rollback, a hand edit). */
  | { kind: "updated"; version: number; code: string; status: Status }
  /** The page lost track of the generation (it ended while the socket was away): ask for the current one. */
  | { kind: "lost" }
  | { kind: "ignored" };

const TERMINAL = new Set(["done", "cached", "cancelled", "error"]);

const UPDATE_MESSAGES: Record<string, (version: number) => string> = {
  rollback: (version) => `Rolled back to version ${version}.`,
  user_edit: (version) => `Saved an edit by hand as version ${version}.`,
};

export class ServerStream {
  generation: string | null = null;
  code = "";
  /** True while a whole-file block streams. */
  streaming = false;
  private status: Status = {};
  private blocked: { draft: number | null; findings: Finding[] } | null = null;
  /** Versions saved by server generations while this view followed them (the automatic fix's candidates). */
  private readonly generated = new Set<number>();

  /** Whether a server generation saved `version` while this view watched (not a rollback or hand edit). */
  savedByServer(version: number | null): boolean {
    return version !== null && this.generated.has(version);
  }

  /** Whether a server generation is under way for this component. */
  get active(): boolean {
    return this.generation !== null;
  }

  reset(): void {
    this.generation = null;
    this.code = "";
    this.streaming = false;
    this.status = {};
    this.blocked = null;
  }

  handle(message: NotebookMessage, now = Date.now()): ServerAction {
    switch (message.type) {
      case "generation_started":
        if (this.generation !== message.generation) {
          this.reset();
          this.generation = message.generation;
          this.status = { started_at: now };
        }
        return this.setStatus({
          phase: message.state === "queued" ? "queued" : "connecting",
          message: message.state === "queued" ? "Queued on the server." : "",
          ...(message.model ? { model: message.model } : {}),
        });
      case "event":
        if (message.event.generation !== this.generation) return { kind: "ignored" };
        return this.event(message.event);
      case "component_updated": {
        const describe = UPDATE_MESSAGES[message.reason ?? ""];
        const status: Status = describe
          ? { phase: "done", message: describe(message.version) }
          : { ...this.status, started_at: null };
        if (message.reason === "generated") this.generated.add(message.version);
        this.reset();
        return { kind: "updated", version: message.version, code: message.code, status };
      }
      case "version_saved":
      case "component_error":
        return { kind: "ignored" };
      case "synced":
        if (this.generation && !message.active.some((a) => a.generation === this.generation)) {
          this.reset();
          return { kind: "lost" };
        }
        return { kind: "ignored" };
    }
  }

  private event(event: GenerationEvent): ServerAction {
    switch (event.type) {
      case "content_block_start":
        this.streaming = event.kind === "file";
        this.code = "";
        return this.streaming ? { kind: "started" } : { kind: "ignored" };
      case "content_block_delta":
        if (!this.streaming) return { kind: "ignored" };
        this.code += event.text;
        return { kind: "appended", text: event.text };
      case "content_block_stop":
        this.streaming = false;
        return { kind: "ignored" };
      case "status": {
        const usage = event.usage;
        const status: Status = {
          ...this.status,
          phase: event.phase,
          message: event.message,
          ...(event.model ? { model: event.model } : {}),
          ...(usage
            ? {
                input_tokens: usage.input_tokens,
                output_tokens: usage.output_tokens,
                cost: usage.cost ?? null,
              }
            : {}),
        };
        if (!TERMINAL.has(event.phase)) return this.setStatus(status);
        const final: Status = { ...status, started_at: null, elapsed_ms: event.elapsed_ms ?? 0 };
        this.status = final;
        if (event.phase === "done" || event.phase === "cached") {
          // component_updated follows with the new code; keep the generation until then.
          return { kind: "status", status: final };
        }
        const blocked = this.blocked;
        this.reset();
        return blocked ? { kind: "ended", status: final, blocked } : { kind: "ended", status: final };
      }
      case "error":
        if (event.code === "blocked" && event.findings?.length) {
          this.blocked = { draft: event.draft ?? null, findings: event.findings };
        }
        return { kind: "ignored" };
      case "text_delta":
      case "message_stop":
        return { kind: "ignored" };
    }
  }

  private setStatus(status: Status): ServerAction {
    this.status = { ...this.status, ...status };
    return { kind: "status", status: this.status };
  }
}
