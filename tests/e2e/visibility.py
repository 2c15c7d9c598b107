"""What a person sees of a preview, checked the way they would: the frame is on screen (a non-zero box, no
hidden ancestor, not transparent), the component inside it shows the text, and a screenshot of it is not
blank. A node that exists inside a hidden box is not a preview."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Locator, Page

# The fewest distinct colours a screenshot of a rendered component has (text and background antialiased).
MIN_COLOURS = 4

# Walks from the element to the document's root: the first reason it cannot be seen, else null.
HIDDEN_JS = """
(element) => {
  const box = element.getBoundingClientRect();
  if (box.width < 1 || box.height < 1) return `its box is ${box.width}x${box.height}`;
  for (let node = element; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    const name = node.tagName.toLowerCase() + (node.className && typeof node.className === 'string'
      ? '.' + node.className.trim().split(/\\s+/).join('.') : '');
    if (node.hidden) return `${name} is hidden`;
    if (style.display === 'none') return `${name} has display: none`;
    if (style.visibility === 'hidden') return `${name} has visibility: hidden`;
    if (Number(style.opacity) === 0) return `${name} is transparent`;
  }
  return null;
}
"""

# Distinct colours of a PNG (decoded by the browser) and the share of its most common colour.
COLOURS_JS = """
async (b64) => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + b64;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d', {willReadFrequently: true});
  context.drawImage(image, 0, 0);
  const pixels = new Uint32Array(context.getImageData(0, 0, canvas.width, canvas.height).data.buffer);
  const counts = new Map();
  for (const pixel of pixels) counts.set(pixel, (counts.get(pixel) || 0) + 1);
  let top = 0;
  for (const n of counts.values()) top = Math.max(top, n);
  return {distinct: counts.size, dominantShare: pixels.length ? top / pixels.length : 1};
}
"""


@dataclass
class Sighting:
    """One look at a preview: what kept it from being seen (empty when nothing did) and its text."""

    problems: list[str]
    text: str
    colours: int

    @property
    def seen(self) -> bool:
        return not self.problems


def colours(page: Page, png: bytes) -> tuple[int, float]:
    """How many distinct colours a screenshot has, and the share of its most common one."""
    result = page.evaluate(COLOURS_JS, base64.b64encode(png).decode("ascii"))
    return int(result["distinct"]), float(result["dominantShare"])


def distinct_colours(page: Page, png: bytes) -> int:
    return colours(page, png)[0]


def look(
    page: Page,
    iframe: Locator,
    component_text: Locator,
    *,
    screenshot: Path | None = None,
    text_required: bool = True,
) -> Sighting:
    """How the preview in ``iframe`` looks now; ``component_text`` reads the innermost frame's text.

    ``text_required=False`` accepts a frame with no text that is not blank: a streamed partial may be a
    button whose label has not arrived yet.
    """
    problems: list[str] = []
    try:
        handle = iframe.element_handle(timeout=2000)
    except Exception:
        return Sighting(["there is no preview frame"], "", 0)
    hidden = handle.evaluate(HIDDEN_JS)
    if hidden:
        problems.append(f"the preview frame cannot be seen: {hidden}")
    try:
        text = component_text.inner_text(timeout=2000).strip()
    except Exception:
        text = ""
    if not text and text_required:
        problems.append("the component's frame shows no text")
    colours = 0
    if not hidden:
        png = iframe.screenshot(path=str(screenshot) if screenshot else None, timeout=5000)
        colours = distinct_colours(page, png)
        if colours < MIN_COLOURS:
            problems.append(f"a screenshot of the preview is blank ({colours} colours)")
    return Sighting(problems, text, colours)
