/** Helpers for node tests: evaluate compiled components with the real libraries and render them to HTML. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { compileComponent } from "../src/runtime/compile";

const nodeRequire = createRequire(import.meta.url);
const ALLOWED = new Set(["react", "react/jsx-runtime", "react-dom", "recharts", "lucide-react"]);

export function fixture(name: string): string {
  return readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), "utf8");
}

/** Compile, evaluate and render `source` to static HTML; throws whatever fails. */
export function renderSource(source: string, props: Record<string, unknown>): string {
  const { code } = compileComponent(source);
  const module: { exports: Record<string, unknown> } = { exports: {} };
  const requireAllowed = (name: string): unknown => {
    if (!ALLOWED.has(name)) throw new Error(`not allowed: ${name}`);
    return nodeRequire(name);
  };
  new Function("require", "module", "exports", "emit", code)(
    requireAllowed,
    module,
    module.exports,
    () => true,
  );
  const component = module.exports.default as ComponentType<Record<string, unknown>> | undefined;
  if (typeof component !== "function") throw new Error("no default export");
  return renderToStaticMarkup(createElement(component, props));
}

export const SAMPLE_PROPS = {
  data: [
    { region: "North", product: "Widget", sales: 1200, growth: 0.12, month: "Jan", revenue: 10, cost: 4 },
    { region: "South", product: "Gadget", sales: 800, growth: -0.05, month: "Feb", revenue: 14, cost: 6 },
  ],
  columns: ["month", "revenue", "cost"],
  emit: () => true,
};
