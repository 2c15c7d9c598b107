import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createEmit } from "../src/runtime/emit";

function setup() {
  const sent: [string, unknown][] = [];
  const warnings: string[] = [];
  let now = 0;
  const emit = createEmit(
    (name, payload) => sent.push([name, payload]),
    { perSecond: 30, burst: 30, maxBytes: 1024 },
    () => now,
    (message) => warnings.push(message),
  );
  return { emit, sent, warnings, advance: (ms: number) => (now += ms) };
}

describe("emit", () => {
  it("forwards JSON-normalised payloads", () => {
    const { emit, sent } = setup();
    assert.equal(emit("picked", { when: new Date(0), skip: undefined, n: 1 }), true);
    assert.equal(emit("bare"), true);
    assert.deepEqual(sent, [
      ["picked", { when: "1970-01-01T00:00:00.000Z", n: 1 }],
      ["bare", null],
    ]);
  });

  it("drops a flood beyond the burst with one warning, then recovers", () => {
    const { emit, sent, warnings, advance } = setup();
    const results = Array.from({ length: 40 }, () => emit("tick", 1));
    assert.equal(results.filter(Boolean).length, 30);
    assert.equal(warnings.length, 1);
    advance(100);
    assert.equal(emit("tick", 1), true);
    assert.equal(sent.length, 31);
  });

  it("rejects oversized, circular and badly named emits", () => {
    const { emit, sent } = setup();
    assert.throws(() => emit("big", "x".repeat(2000)), /limit is 1 KB/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    assert.throws(() => emit("loop", loop), /JSON-serialisable/);
    assert.throws(() => emit("", 1), /name must be/);
    assert.equal(sent.length, 0);
  });
});
