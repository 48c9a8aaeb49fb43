/**
 * Lint rules of the stores domain, over the charter's store declarations.
 */
import type { LintRule } from '../charter/lint.js';
import { ambiguityMessage, ambiguousIdentities } from './ownership.js';

/**
 * `traverse` on a reference no longer decides anything: a request walks down owner references and up profile
 * references only (docs/ownership.md). A charter that still writes it is told once per reference what changed, so an
 * officer who relied on `to`/`both` to reach a parent can declare that parent a profile if it really is the person's.
 */
export const obsoleteTraverseRule: LintRule = (charter) =>
  charter.stores.flatMap((store, s) =>
    store.tables.flatMap((table, t) =>
      table.references.flatMap((reference, r) => {
        if (reference.traverse === undefined) return [];
        const [parent = ''] = reference.to.split('.');
        const climbs = reference.traverse !== 'back';
        return [
          {
            rule: 'obsolete-traverse',
            severity: 'warning' as const,
            article: "GDPR Art. 15(4), 17 (only the person's own data)",
            path: ['stores', s, 'tables', t, 'references', r, 'traverse'],
            message: climbs
              ? `${table.name}.${reference.column}: "traverse: ${reference.traverse}" is no longer used and requests no longer climb from ${table.name} to ${parent}; if each ${parent} row is one person's own (a one-to-one account or profile), write "profile: true", otherwise remove traverse`
              : `${table.name}.${reference.column}: "traverse: back" is no longer used (requests walk down owner references by default); remove it`,
          },
        ];
      }),
    ),
  );

/**
 * Two identity columns of one type (`email`, `referrer_email`) and none marked `mentions: true`: a request cannot tell
 * the row's own address from the one naming another person, so a customer whose own row names a referrer is only
 * reached in the column holding their address (docs/ownership.md). Reported once per table.
 */
export const ambiguousIdentityRule: LintRule = (charter) =>
  charter.stores.flatMap((store, s) =>
    store.tables.flatMap((table, t) => {
      const ambiguous = ambiguousIdentities(table.columns);
      if (ambiguous.length === 0) return [];
      return [
        {
          rule: 'ambiguous-identity',
          severity: 'warning' as const,
          article: "GDPR Art. 15, 17 (all of the person's data, and only theirs)",
          path: ['stores', s, 'tables', t, 'columns'],
          message: ambiguityMessage(table.name, ambiguous),
        },
      ];
    }),
  );

export const storeLintRules: readonly LintRule[] = [obsoleteTraverseRule, ambiguousIdentityRule];
