/**
 * Lint rules on the texts the notice publishes: a translation missing in a language of the site, placeholders left in
 * a text, and legitimate interests that say nothing (Art. 12(1), 13(1)(d)).
 */
import type { LintFinding, LintRule } from '../charter/lint.js';
import type { IssuePath } from '../charter/references.js';
import type { Charter, Language, Text } from '../charter/schema.js';
import { finding, walkStrings } from './lint-support.js';

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
