/**
 * Round trips per request, for bench:requests with BENCH_TRACE=1: counts every statement a `pg` client sends, by
 * database (Charter's own or the company store), and keeps the statement shapes of the window being traced (SQL text
 * only, never the parameters: they hold personal data). Noise on a shared machine does not change these counts.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';

export interface RoundTrips {
  /** Statements per database name since the last `reset`. */
  readonly counts: Map<string, number>;
  /** Statement texts (first 90 characters) per database since the last `reset`. */
  readonly shapes: Map<string, string[]>;
  /** Milliseconds from sending a statement to its answer, summed per database (overlaps when in parallel). */
  readonly waited: Map<string, number>;
  reset(): void;
}

/** Patches `pg.Client#query` once to count statements; returns the live counters. */
export function traceRoundTrips(): RoundTrips {
  const counts = new Map<string, number>();
  const shapes = new Map<string, string[]>();
  const waited = new Map<string, number>();
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the client as `this`
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const database = (this as unknown as { database?: string }).database ?? '?';
    const first = args[0];
    const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '?');
    counts.set(database, (counts.get(database) ?? 0) + 1);
    const list = shapes.get(database) ?? [];
    list.push(text.replace(/\s+/g, ' ').slice(0, 90));
    shapes.set(database, list);
    const began = performance.now();
    const answer = original.apply(this, args);
    if (answer instanceof Promise)
      void answer.then(
        () => waited.set(database, (waited.get(database) ?? 0) + performance.now() - began),
        () => undefined,
      );
    return answer;
  } as typeof pg.Client.prototype.query;
  return {
    counts,
    shapes,
    waited,
    reset() {
      counts.clear();
      shapes.clear();
      waited.clear();
    },
  };
}
