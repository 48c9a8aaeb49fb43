/**
 * The privacy notice (Art. 13, and Art. 14 for data not obtained from the person) as a structured document, built
 * from the charter for one site in one language. Pure: the same charter, site and language always give the same
 * document, which is what notice versions hash.
 *
 * Every section carries the GDPR items it satisfies. Sections for items that do not apply still say so ("we do not
 * take automated decisions"), because a reader, and the authority, should not have to infer it from a silence.
 */
import { charterForSite } from '../charter/site-controller.js';
import { authorityAddress, authorityPages, findAuthority } from '../charter/catalogs/authorities.js';
import { hasPeriod, type Charter, type Language, type Purpose, type Source, type Text } from '../charter/schema.js';
import { dataFromElsewhere, hasSourceElsewhere, purposeSources } from '../charter/sources.js';
import { InvariantError } from '../platform/errors.js';
import { childConsentAge } from './children.js';
import type { Block, Definition, Inline, LeafBlock, NoticeDocument, NoticeSection, Paragraph } from './document.js';
import { text } from './document.js';
import { countryName, holdSentence, joinList, listFormat, retentionSentence } from './phrasing.js';
import { processorSentence } from './processor-notice.js';
import {
  dataCategoryName,
  inSentence,
  properNouns,
  isTransfer,
  purposeName,
  resolveText,
  safeguardName,
  siteView,
  subjectName,
  textIn,
  type SiteView,
} from './site-view.js';
import { noticeTexts, type NoticeTexts } from './texts/index.js';
import { typesetDocument } from './typography.js';
import { legalNameIn, organisationName as organisationNameIn, textFor } from '../charter/localized.js';

/** Where the notice's own pages live, relative to the server; renderers make them absolute where needed. */
export const noticePaths = {
  privacyCenter: (site: string, language: Language) => `/privacy/${site}?lang=${language}`,
  notice: (site: string, language: Language) => `/privacy/${site}/notice?lang=${language}`,
  cookies: (site: string, language: Language) => `/privacy/${site}/cookies?lang=${language}`,
  versions: (site: string, language: Language) => `/privacy/${site}/notice/versions?lang=${language}`,
};

interface Context {
  view: SiteView;
  charter: Charter;
  language: Language;
  t: NoticeTexts;
}

/**
 * Builds the privacy notice of `siteId` in `language`.
 *
 * @example
 * const notice = buildNotice(charter, 'main', 'nl');
 * notice.sections.find((s) => s.gdpr.includes('13(1)(a)'))?.heading; // "Wie is verantwoordelijk voor uw gegevens"
 */
export function buildNotice(declared: Charter, siteId: string, language: Language): NoticeDocument {
  // A site with its own controller: the document names that controller (charter/site-controller.ts).
  const charter = charterForSite(declared, siteId);
  const view = siteView(charter, siteId);
  const context: Context = { view, charter, language, t: noticeTexts[language] };
  const { t } = context;
  const organisation = organisationNameIn(charter, language);
  const sections: NoticeSection[] = [
    controllerSection(context),
    dpoSection(context),
    purposesSection(context),
    legitimateInterestsSection(context),
    recipientsSection(context),
    transfersSection(context),
    retentionSection(context),
    rightsSection(context),
    consentSection(context),
    complaintSection(context),
    requirementsSection(context),
    automatedSection(context),
    ...sourcesSection(context),
    childrenSection(context),
    ...cookiesSection(context),
    ...securitySection(context),
    changesSection(context),
  ];
  return typesetDocument({
    kind: 'privacy-notice',
    language,
    site: { id: view.site.id, name: view.site.name, domain: view.site.domain },
    organisation,
    title: t.noticeTitle(organisation),
    intro: [
      text(t.noticeIntro({ organisation, site: view.site.name, domain: view.site.domain })),
      ...coverage(context),
      text(t.noticeIntroQuestions),
    ],
    sections,
    ...(charter.lastUpdated ? { lastUpdated: charter.lastUpdated } : {}),
  });
}

// ── helpers ──────────────────────────────────────────────────────────────────────────────────────────────────────

const run = (value: string): Inline => ({ text: value });
const link = (label: string, href: string): Inline => ({ text: label, href });
const paragraph = (...runs: (Inline | string)[]): LeafBlock => ({
  type: 'paragraph',
  content: runs.map((r) => (typeof r === 'string' ? run(r) : r)),
});

/** Inline runs joined as a list in the language ("a, b and c"), keeping each run's own `lang`. */
function listRuns(runs: Inline[], language: Language): Paragraph {
  let element = 0;
  return listFormat(language)
    .formatToParts(runs.map((r) => r.text))
    .map((part) => (part.type === 'element' ? (runs[element++] ?? run(part.value)) : run(part.value)));
}

/** "Label: " with the colon spacing of the language (French sets a no-break space before it). */
function colon(label: string, language: Language): string {
  return language === 'fr' ? `${label}\u00a0: ` : `${label}: `;
}

function mailto(email: string): Inline {
  return link(email, `mailto:${email}`);
}

function tel(phone: string): Inline {
  return link(phone, `tel:${phone.replace(/[^+\d]/g, '')}`);
}

function addressLines(
  address: {
    label?: Charter['organisation']['addresses'][number]['label'];
    street: string;
    postalCode: string;
    city: string;
    country: string;
  },
  context: Context,
  name?: string,
): Paragraph[] {
  const lines: Paragraph[] = [];
  if (name) lines.push(text(name));
  if (address.label) lines.push([resolveText(address.label, context.language, context.charter)]);
  lines.push(
    text(address.street),
    text(`${address.postalCode} ${address.city}`),
    text(countryName(address.country, context.language)),
  );
  return lines;
}

function definition(term: string, gdpr: string[], ...paragraphs: Paragraph[]): Definition {
  return { term, gdpr, paragraphs: paragraphs.filter((p) => p.length > 0) };
}

function hasConsentCookies(view: SiteView): boolean {
  return view.cookies.some((c) => c.category !== 'necessary');
}

// ── sections ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Art. 13(1)(a): identity and contact details of the controller and, where applicable, of its representative. */
function controllerSection(context: Context): NoticeSection {
  const { charter, t, view, language } = context;
  const organisation = charter.organisation;
  const blocks: Block[] = [paragraph(t.controller.intro(legalNameIn(charter, language), organisation.tradeName))];
  if (organisation.companyNumber)
    blocks.push(paragraph(`${colon(t.labels.companyNumber, language)}${organisation.companyNumber}`));
  blocks.push(paragraph(t.controller.addressesIntro));
  for (const address of organisation.addresses) {
    blocks.push({ type: 'address', lines: addressLines(address, context, legalNameIn(charter, language)) });
  }
  const contacts: Paragraph[] = [[run(colon(t.labels.email, context.language)), mailto(organisation.contact.email)]];
  const siteEmail = view.site.contact?.email;
  if (siteEmail && siteEmail !== organisation.contact.email)
    contacts.push([run(colon(`${t.labels.email} (${view.site.name})`, language)), mailto(siteEmail)]);
  if (organisation.contact.phone)
    contacts.push([run(colon(t.labels.phone, context.language)), tel(organisation.contact.phone)]);
  const sitePhone = view.site.contact?.phone;
  if (sitePhone && sitePhone !== organisation.contact.phone)
    contacts.push([run(colon(`${t.labels.phone} (${view.site.name})`, language)), tel(sitePhone)]);
  if (organisation.contact.web)
    contacts.push([
      run(colon(t.labels.website, context.language)),
      link(organisation.contact.web, organisation.contact.web),
    ]);
  blocks.push(paragraph(t.controller.contactIntro), { type: 'list', items: contacts });
  const representative = organisation.representative;
  if (representative) {
    blocks.push(paragraph(t.controller.representative), {
      type: 'address',
      lines: personLines(representative, context),
    });
  }
  if (organisation.group?.length) {
    const entities = joinList(
      organisation.group.map(
        (g) =>
          `${textIn(g.legalName, language, charter) ?? ''} (${countryName(g.country, language)}${g.companyNumber ? `, ${g.companyNumber}` : ''})`,
      ),
      language,
    );
    const sharing = organisation.groupSharing;
    if (sharing) {
      // The charter says how the group shares: no default sentence that could contradict it.
      blocks.push(paragraph(t.controller.groupOnly(entities)));
      if (sharing.centralStorage) blocks.push(paragraph(t.controller.centralStorage));
      if (sharing.description) blocks.push(paragraph(resolveText(sharing.description, language, charter)));
    } else {
      blocks.push(paragraph(t.controller.group(entities)));
    }
  }
  blocks.push(...jointControllers(context));
  const onBehalf = processorSentence(charter, language);
  if (onBehalf) blocks.push(paragraph(onBehalf));
  return { id: 'controller', heading: t.headings.controller, gdpr: ['13(1)(a)'], blocks };
}

/**
 * Art. 26(2): the essence of the arrangement between joint controllers is made available to the data subject; the
 * group entities and recipients declared as joint controllers, each with its arrangement when the charter gives it
 * (lint warns when it does not), and the Art. 26(3) right to exercise rights with each.
 */
function jointControllers(context: Context): Block[] {
  const { charter, t, language, view } = context;
  const joint = [
    ...(charter.organisation.group ?? [])
      .filter((g) => g.relation === 'joint-controller')
      .map((g) => ({ name: g.legalName, arrangement: g.arrangement })),
    ...view.recipients
      .filter((r) => r.role === 'joint-controller')
      .map((r) => ({ name: r.name, arrangement: r.arrangement })),
  ];
  if (joint.length === 0) return [];
  const blocks: Block[] = joint.flatMap((entity): Block[] => {
    const said: Block[] = [paragraph(t.controller.joint(textIn(entity.name, language, charter) ?? ''))];
    if (entity.arrangement)
      said.push(paragraph(`${t.controller.arrangement} `, resolveText(entity.arrangement, language, charter)));
    return said;
  });
  blocks.push(paragraph(t.controller.jointRights));
  return blocks;
}

function personLines(person: NonNullable<Charter['organisation']['dpo']>, context: Context): Paragraph[] {
  const { t } = context;
  const lines: Paragraph[] = [];
  if (person.name) lines.push(text(person.name));
  if (person.email) lines.push([run(colon(t.labels.email, context.language)), mailto(person.email)]);
  if (person.phone) lines.push([run(colon(t.labels.phone, context.language)), tel(person.phone)]);
  if (person.address) lines.push(...addressLines(person.address, context));
  return lines;
}

/** Art. 13(1)(b): contact details of the data protection officer, where applicable. */
function dpoSection(context: Context): NoticeSection {
  const { charter, t } = context;
  const dpo = charter.organisation.dpo;
  const blocks: Block[] = dpo
    ? [paragraph(t.dpo.appointed), { type: 'address', lines: personLines(dpo, context) }]
    : [paragraph(t.dpo.none)];
  return { id: 'dpo', heading: t.headings.dpo, gdpr: ['13(1)(b)'], blocks };
}

function sourceIsElsewhere(purpose: Purpose): boolean {
  return hasSourceElsewhere(purpose);
}

/** One source in words: from the person, from someone else (which), or public sources (which). */
function sourceSentence(source: Source, context: Context): Paragraph {
  const { charter, t, language } = context;
  const description = source.description ? resolveText(source.description, language, charter) : undefined;
  if (source.kind === 'subject')
    return description ? [run(`${t.sources.fromYou} `), description] : text(t.sources.fromYou);
  // The charter's own description says which public sources; without one, say that they are public.
  if (source.kind === 'public') return description ? [description] : text(t.sources.public);
  return description
    ? [run(`${t.purposes.source['third-party']} `), inSentence(description, language, charter)]
    : text(t.purposes.source['third-party'].replace(/\s*:$/, '.'));
}

/** Art. 13(1)(c) purposes and legal basis, per purpose with its data, recipients and retention. */
function purposesSection(context: Context): NoticeSection {
  const { charter, t, language, view } = context;
  const blocks: Block[] = [paragraph(t.purposes.intro)];
  for (const purpose of view.purposes) {
    const terms = t.purposes.terms;
    const elsewhere = sourceIsElsewhere(purpose);
    const items: Definition[] = [
      definition(terms.what, ['13(1)(c)'], [resolveText(purpose.description, language, charter)]),
      definition(
        terms.whose,
        [],
        listRuns(
          purpose.subjects.map((s) => subjectName(s, language, charter)),
          language,
        ),
      ),
      definition(
        terms.which,
        elsewhere ? ['14(1)(d)'] : [],
        listRuns(
          purpose.data.map((d) =>
            optionalMark(purpose, d, inSentence(dataCategoryName(d, language, charter), language, charter), t),
          ),
          language,
        ),
      ),
      definition(terms.basis, ['13(1)(c)'], text(t.purposes.basis[purpose.legalBasis])),
    ];
    if (purpose.legalBasis === 'legitimate-interests' && purpose.legitimateInterest) {
      items.push(
        definition(terms.interest, ['13(1)(d)'], [resolveText(purpose.legitimateInterest, language, charter)]),
      );
    }
    if (purpose.legalBasis === 'legal-obligation' && purpose.legalObligation) {
      items.push(definition(terms.obligation, ['13(1)(c)'], [resolveText(purpose.legalObligation, language, charter)]));
    }
    if (elsewhere) items.push(definition(terms.source, ['14(2)(f)'], ...sourceParagraphs(purpose, context)));
    const recipients = purpose.recipients
      .map((id) => charter.recipients.find((r) => r.id === id))
      .filter((r) => r !== undefined)
      .map((r) => resolveText(r.name, language, charter));
    items.push(
      definition(
        terms.recipients,
        ['13(1)(e)'],
        recipients.length ? listRuns(recipients, language) : text(t.purposes.noRecipients),
      ),
    );
    items.push(definition(terms.retention, ['13(2)(a)'], ...retentionParagraphs(purpose, context)));
    blocks.push({
      type: 'subsection',
      id: `purpose-${purpose.id}`,
      heading: purposeName(purpose, language, charter).text,
      gdpr: ['13(1)(c)'],
      blocks: [{ type: 'definitions', items }],
    });
  }
  const statements = charter.statements;
  const special = [
    statements?.noSpecialCategories ? t.statements.noSpecial : undefined,
    statements?.deleteUnsolicitedSpecial ? t.statements.deleteSpecial : undefined,
  ].filter((sentence): sentence is string => sentence !== undefined);
  if (special.length) blocks.push(paragraph(special.join(' ')));
  return { id: 'purposes', heading: t.headings.purposes, gdpr: ['13(1)(c)'], blocks };
}

function sourceParagraphs(purpose: Purpose, context: Context): Paragraph[] {
  const { charter, language } = context;
  const sources = purposeSources(purpose);
  const paragraphs: Paragraph[] = [];
  if (sources.length === 1 && sources[0] && sources[0].data === undefined && sources[0].subjects === undefined) {
    paragraphs.push(sourceSentence(sources[0], context));
  } else {
    // Several sources (or one that covers only part): each says whose data and which data it covers, so that the
    // notice never suggests that everything comes from one place (Art. 14(2)(f)).
    for (const source of sources) {
      // "Name and email address of customer representatives: …" — the first category keeps its capital.
      const data = source.data ?? purpose.data;
      const scope: Inline[] = [
        ...listRuns(
          data.map((d, i) =>
            i === 0
              ? dataCategoryName(d, language, charter)
              : inSentence(dataCategoryName(d, language, charter), language, charter),
          ),
          language,
        ),
      ];
      if (source.subjects) {
        scope.push(
          run(` ${context.t.sources.of} `),
          ...listRuns(
            source.subjects.map((s) => inSentence(subjectName(s, language, charter), language, charter)),
            language,
          ),
        );
      }
      paragraphs.push([...scope, run(language === 'fr' ? '\u00a0: ' : ': '), ...sourceSentence(source, context)]);
    }
  }
  // A category may declare its own source (Art. 14(2)(f)), e.g. "the student's school".
  for (const id of purpose.data) {
    const declared = charter.data.find((d) => d.id === id);
    if (declared?.source) {
      paragraphs.push([
        dataCategoryName(id, language, charter),
        run(language === 'fr' ? '\u00a0: ' : ': '),
        resolveText(declared.source, language, charter),
      ]);
    }
  }
  return paragraphs;
}

function retentionParagraphs(purpose: Purpose, context: Context): Paragraph[] {
  const { charter, language } = context;
  const rule = purpose.retention;
  const event = rule.event ? textIn(rule.event, language, charter) : undefined;
  const criteria = rule.criteria ? textIn(rule.criteria, language, charter) : undefined;
  const paragraphs: Paragraph[] = [text(retentionSentence(rule, language, event, criteria))];
  if (rule.description) paragraphs.push([resolveText(rule.description, language, charter)]);
  for (const holdId of rule.holds) {
    const hold = charter.holds.find((h) => h.id === holdId);
    if (!hold) continue;
    paragraphs.push(
      text(
        holdSentence(
          {
            reason: textIn(hold.reason, language, charter) ?? '',
            law: textFor(hold.law, language, charter.languages),
            duration: hold.duration,
          },
          language,
          properNouns(charter),
        ),
      ),
    );
  }
  return paragraphs;
}

/** Art. 13(1)(d) legitimate interests, with the right to object presented separately (Art. 21(4)). */
function legitimateInterestsSection(context: Context): NoticeSection {
  const { charter, t, language, view } = context;
  const based = view.purposes.filter((p) => p.legalBasis === 'legitimate-interests' && p.legitimateInterest);
  const blocks: Block[] = [];
  if (based.length === 0) {
    blocks.push(paragraph(t.legitimateInterests.none));
  } else {
    blocks.push(
      paragraph(t.legitimateInterests.intro),
      {
        type: 'table',
        caption: t.legitimateInterests.caption,
        columns: [t.legitimateInterests.columns.purpose, t.legitimateInterests.columns.interest],
        rows: based.map((p) => [
          [purposeName(p, language, charter)],
          [resolveText(p.legitimateInterest ?? '', language, charter)],
        ]),
      },
      paragraph({ text: t.legitimateInterests.objection, strong: true }),
    );
  }
  if (view.purposes.some((p) => p.directMarketing))
    blocks.push(paragraph({ text: t.legitimateInterests.directMarketing, strong: true }));
  return {
    id: 'legitimate-interests',
    heading: t.headings['legitimate-interests'],
    gdpr: ['13(1)(d)', '21(4)'],
    blocks,
  };
}

/** Art. 13(1)(e): the recipients or categories of recipients. */
function recipientsSection(context: Context): NoticeSection {
  const { charter, t, language, view } = context;
  const columns = t.recipients.columns;
  if (view.recipients.length === 0) {
    return {
      id: 'recipients',
      heading: t.headings.recipients,
      gdpr: ['13(1)(e)'],
      blocks: [paragraph(t.recipients.none), ...sharingStatements(context)],
    };
  }
  const rows = view.recipients.map((recipient) => {
    const name: Paragraph = [resolveText(recipient.name, language, charter)];
    if (recipient.privacyUrl) name.push(run(' ('), link(t.recipients.privacyPolicy, recipient.privacyUrl), run(')'));
    const service: Paragraph = [resolveText(recipient.service, language, charter)];
    if (recipient.subProcessors.length) {
      const subs = joinList(
        recipient.subProcessors.map(
          (s) => `${textIn(s.name, language, charter) ?? ''} (${countryName(s.country, language)})`,
        ),
        language,
      );
      const ended = /[.!?]$/.test(
        service
          .map((r) => r.text)
          .join('')
          .trim(),
      );
      service.push(run(`${ended ? ' ' : '. '}${t.recipients.subProcessors(subs)}`));
    }
    const safeguard = safeguardName(recipient.country, recipient.transfer, language) ?? t.recipients.noSafeguard;
    return [
      name,
      text(t.recipients.roles[recipient.role]),
      service,
      text(countryName(recipient.country, language)),
      text(safeguard),
    ];
  });
  return {
    id: 'recipients',
    heading: t.headings.recipients,
    gdpr: ['13(1)(e)'],
    blocks: [
      paragraph(t.recipients.intro),
      {
        type: 'table',
        caption: t.recipients.caption,
        columns: [columns.name, columns.role, columns.service, columns.country, columns.safeguard],
        rows,
      },
      ...sharingStatements(context),
    ],
  };
}

/** The declared negative statements on sharing: never sold, not for others' advertising. */
function sharingStatements(context: Context): Block[] {
  const { charter, t } = context;
  const said = [
    charter.statements?.neverSold ? t.statements.neverSold : undefined,
    charter.statements?.noThirdPartyAdvertising ? t.statements.noAdvertising : undefined,
  ];
  const sentences = said.filter((sentence): sentence is string => sentence !== undefined);
  return sentences.length ? [paragraph(sentences.join(' '))] : [];
}

/** "(optional)" after a data category the person may leave out. */
function optionalMark(purpose: Purpose, id: string, name: Inline, t: NoticeTexts): Inline {
  return purpose.optionalData?.includes(id) ? { ...name, text: `${name.text} (${t.statements.optional})` } : name;
}

/**
 * The sites this notice covers, when the charter has several, and the related statements that apply elsewhere
 * (partner sites with their own statement).
 */
function coverage(context: Context): Paragraph[] {
  const { charter, t, language } = context;
  const paragraphs: Paragraph[] = [];
  if (charter.sites.length > 1)
    paragraphs.push(
      text(
        t.statements.covers(
          joinList(
            charter.sites.map((s) => `${s.name} (${s.domain})`),
            language,
          ),
        ),
      ),
    );
  const related = charter.statements?.related ?? [];
  if (related.length) {
    paragraphs.push([
      run(`${t.statements.related} `),
      ...listRuns(
        related.map((r) => link(textIn(r.name, language, charter) ?? r.url, r.url)),
        language,
      ),
      run('.'),
    ]);
  }
  return paragraphs;
}

/** Art. 13(1)(f): transfers to third countries and the safeguards, with where to obtain a copy. */
function transfersSection(context: Context): NoticeSection {
  const { t, language, view, charter } = context;
  const nameIn = (name: Text) => textIn(name, language, charter) ?? '';
  const items: Paragraph[] = [];
  for (const recipient of view.recipients) {
    if (isTransfer(recipient.country)) {
      items.push(
        text(
          t.transfers.item({
            recipient: nameIn(recipient.name),
            country: countryName(recipient.country, language),
            mechanism: safeguardName(recipient.country, recipient.transfer, language) ?? t.recipients.noSafeguard,
          }),
        ),
      );
    }
    for (const sub of recipient.subProcessors) {
      if (!isTransfer(sub.country)) continue;
      items.push(
        text(
          t.transfers.item({
            recipient: `${nameIn(sub.name)} (${nameIn(recipient.name)})`,
            country: countryName(sub.country, language),
            mechanism: safeguardName(sub.country, sub.transfer, language) ?? t.recipients.noSafeguard,
          }),
        ),
      );
    }
  }
  const blocks: Block[] = items.length
    ? [paragraph(t.transfers.intro), { type: 'list', items }, paragraph(t.transfers.copy)]
    : [
        paragraph(t.transfers.none),
        ...(context.charter.statements?.dataStaysInEea ? [paragraph(t.statements.staysInEea)] : []),
      ];
  return { id: 'transfers', heading: t.headings.transfers, gdpr: ['13(1)(f)'], blocks };
}

/** Art. 13(2)(a): the period for which the data will be stored, per purpose, in words. */
function retentionSection(context: Context): NoticeSection {
  const { charter, t, language, view } = context;
  const rows = view.purposes.map((purpose) => [
    [purposeName(purpose, language, charter)],
    retentionParagraphs(purpose, context).flatMap((p, i) => (i === 0 ? p : [run(' '), ...p])),
  ]);
  return {
    id: 'retention',
    heading: t.headings.retention,
    gdpr: ['13(2)(a)'],
    blocks: [
      paragraph(
        view.purposes.every((p) => hasPeriod(p.retention)) ? t.retention.intro : t.retention.introWithoutPeriods,
      ),
      {
        type: 'table',
        caption: t.retention.caption,
        columns: [t.retention.columns.purpose, t.retention.columns.period],
        rows,
      },
    ],
  };
}

/** Art. 13(2)(b): each right, and how to exercise it. */
function rightsSection(context: Context): NoticeSection {
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
function consentSection(context: Context): NoticeSection {
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

/** Art. 13(2)(d): the right to lodge a complaint with a supervisory authority, with the authority's details. */
function complaintSection(context: Context): NoticeSection {
  const { charter, t, language } = context;
  const authority = findAuthority(charter.organisation.authority);
  // The loader refuses an unknown authority, so a missing one here is a programming error.
  if (!authority) throw new InvariantError(`unknown authority ${charter.organisation.authority}`);
  const address = authorityAddress(authority, language);
  const pages = authorityPages(authority, language);
  const own = authority.names[language];
  const official = Object.entries(authority.names).find(([code]) => code !== 'en');
  const name: Inline = own
    ? { text: own }
    : official
      ? { text: official[1] ?? authority.shortName, lang: official[0] }
      : { text: authority.names.en ?? authority.shortName, lang: 'en' };
  const lines: Paragraph[] = [
    [{ ...name, strong: true }, run(` (${authority.shortName})`)],
    text(address.street),
    text(`${address.postalCode} ${address.city}`),
    text(countryName(address.country, language)),
  ];
  if (authority.email) lines.push([run(colon(t.labels.email, context.language)), mailto(authority.email)]);
  if (authority.phone) lines.push([run(colon(t.labels.phone, context.language)), tel(authority.phone)]);
  return {
    id: 'complaint',
    heading: t.headings.complaint,
    gdpr: ['13(2)(d)'],
    blocks: [
      paragraph(t.complaint.intro),
      { type: 'address', lines },
      {
        type: 'list',
        items: [
          [run(colon(t.complaint.website, context.language)), link(pages.website, pages.website)],
          [run(colon(t.complaint.form, context.language)), link(pages.complaintUrl, pages.complaintUrl)],
        ],
      },
      paragraph(t.complaint.usFirst),
    ],
  };
}

/** Art. 13(2)(e): whether providing the data is a statutory or contractual requirement, and the consequences. */
function requirementsSection(context: Context): NoticeSection {
  const { charter, t, language, view } = context;
  const required = view.purposes.filter((p) => p.requirement.kind !== 'none');
  const voluntaryWithConsequence = view.purposes.filter(
    (p) => p.requirement.kind === 'none' && p.requirement.consequence,
  );
  const describe = (purpose: Purpose): Definition => {
    const kind = purpose.requirement.kind;
    const statement = kind === 'none' ? t.requirements.voluntary : t.requirements.kinds[kind];
    const consequence = purpose.requirement.consequence
      ? [run(' '), resolveText(purpose.requirement.consequence, language, charter)]
      : [];
    return definition(purposeName(purpose, language, charter).text, ['13(2)(e)'], [run(statement), ...consequence]);
  };
  const blocks: Block[] = required.length
    ? [
        paragraph(t.requirements.intro),
        { type: 'definitions', items: [...required, ...voluntaryWithConsequence].map(describe) },
        paragraph(t.requirements.rest),
      ]
    : voluntaryWithConsequence.length
      ? [
          paragraph(t.requirements.noneRequiredConsequences),
          { type: 'definitions', items: voluntaryWithConsequence.map(describe) },
        ]
      : // Nothing follows, so the sentence must not point to anything below.
        [paragraph(t.requirements.noneRequired)];
  return { id: 'requirements', heading: t.headings.requirements, gdpr: ['13(2)(e)'], blocks };
}

/** Art. 13(2)(f): automated decision-making, including profiling, with the logic and the consequences. */
function automatedSection(context: Context): NoticeSection {
  const { charter, t, language, view } = context;
  const automated = view.purposes.filter((p) => p.automatedDecisions.exists);
  const blocks: Block[] = automated.length
    ? [
        paragraph(t.automated.intro),
        ...automated.map((purpose): Block => ({
          type: 'subsection',
          id: `automated-${purpose.id}`,
          heading: purposeName(purpose, language, charter).text,
          gdpr: ['13(2)(f)'],
          blocks: [
            {
              type: 'definitions',
              items: [
                definition(
                  t.automated.logic,
                  ['13(2)(f)'],
                  purpose.automatedDecisions.logic
                    ? [resolveText(purpose.automatedDecisions.logic, language, charter)]
                    : [],
                ),
                definition(
                  t.automated.consequences,
                  ['13(2)(f)'],
                  purpose.automatedDecisions.consequences
                    ? [resolveText(purpose.automatedDecisions.consequences, language, charter)]
                    : [],
                ),
              ].filter((d) => d.paragraphs.length > 0),
            },
          ],
        })),
        paragraph(t.automated.safeguards),
      ]
    : [paragraph(t.automated.none)];
  return { id: 'automated-decisions', heading: t.headings['automated-decisions'], gdpr: ['13(2)(f)'], blocks };
}

/** Art. 14(1)(d) and 14(2)(f): for data not obtained from the person, the categories and the source. */
function sourcesSection(context: Context): NoticeSection[] {
  const { charter, t, language, view } = context;
  const elsewhere = view.purposes.filter(sourceIsElsewhere);
  if (elsewhere.length === 0) return [];
  const rows = elsewhere.map((purpose) => [
    [purposeName(purpose, language, charter)],
    listRuns(
      dataFromElsewhere(purpose).map((d) => inSentence(dataCategoryName(d, language, charter), language, charter)),
      language,
    ),
    sourceParagraphs(purpose, context).flatMap((p, i) => (i === 0 ? p : [run(' '), ...p])),
  ]);
  return [
    {
      id: 'sources',
      heading: t.headings.sources,
      gdpr: ['14(1)(d)', '14(2)(f)'],
      blocks: [
        paragraph(t.sources.intro),
        {
          type: 'table',
          caption: t.sources.caption,
          columns: [t.sources.columns.purpose, t.sources.columns.data, t.sources.columns.source],
          rows,
        },
      ],
    },
  ];
}

/**
 * Art. 8: the age from which a child consents alone, per country concerned, as the law sets it; the organisation's own
 * higher limit (`children.minimumAge`) stated apart, never as if it were the law; and the organisation's policy only
 * when it declares one (no "not meant for children under …" that nobody declared).
 */
function childrenSection(context: Context): NoticeSection {
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

function cookiesSection(context: Context): NoticeSection[] {
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

function securitySection(context: Context): NoticeSection[] {
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

function changesSection(context: Context): NoticeSection {
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
