/**
 * Images a component takes from the network (`https://images.unsplash.com/…`, v0's `/placeholder.svg?…`)
 * never load in the frame: its CSP refuses every request. Instead of a broken-image icon and stray alt text,
 * such an image shows a neutral placeholder of its size, unless the component handles the failure itself
 * (its own `onError` swapping the source).
 */

const FILL = "#e5e7eb";
const INK = "#9ca3af";
const MAX_SWAPS = 3;
const swaps = new WeakMap<HTMLImageElement, number>();
const watched = new WeakSet<Document>();

/** A size from the image's attributes, or from a `?width=…&height=…` query (v0's placeholder URLs). */
function sizeOf(image: HTMLImageElement, source: string): { width: number; height: number } {
  const fromQuery = (key: string): number => {
    const match = new RegExp(`[?&]${key}=(\\d{1,4})`).exec(source);
    return match ? Number(match[1]) : 0;
  };
  const attribute = (key: string): number => Number(image.getAttribute(key)) || 0;
  const width = attribute("width") || fromQuery("width") || fromQuery("w") || 0;
  const height = attribute("height") || fromQuery("height") || fromQuery("h") || 0;
  if (width && height) return { width, height };
  if (width) return { width, height: width };
  if (height) return { width: height, height };
  return { width: 96, height: 96 };
}

/** A grey box with a picture glyph in its middle, as an SVG data URL (the CSP allows data: images). */
export function placeholderImage(width: number, height: number): string {
  const glyph =
    `<svg x="50%" y="50%" overflow="visible"><g transform="translate(-12 -12)" fill="none" stroke="${INK}" ` +
    'stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">' +
    '<rect x="3" y="3" width="18" height="18" rx="2"/><circle cx="9" cy="9" r="2"/>' +
    '<path d="m21 15-3.1-3.1a2 2 0 0 0-2.8 0L6 21"/></g></svg>';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" preserveAspectRatio="none">` +
    `<rect width="100%" height="100%" fill="${FILL}"/>${glyph}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** Watch the document for images that fail to load, and give each one left failed a placeholder. */
export function installImageFallback(target: Document = document): void {
  if (watched.has(target)) return;
  watched.add(target);
  target.addEventListener(
    "error",
    (event) => {
      const image = event.target;
      if (!(image instanceof HTMLImageElement)) return;
      const failed = image.currentSrc || image.src;
      if (failed.startsWith("data:image/svg+xml")) return;
      // After the component's own handlers: one that swapped the source has handled it.
      setTimeout(() => {
        const current = image.currentSrc || image.src;
        if (current !== failed || !image.isConnected) return;
        const count = swaps.get(image) ?? 0;
        if (count >= MAX_SWAPS) return;
        swaps.set(image, count + 1);
        const { width, height } = sizeOf(image, image.getAttribute("src") ?? "");
        image.removeAttribute("srcset");
        image.src = placeholderImage(width, height);
      }, 0);
    },
    true,
  );
}
