/**
 * `emit(name, payload)` for components: forwards to the host, rate-limited (a token bucket: short bursts
 * pass, sustained floods are dropped with a console warning) and size-limited (JSON payloads only).
 */

export interface EmitLimits {
  perSecond: number;
  burst: number;
  maxBytes: number;
}

export const DEFAULT_EMIT_LIMITS: EmitLimits = { perSecond: 30, burst: 30, maxBytes: 64 * 1024 };

export type Emit = (name: string, payload?: unknown) => boolean;

/**
 * Build an emit function. `send` receives the JSON-normalised payload; `now` is in milliseconds.
 * Returns false when the call was dropped by the rate limit; throws on a bad name or payload.
 */
export function createEmit(
  send: (name: string, payload: unknown) => void,
  limits: EmitLimits = DEFAULT_EMIT_LIMITS,
  now: () => number = () => performance.now(),
  warn: (message: string) => void = (message) => console.warn(message),
): Emit {
  let tokens = limits.burst;
  let last = now();
  let lastWarning = -Infinity;
  return (name: string, payload?: unknown): boolean => {
    if (typeof name !== "string" || name.length < 1 || name.length > 200) {
      throw new TypeError("emit(name, payload): name must be a string of 1 to 200 characters.");
    }
    let json: string | undefined;
    try {
      json = JSON.stringify(payload ?? null);
    } catch (error) {
      throw new TypeError(
        `emit("${name}"): the payload must be JSON-serialisable (${(error as Error).message}).`,
      );
    }
    json ??= "null";
    // UTF-8 takes at most 3 bytes per UTF-16 unit: count exactly only when the bound is not enough.
    const size = json.length * 3 <= limits.maxBytes ? json.length : new TextEncoder().encode(json).length;
    if (size > limits.maxBytes) {
      throw new RangeError(
        `emit("${name}"): the payload is ${Math.round(size / 1024)} KB of JSON; the limit is ` +
          `${Math.round(limits.maxBytes / 1024)} KB. Send a smaller summary (e.g. ids, not whole rows).`,
      );
    }
    const t = now();
    tokens = Math.min(limits.burst, tokens + ((t - last) / 1000) * limits.perSecond);
    last = t;
    if (tokens < 1) {
      if (t - lastWarning > 1000) {
        lastWarning = t;
        warn(`emit("${name}") dropped: more than ${limits.perSecond} events per second.`);
      }
      return false;
    }
    tokens -= 1;
    send(name, JSON.parse(json));
    return true;
  };
}
