import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { KernelEventDecoder } from "../src/stream/kernel-decoder";

describe("the kernel channel's decoder", () => {
  it("restores the generation and numbers events, and turns compact deltas into delta events", () => {
    const decoder = new KernelEventDecoder();
    assert.equal(decoder.decode({ type: "delta", text: "lost" }), null, "a generation it never heard of");
    const status = decoder.decode({
      type: "event",
      event: { type: "status", generation: "g1", phase: "streaming", message: "" },
    });
    assert.deepEqual(status, { type: "status", generation: "g1", seq: 1, phase: "streaming", message: "" });
    decoder.decode({
      type: "event",
      event: { type: "content_block_start", component: "C", kind: "file", position: 0 },
    });
    assert.deepEqual(decoder.decode({ type: "delta", text: "abc" }), {
      type: "content_block_delta",
      generation: "g1",
      seq: 3,
      component: "C",
      text: "abc",
    });
  });

  it("refuses an event that is not valid once restored", () => {
    const decoder = new KernelEventDecoder();
    assert.equal(
      decoder.decode({ type: "event", event: { type: "status", generation: "g1" } as never }),
      null,
    );
  });
});
