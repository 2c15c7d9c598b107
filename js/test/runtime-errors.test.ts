import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compileComponent } from "../src/runtime/compile";
import { missingExports } from "../src/runtime/modules";
import { explainReactError } from "../src/runtime/react-errors";
import { describeMissing } from "../src/runtime/report";

const SOURCE = `import React, { useState } from "react";
import { ResponsiveContainer, Sparkline as Spark } from "recharts";
import * as d3 from "d3";
import { Heart, type LucideIcon } from "lucide-react";
export default function A() {
  const [n] = useState(1);
  return <ResponsiveContainer><Spark data={[n]} /><Heart /></ResponsiveContainer>;
}
`;

describe("import sites", () => {
  const { code, imports } = compileComponent(SOURCE);

  it("list the names read from each import, or none for whole-module uses", () => {
    const byModule = Object.fromEntries(imports.map((site) => [site.module, site]));
    assert.deepEqual(byModule.recharts, {
      module: "recharts",
      line: 2,
      names: ["ResponsiveContainer", "Sparkline"],
    });
    assert.deepEqual(byModule["lucide-react"], { module: "lucide-react", line: 4, names: ["Heart"] });
    assert.equal(byModule.d3.names, undefined, "a namespace import may use anything");
    assert.equal(byModule.react.names, undefined, "a default import may use anything");
  });

  it("name the named imports a module does not export", () => {
    const modules: Record<string, unknown> = {
      react: { useState: () => [1], default: {} },
      recharts: { ResponsiveContainer: () => null },
      d3: {},
      // Answers any name, like the icon set.
      "lucide-react": new Proxy({}, { has: () => true }),
      "react/jsx-runtime": { jsx: () => null, jsxs: () => null },
    };
    const missing = missingExports(code, (name) => modules[name]);
    assert.deepEqual(missing, [{ module: "recharts", name: "Sparkline", line: 2 }]);
    assert.equal(describeMissing(missing), '"recharts" has no export named "Sparkline" (line 2)');
  });

  it("leave imports that fail to resolve to the render", () => {
    const missing = missingExports(code, (name) => {
      if (name === "recharts") throw new Error("not loaded");
      return { useState: 1, jsx: 1, jsxs: 1, Heart: 1 };
    });
    assert.deepEqual(missing, []);
  });
});

describe("React's minified errors", () => {
  const minified = (code: number, ...args: string[]): string =>
    `Minified React error #${code}; visit https://react.dev/errors/${code}${
      args.length ? `?${args.map((a) => `args[]=${encodeURIComponent(a)}`).join("&")}` : ""
    } for the full message or use the non-minified dev environment for full errors and additional helpful warnings.`;

  it("are spelled out with React's arguments", () => {
    assert.match(explainReactError(minified(301)), /^Too many re-renders: .*\(React error #301\)$/);
    const invalid = explainReactError(minified(130, "undefined", ""));
    assert.match(invalid, /Element type is invalid: .*\(it is undefined\)\./);
    assert.doesNotMatch(invalid, /Minified|%s/);
    assert.match(
      explainReactError(minified(31, "object with keys {name, age}")),
      /found: object with keys \{name, age\}/,
    );
    assert.match(explainReactError(minified(185)), /^Maximum update depth exceeded/);
  });

  it("keep their code and link when there is no explanation, and leave other messages alone", () => {
    assert.equal(
      explainReactError(minified(9999, "x")),
      "React error #9999 (see https://react.dev/errors/9999; details: x).",
    );
    assert.equal(explainReactError("x is not a function"), "x is not a function");
  });
});
