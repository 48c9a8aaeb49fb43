import { describe, expect, it } from 'vitest';
import {
  anchorPhrase,
  cookieDurationInWords,
  dateInWords,
  durationInWords,
  holdSentence,
  periodInWords,
  retentionSentence,
} from './phrasing.js';

const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('durations in words', () => {
  it.each([
    ['P3Y', 'en', '3 years'],
    ['P1Y', 'en', '1 year'],
    ['P1Y6M', 'en', '1 year and 6 months'],
    ['P13M', 'nl', '13 maanden'],
    ['P3Y', 'nl', '3 jaar'],
    ['P1Y2M10D', 'nl', '1 jaar, 2 maanden en 10 dagen'],
    ['P90D', 'fr', '90 jours'],
    ['P1Y', 'fr', '1 an'],
    ['P2W', 'de', '2 Wochen'],
    ['P1Y6M', 'de', '1 Jahr und 6 Monate'],
  ] as const)('%s in %s is "%s"', (value, language, expected) => {
    expect(plain(durationInWords(value, language))).toBe(expected);
  });

  it('keeps number and unit together with a no-break space', () => {
    expect(durationInWords('P3Y', 'en')).toBe('3\u00a0years');
  });
});

describe('retention sentences', () => {
  it('says "3 years after our last meaningful contact" in each language, with the action at the end', () => {
    const rule = { duration: 'P3Y', from: 'last-contact', action: 'delete', renewableByConsent: false } as const;
    expect(plain(retentionSentence(rule, 'en'))).toBe(
      'We keep this data for 3 years after our last meaningful contact with you, and then delete it.',
    );
    expect(plain(retentionSentence(rule, 'nl'))).toBe(
      'We bewaren deze gegevens 3 jaar na ons laatste betekenisvolle contact met u; daarna wissen we ze.',
    );
    expect(plain(retentionSentence(rule, 'fr'))).toBe(
      'Nous conservons ces données 3 ans après notre dernier contact significatif avec vous ; ensuite, nous les supprimons.',
    );
    expect(plain(retentionSentence(rule, 'de'))).toBe(
      'Diese Daten werden 3 Jahre nach unserem letzten maßgeblichen Kontakt mit Ihnen gelöscht.',
    );
  });

  it('states a minimum, anonymisation and renewal by consent', () => {
    const rule = {
      duration: 'P2Y',
      minimum: 'P6M',
      from: 'collection',
      action: 'anonymise',
      renewableByConsent: true,
    } as const;
    const en = plain(retentionSentence(rule, 'en'));
    expect(en).toContain('for at least 6 months and at most 2 years after we collect it');
    expect(en).toContain('anonymise it');
    expect(en).toContain('the period starts again');
    expect(plain(retentionSentence(rule, 'de'))).toBe(
      'Wir speichern diese Daten mindestens 6 Monate; spätestens 2 Jahre nach ihrer Erhebung werden sie anonymisiert, sodass sie Ihnen nicht mehr zugeordnet werden können. Bestätigen Sie, dass Sie weiter in Kontakt bleiben möchten, beginnt die Frist von Neuem.',
    );
  });

  it("uses the charter's own words for an event anchor", () => {
    expect(plain(periodInWords({ duration: 'P1Y', from: 'event' }, 'nl', 'de datum van het evenement'))).toBe(
      '1 jaar na de datum van het evenement',
    );
    expect(anchorPhrase('receipt', 'fr')).toBe('à compter de leur réception');
  });

  it('describes a legal hold without a doubled full stop', () => {
    expect(
      plain(
        holdSentence(
          {
            reason: 'Invoices must be kept for the tax authorities.',
            law: 'Belgian VAT Code, art. 60',
            duration: 'P10Y',
          },
          'en',
        ),
      ),
    ).toBe(
      'Where the law requires us to keep part of this data longer, we keep only that part, for as long as the law requires: invoices must be kept for the tax authorities (Belgian VAT Code, art. 60; 10 years).',
    );
  });
});

describe('dates and cookie lifetimes', () => {
  it('writes dates the way each language does', () => {
    expect(dateInWords('2026-11-02', 'en')).toBe('2 November 2026');
    expect(dateInWords('2026-11-02', 'nl')).toBe('2 november 2026');
    expect(dateInWords('2026-11-02', 'fr')).toBe('2 novembre 2026');
    expect(dateInWords('2026-11-02', 'de')).toBe('2. November 2026');
  });

  it('explains session lifetimes by storage type', () => {
    expect(cookieDurationInWords('session', 'cookie', 'en')).toBe('until you close your browser');
    expect(cookieDurationInWords('session', 'session-storage', 'nl')).toBe('tot u het tabblad sluit');
    expect(cookieDurationInWords('session', 'pixel', 'fr')).toBe('uniquement pendant votre visite');
    expect(plain(cookieDurationInWords('P13M', 'cookie', 'de'))).toBe('13 Monate');
  });
});
