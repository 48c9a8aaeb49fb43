/**
 * Lint rules about what the notice would tell people (Art. 12–14) and whether the charter's promises are kept: each a
 * pure function over the charter and a clock, with a severity and the provision it rests on. They join the core rules
 * in `src/charter/lint.ts`.
 */
import { formerAuthorityNames } from '../charter/catalogs/authorities.js';
import { isInEea } from '../charter/catalogs/countries.js';
import { findDataCategory } from '../charter/catalogs/data-taxonomy.js';
import type { LintFinding, LintRule } from '../charter/lint.js';
import type { IssuePath } from '../charter/references.js';
import { hasPeriod, retentionKind, type Charter, type Language, type Text } from '../charter/schema.js';
import { hasSourceElsewhere, purposeSources } from '../charter/sources.js';
import { buildNotice } from './build-notice.js';
import { childConsentAge } from './children.js';
import type { NoticeDocument } from './document.js';

/** The Art. 13 items every privacy notice must show, and the Art. 14 items when a purpose's data comes from elsewhere. */
export const article13Items = [
  '13(1)(a)',
  '13(1)(b)',
  '13(1)(c)',
  '13(1)(d)',
  '13(1)(e)',
  '13(1)(f)',
  '13(2)(a)',
  '13(2)(b)',
  '13(2)(c)',
  '13(2)(d)',
  '13(2)(e)',
  '13(2)(f)',
] as const;
export const article14Items = ['14(1)(d)', '14(2)(f)'] as const;

/** The items a notice of this charter must carry: Art. 13 always, Art. 14 when some data is not obtained from the person. */
export function requiredItems(charter: Charter, siteId: string): string[] {
  const site = charter.sites.find((s) => s.id === siteId);
  const purposes = site?.purposes ? charter.purposes.filter((p) => site.purposes?.includes(p.id)) : charter.purposes;
  return [...article13Items, ...(purposes.some(hasSourceElsewhere) ? article14Items : [])];
}

/** Whether a section carries text (not only headings). */
function sectionText(document: NoticeDocument, item: string): string {
  return document.sections
    .filter((s) => s.gdpr.includes(item))
    .flatMap((s) => s.blocks)
    .map((block) => JSON.stringify(block))
    .join('');
}

/** The items a built notice lacks (no section for the item, or an empty one). */
export function missingItems(document: NoticeDocument, required: readonly string[]): string[] {
  return required.filter((item) => sectionText(document, item).replace(/[^\p{L}\p{N}]/gu, '').length === 0);
}

const finding = (
  rule: string,
  severity: LintFinding['severity'],
  article: string,
  path: IssuePath,
  message: string,
): LintFinding => ({ rule, severity, article, path, message });

/**
 * Art. 13/14 items the notice cannot state from this charter: no way to exercise rights, a DPO or representative
 * without contact details, automated decisions without their logic, a requirement without its consequence, data from
 * elsewhere without its source — and, as a guard, any required item the built notice lacks.
 */
export const noticeCompletenessRule: LintRule = (charter) => {
  const findings: LintFinding[] = [];
  const rule = 'notice-missing-item';
  const channels = charter.rights.channels;
  if (!channels.web && !channels.email && !channels.post && !channels.phone) {
    findings.push(
      finding(
        rule,
        'error',
        'GDPR Art. 12(2), 13(2)(b)',
        ['rights', 'channels'],
        'the notice cannot say how to exercise rights: declare at least one channel (web, email, post or phone)',
      ),
    );
  }
  const person = (value: { email?: string | undefined; phone?: string | undefined; address?: unknown } | undefined) =>
    Boolean(value?.email || value?.phone || value?.address);
  if (charter.organisation.dpo && !person(charter.organisation.dpo)) {
    findings.push(
      finding(
        rule,
        'error',
        'GDPR Art. 13(1)(b), 37(7)',
        ['organisation', 'dpo'],
        'a data protection officer is declared without any contact details (email, phone or address)',
      ),
    );
  }
  if (charter.organisation.representative && !person(charter.organisation.representative)) {
    findings.push(
      finding(
        rule,
        'error',
        'GDPR Art. 13(1)(a), 27',
        ['organisation', 'representative'],
        'an EU representative is declared without any contact details (email, phone or address)',
      ),
    );
  }
  charter.purposes.forEach((purpose, p) => {
    if (
      purpose.automatedDecisions.exists &&
      (!purpose.automatedDecisions.logic || !purpose.automatedDecisions.consequences)
    ) {
      findings.push(
        finding(
          rule,
          'error',
          'GDPR Art. 13(2)(f)',
          ['purposes', p, 'automatedDecisions'],
          `${purpose.id}: automated decisions need meaningful information about the logic involved and the envisaged consequences (logic and consequences)`,
        ),
      );
    }
    if (purpose.requirement.kind !== 'none' && !purpose.requirement.consequence) {
      findings.push(
        finding(
          rule,
          'warning',
          'GDPR Art. 13(2)(e)',
          ['purposes', p, 'requirement'],
          `${purpose.id}: the data is required (${purpose.requirement.kind}) but the notice cannot say what happens if it is not given (consequence)`,
        ),
      );
    }
    purposeSources(purpose).forEach((source, i) => {
      if (source.kind !== 'subject' && !source.description) {
        const path: IssuePath = Array.isArray(purpose.source)
          ? ['purposes', p, 'source', i]
          : ['purposes', p, 'source'];
        findings.push(
          finding(
            rule,
            'warning',
            'GDPR Art. 14(2)(f)',
            path,
            `${purpose.id}: the data does not come from the person, but the source is not described`,
          ),
        );
      }
    });
  });
  // Guard: every required item present and non-empty in every notice the charter produces.
  charter.sites.forEach((site, s) => {
    for (const language of site.languages ?? charter.languages) {
      const missing = missingItems(buildNotice(charter, site.id, language), requiredItems(charter, site.id));
      if (missing.length)
        findings.push(
          finding(
            rule,
            'error',
            'GDPR Art. 13, 14',
            ['sites', s],
            `the ${language} notice of site "${site.id}" lacks: ${missing.join(', ')}`,
          ),
        );
    }
  });
  return findings;
};

/** Every text the notice of a site shows, with its path, so a missing translation can be pointed at. */
function noticeTexts(charter: Charter): { path: IssuePath; text: Text; languages: Language[] }[] {
  const out: { path: IssuePath; text: Text; languages: Language[] }[] = [];
  const languagesOf = (purposeId?: string, cookieName?: string): Language[] => {
    const sites = charter.sites.filter(
      (site) =>
        (purposeId ? !site.purposes || site.purposes.includes(purposeId) : true) &&
        (cookieName ? !site.cookies || site.cookies.includes(cookieName) : true),
    );
    return [...new Set(sites.flatMap((site) => site.languages ?? charter.languages))];
  };
  const all = languagesOf();
  const add = (path: IssuePath, text: Text | undefined, languages: Language[] = all) => {
    if (text !== undefined) out.push({ path, text, languages });
  };
  charter.organisation.addresses.forEach((a, i) => add(['organisation', 'addresses', i, 'label'], a.label));
  add(['organisation', 'dpo', 'address', 'label'], charter.organisation.dpo?.address?.label);
  add(['organisation', 'security'], charter.organisation.security);
  add(['rights', 'channels', 'post', 'label'], charter.rights.channels.post?.label);
  add(['children', 'policy'], charter.children.policy);
  charter.subjects.forEach((s, i) => add(['subjects', i, 'name'], s.name));
  charter.data.forEach((d, i) => {
    add(['data', i, 'name'], d.name);
    add(['data', i, 'source'], d.source);
  });
  charter.holds.forEach((h, i) => add(['holds', i, 'reason'], h.reason));
  charter.recipients.forEach((r, i) => {
    add(['recipients', i, 'name'], r.name);
    add(['recipients', i, 'service'], r.service);
    add(['recipients', i, 'arrangement'], r.arrangement);
    r.subProcessors.forEach((sub, j) => add(['recipients', i, 'subProcessors', j, 'name'], sub.name));
  });
  (charter.organisation.group ?? []).forEach((g, i) => {
    add(['organisation', 'group', i, 'legalName'], g.legalName);
    add(['organisation', 'group', i, 'arrangement'], g.arrangement);
  });
  add(['organisation', 'groupSharing', 'description'], charter.organisation.groupSharing?.description);
  (charter.statements?.related ?? []).forEach((r, i) => add(['statements', 'related', i, 'name'], r.name));
  charter.purposes.forEach((purpose, p) => {
    const languages = languagesOf(purpose.id);
    const at = (...rest: IssuePath) => ['purposes', p, ...rest];
    add(at('name'), purpose.name, languages);
    add(at('description'), purpose.description, languages);
    add(at('legitimateInterest'), purpose.legitimateInterest, languages);
    add(at('legalObligation'), purpose.legalObligation, languages);
    if (Array.isArray(purpose.source))
      purpose.source.forEach((source, i) => add(at('source', i, 'description'), source.description, languages));
    else add(at('source', 'description'), purpose.source.description, languages);
    add(at('requirement', 'consequence'), purpose.requirement.consequence, languages);
    add(at('automatedDecisions', 'logic'), purpose.automatedDecisions.logic, languages);
    add(at('automatedDecisions', 'consequences'), purpose.automatedDecisions.consequences, languages);
    add(at('retention', 'event'), purpose.retention.event, languages);
    add(at('retention', 'criteria'), purpose.retention.criteria, languages);
    add(at('retention', 'description'), purpose.retention.description, languages);
    add(at('consent', 'text'), purpose.consent?.text, languages);
  });
  charter.cookies.forEach((cookie, c) => {
    const languages = languagesOf(undefined, cookie.name);
    add(['cookies', c, 'purpose'], cookie.purpose, languages);
    add(['cookies', c, 'justification'], cookie.justification, languages);
  });
  charter.consent.categories.forEach((category, c) => {
    add(['consent', 'categories', c, 'name'], category.name);
    add(['consent', 'categories', c, 'description'], category.description);
  });
  return out;
}

/**
 * Art. 12(1): the notice must be intelligible to the people it addresses. A text given per language but missing a
 * language the site shows is printed in another language there; the reader may not understand it.
 */
export const untranslatedTextRule: LintRule = (charter) =>
  noticeTexts(charter).flatMap(({ path, text, languages }) => {
    if (typeof text === 'string') return [];
    const missing = languages.filter((language) => !text[language]);
    return missing.length
      ? [
          finding(
            'notice-untranslated',
            'warning',
            'GDPR Art. 12(1)',
            path,
            `no ${missing.join(', ')} text: the notice in ${missing.length === 1 ? 'that language' : 'those languages'} would show another language here`,
          ),
        ]
      : [];
  });

/** Interests that say nothing: the bare name of the legal basis, placeholders, or a few words. */
const emptyInterests = [
  /^\s*(our\s+)?legitimate\s+interests?\.?\s*$/i,
  /^\s*(ons\s+|onze\s+)?gerechtvaardigde?\s+belang(en)?\.?\s*$/i,
  /^\s*(notre\s+|nos\s+)?int[ée]r[êe]ts?\s+l[ée]gitimes?\.?\s*$/i,
  /^\s*(unser(e)?\s+)?berechtigte[ns]?\s+interessen?\.?\s*$/i,
  /^\s*(n\/a|na|tbd|todo|tba|-+|\.+|x+|business purposes?|commercial (reasons|purposes)|marketing)\.?\s*$/i,
];

/**
 * Art. 13(1)(d) and 6(1)(f): a legitimate-interests purpose must state the interest. Validation already refuses a
 * missing one (references.ts, `missing_interest`); this rule catches texts that state nothing — a placeholder, the
 * name of the basis itself, the purpose's own name, or a handful of words.
 */
export const legitimateInterestRule: LintRule = (charter) =>
  charter.purposes.flatMap((purpose, p) => {
    if (purpose.legalBasis !== 'legitimate-interests' || !purpose.legitimateInterest) return [];
    const texts =
      typeof purpose.legitimateInterest === 'string'
        ? [purpose.legitimateInterest]
        : Object.values(purpose.legitimateInterest).filter((t): t is string => Boolean(t));
    const names = (typeof purpose.name === 'string' ? [purpose.name] : Object.values(purpose.name)).map((n) =>
      n?.trim().toLowerCase(),
    );
    const weak = texts.filter((text) => {
      const words = text.trim().split(/\s+/).filter(Boolean).length;
      return (
        emptyInterests.some((pattern) => pattern.test(text)) ||
        names.includes(text.trim().toLowerCase().replace(/\.$/, '')) ||
        words < 5
      );
    });
    return weak.length
      ? [
          finding(
            'weak-legitimate-interest',
            'warning',
            'GDPR Art. 6(1)(f), 13(1)(d)',
            ['purposes', p, 'legitimateInterest'],
            `${purpose.id}: the legitimate interest "${weak[0]}" does not say what the interest is; describe it and why it outweighs the person's interests`,
          ),
        ]
      : [];
  });

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

interface OutdatedPattern {
  /** Several names of one thing (the Belgian Privacy Commission in four languages) are reported once per text. */
  key: string;
  pattern: RegExp;
  severity: LintFinding['severity'];
  article: string;
  message: string;
}

/** The replacement named in every finding about the Belgian Privacy Commission, in the country's languages. */
const belgianAuthority =
  'write Gegevensbeschermingsautoriteit (GBA) / Autorité de protection des données (APD) / Datenschutzbehörde, www.dataprotectionauthority.be (catalog authority be-apd)';

/**
 * "By using this website you agree …" and its Dutch, French and German forms: browsing is not consent (Planet49).
 * Written loosely (a few words may sit between the act and the agreement) but always needs both halves.
 */
const consentByBrowsing = new RegExp(
  [
    String.raw`\bby (continuing to )?(use|using|browse|browsing|visit|visiting|navigat\w*|stay\w* on) (this|our|the) (web ?)?(site|page)s?\b.{0,60}?\byou (hereby )?(agree|consent|accept)`,
    String.raw`\bcontinu\w* (to (use|browse)|browsing|using) (this|our|the) (web ?)?site\b.{0,60}?\b(agree|consent|accept)`,
    String.raw`\bdoor (verder te (surfen|gaan|navigeren)|(deze|onze|de) (web)?site (verder )?te (gebruiken|bezoeken|raadplegen)).{0,60}?\b(gaat u akkoord|stemt u in|aanvaardt u|geeft u toestemming)`,
    String.raw`\ben (continuant|poursuivant) (votre |la )?navigation.{0,60}?\b(acceptez|consentez)`,
    String.raw`\ben (utilisant|naviguant sur|visitant) (ce|notre|le) site.{0,60}?\b(acceptez|consentez)`,
    String.raw`\b(durch die|mit der) (weitere[n]? )?(nutzung|verwendung) (dieser|unserer|der) (website|webseite|seite|internetseite).{0,60}?\b(stimmen sie|erklären sie sich|akzeptieren sie|willigen sie)`,
    String.raw`\bwenn sie (diese|unsere) (website|webseite|seite) (weiter )?(nutzen|besuchen).{0,60}?\b(stimmen sie|erklären sie sich|akzeptieren sie|willigen sie)`,
  ].join('|'),
  'iu',
);

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const outdatedPatterns: OutdatedPattern[] = [
  {
    key: 'privacy-shield',
    pattern:
      /privacy[\s-]?shield|privacy[\s-]?schild|privacy[\s-]?scherm|bouclier de protection des donn[ée]es|datenschutz[\s-]?schild/i,
    severity: 'error',
    article: 'GDPR Art. 44–46; CJEU C-311/18 (Schrems II)',
    message:
      'mentions the EU-US Privacy Shield, invalid since 16 July 2020: name the EU-US Data Privacy Framework or standard contractual clauses',
  },
  {
    key: 'safe-harbour',
    pattern: /safe[\s-]?harbou?r/i,
    severity: 'error',
    article: 'GDPR Art. 44–46; CJEU C-362/14 (Schrems I)',
    message: 'mentions Safe Harbour, invalid since 6 October 2015',
  },
  {
    key: 'be-1992',
    pattern:
      /wet (van|tot bescherming van de persoonlijke levenssfeer.{0,60}?) ?8 december 1992|loi du 8 d[ée]cembre 1992|privacy act of 1992|(law|act) of 8 december 1992|gesetz vom 8\. dezember 1992|privacywet van 1992/i,
    severity: 'warning',
    article: 'Belgian Law of 30 July 2018 (replaced the Law of 8 December 1992)',
    message: 'cites the Belgian Privacy Act of 8 December 1992, replaced by the GDPR and the Law of 30 July 2018',
  },
  {
    key: 'directive-95-46',
    pattern: /(directive|richtlijn|richtlinie)\s+95\/46|\b95\/46\/(EC|EG|CE)\b/i,
    severity: 'warning',
    article: 'GDPR Art. 94 (repeals Directive 95/46/EC)',
    message: 'cites Directive 95/46/EC, repealed by the GDPR on 25 May 2018',
  },
  {
    key: 'nl-wbp',
    pattern: /wet bescherming persoonsgegevens|\bWbp\b/,
    severity: 'warning',
    article: 'Dutch UAVG (replaced the Wbp on 25 May 2018)',
    message: 'cites the Dutch Wet bescherming persoonsgegevens, replaced by the GDPR and the UAVG on 25 May 2018',
  },
  {
    key: 'global-data-protection-regulation',
    pattern: /global data protection regulation/i,
    severity: 'warning',
    article: 'Regulation (EU) 2016/679',
    message:
      'says "Global Data Protection Regulation": the regulation is the General Data Protection Regulation (GDPR)',
  },
  {
    // Short and web forms of the Belgian Privacy Commission the catalog's full names do not catch.
    key: 'authority:be-apd',
    pattern: /commission (de la )?vie priv[ée]e|privacycommission\.be|commissionprivee\.be|privacycommissie\.be/i,
    severity: 'warning',
    article: 'GDPR Art. 13(2)(d), 51',
    message: `names the former Belgian Privacy Commission (replaced on 2018-05-25): ${belgianAuthority}`,
  },
  {
    key: 'consent-by-browsing',
    pattern: consentByBrowsing,
    severity: 'error',
    article: 'GDPR Art. 4(11), 7; CJEU C-673/17 (Planet49); EDPB Guidelines 05/2020 on consent',
    message:
      'treats using or browsing the site as consent: consent needs a clear affirmative act, so say what the banner asks instead',
  },
  ...formerAuthorityNames.map((former): OutdatedPattern => {
    // Acronyms ("CBP") only as a whole word in capitals; full names in any case.
    const acronym = /^[A-Z]{2,6}$/.test(former.name);
    return {
      key: `authority:${former.replacedBy}`,
      pattern: new RegExp(
        acronym ? `\\b${escapeRegExp(former.name)}\\b` : escapeRegExp(former.name),
        acronym ? '' : 'i',
      ),
      severity: 'warning',
      article: 'GDPR Art. 13(2)(d), 51',
      message: `names "${former.name}", replaced on ${former.replacedOn}: ${former.replacedBy === 'be-apd' ? belgianAuthority : `now catalog authority ${former.replacedBy}`}`,
    };
  }),
];

/** Walks every string of the charter with its path (texts, names, labels), skipping catalog ids such as `transfer`. */
function walkStrings(value: unknown, path: IssuePath, visit: (text: string, path: IssuePath) => void) {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, i) => walkStrings(item, [...path, i], visit));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'transfer' || key === 'id' || key === 'authority' || key === 'connection') continue;
      walkStrings(item, [...path, key], visit);
    }
  }
}

/**
 * Outdated names that mislead readers: Privacy Shield and Safe Harbour, the Belgian Privacy Commission (replaced by
 * the APD/GBA on 25 May 2018) and other former authorities, the 1992 Belgian Privacy Act, Directive 95/46/EC and the
 * Dutch Wbp — anywhere in the charter's texts.
 */
export const outdatedReferenceRule: LintRule = (charter) => {
  const findings: LintFinding[] = [];
  walkStrings(charter, [], (text, path) => {
    const seen = new Set<string>();
    for (const entry of outdatedPatterns) {
      if (seen.has(entry.key) || !entry.pattern.test(text)) continue;
      seen.add(entry.key);
      findings.push(finding('outdated-reference', entry.severity, entry.article, path, entry.message));
    }
  });
  return findings;
};

/**
 * Art. 5(1)(e) and 5(2): a retention rule is a promise; a purpose whose data no store table is governed by has
 * nobody keeping it. A warning when the charter maps its stores and the purpose's data has nowhere else to live (no
 * recipient); information when the data may live at a processor, or when no store is mapped at all.
 */
export const retentionExecutionRule: LintRule = (charter) => {
  const governed = new Set(
    charter.stores.flatMap((store) => store.tables.map((table) => table.purpose).filter(Boolean)),
  );
  // A rule without a duration is not executable by design; `retentionCriteriaRule` reports it.
  const unkept = charter.purposes
    .map((purpose, p) => ({ purpose, p }))
    .filter(({ purpose }) => hasPeriod(purpose.retention) && !governed.has(purpose.id));
  if (unkept.length === 0) return [];
  if (charter.stores.length === 0) {
    return [
      finding(
        'retention-not-executed',
        'info',
        'GDPR Art. 5(1)(e), 5(2)',
        ['stores'],
        `no store is mapped, so Charter executes none of the ${unkept.length} retention rules; map the databases that hold the data (stores) to have them kept`,
      ),
    ];
  }
  return unkept.map(({ purpose, p }) =>
    purpose.recipients.length === 0
      ? finding(
          'retention-not-executed',
          'warning',
          'GDPR Art. 5(1)(e), 5(2)',
          ['purposes', p, 'retention'],
          `${purpose.id}: no store table is governed by this purpose, so nothing executes its retention of ${purpose.retention.duration} (a promise nothing keeps)`,
        )
      : finding(
          'retention-not-executed',
          'info',
          'GDPR Art. 5(1)(e), 5(2)',
          ['purposes', p, 'retention'],
          `${purpose.id}: no mapped store table is governed by this purpose; its retention is only kept if its recipients (${purpose.recipients.join(', ')}) apply it`,
        ),
  );
};

/**
 * Art. 13(2)(a) and 5(1)(e): a retention that is not decided is a warning (the notice says so rather than invent a
 * period, but the organisation owes one); a retention stated by criteria is a promise no sweep executes, so lint
 * says which ones the organisation keeps by hand.
 */
export const retentionCriteriaRule: LintRule = (charter) =>
  charter.purposes.flatMap((purpose, p) => {
    const kind = retentionKind(purpose.retention);
    if (kind === 'not-decided') {
      return [
        finding(
          'retention-not-decided',
          'warning',
          'GDPR Art. 13(2)(a), 5(1)(e)',
          ['purposes', p, 'retention'],
          `${purpose.id}: the retention period is not decided; the notice says so. Decide a duration, or the criteria that determine it`,
        ),
      ];
    }
    if (kind === 'criteria') {
      return [
        finding(
          'retention-by-criteria',
          'info',
          'GDPR Art. 5(1)(e), 5(2)',
          ['purposes', p, 'retention'],
          `${purpose.id}: the retention is stated by criteria, so no sweep executes it; the data is only deleted when someone applies the criteria by hand${purpose.retention.review ? ` (review every ${purpose.retention.review})` : ' (no review period declared)'}`,
        ),
      ];
    }
    return [];
  });

/**
 * Art. 13(1)(c) and 5(1)(a): a store column holding a data category that no purpose names is data the notice does not
 * mention. A column whose category belongs to another purpose than its table's is reported for information.
 */
export const unlistedStoreCategoryRule: LintRule = (charter) => {
  const named = new Set([...charter.purposes.flatMap((p) => p.data), ...charter.customers.flatMap((c) => c.data)]);
  const findings: LintFinding[] = [];
  charter.stores.forEach((store, s) =>
    store.tables.forEach((table, t) =>
      table.columns.forEach((column, c) => {
        const path = ['stores', s, 'tables', t, 'columns', c, 'category'];
        if (!named.has(column.category)) {
          findings.push(
            finding(
              'store-category-not-in-notice',
              'warning',
              'GDPR Art. 5(1)(a), 13(1)(c)',
              path,
              `${store.id}.${table.name}.${column.name} holds ${column.category}, which no purpose names: the notice does not mention it`,
            ),
          );
          return;
        }
        const purpose = table.purpose ? charter.purposes.find((p) => p.id === table.purpose) : undefined;
        if (purpose && !purpose.data.includes(column.category)) {
          findings.push(
            finding(
              'store-category-not-in-notice',
              'info',
              'GDPR Art. 5(1)(b), 13(1)(c)',
              path,
              `${store.id}.${table.name}.${column.name} holds ${column.category}, which the table's purpose ${purpose.id} does not name`,
            ),
          );
        }
      }),
    ),
  );
  return findings;
};

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

/** The notice domain's rules, in the order they are reported. */
/**
 * Placeholders left in a text ("TODO: describe", "TBD", "<company name>", "lorem ipsum", "xxx") would be published as
 * they are: an error with the path. The site scan's draft `cookies:` fragment writes `purpose: "TODO: …"` on purpose,
 * so that a pasted draft cannot go live unread. The stores section holds table and column names, not texts, and is
 * skipped (a table may well be called "todo").
 */
const placeholderPatterns: { pattern: RegExp; what: string }[] = [
  { pattern: /\b(TODO|TBD|FIXME|TBC)\b/i, what: 'a TODO/TBD/FIXME marker' },
  { pattern: /\blorem ipsum\b/i, what: '"lorem ipsum" filler' },
  { pattern: /\bx{3,}\b/i, what: 'an "xxx" placeholder' },
  // "<company name>", "<…>"; not an address in angle brackets ("Name <a@b.example>").
  { pattern: /<(?![^<>]*@)[^<>\n]{1,60}>/, what: 'a "<…>" placeholder' },
];

export const placeholderRule: LintRule = (charter) => {
  const findings: LintFinding[] = [];
  const { stores: _stores, ...texts } = charter;
  walkStrings(texts, [], (text, path) => {
    const found = placeholderPatterns.find((entry) => entry.pattern.test(text));
    if (found)
      findings.push(
        finding(
          'placeholder',
          'error',
          'GDPR Art. 12(1)',
          path,
          `contains ${found.what} ("${text.length > 60 ? `${text.slice(0, 57)}…` : text}"): write the real text before publishing`,
        ),
      );
  });
  return findings;
};

export const noticeLintRules: readonly LintRule[] = [
  placeholderRule,
  noticeCompletenessRule,
  untranslatedTextRule,
  legitimateInterestRule,
  withdrawalRouteRule,
  outdatedReferenceRule,
  retentionExecutionRule,
  retentionCriteriaRule,
  unlistedStoreCategoryRule,
  childAgeRule,
  statementsRule,
  jointControllerRule,
  childrenDataRule,
];
