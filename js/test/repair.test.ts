import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compileComponent } from "../src/runtime/compile";
import { closingSuffix, repairCandidates } from "../src/runtime/repair";
import { fixture, renderSource, SAMPLE_PROPS } from "./harness";

/** The first candidate that compiles and parses, as the runtime picks it. */
function firstCompiling(prefix: string): string | null {
  for (const candidate of repairCandidates(prefix)) {
    try {
      // The compiler is lenient (it accepts `return ()`); the engine's parser has the last word.
      new Function("require", "module", "exports", "emit", compileComponent(candidate.code).code);
      return candidate.code;
    } catch {
      continue;
    }
  }
  return null;
}

describe("closingSuffix", () => {
  it("closes nested JSX elements innermost first", () => {
    assert.equal(
      closingSuffix('const x = (\n  <div className="a">\n    <ul>\n      <li>'),
      "</li></ul></div>)",
    );
  });

  it("closes an opening tag whose attributes are still streaming", () => {
    assert.equal(closingSuffix("return (\n  <input\n    value={v}\n"), " />)");
  });

  it("closes attribute expressions, calls and template literals", () => {
    assert.equal(closingSuffix("<b onClick={() => {\n  go(`a ${x"), "}`)}} />");
  });

  it("closes fragments, child expressions and block comments", () => {
    assert.equal(closingSuffix("(<>\n {items.map((i) => (\n <p>{i /* note"), "*/}</p>))}</>)");
  });

  it("puts null where an expression is still missing", () => {
    assert.equal(closingSuffix("function A() {\n  return (\n"), "null)}");
    assert.equal(closingSuffix("(<ul>\n {rows.map((row) => (\n"), "null))}</ul>)");
    assert.equal(closingSuffix("const ok = a &&\n"), "null");
    assert.equal(closingSuffix("const v = ready ?\n"), "null : null");
    assert.equal(closingSuffix("<b onClick={\n"), "null} />");
    assert.equal(closingSuffix("const n = Math.max(\n"), ")");
  });

  it("treats quotes in JSX text as text", () => {
    assert.equal(closingSuffix("(<p>\nDon't stop\n"), "</p>)");
  });

  it("does not take generics or comparisons for JSX", () => {
    assert.equal(closingSuffix("const [a, b] = useState<number>(0);\nif (a < b) {\n"), "}");
  });

  it("skips regular expressions and strings holding brackets", () => {
    assert.equal(closingSuffix('const r = /[({\'"]/g;\nconst s = "(}";\nfunction f() {\n'), "}");
  });
});

describe("repairCandidates", () => {
  it("yields nothing before the default export appears", () => {
    assert.deepEqual([...repairCandidates('import { useState } from "react";\nconst A = 1;\n')], []);
  });

  it("cuts at the end, then at complete lines as fallbacks", () => {
    const head = "export default function A() {\n  return (\n    <div>\n      <p>Hi</p>\n";
    const source = head + "      <p>Th";
    const candidates = [...repairCandidates(source)];
    assert.ok(candidates.length >= 3);
    assert.equal(candidates[0].code, source + "</p></div>)}\n");
    assert.equal(candidates[1].code, head + "</div>)}\n");
    assert.ok(candidates.every((c) => source.startsWith(c.code.slice(0, c.kept))));
  });

  it("blanks Markdown code fences", () => {
    const [first] = repairCandidates("```tsx\nexport default function A() {\n  return <p>x</p>;\n");
    assert.ok(first);
    assert.ok(!first.code.includes("```"));
    compileComponent(first.code);
  });

  for (const name of ["dashboard.tsx", "chart.jsx", "form.tsx"]) {
    it(`renders most line prefixes of ${name} past "return ("`, (t) => {
      const source = fixture(name);
      const lines = source.split("\n");
      const start = lines.findIndex((line) => /^\s*return \($/.test(line));
      assert.ok(start > 0);
      let compiled = 0;
      let rendered = 0;
      const total = lines.length - start - 1;
      for (let n = start + 1; n < lines.length; n++) {
        const code = firstCompiling(lines.slice(0, n).join("\n") + "\n");
        if (code === null) continue;
        compiled++;
        try {
          if (renderSource(code, SAMPLE_PROPS).length > 0) rendered++;
        } catch {
          // counted as not rendering
        }
      }
      t.diagnostic(`${name}: ${compiled}/${total} prefixes compiled, ${rendered}/${total} rendered`);
      assert.ok(compiled / total >= 0.95, `${name}: ${compiled}/${total} prefixes compiled`);
      assert.ok(rendered / total >= 0.9, `${name}: ${rendered}/${total} prefixes rendered`);
    });
  }

  for (const name of ["dashboard.tsx", "chart.jsx", "form.tsx"]) {
    it(`renders most mid-line prefixes of ${name} past "return ("`, (t) => {
      const source = fixture(name);
      const start = source.search(/return \(\n/) + "return (\n".length;
      let rendered = 0;
      let total = 0;
      for (let end = start + 5; end < source.length; end += 13) {
        total++;
        const code = firstCompiling(source.slice(0, end));
        try {
          if (code !== null && renderSource(code, SAMPLE_PROPS).length > 0) rendered++;
        } catch {
          // counted as not rendering
        }
      }
      t.diagnostic(`${name}: ${rendered}/${total} mid-line prefixes rendered`);
      assert.ok(rendered / total >= 0.9, `${name}: ${rendered}/${total} prefixes rendered`);
    });
  }

  it("cuts mid-line inside JSX text, strings and comments", () => {
    const base = "export default function A() {\n  return (\n    <div>\n";
    for (const [tail, expected] of [
      ["      <p>Hello wor", "      <p>Hello wor</p></div>)}\n"],
      ['      <p title="Sal', '      <p title="Sal" /></div>)}\n'],
      ["      {/* a note", "      {/* a note*/}</div>)}\n"],
    ] as const) {
      const [first] = repairCandidates(base + tail);
      assert.equal(first?.code, base + expected);
    }
  });

  it("does not cut mid-line inside a tag name or an identifier", () => {
    const base = "export default function A() {\n  return (\n    <div>\n";
    for (const tail of ["      <Butt", "      {ro"]) {
      const [first] = repairCandidates(base + tail);
      assert.equal(first?.kept, base.length);
    }
  });

  it("renders the full fixtures unchanged", () => {
    for (const name of ["dashboard.tsx", "chart.jsx", "form.tsx"]) {
      assert.match(renderSource(fixture(name), SAMPLE_PROPS), /<(div|form)/);
    }
  });
});
