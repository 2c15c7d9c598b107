import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import {
  chunksFor,
  isKnownModule,
  libraryNames,
  moduleClosure,
  resolveSpecifier,
  type ModuleManifest,
} from "../src/runtime/module-manifest";
import { MANIFEST } from "./library-fixtures";

describe("module manifest", () => {
  it("resolves core imports, exact names and aliases", () => {
    assert.deepEqual(resolveSpecifier(MANIFEST, "react"), { kind: "core" });
    assert.deepEqual(resolveSpecifier(MANIFEST, "d3-scale"), { kind: "module", module: "d3" });
    assert.deepEqual(resolveSpecifier(MANIFEST, "~/components/ui/button"), {
      kind: "module",
      module: "ui",
      export: "button",
    });
    assert.deepEqual(resolveSpecifier(MANIFEST, "@/lib/utils"), {
      kind: "module",
      module: "ui",
      export: "utils",
    });
  });

  it("resolves prefixes to one export, and only to export-like names", () => {
    assert.deepEqual(resolveSpecifier(MANIFEST, "lodash/debounce"), {
      kind: "module",
      module: "lodash",
      export: "debounce",
    });
    assert.deepEqual(resolveSpecifier(MANIFEST, "lodash.throttle"), {
      kind: "module",
      module: "lodash",
      export: "throttle",
    });
    assert.equal(resolveSpecifier(MANIFEST, "lodash/"), null);
    assert.equal(resolveSpecifier(MANIFEST, "lodash/fp/map"), null);
    assert.equal(resolveSpecifier(MANIFEST, "lodash/../../x"), null);
  });

  it("knows nothing else", () => {
    assert.equal(resolveSpecifier(MANIFEST, "left-pad"), null);
    assert.equal(resolveSpecifier(MANIFEST, "@/components/ui/nope"), null);
    assert.equal(resolveSpecifier(MANIFEST, "constructor"), null);
    assert.equal(resolveSpecifier(MANIFEST, "__proto__"), null);
    assert.ok(isKnownModule(MANIFEST, "d3"));
    assert.ok(!isKnownModule(MANIFEST, "toString"));
    assert.ok(!isKnownModule(MANIFEST, 3));
  });

  it("orders modules dependencies first, each once", () => {
    assert.deepEqual(moduleClosure(MANIFEST, ["ui-extra", "d3", "react-chartjs-2", "nope"]), [
      "ui",
      "chart.js",
      "react-chartjs-2",
      "ui-extra",
      "d3",
    ]);
  });

  it("names each module by its first whole-module import", () => {
    assert.deepEqual(libraryNames(MANIFEST), [
      "d3",
      "lodash",
      "chart.js",
      "react-chartjs-2",
      "extra",
      "icon-set",
    ]);
  });

  it("routes names to the chunks holding them, in chunk order", () => {
    assert.deepEqual(chunksFor(MANIFEST, "icons", ["Star", "Alarm", "Heart"]), [
      "icons-1",
      "icons-2",
      "icons-3",
    ]);
    // Every spelling of a name goes where the name goes.
    for (const name of ["Heart", "HeartIcon", "LucideHeart", "LucideHeartIcon"])
      assert.deepEqual(chunksFor(MANIFEST, "icons", [name]), ["icons-2"], name);
    assert.deepEqual(chunksFor(MANIFEST, "icons", ["Lucide", "Icon", "StarIcon", "Stack"]), [
      "icons-2",
      "icons-3",
    ]);
    assert.deepEqual(chunksFor(MANIFEST, "icons", ["createLucideIcon"]), []);
    assert.deepEqual(chunksFor(MANIFEST, "icons", []), []);
  });

  it("gives every chunk for a whole-module use, and none for other modules", () => {
    const all = ["icons-1", "icons-2", "icons-3"];
    assert.deepEqual(chunksFor(MANIFEST, "icons", undefined), all);
    assert.deepEqual(chunksFor(MANIFEST, "icons", ["Heart", "icons"]), all);
    assert.deepEqual(chunksFor(MANIFEST, "d3", ["scaleLinear"]), []);
    assert.deepEqual(chunksFor(MANIFEST, "toString", undefined), []);
  });

  const built = new URL("../../../jupyter_componentgen/static/modules/manifest.json", import.meta.url);
  it("matches the built manifest's promises", { skip: !existsSync(built) && "not built" }, () => {
    const manifest = JSON.parse(readFileSync(built, "utf8")) as ModuleManifest;
    for (const name of [
      "recharts",
      "lucide-react",
      "framer-motion",
      "motion/react",
      "d3",
      "mathjs",
      "xlsx",
    ]) {
      assert.equal(resolveSpecifier(manifest, name)?.kind, "module", name);
    }
    for (const name of [
      "@/components/ui/card",
      "components/ui/dialog",
      "~/components/ui/sonner",
      "@/hooks/use-toast",
    ]) {
      assert.deepEqual(
        resolveSpecifier(manifest, name),
        { kind: "module", ...manifest.specifiers[name] },
        name,
      );
    }
    assert.deepEqual(moduleClosure(manifest, ["react-chartjs-2"]), ["chart.js", "react-chartjs-2"]);
    // The icons come in chunks: a component pays for the ones it names.
    const chunks = chunksFor(manifest, "lucide-react", ["Heart", "ChevronDown", "LucideHeart"]);
    assert.equal(chunks.length, 2);
    assert.ok(chunks.every((id) => manifest.modules[id]?.requires.includes("lucide-react")));
    assert.ok(chunksFor(manifest, "lucide-react", undefined).length > 10);
    for (const [id, entry] of Object.entries(manifest.modules)) {
      assert.ok(entry.bytes > 0, id);
      for (const dependency of entry.requires) assert.ok(isKnownModule(manifest, dependency), dependency);
    }
  });
});
