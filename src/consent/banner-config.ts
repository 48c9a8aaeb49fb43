/**
 * What the consent banner needs to know for one site in one language, derived from the charter: the consent
 * categories with their texts, vendors and cookies, the strictly necessary cookies, the consent revision, the expiry,
 * Global Privacy Control handling, the Google Consent Mode mapping and the banner's own texts (EN, NL, FR, DE).
 *
 * The zod schema below is the one source of this shape: the routes validate their answer with it, the OpenAPI document
 * describes it and the browser bundle (web/banner) imports its type. Everything here is pure: a charter in, data out.
 */
import { z } from 'zod';
import { duration, type Duration } from '../charter/duration.js';
import { consentRevision, consentScope } from '../charter/revision.js';
import {
  consentModeSignals,
  languageSchema,
  languages as allLanguages,
  type Charter,
  type Cookie,
  type Language,
  type Text,
} from '../charter/schema.js';

/** Cookies Charter's banner sets itself on the site; listed as strictly necessary even when a charter forgets them. */
export const bannerCookieNames = { consent: 'charter_consent', visitor: 'charter_visitor' } as const;

const cookieTypes = ['cookie', 'local-storage', 'session-storage', 'pixel', 'indexed-db'] as const;

export const bannerCookieSchema = z.object({
  name: z.string().describe('cookie or storage key; a trailing * matches every name with that prefix'),
  type: z.enum(cookieTypes),
  purpose: z.string(),
  duration: z.string().describe('in words, in the banner language'),
  vendor: z.string().describe('display name of who sets it'),
});

export const bannerVendorSchema = z.object({
  name: z.string(),
  country: z.string().describe('country name in the banner language'),
  privacyUrl: z.string().optional(),
});

export const bannerCategorySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  gpc: z.boolean().describe('a sale/sharing/advertising category: starts denied under Global Privacy Control'),
  signals: z.array(z.enum(consentModeSignals)).describe('Google Consent Mode signals granted with this category'),
  vendors: z.array(bannerVendorSchema),
  cookies: z.array(bannerCookieSchema),
});

const textKeys = [
  'title',
  'intro',
  'necessary',
  'alwaysOn',
  'acceptAll',
  'rejectAll',
  'choose',
  'save',
  'settings',
  'details',
  'vendors',
  'cookie',
  'purpose',
  'duration',
  'notice',
  'gpc',
  'blocked',
  'allow',
  'reopen',
] as const;
export type BannerTextKey = (typeof textKeys)[number];

export const bannerTextsSchema = z.object(
  Object.fromEntries(textKeys.map((key) => [key, z.string()])) as Record<BannerTextKey, z.ZodString>,
);

export const bannerConfigSchema = z.object({
  site: z.string(),
  revision: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .describe('consent revision: a stored choice for another revision is asked again'),
  language: languageSchema,
  languages: z.array(languageSchema).describe("the site's languages"),
  expiry: z
    .object({ months: z.number().int().min(0), days: z.number().int().min(0) })
    .describe('a choice is asked again this long after it was made (calendar months, then days)'),
  honourGpc: z.boolean(),
  googleConsentMode: z.boolean().describe('push gtag consent updates from the category signals'),
  notice: z.string().describe('path of the privacy notice on the Charter server'),
  accent: z
    .string()
    .regex(/^#[0-9a-f]{6}$/)
    .describe('button colour, at least 4.5:1 against white'),
  necessary: z.array(bannerCookieSchema),
  categories: z.array(bannerCategorySchema),
  texts: bannerTextsSchema,
});

/** The banner configuration for one site and language. */
export type BannerConfig = z.infer<typeof bannerConfigSchema>;
export type BannerCategory = z.infer<typeof bannerCategorySchema>;
export type BannerTexts = z.infer<typeof bannerTextsSchema>;

/**
 * The banner's own texts. `{categories}` and `{category}` are replaced by the banner. Written for visitors: plain
 * words, the same weight for yes and no (EDPB Cookie Banner Taskforce 2023), and no claim that refusing breaks the site.
 */
export const bannerTexts: Record<Language, BannerTexts> = {
  en: {
    title: 'Cookies and your privacy',
    intro:
      'We use strictly necessary cookies to make this website work. With your permission we would also like to use the cookies and similar technologies described below. Nothing is switched on until you choose, and you can change your choice at any time.',
    necessary: 'Strictly necessary',
    alwaysOn: 'always on',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    choose: 'Choose',
    save: 'Save my choices',
    settings: 'Choose which cookies we may use',
    details: 'Vendors and cookies',
    vendors: 'Vendors',
    cookie: 'Cookie',
    purpose: 'Purpose',
    duration: 'Duration',
    notice: 'Privacy notice',
    gpc: 'Your browser sends the Global Privacy Control signal and we honour it: these stay off unless you switch them on yourself: {categories}.',
    blocked: 'This content comes from another party. It loads only if you allow “{category}”.',
    allow: 'Allow “{category}”',
    reopen: 'Privacy choices',
  },
  nl: {
    title: 'Cookies en uw privacy',
    intro:
      'We gebruiken strikt noodzakelijke cookies om deze website te laten werken. Met uw toestemming willen we ook de cookies en vergelijkbare technieken hieronder gebruiken. Niets staat aan voordat u kiest, en u kunt uw keuze altijd wijzigen.',
    necessary: 'Strikt noodzakelijk',
    alwaysOn: 'altijd aan',
    acceptAll: 'Alles accepteren',
    rejectAll: 'Alles weigeren',
    choose: 'Zelf kiezen',
    save: 'Mijn keuze bewaren',
    settings: 'Kies welke cookies we mogen gebruiken',
    details: 'Partijen en cookies',
    vendors: 'Partijen',
    cookie: 'Cookie',
    purpose: 'Doel',
    duration: 'Bewaartermijn',
    notice: 'Privacyverklaring',
    gpc: 'Uw browser stuurt het signaal Global Privacy Control en we respecteren het: deze blijven uit, tenzij u ze zelf aanzet: {categories}.',
    blocked: 'Deze inhoud komt van een andere partij. Ze wordt alleen geladen als u ‘{category}’ toestaat.',
    allow: '‘{category}’ toestaan',
    reopen: 'Privacykeuzes',
  },
  fr: {
    title: 'Les cookies et votre vie privée',
    intro:
      "Nous utilisons des cookies strictement nécessaires au fonctionnement de ce site. Avec votre accord, nous aimerions aussi utiliser les cookies et technologies similaires décrits ci-dessous. Rien n'est activé avant votre choix, et vous pouvez le modifier à tout moment.",
    necessary: 'Strictement nécessaires',
    alwaysOn: 'toujours actifs',
    acceptAll: 'Tout accepter',
    rejectAll: 'Tout refuser',
    choose: 'Personnaliser',
    save: 'Enregistrer mes choix',
    settings: 'Choisissez les cookies que nous pouvons utiliser',
    details: 'Partenaires et cookies',
    vendors: 'Partenaires',
    cookie: 'Cookie',
    purpose: 'Finalité',
    duration: 'Durée',
    notice: 'Déclaration de confidentialité',
    gpc: 'Votre navigateur envoie le signal Global Privacy Control et nous le respectons : ces catégories restent désactivées, sauf si vous les activez vous-même : {categories}.',
    blocked: "Ce contenu provient d'un tiers. Il ne se charge que si vous autorisez « {category} ».",
    allow: 'Autoriser « {category} »',
    reopen: 'Choix de confidentialité',
  },
  de: {
    title: 'Cookies und Ihre Privatsphäre',
    intro:
      'Wir verwenden unbedingt erforderliche Cookies, damit diese Website funktioniert. Mit Ihrer Einwilligung möchten wir auch die unten beschriebenen Cookies und ähnlichen Technologien verwenden. Nichts ist aktiv, bevor Sie wählen, und Sie können Ihre Wahl jederzeit ändern.',
    necessary: 'Unbedingt erforderlich',
    alwaysOn: 'immer aktiv',
    acceptAll: 'Alle akzeptieren',
    rejectAll: 'Alle ablehnen',
    choose: 'Auswählen',
    save: 'Auswahl speichern',
    settings: 'Wählen Sie, welche Cookies wir verwenden dürfen',
    details: 'Anbieter und Cookies',
    vendors: 'Anbieter',
    cookie: 'Cookie',
    purpose: 'Zweck',
    duration: 'Speicherdauer',
    notice: 'Datenschutzerklärung',
    gpc: 'Ihr Browser sendet das Signal Global Privacy Control und wir respektieren es: Diese bleiben aus, sofern Sie sie nicht selbst einschalten: {categories}.',
    blocked: 'Dieser Inhalt stammt von einem anderen Anbieter. Er wird nur geladen, wenn Sie „{category}“ erlauben.',
    allow: '„{category}“ erlauben',
    reopen: 'Datenschutz-Einstellungen',
  },
};

/** Charter's own cookies, described in our words, for charters that do not declare them. */
const ownCookieTexts: Record<Language, { consent: string; visitor: string; session: string; firstParty: string }> = {
  en: {
    consent: 'Remembers your cookie choices and the receipt of your consent.',
    visitor: 'A random number that links your consent choices to their receipts, without identifying you.',
    session: 'until you close the browser',
    firstParty: 'this website',
  },
  nl: {
    consent: 'Onthoudt uw cookiekeuzes en het bewijs van uw toestemming.',
    visitor: 'Een willekeurig nummer dat uw toestemmingskeuzes aan hun bewijs koppelt, zonder u te identificeren.',
    session: 'tot u de browser sluit',
    firstParty: 'deze website',
  },
  fr: {
    consent: 'Retient vos choix en matière de cookies et la preuve de votre consentement.',
    visitor: 'Un numéro aléatoire qui relie vos choix de consentement à leur preuve, sans vous identifier.',
    session: "jusqu'à la fermeture du navigateur",
    firstParty: 'ce site',
  },
  de: {
    consent: 'Speichert Ihre Cookie-Auswahl und den Nachweis Ihrer Einwilligung.',
    visitor: 'Eine Zufallsnummer, die Ihre Einwilligungen mit ihren Nachweisen verknüpft, ohne Sie zu identifizieren.',
    session: 'bis Sie den Browser schließen',
    firstParty: 'diese Website',
  },
};

const durationWords: Record<Language, { units: [string, string][]; and: string }> = {
  en: {
    units: [
      ['year', 'years'],
      ['month', 'months'],
      ['week', 'weeks'],
      ['day', 'days'],
    ],
    and: 'and',
  },
  nl: {
    units: [
      ['jaar', 'jaar'],
      ['maand', 'maanden'],
      ['week', 'weken'],
      ['dag', 'dagen'],
    ],
    and: 'en',
  },
  fr: {
    units: [
      ['an', 'ans'],
      ['mois', 'mois'],
      ['semaine', 'semaines'],
      ['jour', 'jours'],
    ],
    and: 'et',
  },
  de: {
    units: [
      ['Jahr', 'Jahre'],
      ['Monat', 'Monate'],
      ['Woche', 'Wochen'],
      ['Tag', 'Tage'],
    ],
    and: 'und',
  },
};

/** A charter duration in words in one language: "1 year and 6 months", "13 maanden". */
export function durationInWords(value: Duration, language: Language): string {
  const words = durationWords[language];
  const counts = [value.years, value.months, value.weeks, value.days];
  const parts = counts.flatMap((n, i) => {
    const [one, many] = words.units[i] ?? ['', ''];
    return n ? [`${n} ${n === 1 ? one : many}`] : [];
  });
  if (parts.length === 0) return `0 ${words.units[3]?.[1] ?? ''}`;
  return parts.length === 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} ${words.and} ${parts.at(-1) ?? ''}`;
}

/** A charter text in `language`, falling back to the charter's default language, then English, then any. */
export function localText(text: Text | undefined, language: Language, fallback?: Language): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (
    text[language] ?? (fallback ? text[fallback] : undefined) ?? text.en ?? Object.values(text).find(Boolean) ?? ''
  );
}

/** The languages a site is offered in: its own list, or the charter's. */
export function siteLanguages(charter: Charter, siteId: string): Language[] {
  const site = charter.sites.find((s) => s.id === siteId);
  return site?.languages ?? charter.languages;
}

/**
 * Picks the banner language for a site from the visitor's preferences in order (`<html lang>` first, then the
 * browser's), falling back to the charter's default language when the site offers it, else the site's first.
 */
export function pickBannerLanguage(charter: Charter, siteId: string, preferences: readonly string[]): Language {
  const offered = siteLanguages(charter, siteId);
  for (const preference of preferences) {
    const primary = preference.trim().toLowerCase().split(/[-_]/)[0];
    const found = offered.find((l) => l === primary);
    if (found) return found;
  }
  if (charter.defaultLanguage && offered.includes(charter.defaultLanguage)) return charter.defaultLanguage;
  return offered[0] ?? 'en';
}

const defaultAccent = '#1d4ed8';

/** WCAG 2.x contrast ratio of a #rrggbb colour against white. */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (luminance + 0.05);
}

/**
 * The banner configuration of `siteId` in `language`. Throws when the site is not in the charter (a caller checks
 * the site exists first; routes answer 404).
 *
 * @example bannerConfig(charter, 'main', 'nl').categories.map((c) => c.id) // ['analytics', 'marketing']
 */
export function bannerConfig(charter: Charter, siteId: string, language: Language): BannerConfig {
  const site = charter.sites.find((s) => s.id === siteId);
  if (!site) throw new Error(`site "${siteId}" is not in the charter`);
  const scope = consentScope(charter, siteId);
  const fallback = charter.defaultLanguage;
  const own = ownCookieTexts[language];
  const region = new Intl.DisplayNames([language], { type: 'region' });
  const recipients = new Map(charter.recipients.map((r) => [r.id, r]));
  const vendorName = (vendor: string) =>
    vendor === 'first-party' ? own.firstParty : localText(recipients.get(vendor)?.name, language, fallback) || vendor;

  const describeCookie = (cookie: Cookie) => ({
    name: cookie.name,
    type: cookie.type,
    purpose: localText(cookie.purpose, language, fallback),
    duration: cookie.duration === 'session' ? own.session : durationInWords(duration(cookie.duration), language),
    vendor: vendorName(cookie.vendor),
  });

  const expiry = duration(charter.consent.expiry);
  const necessary = scope.cookies.filter((c) => c.category === 'necessary').map(describeCookie);
  // The banner sets these two itself; a visitor must be told about them whether or not the charter lists them.
  const expiryWords = durationInWords(expiry, language);
  for (const [key, name] of Object.entries(bannerCookieNames) as [keyof typeof bannerCookieNames, string][]) {
    if (!necessary.some((c) => c.name === name)) {
      necessary.push({ name, type: 'cookie', purpose: own[key], duration: expiryWords, vendor: own.firstParty });
    }
  }

  const categories = charter.consent.categories.map((category) => {
    const cookies = scope.cookies.filter((c) => c.category === category.id);
    const vendorIds = [...new Set(cookies.map((c) => c.vendor).filter((v) => v !== 'first-party'))];
    return {
      id: category.id,
      name: localText(category.name, language, fallback),
      description: localText(category.description, language, fallback),
      gpc: category.gpc,
      signals: charter.consent.googleConsentMode ? category.googleConsentMode : [],
      vendors: vendorIds.map((id) => {
        const recipient = recipients.get(id);
        return {
          name: recipient ? localText(recipient.name, language, fallback) : id,
          country: recipient ? (region.of(recipient.country) ?? recipient.country) : '',
          ...(recipient?.privacyUrl ? { privacyUrl: recipient.privacyUrl } : {}),
        };
      }),
      cookies: cookies.map(describeCookie),
    };
  });

  const accent = site.theme?.primaryColor?.toLowerCase();
  return {
    site: site.id,
    revision: consentRevision(charter, siteId),
    language,
    languages: siteLanguages(charter, siteId),
    expiry: { months: expiry.years * 12 + expiry.months, days: expiry.weeks * 7 + expiry.days },
    honourGpc: charter.consent.honourGpc,
    googleConsentMode: charter.consent.googleConsentMode,
    notice: `/privacy/${encodeURIComponent(site.id)}/notice?lang=${language}`,
    accent: accent && contrastWithWhite(accent) >= 4.5 ? accent : defaultAccent,
    necessary,
    categories,
    texts: bannerTexts[language],
  };
}

/** Every language Charter writes banner texts in (the site may offer fewer). */
export const bannerLanguages: readonly Language[] = allLanguages;
