/** The one gate a new charter revision passes, whichever way it comes (API, CLI `apply --server`, console). */
import { badRequest, invalidInput, type ErrorDetail } from '../platform/errors.js';
import { loadCharter } from './loader.js';
import { lintSubmission } from './routes.js';
import type { Charter } from './schema.js';

/**
 * The gate every new revision passes (`charter apply`, the console's Publish and Rollback): validation and lint
 * errors refuse it with every problem (422), and so does another organisation's charter. Returns the loaded charter.
 */
export function gateForApply(source: string, file: string, now: Date, organisationSlug: string): Charter {
  if (source.trim() === '') throw badRequest('The body is empty; send a charter.');
  const checked = lintSubmission({ source, file }, now);
  const loaded = loadCharter(source, file);
  if (!checked.valid || !loaded.ok) {
    const details: ErrorDetail[] = [
      ...checked.problems.map((p) => ({ path: p.path, message: p.message, line: p.line, column: p.column, code: p.code })),
      ...checked.findings.filter((f) => f.severity === 'error').map((f) => ({ path: f.path, message: f.message, line: f.line, column: f.column, code: f.rule })),
    ];
    throw invalidInput(details, 'The charter has errors; nothing was applied.');
  }
  if (loaded.charter.organisation.id !== organisationSlug) {
    throw invalidInput([{ path: 'organisation.id', message: `this token applies charters of "${organisationSlug}", not "${loaded.charter.organisation.id}"` }]);
  }
  return loaded.charter;
}

