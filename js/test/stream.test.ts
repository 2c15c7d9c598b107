import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { StreamedCode } from "../src/widget/stream";

describe("StreamedCode", () => {
  it("appends contiguous deltas and ends with the streamed code", () => {
    const s = new StreamedCode();
    assert.deepEqual(s.handle({ type: "stream_start", generation: "g" }), { kind: "started" });
    assert.deepEqual(s.handle({ type: "delta", offset: 0, text: "ab" }), {
      kind: "appended",
      text: "ab",
    });
    assert.deepEqual(s.handle({ type: "delta", offset: 2, text: "c" }), {
      kind: "appended",
      text: "c",
    });
    assert.ok(s.active);
    assert.deepEqual(s.handle({ type: "stream_end", generation: "g", ok: true, length: 3 }), {
      kind: "ended",
      ok: true,
      code: "abc",
    });
    assert.ok(!s.active);
  });

  it("asks once for a resync on a gap and resumes after code_sync", () => {
    const s = new StreamedCode();
    s.handle({ type: "stream_start", generation: "g" });
    s.handle({ type: "delta", offset: 0, text: "ab" });
    assert.deepEqual(s.handle({ type: "delta", offset: 5, text: "x" }), { kind: "resync" });
    assert.deepEqual(s.handle({ type: "delta", offset: 6, text: "y" }), { kind: "ignored" });
    assert.deepEqual(s.handle({ type: "code_sync", generation: "g", code: "abcdexy", done: false }), {
      kind: "replaced",
    });
    // Overlapping and already-held deltas are trimmed or skipped.
    assert.deepEqual(s.handle({ type: "delta", offset: 6, text: "yz" }), {
      kind: "appended",
      text: "z",
    });
    assert.deepEqual(s.handle({ type: "delta", offset: 2, text: "cd" }), {
      kind: "ignored",
    });
    assert.equal(s.code, "abcdexyz");
  });

  it("adopts a stream it joined in the middle", () => {
    const s = new StreamedCode();
    assert.deepEqual(s.handle({ type: "delta", offset: 40, text: "x" }), { kind: "resync" });
    assert.deepEqual(s.handle({ type: "code_sync", generation: "h", code: "0123", done: false }), {
      kind: "replaced",
    });
    assert.ok(s.active);
  });

  it("resyncs before adopting a stream whose length does not match", () => {
    const s = new StreamedCode();
    s.handle({ type: "stream_start", generation: "g" });
    s.handle({ type: "delta", offset: 0, text: "ab" });
    assert.deepEqual(s.handle({ type: "stream_end", generation: "g", ok: true, length: 4 }), {
      kind: "resync",
    });
    assert.deepEqual(s.handle({ type: "code_sync", generation: "g", code: "abcd", done: true }), {
      kind: "ended",
      ok: true,
      code: "abcd",
    });
  });

  it("passes on the version a stream became, also when it ends after a resync", () => {
    const s = new StreamedCode();
    s.handle({ type: "stream_start", generation: "g" });
    s.handle({ type: "delta", offset: 0, text: "ab" });
    assert.deepEqual(s.handle({ type: "stream_end", generation: "g", ok: true, length: 2, version: 3 }), {
      kind: "ended",
      ok: true,
      code: "ab",
      version: 3,
    });
    s.handle({ type: "stream_start", generation: "h" });
    s.handle({ type: "delta", offset: 0, text: "x" });
    s.handle({ type: "stream_end", generation: "h", ok: true, length: 2, version: 4 });
    assert.deepEqual(s.handle({ type: "code_sync", generation: "h", code: "xy", done: true }), {
      kind: "ended",
      ok: true,
      code: "xy",
      version: 4,
    });
  });

  it("reports a failed stream and ignores other generations", () => {
    const s = new StreamedCode();
    s.handle({ type: "stream_start", generation: "g" });
    assert.deepEqual(s.handle({ type: "stream_end", generation: "old", ok: true, length: 0 }), {
      kind: "ignored",
    });
    assert.deepEqual(s.handle({ type: "stream_end", generation: "g", ok: false, length: 0 }), {
      kind: "ended",
      ok: false,
      code: "",
    });
  });
});
