/**
 * Every lint rule of the installation, composed in one place: the declaration's own (src/charter/lint.ts) and those
 * the domains write about what they derive from it (notices, stores, sites). Callers lint through here; the charter
 * domain itself knows none of the domains that add rules.
 */
import { charterLintRules, lintWith, type LintContext, type LintFinding, type LintRule } from './charter/lint.js';
import type { Charter } from './charter/schema.js';
import { noticeLintRules } from './notices/lint-rules.js';
import { siteLintRules } from './sites/lint-rules.js';
import { storeLintRules } from './stores/lint-rules.js';

export const lintRules: readonly LintRule[] = [
  ...charterLintRules,
  ...noticeLintRules,
  ...storeLintRules,
  ...siteLintRules,
];

export function lintCharter(charter: Charter, context: LintContext = { now: new Date() }): LintFinding[] {
  return lintWith(lintRules, charter, context);
}
