/**
 * The height the frame asks its host for. An iframe's viewport is as tall as the host makes it, so a
 * component written for a whole page (`h-screen`, `min-h-screen`, `100vh`, a full-screen overlay) would
 * either shrink to nothing or, with anything beside it, grow the frame in a loop (each growth makes `100vh`
 * taller). Such a component gets a fixed viewport height instead (640 px unless the host says otherwise), and
 * a height that keeps tracking the frame's own viewport is caught and held where it is.
 */
import type { ResizeMessage } from "../schema/frame";

export const DEFAULT_VIEWPORT_HEIGHT = 640;

// Tailwind's viewport heights, any CSS viewport-height unit, and scripts reading the window's height.
const VIEWPORT_CODE = [
  /(?:^|[\s"'`:])!?(?:min-h|max-h|h|size)-(?:screen|dvh|svh|lvh)(?![\w-])/,
  /\d\s*[dsl]?vh\b/,
  /\binnerHeight\b/,
];

/** Whether code asks for the viewport's height (so it needs a viewport of a sensible, fixed height). */
export function asksForViewport(code: string): boolean {
  return VIEWPORT_CODE.some((pattern) => pattern.test(code));
}

export interface HeightTarget {
  /** The component fills the viewport: give it at least `viewportHeight`. */
  fillsViewport: boolean;
  viewportHeight: number;
}

type Phase = "follow" | "suspect" | "probe" | "held";

/**
 * Decides the height to report from measurements of the content and of the frame's viewport. It follows the
 * content, except that a viewport-filling component gets at least the viewport height; and when the content
 * keeps overflowing each taller viewport it was given (`maxRounds` times in a row), it waits for the content
 * to settle and grows once more as a probe: still overflowing means the content tracks the viewport, and the
 * height goes back to where the overflowing began and stays (the content scrolls); otherwise it follows again.
 */
export class HeightPolicy {
  private target: HeightTarget = { fillsViewport: false, viewportHeight: DEFAULT_VIEWPORT_HEIGHT };
  private phase: Phase = "follow";
  private rounds = 0;
  /** The viewport when the current run of overflowing rounds began. */
  private roundsFrom = 0;
  private probeFrom = 0;
  private probeAt = 0;
  private lastRoundAt = -Infinity;
  private ownChanges = 0;
  private reported: number | null = null;
  private content = -1;
  private viewport = -1;
  private changedAt = 0;
  private viewportChangedAt = -Infinity;

  constructor(
    private readonly settleMs = 300,
    private readonly maxRounds = 2,
    private readonly roundWindowMs = 1000,
    private readonly probeWaitMs = 3000,
  ) {}

  /** A new render: what the height should serve; the loop detection starts over. */
  reset(target: HeightTarget): void {
    this.target = target;
    this.follow();
  }

  /** The same render now fills the viewport, or no longer does (an overlay opened or closed). */
  retarget(target: HeightTarget): void {
    this.target = target;
  }

  /** How long to wait before calling settle(), when the policy is waiting for the content to settle. */
  get waitingMs(): number | null {
    return this.phase === "suspect" || this.phase === "probe" ? this.settleMs : null;
  }

  private wanted(content: number): number {
    return this.target.fillsViewport ? Math.max(this.target.viewportHeight, content) : content;
  }

  private emit(height: number): number | null {
    if (height === this.reported) return null;
    this.reported = height;
    return height;
  }

  private follow(): void {
    this.phase = "follow";
    this.rounds = 0;
    this.lastRoundAt = -Infinity;
  }

  /** A measurement (CSS pixels, `now` in ms). Returns the height to report now, or null for no change. */
  observe(content: number, viewport: number, now: number): number | null {
    if (content !== this.content || viewport !== this.viewport) this.changedAt = now;
    // The content changed with the viewport, in one layout: it depends on the viewport's height.
    const movedTogether = viewport !== this.viewport && content !== this.content;
    if (viewport !== this.viewport) this.viewportChangedAt = now;
    // Content that changes again and again under one viewport changes on its own (an animation).
    if (viewport !== this.viewport) this.ownChanges = 0;
    else if (content !== this.content) this.ownChanges++;
    this.content = content;
    this.viewport = viewport;
    const wanted = this.wanted(content);
    if (this.phase === "held") return wanted < viewport ? this.emit(wanted) : null;
    if (this.phase === "probe" && this.ownChanges >= 2) this.follow();
    if (this.phase !== "follow") return null;
    // The content outgrew a viewport this policy asked for: one more round of growing. Rounds far apart
    // are ordinary growth (an expanded section, data that arrived), not a loop, unless the content grew in
    // the very layout that gave it the taller viewport (a busy frame can take long between rounds).
    if (wanted > viewport && viewport === this.reported) {
      const caused = movedTogether || now - this.viewportChangedAt <= this.roundWindowMs;
      if (!caused || now - this.lastRoundAt > this.roundWindowMs * (movedTogether ? 10 : 1)) this.rounds = 0;
      if (this.rounds === 0) this.roundsFrom = viewport;
      this.lastRoundAt = now;
      if (++this.rounds > this.maxRounds) {
        this.phase = "suspect";
        return null;
      }
    }
    return this.emit(wanted);
  }

  /** Called `waitingMs` after the last measurement; returns the height to report now, or null. */
  settle(now: number): number | null {
    if (now - this.changedAt < this.settleMs) return null;
    if (this.phase === "suspect") {
      this.phase = "probe";
      this.probeFrom = this.viewport;
      this.probeAt = now;
      return this.emit(this.wanted(this.content));
    }
    if (this.phase === "probe") {
      // The host has not given the frame the probe's height yet (a busy or hidden page lags): wait for it,
      // a while, rather than judge the old viewport.
      if (this.viewport !== this.reported && now - this.probeAt < this.probeWaitMs) return null;
      if (this.viewport > this.probeFrom && this.wanted(this.content) > this.viewport) {
        // Taller again and still overflowing: the content grows with the viewport.
        this.phase = "held";
        return this.emit(
          Math.max(this.roundsFrom, this.target.fillsViewport ? this.target.viewportHeight : 0),
        );
      }
      this.follow();
      return this.emit(this.wanted(this.content));
    }
    return null;
  }
}

/** Whether an element with fixed position covers (nearly) the whole viewport: a modal's overlay. */
function coversViewport(element: Element): boolean {
  if (getComputedStyle(element).position !== "fixed") return false;
  const box = element.getBoundingClientRect();
  return box.width >= window.innerWidth * 0.9 && box.height >= window.innerHeight * 0.9;
}

/**
 * The height floating layers need to show whole: menus, popovers and select lists (Radix poppers), which the
 * frame's edge would otherwise clip or squeeze, and toast stacks. The frame may grow for them up to
 * `limit`; they need nothing when closed.
 */
export function floatingNeed(limit: number): number {
  let need = 0;
  for (const wrapper of Array.from(document.querySelectorAll("[data-radix-popper-content-wrapper]"))) {
    const content = wrapper.firstElementChild ?? wrapper;
    const box = wrapper.getBoundingClientRect();
    const height = Math.max(content.scrollHeight, content.getBoundingClientRect().height);
    need = Math.max(need, Math.max(0, box.top) + height + 12);
    // Pushed above its trigger against the frame's top edge: there was no room below it, so make some.
    const trigger = content.id ? document.querySelector(`[aria-controls="${CSS.escape(content.id)}"]`) : null;
    if (trigger && content.getAttribute("data-side") === "top" && box.top <= 1) {
      need = Math.max(need, trigger.getBoundingClientRect().bottom + height + 16);
    }
  }
  for (const stack of Array.from(
    document.querySelectorAll("[data-sonner-toaster], [aria-label^='Notifications'] > ol"),
  )) {
    // sonner stacks its toasts absolutely, so the tallest one tells, with the stack's offset from the edge.
    const tallest = Math.max(
      0,
      ...Array.from(stack.children, (toast) => toast.getBoundingClientRect().height),
    );
    if (stack.childElementCount > 0) need = Math.max(need, Math.max(stack.scrollHeight, tallest) + 64);
  }
  return Math.min(limit, Math.ceil(need));
}

function hasOverlay(): boolean {
  const candidates = document.querySelectorAll("body > *, .fixed, [style*='fixed']");
  for (const element of Array.from(candidates)) if (coversViewport(element)) return true;
  return false;
}

interface Reporter {
  policy: HeightPolicy;
  overlay: boolean;
  code: { fillsViewport: boolean; viewportHeight: number };
  update(): void;
}

let active: Reporter | null = null;

/** A new render on screen: its code decides whether it fills the viewport, and of what height. */
export function noteRender(code: string, viewportHeight: number = DEFAULT_VIEWPORT_HEIGHT): void {
  if (!active) return;
  active.code = { fillsViewport: asksForViewport(code), viewportHeight };
  active.policy.reset({ ...active.code, fillsViewport: active.code.fillsViewport || active.overlay });
  active.update();
}

/**
 * Report the height of `root` to the host (`resize`), as HeightPolicy decides, whenever the content, the
 * viewport or the overlays in the document change.
 */
export function installHeightReporter(root: HTMLElement, post: (message: ResizeMessage) => void): void {
  const policy = new HeightPolicy();
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  const send = (height: number | null): void => {
    if (height !== null) post({ type: "resize", height: Math.min(100000, Math.max(0, height)) });
  };
  const measure = (): void => {
    const overlay = hasOverlay();
    if (overlay !== reporter.overlay) {
      reporter.overlay = overlay;
      const { fillsViewport, viewportHeight } = reporter.code;
      policy.retarget({ fillsViewport: fillsViewport || overlay, viewportHeight });
    }
    const floating = floatingNeed(reporter.code.viewportHeight);
    const content = Math.max(Math.ceil(root.getBoundingClientRect().height), floating);
    send(policy.observe(content, window.innerHeight, performance.now()));
  };
  const reporter: Reporter = {
    policy,
    overlay: false,
    code: { fillsViewport: false, viewportHeight: DEFAULT_VIEWPORT_HEIGHT },
    update(): void {
      measure();
      const wait = policy.waitingMs;
      if (wait !== null) {
        clearTimeout(settleTimer);
        settleTimer = setTimeout(function settle() {
          // Measure afresh: a hidden or throttled frame may have had no resize or layout callbacks since.
          measure();
          send(policy.settle(performance.now()));
          const again = policy.waitingMs;
          if (again !== null) settleTimer = setTimeout(settle, again);
        }, wait);
      }
    },
  };
  active = reporter;
  let scheduled = false;
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      reporter.update();
    });
  };
  new ResizeObserver(() => reporter.update()).observe(root);
  window.addEventListener("resize", () => reporter.update());
  // Overlays appear outside the content's box (portals, fixed elements): look again after DOM changes.
  new MutationObserver(schedule).observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["class", "style", "data-state"],
  });
  reporter.update();
}
