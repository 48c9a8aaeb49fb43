/**
 * The gate a charter passes before it becomes an organisation's revision: it loads (shape and references) and lint
 * finds no error. `POST /api/v1/charter/revisions` (and so `charter apply`) refuses what this refuses; `serve` with a
 * charter file calls the same function, so that a running server never holds a charter `apply` would have refused.
 * Pure: the source, its file name and the clock in, the charter or every problem out.
 */
import type { ErrorDetail } from '../platform/errors.js';
import { loadCharter } from './loader.js';
import { lintSubmission } from './routes.js';
import type { Charter } from './schema.js';

export type GateResult = { ok: true; charter: Charter; source: string } | { ok: false; details: ErrorDetail[] };

/**
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
        ...checked.problems.map((p) => ({ path: p.path, message: p.message, line: p.line, column: p.column, code: p.code })),
        ...checked.findings.filter((f) => f.severity === 'error').map((f) => ({ path: f.path, message: f.message, line: f.line, column: f.column, code: f.rule })),
      ],
    };
  }
  return { ok: true, charter: loaded.charter, source };
}
