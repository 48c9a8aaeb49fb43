/** What the notice lint rules share: the shape of a finding, and a walk over every string of the charter. */
import type { LintFinding } from '../charter/lint.js';
import type { IssuePath } from '../charter/references.js';

export const finding = (
  rule: string,
  severity: LintFinding['severity'],
  article: string,
  path: IssuePath,
  message: string,
): LintFinding => ({ rule, severity, article, path, message });

/** Walks every string of the charter with its path (texts, names, labels), skipping catalog ids such as `transfer`. */
export function walkStrings(value: unknown, path: IssuePath, visit: (text: string, path: IssuePath) => void) {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, i) => walkStrings(item, [...path, i], visit));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'transfer' || key === 'id' || key === 'authority' || key === 'connection') continue;
      walkStrings(item, [...path, key], visit);
    }
  }
}
