import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { costText, elapsedText, formatDuration, phaseText, tokensText } from "../src/stream/format";
import { countText, currentVersionNote, findingLocation } from "../src/widget/format";

describe("status formatting", () => {
  it("labels phases, with details for retries and failures", () => {
    assert.equal(phaseText({ phase: "streaming" }), "Writing…");
    assert.equal(
      phaseText({ phase: "retrying", message: "rate limited, in 2 s" }),
      "Retrying… · rate limited, in 2 s",
    );
    assert.equal(phaseText({ phase: "done", message: "ignored" }), "Done");
    assert.equal(
      phaseText({ phase: "cancelled", message: "Version 1 is still current." }),
      "Cancelled · Version 1 is still current.",
    );
    assert.equal(phaseText({}), "");
    assert.equal(phaseText({ phase: "idle", message: "" }), "");
  });

  it("formats tokens, durations and costs", () => {
    assert.equal(tokensText({ input_tokens: 1234, output_tokens: 56 }), "1,234 in · 56 out");
    assert.equal(tokensText({ input_tokens: 0, output_tokens: 0 }), "");
    assert.equal(tokensText({ input_tokens: 25_000, output_tokens: 1 }), "25.0k in · 1 out");
    assert.equal(formatDuration(1530), "1.5 s");
    assert.equal(formatDuration(125_000), "2 min 5 s");
    assert.equal(costText({ cost: null }), "");
    assert.equal(costText({ cost: 0.0042 }), "$0.0042");
    assert.equal(costText({ cost: 1.5 }), "$1.50");
  });

  it("ticks elapsed time only while a generation runs", () => {
    assert.equal(elapsedText({ phase: "streaming", started_at: 1000 }, 3500), "2.5 s");
    assert.equal(elapsedText({ phase: "done", started_at: 1000, elapsed_ms: 4200 }, 99_999), "4.2 s");
    assert.equal(elapsedText({ phase: "done" }, 5), "");
  });
});

describe("findings formatting", () => {
  it("places a finding as line:column, both counted from 1 like editors do", () => {
    assert.equal(findingLocation({ line: 7, column: 2 }), "7:3");
    assert.equal(findingLocation({ line: 1, column: 0 }), "1:1");
  });

  it("counts findings and says which version stays on screen", () => {
    assert.equal(countText(1, "finding"), "1 finding");
    assert.equal(countText(3, "finding"), "3 findings");
    assert.match(currentVersionNote(2), /Version 2 is still current/);
    assert.match(currentVersionNote(null), /no version yet/);
  });
});
