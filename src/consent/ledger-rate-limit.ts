/**
 * A per-key rate limiter for the public consent endpoints, keyed by the IP hash (never the IP). Sliding-window
 * approximation over two fixed windows: the previous window's count weighs by how much of it still overlaps.
 *
 * Counts live in a count-min sketch, not in a map of keys: two rows of counters per window, each key counted in one
 * counter of each row (two independent hashes of the key), its count read as the smaller of the two. Memory is fixed
 * (2 windows × 2 rows × `width` counters) whatever the number of distinct visitors — a flood of new addresses cannot
 * grow it, and nothing per visitor stays on the heap for the garbage collector to walk. A key's count can only be
 * overestimated, by the keys sharing both its counters: with 2^18 counters a row and a few hundred thousand keys a
 * minute, a visitor is held back for someone else only if both of its counters are shared with heavy senders.
 */
export class RateLimiter {
  #current: Uint32Array;
  #previous: Uint32Array;
  #windowStart: number;
  readonly #mask: number;

  constructor(
    /** Requests allowed per window and key. */
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
    /** Counters per row: a power of two. */
    width = 1 << 18,
  ) {
    if (!Number.isInteger(Math.log2(width))) throw new Error('the rate limiter width must be a power of two');
    this.#mask = width - 1;
    this.#current = new Uint32Array(2 * width);
    this.#previous = new Uint32Array(2 * width);
    this.#windowStart = this.now();
  }

  /** Counts one request for `key`; returns the seconds to wait when the limit is exceeded, else 0. */
  hit(key: string): number {
    const now = this.now();
    const elapsed = now - this.#windowStart;
    if (elapsed >= this.windowMs) this.#roll(now, elapsed);
    // Two 32-bit FNV-1a hashes of the key with different offsets: one counter in each row.
    let h1 = 0x811c9dc5;
    let h2 = 0x050c5d1f;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x01000193);
    }
    const a = (h1 >>> 0) & this.#mask;
    const b = this.#mask + 1 + ((h2 >>> 0) & this.#mask);
    const current = Math.min(this.#current[a] ?? 0, this.#current[b] ?? 0) + 1;
    const previous = Math.min(this.#previous[a] ?? 0, this.#previous[b] ?? 0);
    const inWindow = now - this.#windowStart;
    const weighted = current + previous * (1 - inWindow / this.windowMs);
    if (weighted > this.limit) return Math.max(1, Math.ceil((this.windowMs - inWindow) / 1000));
    // Conservative update: a counter already above this key's count keeps its value (less overestimation).
    if ((this.#current[a] ?? 0) < current) this.#current[a] = current;
    if ((this.#current[b] ?? 0) < current) this.#current[b] = current;
    return 0;
  }

  #roll(now: number, elapsed: number) {
    // The arrays are reused: the old previous window becomes the new, zeroed, current one.
    const recycled = this.#previous;
    recycled.fill(0);
    if (elapsed >= 2 * this.windowMs) {
      // A whole idle window drops the previous counts too.
      this.#current.fill(0);
      this.#windowStart = now;
    } else {
      this.#windowStart += this.windowMs;
    }
    this.#previous = this.#current;
    this.#current = recycled;
  }
}
