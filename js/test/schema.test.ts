import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isFromFrameMessage, isToFrameMessage } from "../src/schema/frame";
import eventsSchemaJson from "../../schema/events.schema.json";
import { validate } from "../src/schema/validator";
import { isClientMessage, isServerMessage } from "../src/schema/ws";
import {
  isKernelToViewMessage,
  isViewToKernelMessage,
  isWidgetError,
  widgetSchema,
} from "../src/schema/widget";

describe("frame messages", () => {
  it("accepts each direction's valid messages", () => {
    assert.ok(isToFrameMessage({ type: "load_runtime", source: "x" }));
    assert.ok(isToFrameMessage({ type: "render", id: 3, code: "", props: { data: [] }, partial: true }));
    assert.ok(isToFrameMessage({ type: "props", props: {} }));
    assert.ok(isFromFrameMessage({ type: "ready", stage: "runtime" }));
    assert.ok(
      isFromFrameMessage({ type: "rendered", id: 1, partial: false, applied: true, painted_at: 1.5 }),
    );
    assert.ok(
      isFromFrameMessage({ type: "error", id: 2, phase: "compile", message: "m", line: 3, column: 0 }),
    );
    assert.ok(isFromFrameMessage({ type: "resize", height: 120 }));
    assert.ok(isFromFrameMessage({ type: "emit", name: "clicked", payload: { a: [1] } }));
  });

  it("rejects messages in the wrong direction", () => {
    assert.ok(!isFromFrameMessage({ type: "load_runtime", source: "x" }));
    assert.ok(!isToFrameMessage({ type: "ready", stage: "bootstrap" }));
  });

  it("rejects shapes the schema forbids", () => {
    const invalid: unknown[] = [
      null,
      "render",
      [],
      { type: "nope" },
      { type: "load_runtime", source: "" },
      { type: "render", id: -1, code: "", props: {}, partial: false },
      { type: "render", id: 1.5, code: "", props: {}, partial: false },
      { type: "render", id: 1, code: "", props: [], partial: false },
      { type: "render", id: 1, code: "", props: {}, partial: false, extra: 1 },
      { type: "ready", stage: "later" },
      { type: "error", phase: "generation", message: "m" },
      { type: "error", phase: "runtime", message: "m", line: 0 },
      { type: "resize", height: 100001 },
      { type: "resize", height: Number.NaN },
      { type: "emit", name: "" },
      { type: "emit", name: "x".repeat(201) },
    ];
    for (const message of invalid)
      assert.ok(!isFromFrameMessage(message) && !isToFrameMessage(message), JSON.stringify(message));
  });
});

describe("widget messages", () => {
  it("accepts kernel -> view and view -> kernel messages", () => {
    assert.ok(isKernelToViewMessage({ type: "delta", text: "a" }));
    assert.ok(
      isKernelToViewMessage({
        type: "event",
        event: { type: "status", generation: "g", phase: "done", message: "" },
      }),
    );
    assert.ok(
      !isKernelToViewMessage({ type: "delta", offset: 0, text: "a" }),
      "the old delta protocol is gone",
    );
    assert.ok(isViewToKernelMessage({ type: "view_closed" }));
    assert.ok(isViewToKernelMessage({ type: "cancel" }));
    assert.ok(isViewToKernelMessage({ type: "resync" }));
    assert.ok(isViewToKernelMessage({ type: "rendered", version: null }));
    assert.ok(isViewToKernelMessage({ type: "frame_error", phase: "runtime", message: "m", version: 2 }));
    assert.ok(isViewToKernelMessage({ type: "emit", name: "n", payload: null }));
    assert.ok(isViewToKernelMessage({ type: "fix" }));
    assert.ok(!isViewToKernelMessage({ type: "fix", draft: 3 }));
    assert.ok(!isKernelToViewMessage({ type: "fix" }));
  });

  it("reports where a message fails", () => {
    assert.deepEqual(validate(widgetSchema, { type: "event", event: "x" }), {
      path: "/",
      reason: "matches no allowed message shape",
    });
    assert.equal(
      validate(widgetSchema, { type: "cancel", now: true })?.reason,
      "matches no allowed message shape",
    );
    assert.ok(!isViewToKernelMessage({ type: "frame_error", phase: "runtime", message: "m", version: "2" }));
    assert.ok(!isKernelToViewMessage({ type: "cancel" }));
  });
});

describe("validator", () => {
  const schema = {
    $defs: { n: { type: "integer", minimum: 1, maximum: 3 } },
    type: "object",
    required: ["a"],
    properties: { a: { $ref: "#/$defs/n" }, b: { type: "array", items: { enum: ["x", "y"] } } },
    additionalProperties: { type: "string", maxLength: 2 },
  };

  it("covers refs, ranges, items and additionalProperties schemas", () => {
    assert.equal(validate(schema, { a: 2, b: ["x"], c: "ok" }), null);
    assert.equal(validate(schema, { a: 4 })?.path, "/a");
    assert.equal(validate(schema, { a: 1, b: ["z"] })?.path, "/b/0");
    assert.equal(validate(schema, { a: 1, c: "long" })?.reason, "string too long");
    assert.equal(validate(schema, {})?.reason, 'missing required "a"');
    assert.equal(validate(schema, { toString: 1 } as unknown)?.reason, 'missing required "a"');
  });

  it("checks patterns (unanchored unless anchored) and minItems", () => {
    assert.equal(validate({ type: "string", pattern: "b" }, "abc"), null);
    assert.equal(validate({ type: "string", pattern: "^b" }, "abc")?.reason, "does not match ^b");
    assert.equal(validate({ type: "array", minItems: 1 }, [])?.reason, "fewer than 1 items");
  });
});

describe("definitions each schema keeps for itself (each file validates alone)", () => {
  it("the widget's finding is the events' finding", () => {
    assert.deepEqual((widgetSchema.$defs as Record<string, unknown>).finding, eventsSchemaJson.$defs.finding);
  });
});

describe("the component-name rule (ws.schema.json $defs/component_name)", () => {
  const generate = (component: string) => ({
    type: "generate",
    id: "1",
    notebook: "a.ipynb",
    component,
    instruction: "a card",
  });

  it("holds for the messages both ways", () => {
    for (const name of ["sales_card", "_private", "KPI-2", "x".repeat(100)])
      assert.ok(isClientMessage(generate(name)), name);
    for (const name of ["", "1st_card", "-x", "a b", "naïve", "x".repeat(101), "a\n"])
      assert.ok(!isClientMessage(generate(name)), JSON.stringify(name));
    const updated = { type: "component_updated", notebook: "a.ipynb", version: 1, code: "" };
    assert.ok(isServerMessage({ ...updated, component: "sales_card" }));
    assert.ok(!isServerMessage({ ...updated, component: "1st_card" }));
  });
});

describe("the widget's error state", () => {
  const finding = {
    rule: "banned-api",
    message: "fetch is not allowed",
    line: 7,
    column: 2,
    snippet: "fetch(u)",
  };

  it("accepts nothing wrong, render and generation errors, and blocked code with its findings", () => {
    assert.ok(isWidgetError(null));
    assert.ok(isWidgetError({ phase: "runtime", message: "x is undefined", line: 3, column: 0 }));
    assert.ok(isWidgetError({ phase: "generation", message: "no code" }));
    assert.ok(isWidgetError({ phase: "blocked", message: "Blocked", findings: [finding] }));
  });

  it("rejects findings without their place or rule, and unknown phases", () => {
    const { line: _line, ...noLine } = finding;
    assert.ok(!isWidgetError({ phase: "blocked", message: "Blocked", findings: [noLine] }));
    assert.ok(!isWidgetError({ phase: "blocked", message: "Blocked", findings: [{ ...finding, line: 0 }] }));
    assert.ok(
      !isWidgetError({ phase: "blocked", message: "Blocked", findings: [{ ...finding, code: "x" }] }),
    );
    assert.ok(!isWidgetError({ phase: "timeout", message: "slow" }));
    assert.ok(!isWidgetError({ message: "no phase" }));
  });
});
