/**
 * The cookie policy as a structured document: every cookie and similar technology a site uses, by category, with who
 * places it, what for, how long it lasts and what kind of storage it is, and how to change one's choice (a control the
 * consent banner opens: `data-charter-open`). Pure, like the notice, and versioned the same way.
 */
import { charterForSite } from '../charter/site-controller.js';
import type { Charter, Cookie, Language } from '../charter/schema.js';
import { bannerCookieNames } from '../consent/banner-config.js';
import type { Block, Inline, LeafBlock, NoticeDocument, NoticeSection, Paragraph } from './document.js';
import { text } from './document.js';
import { noticePaths } from './build-notice.js';
import { duration, isAtMost } from '../charter/duration.js';
import { cookieDurationInWords, countryName, durationInWords } from './phrasing.js';
import { resolveText, siteView, type SiteView } from './site-view.js';
import { noticeTexts, type NoticeTexts } from './texts/index.js';
import { typesetDocument } from './typography.js';
import { organisationName as organisationNameIn } from '../charter/localized.js';

const thirteenMonths = duration('P13M');

/**
 * Builds the cookie policy of `siteId` in `language`.
 *
 * @example
 * const policy = buildCookiePolicy(charter, 'main', 'fr');
 * policy.sections.map((s) => s.id); // ['about', 'necessary', 'categories', 'choice', 'more']
 */
export function buildCookiePolicy(declared: Charter, siteId: string, language: Language): NoticeDocument {
  // A site with its own controller: the document names that controller (charter/site-controller.ts).
  const charter = charterForSite(declared, siteId);
  const view = siteView(charter, siteId);
  const t = noticeTexts[language];
  const organisation = organisationNameIn(charter, language);
  const p = t.cookiePolicy;
  const necessary = [
    ...view.cookies.filter((c) => c.category === 'necessary'),
    ...bannerCookies(charter, view.cookies, language),
  ];
  const categories = charter.consent.categories
    .map((category) => ({ category, cookies: view.cookies.filter((c) => c.category === category.id) }))
    .filter((entry) => entry.cookies.length > 0);

  const sections: NoticeSection[] = [
    { id: 'about', heading: p.headings.about, gdpr: [], blocks: p.about.map((line) => paragraph(line)) },
    {
      id: 'necessary',
      heading: p.headings.necessary,
      gdpr: [],
      blocks: necessary.length
        ? [paragraph(p.necessary), cookieTable(p.caption(p.headings.necessary), necessary, view, language, t)]
        : [paragraph(p.noneNecessary)],
    },
    {
      id: 'categories',
      heading: p.headings.categories,
      gdpr: ['13(1)(c)', '13(2)(c)'],
      blocks: categories.length
        ? [
            paragraph(p.categoryIntro),
            ...categories.map(({ category, cookies }): Block => {
              const name = resolveText(category.name, language, charter).text;
              return {
                type: 'subsection',
                id: `category-${category.id}`,
                heading: name,
                gdpr: [],
                blocks: [
                  { type: 'paragraph', content: [resolveText(category.description, language, charter)] },
                  cookieTable(p.caption(name), cookies, view, language, t),
                ],
              };
            }),
          ]
        : [paragraph(p.noCategories)],
    },
    {
      id: 'choice',
      heading: p.headings.choice,
      gdpr: ['7(3)'],
      blocks: [
        ...p.choice.map((line) => paragraph(line)),
        { type: 'consent-button', label: p.button, fallback: text(p.buttonFallback) },
        paragraph(p.expiry(durationInWords(charter.consent.expiry, language))),
        ...(charter.consent.honourGpc && categories.some(({ category }) => category.gpc) ? [paragraph(p.gpc)] : []),
      ],
    },
    {
      id: 'more',
      heading: p.headings.more,
      gdpr: [],
      blocks: [
        {
          type: 'paragraph',
          content: [
            { text: `${p.more} ` },
            { text: lowerCaseNoun(t.labels.privacyNotice, language), href: noticePaths.notice(view.site.id, language) },
            { text: '.' },
          ],
        },
      ],
    },
  ];

  return typesetDocument({
    kind: 'cookie-policy',
    language,
    site: { id: view.site.id, name: view.site.name, domain: view.site.domain },
    organisation,
    title: t.cookieTitle(organisation),
    intro: [text(p.intro({ organisation, site: `${view.site.name} (${view.site.domain})` }))],
    sections,
    ...(charter.lastUpdated ? { lastUpdated: charter.lastUpdated } : {}),
  });
}

/**
 * The consent banner sets two cookies of its own (the choice and a random visitor number) whenever the charter has a
 * consent category; a visitor must be told of them even when the charter does not list them.
 */
function bannerCookies(charter: Charter, declared: readonly Cookie[], language: Language): Cookie[] {
  if (charter.consent.categories.length === 0) return [];
  const own = noticeTexts[language].cookiePolicy.own;
  return (Object.entries(bannerCookieNames) as [keyof typeof bannerCookieNames, string][])
    .filter(([, name]) => !declared.some((c) => c.name === name) && !charter.cookies.some((c) => c.name === name))
    .map(([key, name]) => ({
      name,
      category: 'necessary',
      vendor: 'first-party',
      purpose: own[key],
      duration: charter.consent.expiry,
      type: 'cookie',
    }));
}

function paragraph(value: string): LeafBlock {
  return { type: 'paragraph', content: text(value) };
}

/** "Privacy notice" in running text: lower-case except in German, where nouns keep their capital. */
function lowerCaseNoun(value: string, language: Language): string {
  return language === 'de' ? value : value.charAt(0).toLowerCase() + value.slice(1);
}

function cookieTable(
  caption: string,
  cookies: Cookie[],
  view: SiteView,
  language: Language,
  t: NoticeTexts,
): LeafBlock {
  const p = t.cookiePolicy;
  const { charter } = view;
  return {
    type: 'table',
    caption,
    columns: [p.columns.name, p.columns.vendor, p.columns.purpose, p.columns.duration, p.columns.type],
    rows: cookies.map((cookie): Paragraph[] => {
      const purpose: Inline[] = [resolveText(cookie.purpose, language, charter)];
      if (
        cookie.justification &&
        cookie.duration !== 'session' &&
        !isAtMost(duration(cookie.duration), thirteenMonths)
      ) {
        purpose.push({ text: ` ${p.justification} ` }, resolveText(cookie.justification, language, charter));
      }
      return [
        [{ text: cookie.name }],
        vendorCell(cookie, view, language, t),
        purpose,
        text(cookieDurationInWords(cookie.duration, cookie.type, language)),
        text(p.types[cookie.type]),
      ];
    }),
  };
}

function vendorCell(cookie: Cookie, view: SiteView, language: Language, t: NoticeTexts): Paragraph {
  if (cookie.vendor === 'first-party')
    return text(`${t.cookiePolicy.firstParty} (${organisationNameIn(view.charter, language)})`);
  const recipient = view.charter.recipients.find((r) => r.id === cookie.vendor);
  if (!recipient) return text(cookie.vendor);
  // The name in the reader's language where the charter gives one (a fallback language is marked on the run).
  const name = resolveText(recipient.name, language, view.charter);
  const country = ` (${countryName(recipient.country, language)})`;
  const cell: Paragraph = name.lang ? [name, { text: country }] : [{ text: `${name.text}${country}` }];
  if (recipient.privacyUrl)
    cell.push({ text: ' — ' }, { text: t.recipients.privacyPolicy, href: recipient.privacyUrl });
  return cell;
}
