/**
 * The sections of the privacy notice about who else sees the data and where it goes: recipients with their role and
 * safeguard (Art. 13(1)(e)), transfers outside the EEA (Art. 13(1)(f)), the declared statements on sharing, and the
 * sites and related statements a notice covers.
 */
import type { Text } from '../charter/schema.js';
import { type Block, type NoticeSection, type Paragraph, text } from './document.js';
import { type SectionContext, link, listRuns, paragraph, run } from './notice-blocks.js';
import { countryName, joinList } from './phrasing.js';
import { isTransfer, resolveText, safeguardName, textIn } from './site-view.js';

/** Art. 13(1)(e): the recipients or categories of recipients. */
export function recipientsSection(context: SectionContext): NoticeSection {
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
function sharingStatements(context: SectionContext): Block[] {
  const { charter, t } = context;
  const said = [
    charter.statements?.neverSold ? t.statements.neverSold : undefined,
    charter.statements?.noThirdPartyAdvertising ? t.statements.noAdvertising : undefined,
  ];
  const sentences = said.filter((sentence): sentence is string => sentence !== undefined);
  return sentences.length ? [paragraph(sentences.join(' '))] : [];
}

/**
 * The sites this notice covers, when the charter has several, and the related statements that apply elsewhere
 * (partner sites with their own statement).
 */
export function coverage(context: SectionContext): Paragraph[] {
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
export function transfersSection(context: SectionContext): NoticeSection {
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
