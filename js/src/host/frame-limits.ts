/**
 * What a component's frame may tell the page, and how often. The frame runs untrusted code, which can post
 * any message it likes, as fast as it likes: every kind is admitted here before it is validated or
 * forwarded (to the kernel, to the server, onto the page), and text from the frame is length-capped.
 * A report answers one render request, once (a report of a render never asked for is forged); the other
 * kinds are rate-limited per kind, so a flood of one kind never starves the reports the host waits for.
 */

export interface Rate {
  perSecond: number;
  burst: number;
}

/** A token bucket: short bursts pass, sustained floods are dropped. `now` is in milliseconds. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: Rate,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = rate.burst;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.rate.burst, this.tokens + ((t - this.last) / 1000) * this.rate.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export const FRAME_LIMITS = {
  /** Emits, before they are validated (the emit limiter then allows 30 a second). */
  emits: { perSecond: 100, burst: 200 },
  /** Handshakes: only the first after each load counts; the rest are forged. */
  ready: { perSecond: 5, burst: 10 },
  /** Requests for library modules: a render asks once for what it imports. */
  moduleRequests: { perSecond: 10, burst: 20 },
  /** Errors that answer no render request (a mounted component failing later, in a handler or effect). */
  errors: { perSecond: 2, burst: 5 },
  resizes: { perSecond: 30, burst: 60 },
} as const satisfies Record<string, Rate>;

/** Longest error message and stack the page takes from a frame, in characters. */
export const MAX_REPORTED_MESSAGE = 500;
export const MAX_REPORTED_STACK = 2000;

export function capText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export type ThrottledKind = "rendered" | "error" | "resize" | "emit" | "ready" | "need_modules";

/** A message's `type` and `id`, read without validating it (cheap enough for a flood). */
export function peek(data: unknown): { type: string; id: unknown } | null {
  if (typeof data !== "object" || data === null) return null;
  const { type, id } = data as { type?: unknown; id?: unknown };
  return typeof type === "string" ? { type, id } : null;
}
