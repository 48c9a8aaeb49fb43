/**
 * The sources of a purpose's data (Art. 14(2)(f)): a purpose declares one source or a list of them. Readers go
 * through `purposeSources` so that both forms mean the same thing everywhere (notice, records, lint, diff).
 */
import type { Purpose, Source } from './schema.js';

/**
 * The purpose's sources as a list, whichever form the charter wrote.
 * @example purposeSources({ source: { kind: 'subject' } }); // [{ kind: 'subject' }]
 */
export function purposeSources(purpose: Pick<Purpose, 'source'>): Source[] {
  return Array.isArray(purpose.source) ? purpose.source : [purpose.source];
}

/** Whether any of the purpose's data comes from someone other than the person (Art. 14 applies). */
export function hasSourceElsewhere(purpose: Pick<Purpose, 'source'>): boolean {
  return purposeSources(purpose).some((source) => source.kind !== 'subject');
}

/** The data categories of the purpose that come from elsewhere: those of every non-subject source (unscoped: all). */
export function dataFromElsewhere(purpose: Pick<Purpose, 'source' | 'data'>): string[] {
  const elsewhere = purposeSources(purpose).filter((source) => source.kind !== 'subject');
  if (elsewhere.some((source) => source.data === undefined)) return [...purpose.data];
  const ids = new Set(elsewhere.flatMap((source) => source.data ?? []));
  return purpose.data.filter((id) => ids.has(id));
}
