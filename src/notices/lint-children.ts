/**
 * Lint rules on children (Art. 8): the age of a child's own consent per member state, and children's data collected
 * without the charter saying so.
 */
import type { LintFinding, LintRule } from '../charter/lint.js';
import { childConsentAge } from './children.js';
import { finding } from './lint-support.js';

/** Art. 8(1): a member state may lower the age of a child's own consent to 13, never a charter below the state's. */
export const childAgeRule: LintRule = (charter) =>
  Object.entries(charter.children.minimumAge).flatMap(([country, age]) => {
    const threshold = childConsentAge(country);
    return age < threshold
      ? [
          finding(
            'child-age-below-threshold',
            'error',
            'GDPR Art. 8(1)',
            ['children', 'minimumAge', country],
            `the minimum age ${age} for ${country} is below the age the law sets there (${threshold}): below ${threshold}, a parent must consent`,
          ),
        ]
      : [];
  });

const childCategory = /^child\./;
const ageCategories = new Set(['identity.age', 'identity.date-of-birth']);

/**
 * Art. 8 and the notice's children section: data about children, or a children subject, while the charter says it
 * collects none (`children.collects: false`) is a contradiction (warning); an age or date of birth can reveal a child,
 * so without a children policy lint asks to say how children are handled (info).
 */
export const childrenDataRule: LintRule = (charter) => {
  if (charter.children.collects) return [];
  const findings: LintFinding[] = [];
  charter.purposes.forEach((purpose, p) => {
    const childSubject = purpose.subjects.indexOf('child');
    if (childSubject >= 0) {
      findings.push(
        finding(
          'children-data-undeclared',
          'warning',
          'GDPR Art. 8',
          ['purposes', p, 'subjects', childSubject],
          `${purpose.id} concerns children while children.collects is false: set children.collects (and the policy) or remove the subject`,
        ),
      );
    }
    purpose.data.forEach((id, d) => {
      if (childCategory.test(id)) {
        findings.push(
          finding(
            'children-data-undeclared',
            'warning',
            'GDPR Art. 8',
            ['purposes', p, 'data', d],
            `${purpose.id} collects ${id} while children.collects is false: set children.collects (and the policy) or remove the category`,
          ),
        );
      } else if (ageCategories.has(id) && !charter.children.policy) {
        findings.push(
          finding(
            'children-data-undeclared',
            'info',
            'GDPR Art. 8',
            ['purposes', p, 'data', d],
            `${purpose.id} collects ${id}, which can show that someone is a child; children.collects is false and no children.policy says how a child's data is handled`,
          ),
        );
      }
    });
  });
  return findings;
};
