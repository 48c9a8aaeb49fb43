/**
 * The `pg` library, loaded on first use: a process on the embedded database (PGlite) and without PostgreSQL stores
 * never pays for it at start. Loading it sets, once, the parsing Charter relies on everywhere: int8 (counts, sums)
 * as JavaScript numbers — every count Charter keeps fits in 2^53.
 */
import type pgModule from 'pg';

let loaded: Promise<typeof pgModule> | undefined;

export function loadPg(): Promise<typeof pgModule> {
  return (loaded ??= import('pg').then(({ default: pg }) => {
    pg.types.setTypeParser(20, (value) => Number(value));
    return pg;
  }));
}
