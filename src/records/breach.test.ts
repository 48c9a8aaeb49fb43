import { describe, expect, it } from 'vitest';
import { findAuthority } from '../charter/catalogs/authorities.js';
import type { Charter } from '../charter/schema.js';
import { buildCharter } from '../../test/support/charter.js';
import {
  amend,
  breachAmendmentSchema,
  breachClock,
  breachContentSchema,
  breachReference,
  changedFields,
  checkBreachContent,
  checkNotification,
  pendingActions,
  type BreachContentInput,
  type StoredNotification,
} from './breach.js';
import {
  authorityDraft,
  authorityDraftLanguage,
  authorityLanguages,
  controllerNotice,
  subjectsMessage,
} from './breach-drafts.js';
import { draftWords } from './breach-draft-texts.js';

const content = (edit: Partial<BreachContentInput> = {}) =>
  breachContentSchema.parse({
    title: 'Ransomware on the file server',
    discoveredAt: '2026-11-20T08:30:00Z',
    awareAt: '2026-11-20T09:00:00Z',
    nature: ['availability', 'confidentiality'],
    description: 'The file server was encrypted by ransomware; files may have been copied first.',
    subjectCategories: ['customer'],
    approximateSubjects: 12500,
    dataCategories: ['identity.name', 'contact.email', 'special.health'],
    approximateRecords: 30000,
    consequences: 'Identity fraud and phishing.',
    measuresTaken: 'Server isolated and restored from backup.',
    measuresProposed: 'Two-factor authentication for remote access.',
    authority: { required: true, reason: 'High volume and health data.' },
    subjects: { required: true, reason: 'Health data: high risk.' },
    ...edit,
  });

const notification = (edit: Partial<StoredNotification>): StoredNotification => ({
  seq: 1,
  recipient: 'authority',
  phase: 'initial',
  sentAt: '2026-11-21T09:00:00.000Z',
  recordedAt: '2026-11-21T09:00:00.000Z',
  recordedBy: 'user:1',
  content: 'sent',
  ...edit,
});

const hour = 3_600_000;

describe('the 72-hour clock (Art. 33(1))', () => {
  it('runs from awareness, is due soon in its last 24 hours, and overdue after', () => {
    const c = content();
    expect(breachClock(c, [], new Date('2026-11-20T10:00:00Z'))).toEqual({
      awareAt: '2026-11-20T09:00:00.000Z',
      deadline: '2026-11-23T09:00:00.000Z',
      state: 'running',
      remainingMs: 71 * hour,
      reasonsMissing: false,
    });
    expect(breachClock(c, [], new Date('2026-11-22T09:00:00Z')).state).toBe('due-soon');
    expect(breachClock(c, [], new Date('2026-11-22T08:59:59Z')).state).toBe('running');
    expect(breachClock(c, [], new Date('2026-11-23T09:00:01Z'))).toMatchObject({
      state: 'overdue',
      reasonsMissing: true,
    });
    expect(
      breachClock({ ...c, delayReasons: 'waiting for forensics' }, [], new Date('2026-11-24T00:00:00Z')).reasonsMissing,
    ).toBe(false);
  });

  it('stops at the first notification to the authority and measures lateness', () => {
    const c = content();
    expect(breachClock(c, [notification({})], new Date('2026-11-25T00:00:00Z'))).toMatchObject({
      state: 'notified',
      notifiedAt: '2026-11-21T09:00:00.000Z',
    });
    const late = [notification({ sentAt: '2026-11-23T11:00:00.000Z', delayReasons: 'forensics' })];
    expect(breachClock(c, late, new Date('2026-11-25T00:00:00Z'))).toMatchObject({
      state: 'notified-late',
      lateByMs: 2 * hour,
      reasonsMissing: false,
    });
    // Notifications to people or controllers do not stop the authority clock.
    expect(breachClock(c, [notification({ recipient: 'subjects' })], new Date('2026-11-22T10:00:00Z')).state).toBe(
      'due-soon',
    );
  });

  it('does not run when the authority need not be told, with the reason on record', () => {
    const c = content({ authority: { required: false, reason: 'Encrypted laptop, key not compromised.' } });
    expect(breachClock(c, [], new Date('2026-12-01T00:00:00Z')).state).toBe('not-required');
  });
});

describe('breach rules', () => {
  it('checks discovery, awareness and occurrence against each other and the clock', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    expect(checkBreachContent(content(), now)).toEqual([]);
    expect(checkBreachContent(content({ awareAt: '2026-11-20T08:00:00Z' }), now).map((p) => p.path)).toEqual([
      'body.awareAt',
    ]);
    expect(checkBreachContent(content({ occurredAt: '2026-11-20T09:00:00Z' }), now).map((p) => p.path)).toEqual([
      'body.occurredAt',
    ]);
    expect(checkBreachContent(content({ awareAt: '2026-11-20T13:00:00Z' }), now).map((p) => p.path)).toEqual([
      'body.awareAt',
    ]);
  });

  it('requires a reason for every decision and at least one nature', () => {
    const result = breachContentSchema.safeParse({ ...content(), nature: [], authority: { required: true } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['authority.reason', 'nature']);
  });

  it('checks notifications: phases, controllers, and reasons when late', () => {
    const c = content({ controllers: ['shops'] });
    const now = new Date('2026-11-24T12:00:00Z');
    const base = {
      recipient: 'authority' as const,
      phase: 'initial' as const,
      sentAt: '2026-11-21T09:00:00Z',
      content: 'x',
    };
    expect(checkNotification(base, c, [], now)).toEqual([]);
    expect(checkNotification({ ...base, phase: 'follow-up' }, c, [], now).map((p) => p.path)).toEqual(['body.phase']);
    expect(checkNotification(base, c, [notification({})], now).map((p) => p.path)).toEqual(['body.phase']);
    expect(checkNotification({ ...base, sentAt: '2026-11-24T10:00:00Z' }, c, [], now).map((p) => p.path)).toEqual([
      'body.delayReasons',
    ]);
    expect(
      checkNotification({ ...base, sentAt: '2026-11-24T10:00:00Z', delayReasons: 'forensics' }, c, [], now),
    ).toEqual([]);
    expect(
      checkNotification({ ...base, sentAt: '2026-11-25T10:00:00Z', delayReasons: 'x' }, c, [], now).map((p) => p.path),
    ).toEqual(['body.sentAt']);
    expect(checkNotification({ ...base, recipient: 'controller' }, c, [], now).map((p) => p.path)).toEqual([
      'body.controller',
    ]);
    expect(
      checkNotification({ ...base, recipient: 'controller', controller: 'other' }, c, [], now).map((p) => p.path),
    ).toEqual(['body.controller']);
    expect(checkNotification({ ...base, recipient: 'controller', controller: 'shops' }, c, [], now)).toEqual([]);
    expect(
      checkNotification({ ...base, recipient: 'subjects', controller: 'shops' }, c, [], now).map((p) => p.path),
    ).toEqual(['body.controller']);
  });

  it('lists what is still to be done', () => {
    const c = content({ controllers: ['shops', 'brands'] });
    expect(pendingActions(c, [])).toEqual({ authority: true, subjects: true, controllers: ['shops', 'brands'] });
    expect(
      pendingActions(c, [notification({}), notification({ recipient: 'controller', controller: 'shops' })]),
    ).toEqual({
      authority: false,
      subjects: true,
      controllers: ['brands'],
    });
  });

  it('leaves the fields an amendment does not name alone, defaults included', () => {
    const amendment = breachAmendmentSchema.parse({ reason: 'recount', approximateRecords: 3 });
    expect(amendment).toEqual({ reason: 'recount', approximateRecords: 3 });
    const before = content({ measuresProposed: 'Training', controllers: ['shops'], status: 'closed' });
    const after = amend(before, amendment);
    expect([after.measuresProposed, after.controllers, after.status]).toEqual(['Training', ['shops'], 'closed']);
    expect(changedFields(before, after)).toEqual(['approximateRecords']);
  });

  it('amends only the given fields and names what changed', () => {
    const before = content();
    const after = amend(before, {
      reason: 'recount',
      approximateSubjects: 13000,
      measuresProposed: 'Also: staff training.',
    });
    expect(after.title).toBe(before.title);
    expect(changedFields(before, after)).toEqual(['approximateSubjects', 'measuresProposed']);
    expect(breachReference(7, new Date('2026-03-01T00:00:00Z'))).toBe('B-2026-007');
  });
});

function processorCharter(): Charter {
  return buildCharter((c) => {
    c.organisation.role = 'both';
    c.customers = [
      {
        id: 'shops',
        name: 'Webshop Janssens BV',
        contact: 'privacy@janssens.example',
        processing: { en: 'Hosting of the webshop.', nl: 'Hosting van de webwinkel.' },
        data: ['identity.name'],
        recipients: [],
      },
    ];
  });
}

describe('drafts', () => {
  const facts = { reference: 'B-2026-001', content: content(), notifications: [] as StoredNotification[] };
  const now = new Date('2026-11-21T08:00:00Z');

  it('chooses a language the authority takes: FR or NL for the Belgian APD, the own language elsewhere', () => {
    expect(authorityLanguages(findAuthority('be-apd'))).toEqual(['fr', 'nl']);
    expect(authorityLanguages(findAuthority('at-dsb'))).toEqual(['de']);
    expect(authorityLanguages(findAuthority('bg-cpdp'))).toEqual(['en']);
    const charter = buildCharter();
    expect(authorityDraftLanguage(charter)).toBe('nl');
    expect(authorityDraftLanguage(charter, 'fr')).toBe('fr');
    expect(authorityDraftLanguage({ ...charter, defaultLanguage: 'fr' })).toBe('fr');
    expect(authorityDraftLanguage(charter, 'de')).toBe('nl');
  });

  it('gives the authority every field of Art. 33(3), addressed from the catalog', () => {
    const charter = buildCharter();
    for (const language of ['fr', 'nl'] as const) {
      const draft = authorityDraft(charter, facts, { language, now });
      expect(draft.language).toBe(language);
      expect(draft.sections.map((s) => s.id)).toEqual([
        'type',
        'notifier',
        'contact',
        'timeline',
        'nature',
        'subjects',
        'data',
        'consequences',
        'measures',
        'communication',
      ]);
      expect(draft.sections.every((s) => s.body.trim().length > 0)).toBe(true);
      // The authority's address as it writes it in the draft's language.
      expect(draft.to.address).toEqual(
        language === 'fr'
          ? ['Rue de la Presse 35', '1000 Bruxelles', 'Belgique (BE)']
          : ['Drukpersstraat 35', '1000 Brussel', 'België (BE)'],
      );
    }
    const fr = authorityDraft(charter, facts, { language: 'fr', now });
    expect(fr.to.name).toBe('Autorité de protection des données');
    expect(fr.subject).toBe(
      "Notification d'une violation de données à caractère personnel (art. 33 RGPD) — Testco BV — B-2026-001",
    );
    // Times in the organisation's time zone (Brussels is UTC+1 in November).
    expect(fr.text).toContain(
      'Prise de connaissance par le responsable du traitement : 20 novembre 2026 à 10:00 UTC+1',
    );
    expect(fr.text).toContain('environ 12\u202f500 personnes');
    expect(fr.text).toContain('Des catégories particulières de données (art. 9) sont concernées.');
    const nl = authorityDraft(charter, facts, { language: 'nl', now });
    expect(nl.to.name).toBe('Gegevensbeschermingsautoriteit');
    expect(nl.text).toContain('inbreuk op de beschikbaarheid');
  });

  it('adds the reasons for a delay once the 72 hours have passed, and numbers follow-ups', () => {
    const charter = buildCharter();
    const late = authorityDraft(
      charter,
      { ...facts, content: content({ delayReasons: 'Forensics took four days.' }) },
      { language: 'fr', now: new Date('2026-11-24T08:00:00Z') },
    );
    expect(late.sections.find((s) => s.id === 'delay')?.body).toBe('Forensics took four days.');
    const missing = authorityDraft(charter, facts, { language: 'nl', now: new Date('2026-11-24T08:00:00Z') });
    expect(missing.sections.find((s) => s.id === 'delay')?.body).toBe('[aan te vullen]');
    const followUp = authorityDraft(
      charter,
      { ...facts, notifications: [notification({ reference: 'DOS-1' })] },
      { language: 'fr', now },
    );
    expect(followUp.sections[0]!.body).toBe(
      'Notification complémentaire n° 1\nRéférence de la notification précédente : DOS-1',
    );
  });

  it('uses the DPO as contact point when the breach names none', () => {
    const charter = buildCharter((c) => {
      c.organisation.dpo = { name: 'Dana Peeters', email: 'dpo@testco.example' };
    });
    expect(authorityDraft(charter, facts, { language: 'fr', now }).sections.find((s) => s.id === 'contact')?.body).toBe(
      'Dana Peeters, dpo@testco.example',
    );
    const named = { ...facts, content: content({ contact: { name: 'Incident desk', phone: '+32 2 000 00 00' } }) };
    expect(authorityDraft(charter, named, { language: 'fr', now }).sections.find((s) => s.id === 'contact')?.body).toBe(
      'Incident desk, +32 2 000 00 00',
    );
  });

  it('writes the message for the people concerned in each language, with default advice and the complaint route', () => {
    const charter = buildCharter();
    const subjects = (['en', 'nl', 'fr', 'de'] as const).map((language) => subjectsMessage(charter, facts, language));
    expect(subjects.map((m) => m.subject)).toEqual([
      'Important: a security incident involving your personal data at Testco BV',
      'Belangrijk: een beveiligingsincident met uw persoonsgegevens bij Testco BV',
      'Important : un incident de sécurité concernant vos données personnelles chez Testco BV',
      'Wichtig: ein Sicherheitsvorfall mit Ihren personenbezogenen Daten bei Testco BV',
    ]);
    for (const message of subjects) {
      expect(message.sections.map((s) => s.id)).toEqual(['intro', 'what', 'which', 'mean', 'done', 'can', 'questions']);
      expect(message.text).toContain(facts.content.description);
      expect(message.text).toContain('privacy@testco.example');
      // The complaint page in the message's language where the authority publishes one, else its English page.
      const page =
        {
          nl: 'gegevensbeschermingsautoriteit.be/burger/acties/klacht-indienen',
          fr: 'autoriteprotectiondonnees.be/citoyen/agir/introduire-une-plainte',
        }[message.language as string] ?? 'dataprotectionauthority.be/citizen/actions/lodge-a-complaint';
      expect(message.text).toContain(page);
    }
    expect(subjects[1]!.sections.find((s) => s.id === 'which')?.body).toBe('Naam, E-mailadres, Gezondheidsgegevens');
    const advised = subjectsMessage(
      charter,
      { ...facts, content: content({ adviceToSubjects: 'Change your password.' }) },
      'en',
    );
    expect(advised.sections.find((s) => s.id === 'can')?.body).toBe('Change your password.');
  });

  it('writes a processor’s notice to its controller (Art. 33(2))', () => {
    const charter = processorCharter();
    const notice = controllerNotice(
      charter,
      { ...facts, content: content({ controllers: ['shops'] }) },
      'shops',
      'nl',
    )!;
    expect(notice.to).toEqual({ name: 'Webshop Janssens BV', address: ['privacy@janssens.example'] });
    expect(notice.subject).toBe('Gegevenslek bij uw verwerker Testco BV (art. 33, lid 2, AVG) — B-2026-001');
    expect(notice.text).toContain('Hosting van de webwinkel.');
    expect(notice.text).toContain('ongeveer 12.500 personen');
    expect(controllerNotice(charter, facts, 'unknown', 'en')).toBeUndefined();
  });

  it('states the facts alike to the authority and to a controller; only the authority is told of criminal-offence data', () => {
    const charter = processorCharter();
    const criminal = {
      ...facts,
      content: content({ controllers: ['shops'], dataCategories: ['identity.name', 'criminal.offences'] }),
    };
    const toAuthority = authorityDraft(charter, criminal, { now: new Date('2026-11-21T09:00:00Z') });
    const toController = controllerNotice(charter, criminal, 'shops', toAuthority.language)!;
    const body = (draft: { sections: { id: string; body: string }[] }, id: string) =>
      draft.sections.find((s) => s.id === id)?.body;
    for (const id of ['nature', 'subjects', 'consequences', 'measures'])
      expect(body(toController, id)).toBe(body(toAuthority, id));
    const said = draftWords[toAuthority.language].criminal;
    expect(body(toAuthority, 'data')).toContain(said);
    expect(body(toController, 'data')).toBe(body(toAuthority, 'data')!.replace(`\n${said}`, ''));
  });
});
