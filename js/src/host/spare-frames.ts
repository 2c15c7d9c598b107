/**
 * One spare preview per runtime, loaded and waiting out of sight, so the next view of a component shows it
 * without loading a runtime first (the frame's documents and the runtime's evaluation are most of a warm
 * render's time). A view takes the spare and moves its frame into place with moveBefore(), which keeps a
 * frame's document alive where moving it any other way would reload it; the next spare is made when the
 * page is idle. Where the browser has no moveBefore, every view makes its own frame, as before.
 */
import { Preview } from "./preview";
import type { PreviewOptions } from "./preview";

type Movable = HTMLElement & { moveBefore?: (node: Node, child: Node | null) => void };

const spares = new Map<string, Preview>();
let lot: HTMLElement | null = null;

/** Whether frames can move between places in the page without reloading. */
export function canMoveFrames(): boolean {
  return typeof (Element.prototype as Movable).moveBefore === "function";
}

function parkingLot(): HTMLElement {
  if (lot?.isConnected) return lot;
  lot = document.createElement("div");
  lot.setAttribute("aria-hidden", "true");
  // Out of sight but laid out: a frame in a display:none box may be throttled or never paint.
  lot.style.cssText =
    "position:fixed;left:-10000px;top:0;width:800px;height:200px;overflow:hidden;visibility:hidden;pointer-events:none;";
  document.body.appendChild(lot);
  return lot;
}

/** Keep a spare ready for views of `runtimeSource` (made when the page is idle). */
export function prepareSpare(runtimeSource: string): void {
  if (!canMoveFrames() || spares.has(runtimeSource)) return;
  const later = (callback: () => void): void => {
    if (typeof requestIdleCallback === "function") requestIdleCallback(callback, { timeout: 2000 });
    else setTimeout(callback, 200);
  };
  later(() => {
    if (!spares.has(runtimeSource)) spares.set(runtimeSource, new Preview(parkingLot(), { runtimeSource }));
  });
}

/** The spare for `options.runtimeSource`, moved into `container` and bound to `options`; null when none is ready. */
export function takeSpare(container: HTMLElement, options: PreviewOptions): Preview | null {
  const spare = spares.get(options.runtimeSource);
  if (!spare || !spare.ready || !container.isConnected || !spare.iframe.isConnected) return null;
  spares.delete(options.runtimeSource);
  spare.adopt(container, options);
  prepareSpare(options.runtimeSource);
  return spare;
}
