import { describe, expect, it } from 'vitest';
import { minimalCharterYaml } from '../../test/support/charter.js';
import { loadCharter } from './loader.js';

const problemsOf = (yaml: string) => {
  const result = loadCharter(yaml);
  expect(result.ok).toBe(false);
  return result.problems.map((p) => ({ path: p.path, code: p.code, line: p.line }));
};

const lineOf = (yaml: string, needle: string) => yaml.slice(0, yaml.indexOf(needle)).split('\n').length;

describe('validation in one pass', () => {
  it('reports reference problems together with shape problems, at their lines in the file as written', () => {
    const yaml = minimalCharterYaml
      .replace('    legalBasis: contract\n', '    legalBasis: contractual\n') // shape: purposes[0]
      .replace(
        '    subjects: [customer]\n    data: [online.ip-address]',
        '    subjects: [custmer]\n    data: [online.ip-address]',
      ) // reference: purposes[1]
      .replace('authority: be-apd', 'authority: be-privacy-commission'); // reference: organisation
    const problems = problemsOf(yaml);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'purposes[0].legalBasis', line: lineOf(yaml, 'legalBasis: contractual') }),
        expect.objectContaining({
          path: 'purposes[1].subjects[0]',
          code: 'unknown_reference',
          line: lineOf(yaml, '[custmer]'),
        }),
        expect.objectContaining({ path: 'organisation.authority', code: 'unknown_authority' }),
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it('does not report a reference to an item whose only fault is its shape', () => {
    // The cookie "_stats" names the vendor "stats"; the recipient "stats" has a shape error but exists.
    const yaml = minimalCharterYaml.replace('    transfer: eu-us-dpf\n', '    transfer: 42\n');
    const problems = problemsOf(yaml);
    expect(problems).toEqual([expect.objectContaining({ path: 'recipients[1].transfer' })]);
  });

  it('keeps the index of a later item right when an earlier one in the same list is set aside', () => {
    const yaml = minimalCharterYaml
      .replace('    legalBasis: contract\n', '    legalBasis: 7\n')
      .replace(
        '    subjects: [customer]\n    data: [online.ip-address]',
        '    subjects: [visitors]\n    data: [online.ip-address]',
      );
    expect(problemsOf(yaml)).toEqual([
      expect.objectContaining({ path: 'purposes[0].legalBasis' }),
      expect.objectContaining({ path: 'purposes[1].subjects[0]', code: 'unknown_reference' }),
    ]);
  });
});
