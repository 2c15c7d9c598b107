import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { NotebookMessage } from "../src/panel/connection";
import type { GenerationEvent } from "../src/schema/events";
import type { FrameErrorMessage } from "../src/schema/frame";
import { follow, startFollowing, type Following } from "../src/stream/follower";
import { present, type ViewInputs } from "../src/widget/presentation";
import { ServerFollow } from "../src/widget/server-follow";
import { FrameReports, type FixRequest, type ServerLink } from "../src/widget/server-link";

const NB = "sales.ipynb";
const V1 = "export default function A() { return <p>v1</p>; }";
const RUNTIME: FrameErrorMessage = { type: "error", phase: "runtime", message: "boom\nat x", line: 4 };
const FINDING = { rule: "banned-api", message: "no", line: 9, column: 2, snippet: "fetch()" };

let seq = 0;
function ev(body: Record<string, unknown>, generation = "g1"): GenerationEvent {
  seq += 1;
  return { generation, seq, ...body } as GenerationEvent;
}
function streaming(code: string, generation = "g1"): Following {
  return [
    ev({ type: "status", phase: "streaming", message: "" }, generation),
    ev({ type: "content_block_start", component: "A", kind: "file", position: 0 }, generation),
    ev({ type: "content_block_delta", component: "A", text: code }, generation),
  ].reduce((s, e) => follow(s, e), startFollowing(generation));
}
function inputs(overrides: Partial<ViewInputs> = {}): ViewInputs {
  return {
    traits: {
      name: "a",
      code: V1,
      version: 1,
      status: { phase: "done", message: "" },
      error: null,
      explanation: "",
    },
    kernel: null,
    server: null,
    recent: null,
    serverVersion: null,
    frameError: null,
    finalRenderOk: true,
    partialPainted: false,
    everPainted: true,
    throttleNotice: null,
    ...overrides,
  };
}
function serverEvent(body: Record<string, unknown>): NotebookMessage {
  return { type: "event", notebook: NB, component: "sales", event: ev(body) } as NotebookMessage;
}
const started: NotebookMessage = {
  type: "generation_started",
  generation: "g1",
  notebook: NB,
  component: "sales",
  model: "m",
  instruction: "x",
  state: "running",
};

describe("what a view shows", () => {
  it("previews streaming code as it arrives, and the preview stays visible from the start of a rewrite", () => {
    const running = streaming("export default function A() { return <p>v2");
    const shown = present(inputs({ kernel: running, recent: "kernel" }));
    assert.deepEqual(shown.preview, { code: running.code, partial: true });
    assert.equal(shown.previewVisible, true, "the last good frame stays on screen");
    assert.equal(shown.codeOpen, true);
    assert.equal(shown.status.phase, "streaming");
  });

  it("shows nothing for a component with no version until its first partial paints", () => {
    const running = streaming("export default function A() {");
    const none = { ...inputs().traits, code: "", version: null };
    assert.equal(present(inputs({ traits: none, kernel: running, recent: "kernel" })).previewVisible, false);
    const painted = present(
      inputs({ traits: none, kernel: running, recent: "kernel", partialPainted: true }),
    );
    assert.equal(painted.previewVisible, true);
  });

  it("shows the version before again when a generation fails, is cancelled or blocked", () => {
    const running = streaming("export default function A() { return <p>half");
    const cancelled = follow(
      running,
      ev({ type: "status", phase: "cancelled", message: "Version 1 is still current." }),
    );
    const shown = present(inputs({ kernel: cancelled, recent: "kernel" }));
    assert.deepEqual(shown.preview, { code: V1, partial: false });
    assert.equal(shown.previewVisible, true);
    assert.equal(shown.status.phase, "cancelled");
  });

  it("hides a first generation that was blocked, whatever streamed before the block", () => {
    const running = streaming("export default function A() {");
    const blocked = follow(
      follow(
        running,
        ev({ type: "error", code: "blocked", message: "Blocked", retryable: false, findings: [FINDING] }),
      ),
      ev({ type: "status", phase: "error", message: "Blocked" }),
    );
    const none = { ...inputs().traits, code: "", version: null };
    const shown = present(inputs({ traits: none, server: blocked, recent: "server", partialPainted: true }));
    assert.equal(shown.previewVisible, false);
    assert.equal(shown.error?.phase, "blocked");
  });

  it("says a generation's failure once: the error box explains, the status line says Failed", () => {
    const traits = {
      ...inputs().traits,
      status: { phase: "error" as const, message: "No API key for Anthropic: set ANTHROPIC_API_KEY." },
      error: { phase: "generation" as const, message: "No API key for Anthropic: set ANTHROPIC_API_KEY." },
    };
    const shown = present(inputs({ traits }));
    assert.equal(shown.status.message, "");
    assert.equal(shown.error?.message, traits.error.message);
  });

  it("shows a version the server made before the kernel loads it, and names it", () => {
    const shown = present(
      inputs({ serverVersion: { version: 3, code: "v3", message: "Rolled back to version 3." } }),
    );
    assert.equal(shown.version, 3);
    assert.deepEqual(shown.preview, { code: "v3", partial: false });
    assert.equal(shown.status.message, "Rolled back to version 3.");
  });

  it("leaves no empty box for a version that never painted here", () => {
    const frameError = { phase: "compile" as const, message: "Unexpected token", line: 6 };
    assert.equal(present(inputs({ everPainted: false, frameError })).previewVisible, false);
    assert.equal(
      present(inputs({ everPainted: true, frameError })).previewVisible,
      true,
      "the last good frame",
    );
  });

  it("adds the throttling notice to the status line", () => {
    const shown = present(inputs({ throttleNotice: "The component sent too many error messages." }));
    assert.equal(shown.status.notice, "The component sent too many error messages.");
  });
});

describe("a view following the server", () => {
  it("follows a server generation with the shared follower and hears the version it saved", () => {
    const follower = new ServerFollow();
    assert.equal(follower.handle(started, 1000).kind, "generation");
    follower.handle(serverEvent({ type: "content_block_start", component: "S", kind: "file", position: 0 }));
    follower.handle(serverEvent({ type: "content_block_delta", component: "S", text: "abc" }));
    assert.equal(follower.generation?.code, "abc");
    follower.handle(serverEvent({ type: "status", phase: "done", message: "Saved version 2." }));
    const updated = follower.handle({
      type: "component_updated",
      notebook: NB,
      component: "sales",
      version: 2,
      code: "abcd",
      reason: "generated",
    });
    assert.deepEqual(updated, { kind: "updated", version: 2, code: "abcd", message: "Saved version 2." });
    assert.ok(follower.savedByServer(2));
  });

  it("asks to catch up when it lost a running generation, and describes rollbacks", () => {
    const follower = new ServerFollow();
    follower.handle(started);
    assert.deepEqual(follower.handle({ type: "synced", notebook: NB, active: [] }), { kind: "lost" });
    const rolled = follower.handle({
      type: "component_updated",
      notebook: NB,
      component: "s",
      version: 1,
      code: "",
      reason: "rollback",
    });
    assert.equal(rolled.kind === "updated" && rolled.message, "Rolled back to version 1.");
    assert.ok(!follower.savedByServer(1), "a rollback is not a generation");
  });

  it("tells the view which findings blocked a server generation", () => {
    const follower = new ServerFollow();
    follower.handle(started);
    follower.handle(
      serverEvent({
        type: "error",
        code: "blocked",
        message: "Blocked",
        retryable: false,
        draft: 7,
        findings: [FINDING],
      }),
    );
    follower.handle(serverEvent({ type: "status", phase: "error", message: "Blocked" }));
    assert.deepEqual(follower.blocked, { draft: 7, findings: [FINDING] });
  });
});

describe("a view's frame reports", () => {
  function fakeLink() {
    const reports: [string, number, unknown][] = [];
    const fixes: FixRequest[] = [];
    const link = {
      reportFrame: (component: string, version: number, error: unknown) =>
        reports.push([component, version, error]),
      fix: (request: FixRequest) => {
        fixes.push(request);
        return Promise.reject(new Error("refused"));
      },
    } as unknown as ServerLink;
    return { link, reports, fixes };
  }

  it("asks once for the automatic fix of a version a server generation saved, and reports every change", () => {
    const follower = new ServerFollow();
    follower.handle({
      type: "component_updated",
      notebook: NB,
      component: "sales",
      version: 3,
      code: "x",
      reason: "generated",
    });
    follower.handle({
      type: "component_updated",
      notebook: NB,
      component: "sales",
      version: 2,
      code: "y",
      reason: "rollback",
    });
    const { link, reports, fixes } = fakeLink();
    const frames = new FrameReports(link, "sales", (version) => follower.savedByServer(version));
    frames.failed(3, RUNTIME);
    frames.failed(3, RUNTIME);
    assert.equal(reports.length, 1, "the same error is reported once");
    assert.deepEqual(fixes, [
      {
        component: "sales",
        auto: true,
        error: { phase: "runtime", message: "boom\nat x", line: 4, version: 3 },
      },
    ]);
    frames.failed(3, { ...RUNTIME, message: "other" });
    assert.equal(fixes.length, 1, "one automatic fix per version from this view");
    frames.failed(2, RUNTIME);
    assert.equal(fixes.length, 1, "the kernel's versions are the kernel's to fix");
    frames.rendered(2);
    assert.deepEqual(reports.at(-1), ["sales", 2, null]);
  });
});
