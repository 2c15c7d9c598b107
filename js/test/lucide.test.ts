import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Heart, HeartIcon } from "lucide-react";
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { icons } from "../src/libraries/lucide";
import { interop } from "../src/runtime/modules";

describe("lucide-react module", () => {
  const namespace = interop(icons) as Record<string, ComponentType<Record<string, unknown>>>;

  it("serves the icons its chunks register, under every name, and ES-module interop", () => {
    const register = (namespace as Record<string, unknown>).__componentgenRegisterIcons as (
      icons: Record<string, unknown>,
    ) => void;
    register({ Heart, HeartIcon, LucideHeart: Heart });
    assert.equal(namespace, icons);
    assert.equal(namespace.LucideHeart, Heart);
    assert.ok("Heart" in ((namespace as Record<string, unknown>).icons as object));
    assert.ok(Object.keys(namespace).includes("HeartIcon"));
    assert.equal((namespace as Record<string, unknown>).__esModule, true);
    assert.equal((namespace as Record<string, unknown>).default, icons);
    assert.match(renderToStaticMarkup(createElement(namespace.Heart, { size: 16 })), /lucide-heart/);
  });

  it("draws a placeholder and warns once for an unknown icon", (t) => {
    const warn = t.mock.method(console, "warn", () => undefined);
    const Missing = namespace.TotallyMadeUpIcon;
    assert.equal(namespace.TotallyMadeUpIcon, Missing);
    const html = renderToStaticMarkup(createElement(Missing, { size: 20, className: "text-red-500" }));
    assert.match(html, /data-missing-icon="TotallyMadeUpIcon"/);
    assert.match(html, /width="20"/);
    assert.match(html, /text-red-500/);
    assert.equal(warn.mock.callCount(), 1);
  });

  it("answers nothing for names that are not icons", () => {
    assert.equal((namespace as Record<string, unknown>).then, undefined);
    assert.equal((namespace as Record<string, unknown>).toJSON, undefined);
  });
});
