/**
 * The sections of the privacy notice about what a person can do and what else applies to them: their rights and how
 * to exercise them (Art. 13(2)(b)), withdrawing consent (Art. 13(2)(c)), children (Art. 8), cookies, security
 * (Art. 32) and how changes to the notice are announced.
 */
import { childConsentAge } from './children.js';
import { type Block, type Definition, type NoticeSection, type Paragraph, text } from './document.js';
import {
  type SectionContext,
  addressLines,
  definition,
  hasConsentCookies,
  link,
  mailto,
  noticePaths,
  paragraph,
  run,
  tel,
} from './notice-blocks.js';
import { countryName, joinList } from './phrasing.js';
import { purposeName, resolveText } from './site-view.js';

/** Art. 13(2)(b): each right, and how to exercise it. */
export function rightsSection(context: SectionContext): NoticeSection {
  const { charter, t, view, language } = context;
  const rights = t.rights.list;
  const items: Definition[] = (Object.keys(rights) as (keyof typeof rights)[]).map((id) =>
    definition(
      rights[id].name,
      id === 'withdrawal' ? ['13(2)(b)', '13(2)(c)'] : ['13(2)(b)'],
      text(rights[id].description),
    ),
  );
  const channels = charter.rights.channels;
  const how: Paragraph[] = [];
  if (channels.web)
    how.push([
      run(`${t.rights.web} `),
      { text: `/privacy/${view.site.id}`, href: noticePaths.privacyCenter(view.site.id, language), url: true },
    ]);
  if (channels.email) how.push([run(`${t.rights.email} `), mailto(channels.email)]);
  if (channels.post) {
    const post = channels.post;
    const lines = addressLines(post, context).map((line) => line.map((r) => r.text).join(''));
    how.push([run(`${t.rights.post} `), run(lines.join(', '))]);
  }
  if (channels.phone) how.push([run(`${t.rights.phone} `), tel(channels.phone)]);
  const blocks: Block[] = [paragraph(t.rights.intro), { type: 'definitions', items }, paragraph(t.rights.howIntro)];
  if (how.length) blocks.push({ type: 'list', items: how });
  blocks.push(paragraph(t.rights.deadline), paragraph(t.rights.free), paragraph(t.rights.verification));
  return { id: 'rights', heading: t.headings.rights, gdpr: ['13(2)(b)'], blocks };
}

/** Art. 13(2)(c): the right to withdraw consent at any time. */
export function consentSection(context: SectionContext): NoticeSection {
  const { charter, t, view, language } = context;
  const consentPurposes = view.purposes.filter((p) => p.legalBasis === 'consent');
  const cookies = hasConsentCookies(view);
  const blocks: Block[] = [];
  if (consentPurposes.length === 0 && !cookies) {
    blocks.push(paragraph(t.consent.none));
  } else {
    blocks.push(paragraph(t.consent.intro));
    if (consentPurposes.length) {
      blocks.push(paragraph(t.consent.howIntro), {
        type: 'list',
        items: consentPurposes.map((p) => [purposeName(p, language, charter)]),
      });
    }
    if (cookies)
      blocks.push(
        paragraph(t.consent.cookies, ' ', link(t.cookies.link, noticePaths.cookies(view.site.id, language)), '.'),
      );
    if (consentPurposes.length) blocks.push(paragraph(t.consent.effect));
  }
  return { id: 'consent', heading: t.headings.consent, gdpr: ['13(2)(c)'], blocks };
}

/**
 * Art. 8: the age from which a child consents alone, per country concerned, as the law sets it; the organisation's own
 * higher limit (`children.minimumAge`) stated apart, never as if it were the law; and the organisation's policy only
 * when it declares one (no "not meant for children under …" that nobody declared).
 */
export function childrenSection(context: SectionContext): NoticeSection {
  const { charter, t, language, view } = context;
  const own = charter.children.minimumAge;
  const countries = [...new Set([...charter.organisation.addresses.map((a) => a.country), ...Object.keys(own)])];
  const law = joinList(
    countries.map((c) => t.children.age(countryName(c, language), childConsentAge(c))),
    language,
  );
  const higher = countries.filter((c) => (own[c] ?? 0) > childConsentAge(c));
  const blocks: Block[] = [];
  if (charter.children.policy) blocks.push(paragraph(resolveText(charter.children.policy, language, charter)));
  blocks.push(paragraph(t.children.ages(law)));
  if (higher.length) {
    blocks.push(
      paragraph(
        t.children.ownAges(
          joinList(
            higher.map((c) => t.children.age(countryName(c, language), own[c] ?? 0)),
            language,
          ),
        ),
      ),
    );
  }
  if (charter.children.collects) blocks.push(paragraph(t.children.collects));
  if (view.purposes.some((p) => p.consent?.parental)) blocks.push(paragraph(t.children.parental));
  return { id: 'children', heading: t.headings.children, gdpr: ['8'], blocks };
}

export function cookiesSection(context: SectionContext): NoticeSection[] {
  const { t, view, language } = context;
  if (view.cookies.length === 0) return [];
  return [
    {
      id: 'cookies',
      heading: t.headings.cookies,
      gdpr: [],
      blocks: [paragraph(`${t.cookies.text} `, link(t.cookies.link, noticePaths.cookies(view.site.id, language)), '.')],
    },
  ];
}

export function securitySection(context: SectionContext): NoticeSection[] {
  const { charter, t, language } = context;
  if (!charter.organisation.security) return [];
  return [
    {
      id: 'security',
      heading: t.headings.security,
      gdpr: ['32'],
      blocks: [paragraph(t.security.intro), paragraph(resolveText(charter.organisation.security, language, charter))],
    },
  ];
}

export function changesSection(context: SectionContext): NoticeSection {
  const { t, view, language, charter } = context;
  const blocks: Block[] = [paragraph(t.changes.text)];
  // Only the promise the charter makes: subscribers (the mail Charter sends on a significant version) and, when
  // declared, the organisation's own mail to its customers.
  const promise = charter.statements?.changeNotification;
  if (promise) {
    const whom = [
      promise.subscribers !== false ? t.statements.subscribers : undefined,
      promise.customers ? t.statements.customers : undefined,
    ].filter((w): w is string => w !== undefined);
    if (whom.length) blocks.push(paragraph(t.statements.notify(joinList(whom, language))));
  }
  blocks.push(paragraph(link(t.changes.history, noticePaths.versions(view.site.id, language))));
  return { id: 'changes', heading: t.headings.changes, gdpr: [], blocks };
}
