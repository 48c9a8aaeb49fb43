/**
 * A per-key rate limiter for the public consent endpoints, keyed by the IP hash (never the IP). Sliding-window
 * approximation over two fixed windows: the previous window's count weighs by how much of it still overlaps. Memory
 * holds the keys of two windows only, so millions of distinct visitors cannot grow it without bound.
 */
export class RateLimiter {
  #current = new Map<string, number>();
  #previous = new Map<string, number>();
  #windowStart: number;

  constructor(
    /** Requests allowed per window and key. */
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.#windowStart = this.now();
  }

  /** Counts one request for `key`; returns the seconds to wait when the limit is exceeded, else 0. */
  hit(key: string): number {
    const now = this.now();
    const elapsed = now - this.#windowStart;
    if (elapsed >= this.windowMs) {
      // A whole idle window drops the previous counts too.
      this.#previous = elapsed >= 2 * this.windowMs ? new Map<string, number>() : this.#current;
      this.#current = new Map();
      this.#windowStart = elapsed >= 2 * this.windowMs ? now : this.#windowStart + this.windowMs;
    }
    const inWindow = now - this.#windowStart;
    const current = (this.#current.get(key) ?? 0) + 1;
    const weighted = current + (this.#previous.get(key) ?? 0) * (1 - inWindow / this.windowMs);
    if (weighted > this.limit) return Math.max(1, Math.ceil((this.windowMs - inWindow) / 1000));
    this.#current.set(key, current);
    return 0;
  }
}
