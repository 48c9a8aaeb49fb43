import { describe, expect, it } from 'vitest';
import { minimalCharterYaml } from '../../test/support/charter.js';
import { charterLimits, formatProblem, loadCharter, nestingBeyond } from './loader.js';
import { charterRevision, consentRevision } from './revision.js';

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('loadCharter', () => {
  it('accepts a valid charter and applies defaults', () => {
    const result = loadCharter(minimalCharterYaml);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.charter.consent.expiry).toBe('P6M');
    expect(result.charter.rights.erasureGracePeriod).toBe('P7D');
  });

  it('reports five mistakes of different kinds at once, each at its line and column', () => {
    const broken = minimalCharterYaml
      .replace('legalBasis: contract', 'legalBasis: contrakt') // wrong enum value
      .replace('  contact:\n    email: privacy@testco.example', '  contact:\n    emial: privacy@testco.example') // unknown key + missing email
      .replace('recipients: [mailer]', 'recipients: [mailer, ghost]') // dangling reference
      .replace('duration: P13M\n', 'duration: P5Y\n') // a cookie lasting 5 years
      .replace('retention: { duration: P13M, from: collection }', 'retention: { from: collection }'); // rule without duration
    const result = loadCharter(broken, 'broken.yaml');
    expect(result.ok).toBe(false);
    const messages = result.problems.map(formatProblem);
    const find = (fragment: string) =>
      result.problems.find((p) => p.message.includes(fragment) || p.path.includes(fragment));
    expect(find('contrakt')?.line ?? find('legalBasis')?.line).toBe(lineOf(broken, 'contrakt'));
    const unknownKey = result.problems.find((p) => p.code === 'unknown_key');
    expect(unknownKey?.message).toContain('did you mean "email"');
    expect(unknownKey?.line).toBe(lineOf(broken, 'emial'));
    expect(unknownKey?.column).toBe(5);
    // Shape errors stop before reference checks; fix them and the reference and value errors show.
    expect(messages.some((m) => m.includes('purposes[1].retention.duration'))).toBe(true);
    expect(messages.every((m) => /^broken\.yaml:\d+:\d+: error: /.test(m))).toBe(true);
    expect(result.problems.length).toBeGreaterThanOrEqual(3);
  });

  it('reports dangling references and impossible values with their positions', () => {
    const broken = minimalCharterYaml
      .replace('recipients: [mailer]', 'recipients: [mailer, ghost]')
      .replace('data: [contact.email, identity.name]', 'data: [contact.emial, identity.name]')
      .replace('    duration: P13M\n', '    duration: P5Y\n')
      .replace('subjects: [customer]\n    data: [online', 'subjects: [custmer]\n    data: [online')
      .replace('authority: be-apd', 'authority: be-privacy-commission');
    const result = loadCharter(broken);
    expect(result.ok).toBe(false);
    const byCode = (code: string) => result.problems.filter((p) => p.code === code);
    expect(
      byCode('unknown_reference')
        .map((p) => p.path)
        .sort(),
    ).toEqual(['purposes[0].data[0]', 'purposes[0].recipients[1]', 'purposes[1].subjects[0]'].sort());
    expect(result.problems.find((p) => p.path === 'purposes[1].subjects[0]')?.message).toContain(
      'did you mean "customer"',
    );
    expect(result.problems.find((p) => p.path === 'purposes[0].recipients[1]')?.line).toBe(lineOf(broken, 'ghost'));
    expect(byCode('impossible_value')[0]?.path).toBe('cookies[1].duration');
    expect(byCode('impossible_value')[0]?.line).toBe(lineOf(broken, 'P5Y'));
    expect(byCode('unknown_authority')[0]?.line).toBe(lineOf(broken, 'be-privacy-commission'));
    expect(result.problems).toHaveLength(5);
  });

  it('reports YAML syntax errors with their position instead of throwing', () => {
    const result = loadCharter('charter: 1\norganisation: [unclosed\n', 'x.yaml');
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.code).toBe('yaml_syntax');
    expect(result.problems[0]?.line).toBeGreaterThan(0);
  });

  it('refuses a document that is not a mapping', () => {
    const result = loadCharter('- just\n- a list\n');
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.code).toBe('not_a_mapping');
  });

  it('requires the legitimate interest of a legitimate-interests purpose', () => {
    const result = loadCharter(minimalCharterYaml.replace('legalBasis: consent', 'legalBasis: legitimate-interests'));
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.code).toBe('missing_interest');
  });
});

describe('revisions', () => {
  it('is stable across formatting and changes with content', () => {
    const a = loadCharter(minimalCharterYaml);
    const b = loadCharter(
      `# a comment\n${minimalCharterYaml.replace('languages: [en, nl, fr]', 'languages:\n  - en\n  - nl\n  - fr')}`,
    );
    const c = loadCharter(minimalCharterYaml.replace('We count visits.', 'We count visits carefully.'));
    if (!a.ok || !b.ok || !c.ok) throw new Error('fixtures must load');
    expect(charterRevision(a.charter)).toBe(charterRevision(b.charter));
    expect(charterRevision(a.charter)).not.toBe(charterRevision(c.charter));
    // A purpose description is not part of what a visitor consents to in the banner.
    expect(consentRevision(a.charter, 'main')).toBe(consentRevision(c.charter, 'main'));
  });

  it('changes the consent revision when a cookie changes', () => {
    const a = loadCharter(minimalCharterYaml);
    const d = loadCharter(minimalCharterYaml.replace('Distinguishes visitors', 'Tracks visitors across sites'));
    if (!a.ok || !d.ok) throw new Error('fixtures must load');
    expect(consentRevision(a.charter)).not.toBe(consentRevision(d.charter));
  });
});

describe('bounds of charter text', () => {
  it('finds nesting past the limit in flow brackets and in block indentation, not in quoted text or comments', () => {
    expect(nestingBeyond(`${'['.repeat(33)}${']'.repeat(33)}`, 32)).toBe(32);
    expect(nestingBeyond(`${'['.repeat(32)}${']'.repeat(32)}`, 32)).toBeUndefined();
    expect(nestingBeyond(`${'- '.repeat(40)}x`, 32)).toBeDefined();
    expect(
      nestingBeyond(
        `a: "${'['.repeat(100)}"\nb: '${'{'.repeat(100)}' # ${'['.repeat(100)}\nc: don't ${'['.repeat(3)}`,
        32,
      ),
    ).toBeUndefined();
  });

  it('refuses a text past a million characters as a problem, without parsing it', () => {
    const result = loadCharter(`# ${'x'.repeat(charterLimits.characters)}`);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['too_large']);
  });
});
