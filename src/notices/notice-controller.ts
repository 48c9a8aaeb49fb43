/**
 * The sections of the privacy notice that say who is speaking and to whom a person can turn: the controller and its
 * representative, group and joint controllers (Art. 13(1)(a), Art. 26), the data protection officer (Art. 13(1)(b))
 * and the supervisory authority to complain to (Art. 13(2)(d)).
 */
import { authorityAddress, authorityPages, findAuthority } from '../charter/catalogs/authorities.js';
import { legalNameIn } from '../charter/localized.js';
import type { Charter } from '../charter/schema.js';
import { InvariantError } from '../platform/errors.js';
import { type Block, type Inline, type NoticeSection, type Paragraph, text } from './document.js';
import { type SectionContext, addressLines, colon, link, mailto, paragraph, run, tel } from './notice-blocks.js';
import { countryName, joinList } from './phrasing.js';
import { processorSentence } from './processor-notice.js';
import { resolveText, textIn } from './site-view.js';

/** Art. 13(1)(a): identity and contact details of the controller and, where applicable, of its representative. */
export function controllerSection(context: SectionContext): NoticeSection {
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
function jointControllers(context: SectionContext): Block[] {
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

function personLines(person: NonNullable<Charter['organisation']['dpo']>, context: SectionContext): Paragraph[] {
  const { t } = context;
  const lines: Paragraph[] = [];
  if (person.name) lines.push(text(person.name));
  if (person.email) lines.push([run(colon(t.labels.email, context.language)), mailto(person.email)]);
  if (person.phone) lines.push([run(colon(t.labels.phone, context.language)), tel(person.phone)]);
  if (person.address) lines.push(...addressLines(person.address, context));
  return lines;
}

/** Art. 13(1)(b): contact details of the data protection officer, where applicable. */
export function dpoSection(context: SectionContext): NoticeSection {
  const { charter, t } = context;
  const dpo = charter.organisation.dpo;
  const blocks: Block[] = dpo
    ? [paragraph(t.dpo.appointed), { type: 'address', lines: personLines(dpo, context) }]
    : [paragraph(t.dpo.none)];
  return { id: 'dpo', heading: t.headings.dpo, gdpr: ['13(1)(b)'], blocks };
}

/** Art. 13(2)(d): the right to lodge a complaint with a supervisory authority, with the authority's details. */
export function complaintSection(context: SectionContext): NoticeSection {
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
