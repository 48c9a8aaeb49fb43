/**
 * The privacy notice (Art. 13, and Art. 14 for data not obtained from the person) as a structured document, built
 * from the charter for one site in one language. Pure: the same charter, site and language always give the same
 * document, which is what notice versions hash.
 *
 * Every section carries the GDPR items it satisfies. Sections for items that do not apply still say so ("we do not
 * take automated decisions"), because a reader, and the authority, should not have to infer it from a silence.
 */
import { organisationName as organisationNameIn } from '../charter/localized.js';
import type { Charter, Language } from '../charter/schema.js';
import { charterForSite } from '../charter/site-controller.js';
import { type NoticeDocument, type NoticeSection, text } from './document.js';
import type { SectionContext } from './notice-blocks.js';
import { complaintSection, controllerSection, dpoSection } from './notice-controller.js';
import {
  automatedSection,
  legitimateInterestsSection,
  purposesSection,
  requirementsSection,
  retentionSection,
  sourcesSection,
} from './notice-purposes.js';
import {
  changesSection,
  childrenSection,
  consentSection,
  cookiesSection,
  rightsSection,
  securitySection,
} from './notice-rights.js';
import { coverage, recipientsSection, transfersSection } from './notice-sharing.js';
import { siteView } from './site-view.js';
import { noticeTexts } from './texts/index.js';
import { typesetDocument } from './typography.js';

export { noticePaths } from './notice-blocks.js';

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
  const context: SectionContext = { view, charter, language, t: noticeTexts[language] };
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
