import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { asksForViewport, HeightPolicy } from "../src/runtime/viewport";

describe("asksForViewport", () => {
  it("sees Tailwind's screen heights, viewport units and window heights", () => {
    for (const code of [
      '<div className="flex h-screen">',
      '<main className="min-h-screen bg-white">',
      "<div className='max-h-screen overflow-auto'>",
      '<div className="md:h-dvh">',
      'cn("h-svh", x)',
      '<div style={{ height: "100vh" }}>',
      '<div className="h-[calc(100vh-4rem)]">',
      "renderer.setSize(window.innerWidth, window.innerHeight)",
      '<div className="!min-h-screen">',
    ]) {
      assert.ok(asksForViewport(code), code);
    }
  });

  it("leaves ordinary layouts alone", () => {
    for (const code of [
      '<div className="h-64 w-screen">',
      '<div className="screenshot-h-screenish">',
      "const vhs = 3;",
      '<p>100 items</p><div className="h-full">',
    ]) {
      assert.ok(!asksForViewport(code), code);
    }
  });
});

/** Play host and frame: each reported height becomes the viewport, and `content(viewport)` is measured. */
function run(
  policy: HeightPolicy,
  content: (viewport: number, time: number) => number,
  options: { start?: number; steps?: number; stepMs?: number; max?: number } = {},
): { viewport: number; reports: number[] } {
  const { start = 40, steps = 60, stepMs = 16, max = 10_000 } = options;
  let viewport = start;
  let now = 0;
  const reports: number[] = [];
  const apply = (height: number | null): void => {
    if (height === null) return;
    reports.push(height);
    viewport = Math.min(max, Math.max(40, height));
  };
  for (let step = 0; step < steps; step++) {
    apply(policy.observe(content(viewport, now), viewport, now));
    now += stepMs;
    if (policy.waitingMs !== null && step % 25 === 24) {
      now += policy.waitingMs;
      apply(policy.settle(now));
    }
  }
  return { viewport, reports };
}

describe("HeightPolicy", () => {
  it("follows ordinary content up and down", () => {
    const policy = new HeightPolicy();
    policy.reset({ fillsViewport: false, viewportHeight: 640 });
    assert.equal(policy.observe(300, 40, 0), 300);
    assert.equal(policy.observe(300, 300, 10), null);
    assert.equal(policy.observe(120, 300, 5000), 120);
  });

  it("gives a viewport-filling component the viewport height, or its content's when taller", () => {
    const policy = new HeightPolicy();
    policy.reset({ fillsViewport: true, viewportHeight: 640 });
    assert.equal(run(policy, (viewport) => viewport).viewport, 640);
    policy.reset({ fillsViewport: true, viewportHeight: 500 });
    assert.equal(run(policy, (viewport) => Math.max(viewport, 1200)).viewport, 1200);
  });

  it("holds a viewport-tracking component where the tracking began", () => {
    const policy = new HeightPolicy();
    policy.reset({ fillsViewport: true, viewportHeight: 640 });
    // min-h-screen with a footer beside it: always 64 px taller than the viewport.
    const { viewport, reports } = run(policy, (v) => v + 64, { steps: 200 });
    assert.equal(viewport, 640);
    assert.ok(reports.length < 10, `settled after ${reports.length} reports`);
  });

  it("holds a viewport-tracking component in a busy frame, whose rounds come seconds apart", () => {
    const policy = new HeightPolicy();
    policy.reset({ fillsViewport: true, viewportHeight: 640 });
    const { viewport, reports } = run(policy, (v) => v + 64, { steps: 200, stepMs: 1500 });
    assert.equal(viewport, 640);
    assert.ok(reports.length < 10, `settled after ${reports.length} reports`);
  });

  it("waits for the probe's height to reach a lagging frame before judging", () => {
    const policy = new HeightPolicy();
    policy.reset({ fillsViewport: true, viewportHeight: 640 });
    assert.equal(policy.observe(144, 80, 0), 640);
    assert.equal(policy.observe(704, 640, 16), 704);
    assert.equal(policy.observe(768, 704, 32), 768);
    assert.equal(policy.observe(832, 768, 48), null);
    assert.equal(policy.settle(400), 832);
    // The frame still measures the old viewport: no verdict yet.
    assert.equal(policy.settle(800), null);
    assert.notEqual(policy.waitingMs, null);
    assert.equal(policy.observe(896, 832, 900), null);
    assert.equal(policy.settle(1300), 640);
  });

  it("stops a loop the code does not announce (content mode)", () => {
    const policy = new HeightPolicy();
    policy.reset({ fillsViewport: false, viewportHeight: 640 });
    const { viewport } = run(policy, (v) => Math.round(v * 1.2), { steps: 400 });
    assert.ok(viewport < 200, `held at ${viewport}`);
  });

  it("lets a growing animation finish instead of holding it", () => {
    const policy = new HeightPolicy();
    policy.reset({ fillsViewport: false, viewportHeight: 640 });
    // Grows 10 px per frame from 100 to 700, independent of the viewport.
    const { viewport } = run(policy, (_v, time) => Math.min(700, 100 + Math.floor(time / 16) * 10), {
      steps: 200,
    });
    assert.equal(viewport, 700);
  });

  it("treats growth spread over time as ordinary", () => {
    const policy = new HeightPolicy();
    policy.reset({ fillsViewport: false, viewportHeight: 640 });
    let viewport = 40;
    for (const [content, at] of [
      [200, 0],
      [400, 2000],
      [600, 4000],
      [800, 6000],
    ]) {
      const report = policy.observe(content, viewport, at);
      assert.equal(report, content);
      viewport = content;
      assert.equal(policy.observe(content, viewport, at + 16), null);
    }
  });

  it("starts over on a new render", () => {
    const policy = new HeightPolicy();
    policy.reset({ fillsViewport: true, viewportHeight: 640 });
    run(policy, (v) => v + 64, { steps: 200 });
    policy.reset({ fillsViewport: false, viewportHeight: 640 });
    assert.equal(run(policy, () => 900, { start: 640 }).viewport, 900);
  });
});
