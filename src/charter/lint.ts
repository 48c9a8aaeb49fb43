/**
 * Lint: findings about a valid charter that the law or good practice questions, each with a severity and the article
 * it rests on. Rules are pure functions over the charter and a clock; the list is open so each domain can add its own.
 */
import { findCountry, isInEea } from './catalogs/countries.js';
import { findTransferMechanism } from './catalogs/transfer-mechanisms.js';
import { duration, isAtMost } from './duration.js';
import type { IssuePath } from './references.js';
import type { Charter } from './schema.js';

export type Severity = 'error' | 'warning' | 'info';

export interface LintFinding {
  rule: string;
  severity: Severity;
  /** The legal basis of the finding, e.g. "GDPR Art. 46". */
  article: string;
  path: IssuePath;
  message: string;
}

export interface LintContext {
  now: Date;
}

export type LintRule = (charter: Charter, context: LintContext) => LintFinding[];

const thirteenMonths = duration('P13M');

/** A recipient outside the EEA needs adequacy or an appropriate safeguard; Privacy Shield is no longer one. */
export const transferRule: LintRule = (charter) =>
  charter.recipients.flatMap((recipient, r): LintFinding[] => {
    const path = ['recipients', r, 'transfer'];
    const mechanism = recipient.transfer ? findTransferMechanism(recipient.transfer) : undefined;
    if (mechanism && !mechanism.valid) {
      return [
        {
          rule: 'invalid-transfer-mechanism',
          severity: 'error',
          article: 'GDPR Art. 44–46; CJEU C-311/18 (Schrems II)',
          path,
          message: `${recipient.name}: "${mechanism.id}" is no longer a valid transfer mechanism${mechanism.invalidSince ? ` (invalid since ${mechanism.invalidSince})` : ''}`,
        },
      ];
    }
    if (isInEea(recipient.country)) return [];
    const adequacy = findCountry(recipient.country)?.adequacy;
    if (!recipient.transfer && adequacy !== 'adequate') {
      return [
        {
          rule: 'transfer-without-mechanism',
          severity: 'error',
          article: 'GDPR Art. 44–46',
          path: ['recipients', r, 'country'],
          message: `${recipient.name} is in ${recipient.country}, outside the EEA, without a transfer mechanism`,
        },
      ];
    }
    return [];
  });

/** Art. 28(3): processing by a processor is governed by a contract. */
export const processorContractRule: LintRule = (charter) =>
  charter.recipients.flatMap((recipient, r): LintFinding[] =>
    (recipient.role === 'processor' || recipient.role === 'sub-processor') && !recipient.dpaDate
      ? [
          {
            rule: 'processor-without-dpa',
            severity: 'warning',
            article: 'GDPR Art. 28(3)',
            path: ['recipients', r],
            message: `${recipient.name} is a processor but no data processing agreement date is recorded`,
          },
        ]
      : [],
  );

/** Cookies over 13 months pass validation only with a justification; they still deserve a look. */
export const cookieLifetimeRule: LintRule = (charter) =>
  charter.cookies.flatMap((cookie, c): LintFinding[] =>
    cookie.duration !== 'session' && !isAtMost(duration(cookie.duration), thirteenMonths)
      ? [
          {
            rule: 'cookie-over-13-months',
            severity: 'warning',
            article: 'ePrivacy Directive Art. 5(3); CNIL and APD guidance (13 months)',
            path: ['cookies', c, 'duration'],
            message: `cookie "${cookie.name}" lives ${cookie.duration}, longer than 13 months`,
          },
        ]
      : [],
  );

/** The rules every lint runs; a domain that adds rules imports them here. */
export const lintRules: readonly LintRule[] = [transferRule, processorContractRule, cookieLifetimeRule];

export function lintCharter(charter: Charter, context: LintContext = { now: new Date() }): LintFinding[] {
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return lintRules.flatMap((rule) => rule(charter, context)).sort((a, b) => order[a.severity] - order[b.severity]);
}
