/**
 * Consent receipts: one ledger record rendered with the texts the visitor saw, carrying the fields of a Kantara
 * Consent Receipt (v1.1) and an ISO/IEC TS 27560 consent record — controller, timestamp, collection method, language,
 * policy version, purposes with their consent type, third parties — as JSON and as a readable HTML page (EN/NL/FR/DE).
 * Pure: the repository (ledger-history.ts) fetches the record and the stored texts.
 */
import { z } from 'zod';
import { languages, type Text } from '../charter/schema.js';
import { html, page, type RawHtml } from '../platform/http/html.js';
import type { ConsentTexts } from './ledger-directory.js';
import type { LedgerRecord } from './ledger-writer.js';

/** A ledger record as read back for one organisation. */
export type StoredRecord = Omit<LedgerRecord, 'organisationId'>;

const cookieSchema = z.object({
  name: z.string(),
  vendor: z.string(),
  purpose: z.string(),
  duration: z.string(),
  type: z.string(),
});
const thirdPartySchema = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string(),
  transfer: z.string().nullable(),
});

export const receiptSchema = z.object({
  receiptVersion: z.literal('charter-consent-receipt/1'),
  receiptId: z.string(),
  consentTimestamp: z.string().describe('server time the record was committed under (ISO 8601)'),
  jurisdiction: z.string().describe("the controller's country"),
  collectionMethod: z.string().describe('how the consent was collected'),
  method: z.string(),
  language: z.string(),
  policyVersion: z.object({ consentRevision: z.string(), charterSeq: z.number(), charterRevision: z.string() }),
  controller: z.object({
    name: z.string(),
    companyNumber: z.string().nullable(),
    address: z.string().nullable(),
    email: z.string(),
    phone: z.string().nullable(),
    dpoEmail: z.string().nullable(),
    authority: z.string(),
  }),
  principal: z.object({ visitorId: z.string(), kind: z.literal('pseudonymous') }),
  site: z.object({ id: z.string(), name: z.string(), domain: z.string() }),
  pageUrl: z.string(),
  globalPrivacyControl: z.boolean(),
  purposes: z.array(
    z.object({
      category: z.string(),
      name: z.string(),
      description: z.string(),
      consentType: z.literal('explicit').describe('opt-in, nothing pre-ticked'),
      granted: z.boolean(),
      termination: z.string().describe('the choice expires after this ISO 8601 duration'),
      cookies: z.array(cookieSchema),
      thirdParties: z.array(thirdPartySchema),
    }),
  ),
  strictlyNecessary: z.object({ cookies: z.array(cookieSchema) }),
  evidence: z.object({ ipHash: z.string(), userAgent: z.string(), mobile: z.boolean() }),
});
export type ConsentReceipt = z.infer<typeof receiptSchema>;

/** A charter text in `language`, else in English, else the first given. */
export function textIn(text: Text | undefined, language: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const byLanguage = text as Record<string, string | undefined>;
  return byLanguage[language] ?? text.en ?? Object.values(text).find(Boolean) ?? '';
}

const methodDescriptions: Record<string, string> = {
  'accept-all': 'consent banner, "Accept all" on the first layer',
  'reject-all': 'consent banner, "Reject all" on the first layer',
  custom: 'consent banner, choices made per category',
  gpc: 'consent banner, Global Privacy Control signal honoured',
  withdraw: 'consent banner, consent withdrawn by the visitor',
  expiry: 'consent banner, earlier choice expired and asked again',
};

/** Builds the receipt of a record from the texts of its consent revision. */
export function buildReceipt(record: StoredRecord, texts: ConsentTexts): ConsentReceipt {
  const { scope, controller } = texts;
  const language = record.language;
  const cookie = (c: ConsentTexts['scope']['cookies'][number]) => ({
    name: c.name,
    vendor: c.vendor,
    purpose: textIn(c.purpose, language),
    duration: c.duration,
    type: c.type,
  });
  const address = controller.address
    ? `${controller.address.street}, ${controller.address.postalCode} ${controller.address.city}, ${controller.address.country}`
    : null;
  return {
    receiptVersion: 'charter-consent-receipt/1',
    receiptId: record.receiptId,
    consentTimestamp: record.recordedAt.toISOString(),
    jurisdiction: controller.address?.country ?? '',
    collectionMethod: methodDescriptions[record.method] ?? record.method,
    method: record.method,
    language,
    policyVersion: {
      consentRevision: record.revision,
      charterSeq: texts.charterSeq,
      charterRevision: texts.charterRevision,
    },
    controller: {
      name: textIn(controller.legalName, language),
      companyNumber: controller.companyNumber ?? null,
      address,
      email: controller.email,
      phone: controller.phone ?? null,
      dpoEmail: controller.dpoEmail ?? null,
      authority: controller.authority,
    },
    principal: { visitorId: record.visitorId, kind: 'pseudonymous' },
    site: texts.site,
    pageUrl: record.pageUrl,
    globalPrivacyControl: record.gpc,
    purposes: scope.categories.map((category) => {
      const cookies = scope.cookies.filter((c) => c.category === category.id);
      const vendorIds = new Set(cookies.map((c) => c.vendor));
      return {
        category: category.id,
        name: textIn(category.name, language),
        description: textIn(category.description, language),
        consentType: 'explicit' as const,
        granted: record.choices[category.id] === true,
        termination: scope.expiry,
        cookies: cookies.map(cookie),
        thirdParties: scope.vendors
          .filter((v) => vendorIds.has(v.id))
          .map((v) => ({ ...v, name: textIn(v.name, language), transfer: v.transfer ?? null })),
      };
    }),
    strictlyNecessary: { cookies: scope.cookies.filter((c) => c.category === 'necessary').map(cookie) },
    evidence: { ipHash: record.ipHash, userAgent: record.userAgent, mobile: record.mobile },
  };
}

export const receiptLanguages = languages;
export type ReceiptLanguage = (typeof receiptLanguages)[number];

type Label =
  | 'title' | 'skip' | 'receipt' | 'timestamp' | 'controller' | 'method' | 'language' | 'policy' | 'visitor' | 'page'
  | 'purposes' | 'granted' | 'denied' | 'cookies' | 'thirdParties' | 'expires' | 'necessary' | 'gpc' | 'yes' | 'no'
  | 'evidence' | 'evidenceText' | 'none' | 'contact' | 'authority'; // prettier-ignore

const labels: Record<ReceiptLanguage, Record<Label, string>> = {
  en: {
    title: 'Consent receipt', skip: 'Skip to content', receipt: 'Receipt', timestamp: 'Recorded at', controller: 'Controller',
    method: 'How consent was collected', language: 'Language', policy: 'Version of the texts shown', visitor: 'Visitor (pseudonymous id)',
    page: 'Page', purposes: 'Choices', granted: 'Granted', denied: 'Denied', cookies: 'Cookies', thirdParties: 'Third parties',
    expires: 'The choice is asked again after', necessary: 'Strictly necessary (no consent needed)', gpc: 'Global Privacy Control',
    yes: 'on', no: 'off', evidence: 'Evidence', evidenceText: 'Keyed hash of the IP address (key deleted after two days) and browser family.',
    none: 'none', contact: 'Contact', authority: 'Supervisory authority',
  },
  nl: {
    title: 'Toestemmingsbewijs', skip: 'Naar de inhoud', receipt: 'Bewijs', timestamp: 'Vastgelegd op', controller: 'Verwerkingsverantwoordelijke',
    method: 'Hoe de toestemming werd gevraagd', language: 'Taal', policy: 'Versie van de getoonde teksten', visitor: 'Bezoeker (pseudoniem)',
    page: 'Pagina', purposes: 'Keuzes', granted: 'Gegeven', denied: 'Geweigerd', cookies: 'Cookies', thirdParties: 'Derden',
    expires: 'De keuze wordt opnieuw gevraagd na', necessary: 'Strikt noodzakelijk (geen toestemming nodig)', gpc: 'Global Privacy Control',
    yes: 'aan', no: 'uit', evidence: 'Bewijsgegevens', evidenceText: 'Gesleutelde hash van het IP-adres (sleutel na twee dagen gewist) en browserfamilie.',
    none: 'geen', contact: 'Contact', authority: 'Toezichthoudende autoriteit',
  },
  fr: {
    title: 'Preuve de consentement', skip: 'Aller au contenu', receipt: 'Preuve', timestamp: 'Enregistré le', controller: 'Responsable du traitement',
    method: 'Mode de recueil du consentement', language: 'Langue', policy: 'Version des textes affichés', visitor: 'Visiteur (identifiant pseudonyme)',
    page: 'Page', purposes: 'Choix', granted: 'Accepté', denied: 'Refusé', cookies: 'Cookies', thirdParties: 'Tiers',
    expires: 'Le choix est redemandé après', necessary: 'Strictement nécessaires (sans consentement)', gpc: 'Global Privacy Control',
    yes: 'activé', no: 'désactivé', evidence: 'Éléments de preuve', evidenceText: "Empreinte à clé de l'adresse IP (clé effacée après deux jours) et famille de navigateur.",
    none: 'aucun', contact: 'Contact', authority: 'Autorité de contrôle',
  },
  de: {
    title: 'Einwilligungsnachweis', skip: 'Zum Inhalt', receipt: 'Nachweis', timestamp: 'Erfasst am', controller: 'Verantwortlicher',
    method: 'Wie die Einwilligung eingeholt wurde', language: 'Sprache', policy: 'Version der gezeigten Texte', visitor: 'Besucher (pseudonyme Kennung)',
    page: 'Seite', purposes: 'Entscheidungen', granted: 'Erteilt', denied: 'Abgelehnt', cookies: 'Cookies', thirdParties: 'Dritte',
    expires: 'Die Entscheidung wird erneut erfragt nach', necessary: 'Unbedingt erforderlich (keine Einwilligung nötig)', gpc: 'Global Privacy Control',
    yes: 'an', no: 'aus', evidence: 'Nachweisdaten', evidenceText: 'Schlüssel-Hash der IP-Adresse (Schlüssel nach zwei Tagen gelöscht) und Browserfamilie.',
    none: 'keine', contact: 'Kontakt', authority: 'Aufsichtsbehörde',
  },
}; // prettier-ignore

/** The receipt as a readable, accessible HTML page. */
export function renderReceiptHtml(receipt: ConsentReceipt, language: ReceiptLanguage): string {
  const t = labels[language];
  const cookieTable = (cookies: ConsentReceipt['strictlyNecessary']['cookies']): RawHtml | string =>
    cookies.length === 0
      ? t.none
      : html`<ul>${cookies.map((c) => html`<li><code>${c.name}</code> — ${c.purpose} (${c.duration})</li>`)}</ul>`;
  const body = html`<main id="main">
    <h1>${t.title}</h1>
    <dl class="receipt">
      <dt>${t.receipt}</dt><dd><code>${receipt.receiptId}</code></dd>
      <dt>${t.timestamp}</dt><dd><time datetime="${receipt.consentTimestamp}">${receipt.consentTimestamp.replace('T', ' ').replace('Z', ' UTC')}</time></dd>
      <dt>${t.controller}</dt><dd>${receipt.controller.name}${receipt.controller.companyNumber ? html` (${receipt.controller.companyNumber})` : ''}${receipt.controller.address ? html`<br>${receipt.controller.address}` : ''}</dd>
      <dt>${t.contact}</dt><dd>${receipt.controller.email}${receipt.controller.dpoEmail ? html` · DPO: ${receipt.controller.dpoEmail}` : ''}</dd>
      <dt>${t.authority}</dt><dd>${receipt.controller.authority}</dd>
      <dt>${t.method}</dt><dd>${receipt.collectionMethod}</dd>
      <dt>${t.language}</dt><dd>${receipt.language}</dd>
      <dt>${t.policy}</dt><dd><code>${receipt.policyVersion.consentRevision}</code> (charter #${receipt.policyVersion.charterSeq})</dd>
      <dt>${t.visitor}</dt><dd><code>${receipt.principal.visitorId}</code></dd>
      <dt>${t.page}</dt><dd>${receipt.site.name} — ${receipt.pageUrl}</dd>
      <dt>${t.gpc}</dt><dd>${receipt.globalPrivacyControl ? t.yes : t.no}</dd>
    </dl>
    <h2>${t.purposes}</h2>
    ${receipt.purposes.map(
      (p) => html`<section aria-labelledby="purpose-${p.category}">
        <h3 id="purpose-${p.category}">${p.name}: <strong>${p.granted ? t.granted : t.denied}</strong></h3>
        <p>${p.description}</p>
        <p>${t.expires} ${p.termination}.</p>
        <h4>${t.cookies}</h4>${cookieTable(p.cookies)}
        <h4>${t.thirdParties}</h4>
        ${p.thirdParties.length === 0 ? t.none : html`<ul>${p.thirdParties.map((v) => html`<li>${v.name} (${v.country}${v.transfer ? `, ${v.transfer}` : ''})</li>`)}</ul>`}
      </section>`,
    )}
    <h2>${t.necessary}</h2>
    ${cookieTable(receipt.strictlyNecessary.cookies)}
    <h2>${t.evidence}</h2>
    <p>${t.evidenceText}</p>
    <p><code>${receipt.evidence.ipHash}</code> · ${receipt.evidence.userAgent}${receipt.evidence.mobile ? ' (mobile)' : ''}</p>
  </main>`;
  return page({ lang: language, title: `${t.title} ${receipt.receiptId}`, body, skipLinkLabel: t.skip });
}
