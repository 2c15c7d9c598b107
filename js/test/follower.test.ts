import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  estimatedOutputTokens,
  follow,
  hasPreviewableCode,
  isRunning,
  startFollowing,
  type Following,
} from "../src/stream/follower";
import type { GenerationEvent } from "../src/schema/events";

let seq = 0;
function ev(body: Record<string, unknown>, generation = "g1"): GenerationEvent {
  seq += 1;
  return { generation, seq, ...body } as GenerationEvent;
}

function run(events: GenerationEvent[], state: Following = startFollowing("g1", { now: 0 })): Following {
  return events.reduce((s, e) => follow(s, e, 1000), state);
}

describe("the stream follower", () => {
  it("follows phases, code, prose and the version a generation saves", () => {
    const state = run([
      ev({ type: "status", phase: "connecting", message: "", model: "m1", elapsed_ms: 10 }),
      ev({ type: "text_delta", text: "Here is it. " }),
      ev({ type: "content_block_start", component: "C", kind: "file", position: 0 }),
      ev({ type: "status", phase: "streaming", message: "" }),
      ev({ type: "content_block_delta", component: "C", text: "export default " }),
      ev({ type: "content_block_delta", component: "C", text: "function C() {}" }),
      ev({ type: "content_block_stop", component: "C" }),
      ev({
        type: "message_stop",
        version: 2,
        usage: { input_tokens: 5, output_tokens: 7 },
        stop_reason: "end",
      }),
      ev({ type: "status", phase: "done", message: "Saved version 2." }),
    ]);
    assert.equal(state.code, "export default function C() {}");
    assert.equal(state.explanation, "Here is it. ");
    assert.equal(state.model, "m1");
    assert.equal(state.version, 2);
    assert.equal(state.outcome, "done");
    assert.equal(isRunning(state), false);
    assert.deepEqual(state.usage, { input_tokens: 5, output_tokens: 7 });
    assert.equal(state.startedAt, 990, "the first status's elapsed time dates the start");
  });

  it("restarts the code with every file block (a diff edit shows each applied change whole)", () => {
    const state = run([
      ev({ type: "content_block_start", component: "C", kind: "file", position: 0 }),
      ev({ type: "content_block_delta", component: "C", text: "first" }),
      ev({ type: "content_block_start", component: "C", kind: "file", position: 0 }),
      ev({ type: "content_block_delta", component: "C", text: "second" }),
    ]);
    assert.equal(state.code, "second");
    assert.ok(hasPreviewableCode(state));
  });

  it("marks a gap when code arrives for a block it never saw start, until a block starts", () => {
    const joined = run([ev({ type: "content_block_delta", component: "C", text: "tail of it" })]);
    assert.ok(joined.gap);
    assert.ok(!hasPreviewableCode(joined));
    const resent = run(
      [
        ev({ type: "content_block_start", component: "C", kind: "file", position: 0 }),
        ev({ type: "content_block_delta", component: "C", text: "all of it" }),
      ],
      joined,
    );
    assert.ok(!resent.gap);
    assert.equal(resent.code, "all of it");
  });

  it("keeps the error with its findings and draft", () => {
    const finding = { rule: "banned-api", message: "no", line: 1, column: 0, snippet: "fetch()" };
    const state = run([
      ev({
        type: "error",
        code: "blocked",
        message: "Blocked",
        retryable: false,
        draft: 4,
        findings: [finding],
      }),
      ev({ type: "status", phase: "error", message: "Blocked" }),
    ]);
    assert.deepEqual(state.error, {
      code: "blocked",
      message: "Blocked",
      retryable: false,
      draft: 4,
      findings: [finding],
    });
    assert.equal(state.outcome, "error");
  });

  it("ignores events of another generation and estimates tokens while running", () => {
    const state = run([
      ev({ type: "content_block_start", component: "C", kind: "file", position: 0 }),
      ev({ type: "content_block_delta", component: "C", text: "x".repeat(40) }),
      ev({ type: "content_block_delta", component: "C", text: "other" }, "g2"),
    ]);
    assert.equal(state.code.length, 40);
    assert.equal(estimatedOutputTokens(state), 10);
  });
});
