import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ModuleLoader, ModuleLoadError } from "../src/runtime/module-loader";
import { ModuleRegistry } from "../src/runtime/modules";
import { MANIFEST } from "./library-fixtures";

function setup(timeoutMs = 1000) {
  const requests: string[][] = [];
  const evaluated: string[] = [];
  const timers: { callback: () => void; ms: number; cleared: boolean }[] = [];
  const loader = new ModuleLoader({
    manifest: MANIFEST,
    request: (ids) => requests.push(ids),
    evaluate: (id, source) => {
      evaluated.push(id);
      if (source === "throw") throw new Error("boom");
      return { id, source };
    },
    timeoutMs,
    setTimer: (callback, ms) => {
      const timer = { callback, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => ((timer as { cleared: boolean }).cleared = true),
  });
  return { loader, requests, evaluated, timers };
}

describe("module loader", () => {
  it("asks for missing modules with their dependencies, each id once per frame", () => {
    const { loader, requests } = setup();
    loader.request(["ui-extra"]);
    loader.request(["react-chartjs-2", "d3"]);
    loader.request(["ui-extra", "d3"]);
    assert.deepEqual(requests, [["ui", "chart.js", "react-chartjs-2", "ui-extra"], ["d3"]]);
  });

  it("evaluates dependencies first, once, whatever order the sources arrive in", () => {
    const { loader, evaluated } = setup();
    loader.receive([
      { id: "react-chartjs-2", source: "b" },
      { id: "chart.js", source: "a" },
    ]);
    assert.deepEqual(loader.missing(["react-chartjs-2"]), []);
    loader.load(["react-chartjs-2"]);
    loader.load(["react-chartjs-2", "chart.js"]);
    assert.deepEqual(evaluated, ["chart.js", "react-chartjs-2"]);
    assert.deepEqual(loader.exportsOf("chart.js"), { id: "chart.js", source: "a" });
  });

  it("ignores unknown ids and second copies", () => {
    const { loader } = setup();
    loader.receive([
      { id: "evil", source: "x" },
      { id: "__proto__", source: "x" },
      { id: "d3", source: "one" },
    ]);
    loader.receive([{ id: "d3", source: "two" }]);
    loader.load(["d3"]);
    assert.deepEqual(loader.exportsOf("d3"), { id: "d3", source: "one" });
    assert.equal(loader.exportsOf("evil"), undefined);
  });

  it("waits until every module is here", async () => {
    const { loader, timers } = setup();
    let done = false;
    const waiting = loader.wait(["react-chartjs-2"]).then(() => (done = true));
    loader.receive([{ id: "react-chartjs-2", source: "b" }]);
    await Promise.resolve();
    assert.equal(done, false);
    loader.receive([{ id: "chart.js", source: "a" }]);
    await waiting;
    assert.equal(timers[0].cleared, true);
  });

  it("gives up after the timeout with an error naming the first missing module", async () => {
    const { loader, timers } = setup(2500);
    loader.receive([{ id: "chart.js", source: "a" }]);
    const waiting = loader.wait(["react-chartjs-2"]);
    assert.equal(timers[0].ms, 2500);
    timers[0].callback();
    await assert.rejects(waiting, (error: unknown) => {
      assert.ok(error instanceof ModuleLoadError);
      assert.equal(error.moduleId, "react-chartjs-2");
      assert.match(error.message, /"react-chartjs-2" did not arrive within 2.5 s/);
      return true;
    });
  });

  it("reports a module the host could not load, or whose code failed, and does not retry it", () => {
    const { loader, evaluated } = setup();
    loader.receive([
      { id: "d3", error: "not on this page" },
      { id: "lodash", source: "throw" },
    ]);
    assert.throws(() => loader.load(["d3"]), /"d3" failed to load: not on this page/);
    assert.throws(() => loader.load(["lodash"]), /"lodash" failed to load: boom/);
    assert.throws(() => loader.load(["lodash"]), /boom/);
    assert.deepEqual(evaluated, ["lodash"]);
  });

  it("calls back when modules arrive, unless cancelled", () => {
    const { loader } = setup();
    const calls: string[] = [];
    const cancel = loader.whenAvailable(["d3"], () => calls.push("first"));
    loader.whenAvailable(["d3"], () => calls.push("second"));
    cancel();
    loader.receive([{ id: "d3", source: "x" }]);
    loader.whenAvailable(["d3"], () => calls.push("now"));
    assert.deepEqual(calls, ["second", "now"]);
  });
});

describe("module registry", () => {
  const exports: Record<string, unknown> = {
    d3: { scaleLinear: "scale", __esModule: true },
    lodash: Object.assign(() => "chain", { debounce: () => "debounced" }),
    ui: { button: { Button: "B", buttonVariants: "v" }, utils: { cn: () => "c" } },
  };
  const registry = new ModuleRegistry(MANIFEST, (id) => exports[id]);

  it("names every unknown import with its line", () => {
    const bad = registry.unknownImport([
      { module: "react", line: 1 },
      { module: "left-pad", line: 4 },
    ]);
    assert.equal(bad?.line, 4);
    assert.match(bad?.message ?? "", /Cannot import "left-pad" \(line 4\).*"react".*"d3".*@\/components\/ui/);
    assert.equal(registry.unknownImport([{ module: "d3-scale", line: 2 }]), null);
  });

  it("lists the modules imports need", () => {
    assert.deepEqual(
      registry.modulesFor([
        { module: "react", line: 1 },
        { module: "extra", line: 2 },
        { module: "lodash/debounce", line: 3 },
      ]),
      ["ui", "chart.js", "react-chartjs-2", "ui-extra", "lodash"],
    );
    // Named imports of a chunked module need their chunks only; other imports of it, every chunk.
    assert.deepEqual(registry.modulesFor([{ module: "icon-set", line: 1, names: ["Heart"] }]), [
      "icons",
      "icons-2",
    ]);
    assert.deepEqual(registry.modulesFor([{ module: "icon-set", line: 1 }]), [
      "icons",
      "icons-1",
      "icons-2",
      "icons-3",
    ]);
    assert.deepEqual(registry.siteNeeding([{ module: "extra", line: 2 }], "chart.js"), {
      module: "extra",
      line: 2,
    });
  });

  it("shapes modules for compiled imports", () => {
    const d3 = registry.require("d3") as Record<string, unknown>;
    assert.equal(d3.scaleLinear, "scale");
    assert.equal((d3.default as Record<string, unknown>).scaleLinear, "scale");
    const lodash = registry.require("lodash") as Record<string, unknown>;
    assert.equal((lodash.default as () => string)(), "chain");
    assert.equal((lodash.debounce as () => string)(), "debounced");
    const debounce = registry.require("lodash/debounce") as Record<string, unknown>;
    assert.equal((debounce.default as () => string)(), "debounced");
    assert.equal(debounce.debounce, debounce.default);
    const button = registry.require("@/components/ui/button") as Record<string, unknown>;
    assert.equal(button.Button, "B");
    assert.equal(registry.require("~/components/ui/button"), registry.require("~/components/ui/button"));
    assert.ok((registry.require("react") as Record<string, unknown>).useState);
  });

  it("refuses what it cannot give", () => {
    assert.throws(() => registry.require("left-pad"), /no bundled library provides it/);
    assert.throws(() => registry.require("chart.js"), /not loaded yet/);
    assert.throws(() => registry.require("lodash/nope"), /has no export "nope"/);
  });
});

describe("module exports", () => {
  it("never reach through the prototype chain", () => {
    const registry = new ModuleRegistry(MANIFEST, () => Object.assign(() => 0, { debounce: () => 1 }));
    assert.throws(() => registry.require("lodash/constructor"), /has no export "constructor"/);
    assert.throws(() => registry.require("lodash/toString"), /has no export "toString"/);
  });
});
