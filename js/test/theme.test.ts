import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { oklchToHslChannels, readsHslTokens } from "../src/runtime/colour";
import { placeholderImage } from "../src/runtime/images";

describe("token forms", () => {
  it("convert oklch colours to HSL channels", () => {
    assert.equal(oklchToHslChannels("oklch(1 0 0)"), "0 0% 100%");
    assert.equal(oklchToHslChannels("oklch(0 0 0)"), "0 0% 0%");
    // A saturated blue stays blue: hue near 214, high saturation.
    const [hue, saturation] = (oklchToHslChannels("oklch(0.62 0.19 257)") ?? "").split(" ");
    assert.ok(Math.abs(Number(hue) - 214) < 2, hue);
    assert.ok(parseFloat(saturation) > 80, saturation);
    assert.equal(oklchToHslChannels("oklch(1 0 0 / 11%)"), "0 0% 100% / 0.11");
    assert.equal(oklchToHslChannels("#fff"), null);
  });

  it("tell code that reads the tokens as HSL channels", () => {
    assert.ok(readsHslTokens('desktop: { label: "Desktop", color: "hsl(var(--chart-1))" }'));
    assert.ok(readsHslTokens('className="bg-[hsl(var(--muted))]"'));
    assert.ok(readsHslTokens("stroke: 'hsla( var(--primary), 0.5)'"));
    assert.ok(!readsHslTokens('color: "var(--chart-1)"'));
    assert.ok(!readsHslTokens('color: "hsl(210 40% 50%)"'));
  });
});

describe("image placeholder", () => {
  it("is an SVG of the image's size, as a data URL", () => {
    const url = placeholderImage(40, 30);
    assert.ok(url.startsWith("data:image/svg+xml,"));
    const svg = decodeURIComponent(url.slice("data:image/svg+xml,".length));
    assert.match(svg, /width="40" height="30" viewBox="0 0 40 30"/);
    assert.doesNotMatch(svg, /href|script/i);
  });
});
