/**
 * What statements commonly say beyond Art. 13/14 (issue 18, item 5): optional items, the common negative statements,
 * the sites a notice covers, related statements and the change-notification promise; each reaches the notice in every
 * language only when declared, and lint checks the statements against the rest of the charter.
 */
import { describe, expect, it } from 'vitest';
import {
  buildCharterInEveryLanguage as everyLanguage,
  noticeSectionText as sectionText,
} from '../../test/support/notices.js';
import { minimalCharterYaml } from '../../test/support/charter.js';
import { loadCharter } from '../charter/loader.js';
import { languages, type Charter } from '../charter/schema.js';
import { buildNotice } from './build-notice.js';
import { plainText } from './document.js';
import { childrenDataRule, statementsRule } from './lint-rules.js';

const lint = (charter: Charter) => statementsRule(charter, { now: new Date('2026-12-01') });

describe('declared statements in the notice', () => {
  it('says nothing of them when none is declared, so existing notices do not change', () => {
    const notice = buildNotice(everyLanguage(), 'main', 'en');
    const all = notice.sections.map((s) => sectionText(notice, s.id)).join(' ');
    expect(all).not.toMatch(
      /never sell|advertising of other|special categories|(optional)|applies to all our websites|send the updated notice/,
    );
  });

  it('marks optional data, and states the negative statements and the change promise in every language', () => {
    const charter = everyLanguage((c) => {
      const [orders] = c.purposes;
      if (!orders) throw new Error('no purpose');
      orders.optionalData = ['identity.name'];
      c.recipients = c.recipients.filter((r) => r.country !== 'US');
      c.recipients.forEach((r) => (r.subProcessors = []));
      c.statements = {
        noSpecialCategories: true,
        deleteUnsolicitedSpecial: true,
        neverSold: true,
        noThirdPartyAdvertising: true,
        dataStaysInEea: true,
        changeNotification: { customers: true },
      };
    });
    const en = buildNotice(charter, 'main', 'en');
    expect(sectionText(en, 'purposes')).toMatch(/name \(optional\)/);
    expect(sectionText(en, 'purposes')).toContain('If we receive such data without asking for it, we delete it.');
    expect(sectionText(en, 'recipients')).toContain(
      'We never sell your personal data. We do not use your personal data for the advertising of other companies.',
    );
    expect(sectionText(en, 'changes')).toContain(
      'we tell everyone who asked to be notified (below) and our customers by email and send the updated notice.',
    );
    const marks = { en: 'optional', nl: 'optioneel', fr: 'facultatif', de: 'freiwillig' };
    for (const language of languages) {
      const notice = buildNotice(charter, 'main', language);
      expect(sectionText(notice, 'purposes')).toContain(`(${marks[language]})`);
      expect(sectionText(notice, 'transfers')).toMatch(
        /Economic Area\.|Economische Ruimte bewaard|Espace économique européen\.|Wirtschaftsraum gespeichert/,
      );
    }
    expect(lint(charter).filter((f) => f.rule === 'statement-contradicted')).toEqual([]);
    expect(lint(charter).map((f) => f.rule)).toEqual(['promise-not-executed']);
  });

  it('lists the sites a notice covers and the related statements that apply elsewhere', () => {
    const charter = everyLanguage((c) => {
      const [main] = c.sites;
      if (!main) throw new Error('no site');
      c.sites.push({ ...main, id: 'events', name: 'Testco Events', domain: 'events.testco.example' });
      c.statements = {
        related: [
          { name: { en: 'Our partner shop', nl: 'Onze partnerwinkel' }, url: 'https://partner.example/privacy' },
        ],
      };
    });
    const notice = buildNotice(charter, 'events', 'nl');
    const intro = notice.intro.map(plainText).join(' ');
    expect(intro).toContain(
      'Deze verklaring geldt voor al onze websites: Testco (www.testco.example) en Testco Events (events.testco.example).',
    );
    expect(intro).toContain('Onze partnerwinkel');
    expect(notice.intro.flat().find((r) => r.text === 'Onze partnerwinkel')?.href).toBe(
      'https://partner.example/privacy',
    );
  });

  it('lint: a statement the rest of the charter contradicts is an error', () => {
    const charter = everyLanguage((c) => {
      c.statements = { dataStaysInEea: true, noSpecialCategories: true };
      const [orders] = c.purposes;
      if (orders) orders.data.push('special.health');
    });
    const findings = lint(charter).filter((f) => f.rule === 'statement-contradicted');
    expect(findings.map((f) => f.path.join('.'))).toEqual(['recipients.1.country', 'purposes.0.data.2']);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it('refuses optional data the purpose does not name', () => {
    const yaml = minimalCharterYaml.replace(
      '    data: [contact.email, identity.name]\n',
      '    data: [contact.email, identity.name]\n    optionalData: [contact.phone]\n',
    );
    const loaded = loadCharter(yaml);
    expect(loaded.ok ? [] : loaded.problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      'purposes[0].optionalData[0] unknown_reference',
    ]);
  });
});

describe('children’s data while children.collects is false', () => {
  it('warns for a children subject or category, informs for an age or date of birth without a policy, and is silent otherwise', () => {
    const rule = (charter: Charter) =>
      childrenDataRule(charter, { now: new Date('2026-12-01') }).map((f) => [f.severity, f.path.join('.')]);
    expect(rule(everyLanguage())).toEqual([]);
    const child = everyLanguage((c) => {
      c.subjects.push({ id: 'child', name: 'Children' });
      const [orders] = c.purposes;
      if (!orders) throw new Error('no purpose');
      orders.subjects.push('child');
      orders.data.push('identity.date-of-birth', 'child.parental-consent');
    });
    expect(rule(child)).toEqual([
      ['warning', 'purposes.0.subjects.1'],
      ['info', 'purposes.0.data.2'],
      ['warning', 'purposes.0.data.3'],
    ]);
    expect(rule({ ...child, children: { ...child.children, collects: true } })).toEqual([]);
  });
});
