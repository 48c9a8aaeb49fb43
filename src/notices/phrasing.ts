/**
 * Durations, retention periods, dates and lists in words, per language. A retention rule in the charter
 * (`{duration: P3Y, from: last-contact, action: delete}`) becomes "We keep this data for 3 years after our last
 * meaningful contact with you, and then delete it." — written for each language, not assembled word by word, because
 * the languages do not share a sentence structure (German puts the verb last, Dutch and French order the period
 * differently).
 */
import type { Duration } from '../charter/duration.js';
import { duration as parseDuration } from '../charter/duration.js';
import {
  hasPeriod,
  retentionKind,
  type Language,
  type RetentionAnchor,
  type RetentionRule,
} from '../charter/schema.js';

type Unit = 'years' | 'months' | 'weeks' | 'days';

const unitWords: Record<Language, Record<Unit, [one: string, many: string]>> = {
  en: { years: ['year', 'years'], months: ['month', 'months'], weeks: ['week', 'weeks'], days: ['day', 'days'] },
  // Dutch uses "jaar" after a numeral: "drie jaar", not "drie jaren".
  nl: { years: ['jaar', 'jaar'], months: ['maand', 'maanden'], weeks: ['week', 'weken'], days: ['dag', 'dagen'] },
  fr: { years: ['an', 'ans'], months: ['mois', 'mois'], weeks: ['semaine', 'semaines'], days: ['jour', 'jours'] },
  de: { years: ['Jahr', 'Jahre'], months: ['Monat', 'Monate'], weeks: ['Woche', 'Wochen'], days: ['Tag', 'Tage'] },
};

/** Locale used for dates and lists in each language (Belgian conventions for Dutch and French). */
export const locales: Record<Language, string> = { en: 'en-GB', nl: 'nl-BE', fr: 'fr-BE', de: 'de-DE' };

// Intl objects are costly to create and notices are built often (lint, versions): one per locale and kind.
const cache = new Map<string, Intl.ListFormat | Intl.DateTimeFormat | Intl.DisplayNames>();
function cached<T extends Intl.ListFormat | Intl.DateTimeFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** The list formatter of a language ("a, b and c"). */
export function listFormat(language: Language, type: 'conjunction' | 'disjunction' = 'conjunction'): Intl.ListFormat {
  return cached(`list:${language}:${type}`, () => new Intl.ListFormat(locales[language], { type, style: 'long' }));
}

/** "a, b and c" in the language. */
export function joinList(
  items: readonly string[],
  language: Language,
  type: 'conjunction' | 'disjunction' = 'conjunction',
): string {
  return listFormat(language, type).format(items);
}

/** A duration in words: "3 years", "1 year and 6 months", "13 maanden", "90 jours", "6 Wochen". */
export function durationInWords(value: Duration | string, language: Language): string {
  const d = typeof value === 'string' ? parseDuration(value) : value;
  const words = unitWords[language];
  const parts = (['years', 'months', 'weeks', 'days'] as const)
    .filter((unit) => d[unit] > 0)
    .map((unit) => `${d[unit]}\u00a0${d[unit] === 1 ? words[unit][0] : words[unit][1]}`);
  if (parts.length === 0) return `0\u00a0${words.days[1]}`;
  return joinList(parts, language);
}

/** A calendar date: "2 November 2026", "2 november 2026", "2 novembre 2026", "2. November 2026". */
export function dateInWords(isoDate: string, language: Language): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return cached(
    `date:${language}`,
    () => new Intl.DateTimeFormat(locales[language], { dateStyle: 'long', timeZone: 'UTC' }),
  ).format(date);
}

/** A country's name in the language, from the ICU data Node ships ("Verenigde Staten", "États-Unis"). */
export function countryName(code: string, language: Language): string {
  try {
    return (
      cached(`region:${language}`, () => new Intl.DisplayNames([locales[language]], { type: 'region' })).of(
        code.toUpperCase(),
      ) ?? code
    );
  } catch {
    return code;
  }
}

export type { RetentionAnchor };

/**
 * The point a period runs from, as it follows the period: "after our last meaningful contact with you". `event` is the
 * charter's own description of the event (already in the right language), used for `from: event`.
 */
export function anchorPhrase(anchor: RetentionAnchor, language: Language, event?: string): string {
  const phrases: Record<Language, Record<RetentionAnchor, string>> = {
    en: {
      collection: 'after we collect it',
      'end-of-contract': 'after our contract with you ends',
      'last-contact': 'after our last meaningful contact with you',
      receipt: 'after we receive it',
      'end-of-legal-period': 'after the end of the period for which the law requires us to keep it',
      'consent-withdrawn': 'after you withdraw your consent',
      event: `after ${event ?? 'the event concerned'}`,
    },
    nl: {
      collection: 'na het verzamelen',
      'end-of-contract': 'na het einde van onze overeenkomst met u',
      'last-contact': 'na ons laatste betekenisvolle contact met u',
      receipt: 'na ontvangst',
      'end-of-legal-period': 'na het einde van de termijn waarin de wet ons verplicht ze te bewaren',
      'consent-withdrawn': 'nadat u uw toestemming intrekt',
      event: `na ${event ?? 'de betrokken gebeurtenis'}`,
    },
    fr: {
      collection: 'à compter de leur collecte',
      'end-of-contract': 'après la fin de notre contrat avec vous',
      'last-contact': 'après notre dernier contact significatif avec vous',
      receipt: 'à compter de leur réception',
      'end-of-legal-period': 'après la fin de la durée de conservation imposée par la loi',
      'consent-withdrawn': 'après le retrait de votre consentement',
      event: `après ${event ?? "l'événement concerné"}`,
    },
    de: {
      collection: 'nach ihrer Erhebung',
      'end-of-contract': 'nach dem Ende unseres Vertrags mit Ihnen',
      'last-contact': 'nach unserem letzten maßgeblichen Kontakt mit Ihnen',
      receipt: 'nach ihrem Eingang',
      'end-of-legal-period': 'nach Ablauf der gesetzlichen Aufbewahrungsfrist',
      'consent-withdrawn': 'nach dem Widerruf Ihrer Einwilligung',
      event: `nach ${event ?? 'dem betreffenden Ereignis'}`,
    },
  };
  return phrases[language][anchor];
}

/** The period alone, for tables and diffs: "3 years after our last meaningful contact with you". */
export function periodInWords(
  rule: { duration: string; from: RetentionAnchor },
  language: Language,
  event?: string,
): string {
  return `${durationInWords(rule.duration, language)} ${anchorPhrase(rule.from, language, event)}`;
}

const notDecidedWords: Record<Language, string> = {
  en: 'not decided yet',
  nl: 'nog niet bepaald',
  fr: 'pas encore fixée',
  de: 'noch nicht festgelegt',
};

const criteriaWords: Record<Language, (criteria: string) => string> = {
  en: (criteria) => `by criteria: ${criteria}`,
  nl: (criteria) => `volgens criteria: ${criteria}`,
  fr: (criteria) => `selon des critères\u00a0: ${criteria}`,
  de: (criteria) => `nach Kriterien: ${criteria}`,
};

/**
 * Any retention rule in brief, for diffs and summaries: the period, the criteria, or that it is not decided.
 * `event` and `criteria` are the charter's own texts, already in `language`.
 */
export function retentionInBrief(
  rule: RetentionRule,
  language: Language,
  texts: { event?: string | undefined; criteria?: string | undefined; keep?: readonly string[] } = {},
): string {
  if (hasPeriod(rule)) return periodInWords(rule, language, texts.event);
  if (retentionKind(rule) === 'criteria') {
    const criteria = criteriaWords[language](lower(texts.criteria ?? '', language, texts.keep).replace(/\.$/, ''));
    return rule.from ? `${criteria} (${anchorPhrase(rule.from, language, texts.event)})` : criteria;
  }
  return notDecidedWords[language];
}

/**
 * Art. 13(2)(a) "or if that is not possible, the criteria used to determine that period": the criteria in the
 * organisation's words, the event they run from, what happens at the end and, when declared, how often it reviews.
 */
function criteriaSentence(
  rule: Pick<RetentionRule, 'from' | 'action' | 'review'>,
  language: Language,
  criteria: string,
  event?: string,
): string {
  const anchor = rule.from ? ` ${anchorPhrase(rule.from, language, event)}` : '';
  const said = criteria.trim().replace(/[.;:]+$/, '');
  const anonymise = rule.action === 'anonymise';
  const review = rule.review ? durationInWords(rule.review, language) : undefined;
  switch (language) {
    case 'en':
      return `How long we keep this data${anchor} is not a fixed period; it depends on these criteria: ${said}. ${anonymise ? 'We then anonymise it.' : 'We then delete it.'}${review ? ` We review at least every ${review} whether we still need it.` : ''}`;
    case 'nl':
      return `Hoe lang we deze gegevens${anchor} bewaren, is geen vaste termijn; het hangt af van deze criteria: ${said}. ${anonymise ? 'Daarna anonimiseren we ze.' : 'Daarna wissen we ze.'}${review ? ` We gaan minstens elke ${review} na of we ze nog nodig hebben.` : ''}`;
    case 'fr':
      return `La durée pendant laquelle nous conservons ces données${anchor} n’est pas fixe\u00a0; elle dépend des critères suivants\u00a0: ${said}. ${anonymise ? 'Ensuite, nous les anonymisons.' : 'Ensuite, nous les supprimons.'}${review ? ` Nous vérifions au moins tous les ${review} si nous en avons encore besoin.` : ''}`;
    case 'de':
      return `Wie lange wir diese Daten${anchor} speichern, ist keine feste Frist, sondern hängt von diesen Kriterien ab: ${said}. ${anonymise ? 'Danach werden sie anonymisiert.' : 'Danach werden sie gelöscht.'}${review ? ` Wir prüfen mindestens alle ${review}, ob wir sie noch benötigen.` : ''}`;
  }
}

/** A retention the organisation has not decided: said as it is, never filled with an invented period. */
const notDecidedSentence: Record<Language, string> = {
  en: 'We have not yet decided how long we keep this data.',
  nl: 'We hebben nog niet bepaald hoe lang we deze gegevens bewaren.',
  fr: 'Nous n’avons pas encore fixé la durée de conservation de ces données.',
  de: 'Wie lange wir diese Daten speichern, haben wir noch nicht festgelegt.',
};

/**
 * The full retention sentence: period, minimum, what happens at the end, and whether a renewed consent restarts it.
 * "We keep this data for at least 6 months and at most 2 years after we collect it, and then delete it."
 */
export function retentionSentence(
  rule: Pick<RetentionRule, 'duration' | 'from' | 'action' | 'minimum' | 'renewableByConsent' | 'criteria' | 'review'>,
  language: Language,
  event?: string,
  criteria?: string,
): string {
  if (!hasPeriod(rule)) {
    return retentionKind(rule) === 'criteria'
      ? criteriaSentence(rule, language, criteria ?? '', event)
      : notDecidedSentence[language];
  }
  const period = durationInWords(rule.duration, language);
  const anchor = anchorPhrase(rule.from, language, event);
  const minimum = rule.minimum ? durationInWords(rule.minimum, language) : undefined;
  const anonymise = rule.action === 'anonymise';
  let sentence: string;
  switch (language) {
    case 'en': {
      const span = minimum ? `for at least ${minimum} and at most ${period} ${anchor}` : `for ${period} ${anchor}`;
      const end = anonymise ? 'and then anonymise it, so that it can no longer be linked to you' : 'and then delete it';
      sentence = `We keep this data ${span}, ${end}.`;
      if (rule.renewableByConsent)
        sentence += ' If you confirm that you want to stay in touch, the period starts again.';
      break;
    }
    case 'nl': {
      const span = minimum ? `minstens ${minimum} en hoogstens ${period} ${anchor}` : `${period} ${anchor}`;
      const end = anonymise
        ? 'daarna anonimiseren we ze, zodat ze niet meer naar u te herleiden zijn'
        : 'daarna wissen we ze';
      sentence = `We bewaren deze gegevens ${span}; ${end}.`;
      if (rule.renewableByConsent)
        sentence += ' Bevestigt u dat u in contact wilt blijven, dan begint de termijn opnieuw.';
      break;
    }
    case 'fr': {
      const span = minimum ? `au moins ${minimum} et au plus ${period} ${anchor}` : `${period} ${anchor}`;
      const end = anonymise
        ? 'ensuite, nous les anonymisons, de sorte qu’elles ne puissent plus être reliées à vous'
        : 'ensuite, nous les supprimons';
      sentence = `Nous conservons ces données ${span}\u00a0; ${end}.`;
      if (rule.renewableByConsent)
        sentence += ' Si vous confirmez vouloir rester en contact, le délai recommence à courir.';
      break;
    }
    case 'de': {
      const verb = anonymise ? 'anonymisiert, sodass sie Ihnen nicht mehr zugeordnet werden können' : 'gelöscht';
      sentence = minimum
        ? `Wir speichern diese Daten mindestens ${minimum}; spätestens ${period} ${anchor} werden sie ${verb}.`
        : `Diese Daten werden ${period} ${anchor} ${verb}.`;
      if (rule.renewableByConsent)
        sentence += ' Bestätigen Sie, dass Sie weiter in Kontakt bleiben möchten, beginnt die Frist von Neuem.';
      break;
    }
  }
  return sentence;
}

/** A legal hold in a sentence: the part the law makes us keep longer, and for how long. */
/** `keep`: proper nouns the charter declares, which keep their case at the start of the reason. */
export function holdSentence(
  hold: { reason: string; law: string; duration?: string | undefined },
  language: Language,
  keep: readonly string[] = [],
): string {
  hold = { ...hold, reason: hold.reason.trim().replace(/[.;:]+$/, '') };
  const howLong = hold.duration ? durationInWords(hold.duration, language) : undefined;
  switch (language) {
    case 'en':
      return `Where the law requires us to keep part of this data longer, we keep only that part, for as long as the law requires: ${lower(hold.reason, language, keep)} (${hold.law}${howLong ? `; ${howLong}` : ''}).`;
    case 'nl':
      return `Waar de wet ons verplicht een deel van deze gegevens langer te bewaren, bewaren we alleen dat deel, zo lang als de wet het vereist: ${lower(hold.reason, language, keep)} (${hold.law}${howLong ? `; ${howLong}` : ''}).`;
    case 'fr':
      return `Lorsque la loi nous oblige à conserver une partie de ces données plus longtemps, nous ne gardons que cette partie, aussi longtemps que la loi l’exige\u00a0: ${lower(hold.reason, language, keep)} (${hold.law}${howLong ? `\u00a0; ${howLong}` : ''}).`;
    case 'de':
      return `Soweit wir einen Teil dieser Daten von Gesetzes wegen länger aufbewahren müssen, bewahren wir nur diesen Teil auf, und zwar so lange, wie das Gesetz es verlangt: ${hold.reason} (${hold.law}${howLong ? `; ${howLong}` : ''}).`;
  }
}

/** Whether `value` starts with one of `nouns` as a whole word ("Mollie B.V. collects…", not "Mollies"). */
export function startsWithProperNoun(value: string, nouns: readonly string[]): boolean {
  return nouns.some((noun) => value.startsWith(noun) && !/[\p{L}\p{N}]/u.test(value.charAt(noun.length)));
}

/** Lower-cases the first letter of a sentence that follows a colon (never in German, where nouns keep capitals). */
function lower(sentence: string, language: Language, keep: readonly string[] = []): string {
  if (language === 'de') return sentence;
  if (startsWithProperNoun(sentence, keep)) return sentence;
  const first = sentence.charAt(0);
  const second = sentence.charAt(1);
  // Keep acronyms and proper names ("VAT", "APD") as they are.
  if (second && second === second.toUpperCase() && second !== second.toLowerCase()) return sentence;
  return first.toLowerCase() + sentence.slice(1);
}

/** How long a cookie or tracker lasts, in words. */
export function cookieDurationInWords(value: string, type: string, language: Language): string {
  if (value !== 'session') return durationInWords(value, language);
  const storage = type === 'session-storage';
  const pixel = type === 'pixel';
  const words: Record<Language, [browser: string, tab: string, visit: string]> = {
    en: ['until you close your browser', 'until you close the tab', 'only during your visit'],
    nl: ['tot u uw browser sluit', 'tot u het tabblad sluit', 'alleen tijdens uw bezoek'],
    fr: [
      'jusqu’à la fermeture de votre navigateur',
      'jusqu’à la fermeture de l’onglet',
      'uniquement pendant votre visite',
    ],
    de: ['bis Sie Ihren Browser schließen', 'bis Sie den Tab schließen', 'nur während Ihres Besuchs'],
  };
  const [browser, tab, visit] = words[language];
  return storage ? tab : pixel ? visit : browser;
}
