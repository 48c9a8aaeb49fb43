/**
 * Lint rules on promises the notice makes about rights and sharing: a route to withdraw consent (Art. 7(3)), the
 * declared statements the charter must not contradict, and the arrangement of joint controllers (Art. 26(2)).
 */
import { isInEea } from '../charter/catalogs/countries.js';
import { findDataCategory } from '../charter/catalogs/data-taxonomy.js';
import type { LintFinding, LintRule } from '../charter/lint.js';
import { finding } from './lint-support.js';

/** Art. 7(3): withdrawing consent must be as easy as giving it, so consent purposes need a web or email route. */
export const withdrawalRouteRule: LintRule = (charter) => {
  const consent = charter.purposes.filter((p) => p.legalBasis === 'consent');
  const channels = charter.rights.channels;
  if (consent.length === 0 || channels.web || channels.email) return [];
  return [
    finding(
      'consent-without-withdrawal-route',
      'error',
      'GDPR Art. 7(3)',
      ['rights', 'channels'],
      `consent is asked for ${consent.map((p) => p.id).join(', ')}, but withdrawal is only possible by post or phone: offer the privacy center (web) or an email address`,
    ),
  ];
};

/**
 * The charter's own statements (`statements`) checked against the rest of it: "data stays in the EEA" with a recipient
 * outside it, "no special categories" with a purpose that names one, and a promise to mail customers that Charter
 * does not send. A statement the rest of the charter contradicts would make the notice say two things.
 */
export const statementsRule: LintRule = (charter) => {
  const statements = charter.statements;
  if (!statements) return [];
  const findings: LintFinding[] = [];
  if (statements.dataStaysInEea) {
    charter.recipients.forEach((recipient, r) => {
      if (!isInEea(recipient.country)) {
        findings.push(
          finding(
            'statement-contradicted',
            'error',
            'GDPR Art. 13(1)(f)',
            ['recipients', r, 'country'],
            `statements.dataStaysInEea says data stays in the EEA, but recipient "${recipient.id}" is in ${recipient.country}`,
          ),
        );
      }
      recipient.subProcessors.forEach((sub, i) => {
        if (!isInEea(sub.country)) {
          findings.push(
            finding(
              'statement-contradicted',
              'error',
              'GDPR Art. 13(1)(f)',
              ['recipients', r, 'subProcessors', i, 'country'],
              `statements.dataStaysInEea says data stays in the EEA, but a sub-processor of "${recipient.id}" is in ${sub.country}`,
            ),
          );
        }
      });
    });
  }
  if (statements.noSpecialCategories) {
    charter.purposes.forEach((purpose, p) =>
      purpose.data.forEach((id, d) => {
        if (findDataCategory(id)?.special) {
          findings.push(
            finding(
              'statement-contradicted',
              'error',
              'GDPR Art. 9',
              ['purposes', p, 'data', d],
              `statements.noSpecialCategories says no special categories are asked for, but purpose "${purpose.id}" names ${id}`,
            ),
          );
        }
      }),
    );
  }
  if (statements.changeNotification?.customers) {
    findings.push(
      finding(
        'promise-not-executed',
        'info',
        'GDPR Art. 12(1), 13(3)',
        ['statements', 'changeNotification', 'customers'],
        'the notice promises to mail customers the updated statement; Charter mails only the notice subscribers, so this mail is yours to send',
      ),
    );
  }
  return findings;
};

/** Art. 26(2): a joint controller, in the group or among the recipients, needs the essence of the arrangement. */
export const jointControllerRule: LintRule = (charter) => [
  ...(charter.organisation.group ?? []).flatMap((entity, g) =>
    entity.relation === 'joint-controller' && !entity.arrangement
      ? [
          finding(
            'joint-controller-without-arrangement',
            'warning',
            'GDPR Art. 26(2)',
            ['organisation', 'group', g, 'arrangement'],
            'a joint controller in the group: give the essence of the arrangement (arrangement), which the notice makes available',
          ),
        ]
      : [],
  ),
  ...charter.recipients.flatMap((recipient, r) =>
    recipient.role === 'joint-controller' && !recipient.arrangement
      ? [
          finding(
            'joint-controller-without-arrangement',
            'warning',
            'GDPR Art. 26(2)',
            ['recipients', r, 'arrangement'],
            `${recipient.id} is a joint controller: give the essence of the arrangement (arrangement), which the notice makes available`,
          ),
        ]
      : [],
  ),
];
