/**
 * The gate a charter passes before it becomes an organisation's revision, whichever way it comes (API, CLI `apply`,
 * the console's Publish and Rollback): it loads (shape and references) and lint finds no error. `serve` with a
 * charter file can call the same pure function, so that a running server never holds a charter `apply` would refuse.
 */
import { badRequest, invalidInput, type ErrorDetail } from '../platform/errors.js';
import { loadCharter } from './loader.js';
import { lintSubmission } from './routes.js';
import type { Charter } from './schema.js';

export type GateResult = { ok: true; charter: Charter; source: string } | { ok: false; details: ErrorDetail[] };

/**
 * Pure: the source, its file name and the clock in; the charter, or every problem (validation and lint errors), out.
 * @example
 * const gate = gateCharter(readFileSync('charter.yaml', 'utf8'), 'charter.yaml', new Date());
 * if (!gate.ok) for (const d of gate.details) console.error(`${d.line}:${d.column} ${d.path}: ${d.message}`);
 */
export function gateCharter(source: string, file: string, now: Date): GateResult {
  const checked = lintSubmission({ source, file }, now);
  const loaded = loadCharter(source, file);
  if (!checked.valid || !loaded.ok) {
    return {
      ok: false,
      details: [
        ...checked.problems.map((p) => ({
          path: p.path,
          message: p.message,
          line: p.line,
          column: p.column,
          code: p.code,
        })),
        ...checked.findings
          .filter((f) => f.severity === 'error')
          .map((f) => ({ path: f.path, message: f.message, line: f.line, column: f.column, code: f.rule })),
      ],
    };
  }
  return { ok: true, charter: loaded.charter, source };
}

/**
 * The gate every new revision passes over HTTP: errors refuse it with every problem (422), and so does another
 * organisation's charter. Returns the loaded charter.
 */
export function gateForApply(source: string, file: string, now: Date, organisationSlug: string): Charter {
  if (source.trim() === '') throw badRequest('The body is empty; send a charter.');
  const gate = gateCharter(source, file, now);
  if (!gate.ok) throw invalidInput(gate.details, 'The charter has errors; nothing was applied.');
  if (gate.charter.organisation.id !== organisationSlug) {
    throw invalidInput([
      {
        path: 'organisation.id',
        message: `this token applies charters of "${organisationSlug}", not "${gate.charter.organisation.id}"`,
      },
    ]);
  }
  return gate.charter;
}
