import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { capText, peek, TokenBucket } from "../src/host/frame-limits";
import { refusedMarkup } from "../src/runtime/trusted-types";

describe("the Trusted Types default policy's markup check", () => {
  it("lets ordinary markup through", () => {
    for (const html of [
      "<table><tr><td>cell</td></tr></table>",
      '<svg viewBox="0 0 10 10"><metadata>m</metadata><linearGradient id="g"/><path d="M0 0"/></svg>',
      '<p class="iframe-like">An iframe, an object and a script, in words.</p>',
      "<!-- a comment --><b>bold</b>",
      '<?xml version="1.0"?><svg/>',
    ]) {
      assert.equal(refusedMarkup(html), null, html);
    }
  });

  it("refuses every tag that could make a nested frame, run a script or navigate", () => {
    for (const html of [
      "<iframe srcdoc=x></iframe>",
      "<IFRAME>",
      "<frameset><frame></frameset>",
      "<object data=x>",
      "<embed src=x>",
      "<fencedframe>",
      '<h:iframe xmlns:h="http://www.w3.org/1999/xhtml"/>',
      "<script>1</script>",
      '<meta http-equiv="refresh" content="0;url=x">',
      '<base href="x">',
      '<link rel="preconnect" href="x">',
      "<iframe",
    ]) {
      assert.notEqual(refusedMarkup(html), null, html);
    }
  });

  it("refuses markup declarations, which can hide a tag in an XML entity", () => {
    const xml = '<!DOCTYPE x [<!ENTITY f "&#60;iframe/&#62;">]><x>&f;</x>';
    assert.match(refusedMarkup(xml) ?? "", /declaration/);
  });
});

describe("frame limits", () => {
  it("lets a burst through, then the rate", () => {
    let now = 0;
    const bucket = new TokenBucket({ perSecond: 2, burst: 3 }, () => now);
    assert.deepEqual(
      [1, 2, 3, 4].map(() => bucket.take()),
      [true, true, true, false],
    );
    now += 500;
    assert.equal(bucket.take(), true);
    assert.equal(bucket.take(), false);
  });

  it("reads a message's type and id without trusting its shape", () => {
    assert.deepEqual(peek({ type: "rendered", id: 3, extra: 1 }), { type: "rendered", id: 3 });
    assert.equal(peek({ type: 7 }), null);
    assert.equal(peek("rendered"), null);
    assert.equal(peek(null), null);
  });

  it("caps text from the frame", () => {
    assert.equal(capText("short", 10), "short");
    assert.equal(capText("x".repeat(20), 10), `${"x".repeat(9)}…`);
  });
});
