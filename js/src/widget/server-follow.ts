/**
 * A component's generations and versions on the server (started from the side panel or another page), as a
 * cell's view follows them: the generation's events go through the one follower (stream/follower.ts); the
 * server's own notices say when a version became current, or when the view lost track of a generation.
 */
import type { NotebookMessage } from "../stream/notebook-messages";
import { follow, startFollowing, type Following } from "../stream/follower";
import type { Finding } from "../schema/events";

export type ServerChange =
  /** The generation being followed changed (started, streamed, ended). */
  | { kind: "generation" }
  /** The component's current version changed (a generation, a rollback, a hand edit). */
  | { kind: "updated"; version: number; code: string; message: string }
  /** The page lost track of the generation (it ended while the socket was away): look the version up. */
  | { kind: "lost" }
  | { kind: "none" };

const UPDATE_MESSAGES: Record<string, (version: number) => string> = {
  rollback: (version) => `Rolled back to version ${version}.`,
  user_edit: (version) => `Saved an edit by hand as version ${version}.`,
  generated: (version) => `Saved version ${version}.`,
  cached: (version) => `Version ${version}, from the history.`,
};

export class ServerFollow {
  /** The server generation this view follows (the latest one), running or ended. */
  generation: Following | null = null;
  /** Versions saved by server generations while this view followed them (candidates for an automatic fix). */
  private readonly generated = new Set<number>();

  /** Whether a server generation saved `version` while this view watched (not a rollback or a hand edit). */
  savedByServer(version: number | null): boolean {
    return version !== null && this.generated.has(version);
  }

  /** The draft and findings of a server generation the static checks blocked, while it is the latest. */
  get blocked(): { draft: number | null; findings: Finding[] } | null {
    const error = this.generation?.error;
    return error && error.code === "blocked" && error.findings.length
      ? { draft: error.draft, findings: error.findings }
      : null;
  }

  handle(message: NotebookMessage, now = Date.now()): ServerChange {
    switch (message.type) {
      case "generation_started":
        if (this.generation?.generation !== message.generation) {
          this.generation = startFollowing(message.generation, {
            phase: message.state === "queued" ? "queued" : "connecting",
            model: message.model,
            now,
          });
        }
        return { kind: "generation" };
      case "event":
        if (!this.generation || message.event.generation !== this.generation.generation)
          return { kind: "none" };
        this.generation = follow(this.generation, message.event, now);
        return { kind: "generation" };
      case "component_updated": {
        if (message.reason === "generated") this.generated.add(message.version);
        const describe = UPDATE_MESSAGES[message.reason ?? ""];
        return {
          kind: "updated",
          version: message.version,
          code: message.code,
          message: describe ? describe(message.version) : "",
        };
      }
      case "synced": {
        const generation = this.generation;
        if (
          generation &&
          generation.outcome === null &&
          !message.active.some((a) => a.generation === generation.generation)
        ) {
          this.generation = null;
          return { kind: "lost" };
        }
        return { kind: "none" };
      }
      case "version_saved":
      case "component_error":
      case "components_changed":
        return { kind: "none" };
    }
  }

  /** Forget the followed generation (the kernel started one of its own, which leads). */
  reset(): void {
    this.generation = null;
  }
}
