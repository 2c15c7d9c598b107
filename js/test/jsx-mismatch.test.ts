import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { CompileError, compileComponent } from "../src/runtime/compile";
import { findJsxMismatch } from "../src/runtime/cut-points";

function compileError(source: string): CompileError {
  try {
    compileComponent(source);
  } catch (error) {
    assert.ok(error instanceof CompileError, String(error));
    return error;
  }
  assert.fail("the source compiled");
}

const fromRepo = (path: string): URL => new URL(`../../../${path}`, import.meta.url);

describe("a JSX closing tag that does not match", () => {
  it("names both tags and their lines where sucrase would compile it anyway", () => {
    const error = compileError(
      [
        "export default function Card() {",
        "  return (",
        '    <div className="card">',
        "      <span>Total</div>",
        "    </span>",
        "  );",
        "}",
      ].join("\n"),
    );
    assert.equal(
      error.message,
      "</div> on line 4 does not close <span> from line 4: close <span> first with </span>.",
    );
    assert.equal(error.line, 4);
    assert.equal(error.column, 17);
  });

  it("names an element left open instead of sucrase's 'Unexpected token'", () => {
    const error = compileError(
      [
        "export default function BrokenCard() {",
        "  return (",
        '    <div className="rounded-lg border p-4">',
        "      <h2>Quarterly report",
        "    </div>",
        "  );",
        "}",
      ].join("\n"),
    );
    assert.match(error.message, /^<\/div> on line 5 does not close <h2> from line 4/);
    assert.equal(error.line, 5);
  });

  it("says which element is never closed when the code ends inside it", () => {
    const error = compileError(
      ["export default function Cut() {", "  return (", "    <section>", "      <p>Half of it</p>"].join(
        "\n",
      ),
    );
    assert.equal(error.message, "<section> (line 3) is never closed: add </section> where it ends.");
    assert.equal(error.line, 3);
  });

  it("treats fragments, member names and comparisons correctly", () => {
    const source = [
      'import * as Tabs from "@radix-ui/react-tabs";',
      "export default function Ok({ items, n }: { items: string[]; n: number }) {",
      "  const few = n < 3 && items.length > 1;",
      "  const pick = useState<string>(items[0]);",
      "  return (",
      "    <>",
      "      <Tabs.Root>{few ? <b>few</b> : <i>many</i>}</Tabs.Root>",
      "      {items.map((item) => <li key={item}>{item}</li>)}",
      "    </>",
      "  );",
      "}",
    ].join("\n");
    assert.equal(findJsxMismatch(source), null);
    compileComponent(source);
  });

  it("finds nothing wrong in any real component, escape case, recording or fixture", () => {
    const sources: [string, string][] = [];
    for (const folder of ["tests/corpus/components", "tests/security/corpus", "js/test/fixtures"]) {
      for (const name of readdirSync(fromRepo(folder)))
        sources.push([name, readFileSync(fromRepo(`${folder}/${name}`), "utf8")]);
    }
    for (const name of readdirSync(fromRepo("tests/provider/recordings"))) {
      const text = readFileSync(fromRepo(`tests/provider/recordings/${name}`), "utf8");
      for (const block of text.matchAll(/\/\/\/ START \w+\n([\s\S]*?)\/\/\/ END/g))
        sources.push([name, block[1]]);
    }
    assert.ok(sources.length > 100, `${sources.length} sources`);
    const flagged = sources.filter(([, source]) => findJsxMismatch(source) !== null).map(([name]) => name);
    assert.deepEqual(flagged, []);
  });
});
