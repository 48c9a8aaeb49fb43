/**
 * Lint: findings about a valid charter that the law or good practice questions, each with a severity and the article
 * it rests on. Rules are pure functions over the charter and a clock; the list is open so each domain can add its own.
 */
import { findCountry, isInEea } from './catalogs/countries.js';
import { findTransferMechanism } from './catalogs/transfer-mechanisms.js';
import { duration, isAtMost } from './duration.js';
import type { IssuePath } from './references.js';
import type { Charter } from './schema.js';
import { defaultText } from './localized.js';

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

/**
 * A recipient (or sub-processor) outside the EEA needs an adequacy decision or an appropriate safeguard that is valid
 * on the lint date and fits the destination: Privacy Shield and Safe Harbour are void; "no transfer" cannot describe
 * a recipient outside the EEA; an adequacy decision must exist for the country (for the US only the Data Privacy
 * Framework, for certified organisations); the Data Privacy Framework only covers US recipients.
 */
export const transferRule: LintRule = (charter, context) => {
  const today = context.now.toISOString().slice(0, 10);
  const check = (name: string, country: string, transfer: string | undefined, path: IssuePath): LintFinding[] => {
    const mechanism = transfer ? findTransferMechanism(transfer) : undefined;
    const at = [...path, 'transfer'];
    if (mechanism && (!mechanism.valid || (mechanism.invalidSince !== undefined && today >= mechanism.invalidSince))) {
      return [
        {
          rule: 'invalid-transfer-mechanism',
          severity: 'error',
          article: 'GDPR Art. 44–46; CJEU C-311/18 (Schrems II)',
          path: at,
          message: `${name}: "${mechanism.id}" is no longer a valid transfer mechanism${mechanism.invalidSince ? ` (invalid since ${mechanism.invalidSince})` : ''}`,
        },
      ];
    }
    if (mechanism?.validSince !== undefined && today < mechanism.validSince) {
      return [
        {
          rule: 'invalid-transfer-mechanism',
          severity: 'error',
          article: 'GDPR Art. 44–46',
          path: at,
          message: `${name}: "${mechanism.id}" can only be relied on from ${mechanism.validSince}`,
        },
      ];
    }
    if (isInEea(country)) return [];
    const adequacy = findCountry(country)?.adequacy;
    const mismatch = (message: string, severity: Severity = 'error'): LintFinding[] => [
      {
        rule: 'transfer-mechanism-mismatch',
        severity,
        article: 'GDPR Art. 45–46',
        path: at,
        message: `${name} (${country}): ${message}`,
      },
    ];
    if (!mechanism) {
      if (adequacy === 'adequate') return [];
      return [
        {
          rule: 'transfer-without-mechanism',
          severity: 'error',
          article: 'GDPR Art. 44–46',
          path: [...path, 'country'],
          message: `${name} is in ${country}, outside the EEA, without a transfer mechanism`,
        },
      ];
    }
    if (mechanism.id === 'none-needed')
      return mismatch(
        '"none-needed" only describes a recipient inside the EEA; name the adequacy decision or safeguard',
      );
    if (mechanism.id === 'adequacy' && adequacy === 'dpf-certified-only')
      return mismatch(
        'the only adequacy decision for this country is the EU-US Data Privacy Framework, for certified organisations: use eu-us-dpf or standard contractual clauses',
      );
    if (mechanism.id === 'adequacy' && adequacy === 'partial')
      return mismatch(
        'the adequacy decision covers only part of the recipients here (for Canada: organisations under PIPEDA); check that it covers this one',
        'warning',
      );
    if (mechanism.id === 'adequacy' && adequacy !== 'adequate')
      return mismatch('there is no adequacy decision for this country');
    if (mechanism.id === 'eu-us-dpf' && country !== 'US')
      return mismatch('the EU-US Data Privacy Framework only covers recipients in the United States');
    return [];
  };
  return charter.recipients.flatMap((recipient, r) => [
    ...check(defaultText(recipient.name, charter), recipient.country, recipient.transfer, ['recipients', r]),
    ...recipient.subProcessors.flatMap((sub, i) =>
      check(
        `${defaultText(sub.name, charter)} (sub-processor of ${defaultText(recipient.name, charter)})`,
        sub.country,
        sub.transfer,
        ['recipients', r, 'subProcessors', i],
      ),
    ),
  ]);
};

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
            message: `${defaultText(recipient.name, charter)} is a processor but no data processing agreement date is recorded`,
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

/**
 * The declaration's own rules. Other domains (notices, stores, sites) write rules about what they derive from the
 * charter; `src/lint.ts` composes them all, so this file knows none of its consumers.
 */
export const charterLintRules: readonly LintRule[] = [transferRule, processorContractRule, cookieLifetimeRule];

/** Runs `rules` over a charter: errors first, then warnings, then information. */
export function lintWith(
  rules: readonly LintRule[],
  charter: Charter,
  context: LintContext = { now: new Date() },
): LintFinding[] {
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return rules.flatMap((rule) => rule(charter, context)).sort((a, b) => order[a.severity] - order[b.severity]);
}
