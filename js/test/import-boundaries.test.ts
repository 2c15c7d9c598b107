import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

// Bundled into lib/test/, two folders below js/.
const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

/**
 * What each folder of src/ may import besides itself. The cell's view (widget/) and the side panel (panel/)
 * share only the wire types (schema/) and the stream's follower (stream/); the labextension, which wires
 * them together, and the page hosts may import anything.
 */
const ALLOWED: Record<string, string[]> = {
  schema: [],
  stream: ["schema"],
  widget: ["schema", "stream", "host"],
  panel: ["schema", "stream"],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The relative specifiers a module imports or re-exports, statically or dynamically. */
function relativeImports(source: string): string[] {
  const found = source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'](\.[^"']*)["']/g);
  return [...found].map((match) => match[1]);
}

/** The folder of src/ a path is in ("" for files outside src/ such as the schema JSON). */
function folderOf(path: string): string {
  const inside = relative(SRC, path);
  return inside.startsWith("..") ? "" : inside.split(sep)[0];
}

describe("the layout of js/src", () => {
  it("finds imports the way the source writes them", () => {
    const source = `import a from "./a";\nexport { b } from "../b";\nimport "./c";\nconst d = import("../d");`;
    assert.deepEqual(relativeImports(source), ["./a", "../b", "./c", "../d"]);
  });

  it("keeps the cell's view and the side panel apart, and schema/ and stream/ below both", () => {
    const crossings: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const from = folderOf(file);
      const allowed = ALLOWED[from];
      if (allowed === undefined) continue;
      for (const specifier of relativeImports(readFileSync(file, "utf8"))) {
        const to = folderOf(resolve(dirname(file), specifier));
        if (to && to !== from && !allowed.includes(to))
          crossings.push(`${relative(SRC, file)} -> ${specifier}`);
      }
    }
    assert.deepEqual(crossings, [], "move what both sides need to schema/ or stream/");
  });

  it("keeps every hand-written module short enough to read in one sitting", () => {
    // About 400 lines, as for the Python package; the generated wire types are not read by hand.
    const MAX_LINES = 430;
    const long = sourceFiles(SRC)
      .filter((file) => !relative(SRC, file).split(sep).includes("generated"))
      .map((file) => [relative(SRC, file), readFileSync(file, "utf8").split("\n").length] as const)
      .filter(([, lines]) => lines > MAX_LINES);
    assert.deepEqual(long, [], "split the module by job");
  });
});
