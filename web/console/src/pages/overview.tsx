/** The charter overview: purposes with legal bases and retention, recipients with countries and transfers, sites, cookies, lint findings. */
import type { Charter } from '../../../../src/charter/schema.js';
import { findTransferMechanism } from '../../../../src/charter/catalogs/transfer-mechanisms.js';
import { ErrorMessage, Loading, PageTitle, useApi } from '../components.js';
import { formatDateTime, useLanguage, useTexts, type Language } from '../i18n.js';
import type { ConsolePage } from './types.js';

interface Overview {
  seq: number;
  revision: string;
  updatedAt: string;
  updatedBy: string;
  charter: Charter;
  findings: { rule: string; severity: 'error' | 'warning' | 'info'; article: string; path: string; message: string }[];
}

const texts = {
  en: {
    title: 'Charter overview', revision: 'Revision', updated: 'applied', by: 'by', purposes: 'Purposes', purpose: 'Purpose', legalBasis: 'Legal basis',
    retention: 'Retention', recipients: 'Recipients', recipient: 'Recipient', role: 'Role', country: 'Country', transfer: 'Transfer mechanism', noTransfer: 'none needed',
    sites: 'Sites', site: 'Site', domain: 'Domain', cookies: 'Cookies', cookie: 'Name', category: 'Category', vendor: 'Vendor', duration: 'Lifetime',
    findings: 'Lint findings', none: 'No findings.', severity: 'Severity', finding: 'Finding', article: 'Basis', where: 'Where', noCharter: 'No charter has been applied to this organisation yet.',
    from: 'from', then: 'then', session: 'session', criteria: 'by criteria', review: 'reviewed every', notDecided: 'not decided yet',
    bases: { consent: 'Consent (Art. 6(1)(a))', contract: 'Contract (Art. 6(1)(b))', 'legal-obligation': 'Legal obligation (Art. 6(1)(c))', 'vital-interests': 'Vital interests (Art. 6(1)(d))', 'public-task': 'Public task (Art. 6(1)(e))', 'legitimate-interests': 'Legitimate interests (Art. 6(1)(f))' },
    anchors: { collection: 'collection', 'end-of-contract': 'end of the contract', 'last-contact': 'last contact', receipt: 'receipt', 'end-of-legal-period': 'end of the legal period', 'consent-withdrawn': 'withdrawal of consent', event: 'the event' },
    actions: { delete: 'delete', anonymise: 'anonymise' },
    severities: { error: 'error', warning: 'warning', info: 'info' },
  },
  nl: {
    title: 'Overzicht van het charter', revision: 'Revisie', updated: 'toegepast', by: 'door', purposes: 'Doeleinden', purpose: 'Doel', legalBasis: 'Rechtsgrond',
    retention: 'Bewaring', recipients: 'Ontvangers', recipient: 'Ontvanger', role: 'Rol', country: 'Land', transfer: 'Doorgiftemechanisme', noTransfer: 'niet nodig',
    sites: 'Websites', site: 'Website', domain: 'Domein', cookies: 'Cookies', cookie: 'Naam', category: 'Categorie', vendor: 'Aanbieder', duration: 'Looptijd',
    findings: 'Bevindingen', none: 'Geen bevindingen.', severity: 'Ernst', finding: 'Bevinding', article: 'Grondslag', where: 'Waar', noCharter: 'Er is nog geen charter toegepast voor deze organisatie.',
    from: 'vanaf', then: 'daarna', session: 'sessie', criteria: 'volgens criteria', review: 'herzien om de', notDecided: 'nog niet bepaald',
    bases: { consent: 'Toestemming (art. 6(1)(a))', contract: 'Overeenkomst (art. 6(1)(b))', 'legal-obligation': 'Wettelijke verplichting (art. 6(1)(c))', 'vital-interests': 'Vitale belangen (art. 6(1)(d))', 'public-task': 'Taak van algemeen belang (art. 6(1)(e))', 'legitimate-interests': 'Gerechtvaardigd belang (art. 6(1)(f))' },
    anchors: { collection: 'verzameling', 'end-of-contract': 'einde van de overeenkomst', 'last-contact': 'laatste contact', receipt: 'ontvangst', 'end-of-legal-period': 'einde van de wettelijke termijn', 'consent-withdrawn': 'intrekking van de toestemming', event: 'de gebeurtenis' },
    actions: { delete: 'verwijderen', anonymise: 'anonimiseren' },
    severities: { error: 'fout', warning: 'waarschuwing', info: 'info' },
  },
  fr: {
    title: 'Aperçu de la charte', revision: 'Révision', updated: 'appliquée le', by: 'par', purposes: 'Finalités', purpose: 'Finalité', legalBasis: 'Base légale',
    retention: 'Conservation', recipients: 'Destinataires', recipient: 'Destinataire', role: 'Rôle', country: 'Pays', transfer: 'Mécanisme de transfert', noTransfer: 'non requis',
    sites: 'Sites', site: 'Site', domain: 'Domaine', cookies: 'Cookies', cookie: 'Nom', category: 'Catégorie', vendor: 'Fournisseur', duration: 'Durée',
    findings: 'Constats', none: 'Aucun constat.', severity: 'Gravité', finding: 'Constat', article: 'Fondement', where: 'Où', noCharter: 'Aucune charte n’a encore été appliquée pour cette organisation.',
    from: 'à partir de', then: 'puis', session: 'session', criteria: 'selon des critères', review: 'réexaminée tous les', notDecided: 'pas encore fixée',
    bases: { consent: 'Consentement (art. 6(1)(a))', contract: 'Contrat (art. 6(1)(b))', 'legal-obligation': 'Obligation légale (art. 6(1)(c))', 'vital-interests': 'Intérêts vitaux (art. 6(1)(d))', 'public-task': 'Mission d’intérêt public (art. 6(1)(e))', 'legitimate-interests': 'Intérêt légitime (art. 6(1)(f))' },
    anchors: { collection: 'la collecte', 'end-of-contract': 'la fin du contrat', 'last-contact': 'le dernier contact', receipt: 'la réception', 'end-of-legal-period': 'la fin du délai légal', 'consent-withdrawn': 'le retrait du consentement', event: 'l’événement' },
    actions: { delete: 'supprimer', anonymise: 'anonymiser' },
    severities: { error: 'erreur', warning: 'avertissement', info: 'info' },
  },
  de: {
    title: 'Übersicht der Charta', revision: 'Revision', updated: 'angewendet am', by: 'von', purposes: 'Zwecke', purpose: 'Zweck', legalBasis: 'Rechtsgrundlage',
    retention: 'Aufbewahrung', recipients: 'Empfänger', recipient: 'Empfänger', role: 'Rolle', country: 'Land', transfer: 'Übermittlungsmechanismus', noTransfer: 'nicht nötig',
    sites: 'Websites', site: 'Website', domain: 'Domain', cookies: 'Cookies', cookie: 'Name', category: 'Kategorie', vendor: 'Anbieter', duration: 'Laufzeit',
    findings: 'Befunde', none: 'Keine Befunde.', severity: 'Schwere', finding: 'Befund', article: 'Grundlage', where: 'Wo', noCharter: 'Für diese Organisation wurde noch keine Charta angewendet.',
    from: 'ab', then: 'danach', session: 'Sitzung', criteria: 'nach Kriterien', review: 'überprüft alle', notDecided: 'noch nicht festgelegt',
    bases: { consent: 'Einwilligung (Art. 6(1)(a))', contract: 'Vertrag (Art. 6(1)(b))', 'legal-obligation': 'Rechtliche Verpflichtung (Art. 6(1)(c))', 'vital-interests': 'Lebenswichtige Interessen (Art. 6(1)(d))', 'public-task': 'Öffentliche Aufgabe (Art. 6(1)(e))', 'legitimate-interests': 'Berechtigte Interessen (Art. 6(1)(f))' },
    anchors: { collection: 'Erhebung', 'end-of-contract': 'Vertragsende', 'last-contact': 'letztem Kontakt', receipt: 'Eingang', 'end-of-legal-period': 'Ende der gesetzlichen Frist', 'consent-withdrawn': 'Widerruf der Einwilligung', event: 'dem Ereignis' },
    actions: { delete: 'löschen', anonymise: 'anonymisieren' },
    severities: { error: 'Fehler', warning: 'Warnung', info: 'Info' },
  },
};

type Text = string | Partial<Record<'en' | 'nl' | 'fr' | 'de', string>>;

/** A charter text in the console language, falling back to English or any language given. */
export function localized(text: Text | undefined, language: Language): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[language] ?? text.en ?? Object.values(text).find(Boolean) ?? '';
}

/** ISO 8601 durations in words: P10Y, P13M, P30D. */
export function describeIsoDuration(value: string, language: Language): string {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(value);
  if (!match) return value;
  const units = ['year', 'month', 'week', 'day'] as const;
  const parts = units.flatMap((unit, i) => {
    const n = Number(match[i + 1] ?? 0);
    return n ? [new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(n)] : [];
  });
  return parts.join(' ') || value;
}

type OverviewTexts = (typeof texts)['en'];

/** A purpose's retention: a duration from an event, criteria in the organisation's words, or not decided yet. */
function RetentionCell({ rule, t, language }: { rule: Charter['purposes'][number]['retention']; t: OverviewTexts; language: Language }) {
  if (rule.duration !== undefined && rule.from !== undefined) {
    return <>{describeIsoDuration(rule.duration, language)} {t.from} {t.anchors[rule.from]}, {t.then} {t.actions[rule.action]}</>;
  }
  if (rule.criteria !== undefined) {
    return (
      <>
        {t.criteria}: {localized(rule.criteria, language)}
        {rule.from ? ` (${t.from} ${t.anchors[rule.from]})` : ''}, {t.then} {t.actions[rule.action]}
        {rule.review ? `; ${t.review} ${describeIsoDuration(rule.review, language)}` : ''}
      </>
    );
  }
  return <>{t.notDecided}</>;
}

function Overview() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { data, error, loading } = useApi<Overview>('/api/v1/charter/overview');
  const countryName = (code: string) => new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  if (loading) return <><PageTitle>{t.title}</PageTitle><Loading /></>;
  if (error || !data) {
    const missing = (error as { status?: number } | undefined)?.status === 404;
    return <><PageTitle>{t.title}</PageTitle>{missing ? <p>{t.noCharter}</p> : <ErrorMessage error={error} />}</>;
  }
  const { charter } = data;
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p>
        <strong>{charter.organisation.legalName}</strong> — {t.revision} {data.seq} (<code>{data.revision.slice(0, 12)}</code>), {t.updated} {formatDateTime(data.updatedAt, language)} {t.by} <code>{data.updatedBy}</code>
      </p>

      <h2 id="purposes">{t.purposes}</h2>
      <table aria-labelledby="purposes">
        <thead><tr><th scope="col">{t.purpose}</th><th scope="col">{t.legalBasis}</th><th scope="col">{t.retention}</th></tr></thead>
        <tbody>
          {charter.purposes.map((purpose) => (
            <tr key={purpose.id}>
              <th scope="row">{localized(purpose.name, language)}</th>
              <td>{t.bases[purpose.legalBasis]}</td>
              <td>
                <RetentionCell rule={purpose.retention} t={t} language={language} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="recipients">{t.recipients}</h2>
      <table aria-labelledby="recipients">
        <thead><tr><th scope="col">{t.recipient}</th><th scope="col">{t.role}</th><th scope="col">{t.country}</th><th scope="col">{t.transfer}</th></tr></thead>
        <tbody>
          {charter.recipients.map((recipient) => {
            const mechanism = recipient.transfer ? findTransferMechanism(recipient.transfer) : undefined;
            return (
              <tr key={recipient.id}>
                <th scope="row">{localized(recipient.name, language)}</th>
                <td>{recipient.role}</td>
                <td>{countryName(recipient.country)}</td>
                <td>{mechanism ? mechanism.name[language] : (recipient.transfer ?? t.noTransfer)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2 id="sites">{t.sites}</h2>
      <table aria-labelledby="sites">
        <thead><tr><th scope="col">{t.site}</th><th scope="col">{t.domain}</th></tr></thead>
        <tbody>
          {charter.sites.map((site) => (
            <tr key={site.id}><th scope="row">{site.name} <span className="muted">({site.id})</span></th><td>{site.domain}</td></tr>
          ))}
        </tbody>
      </table>

      <h2 id="cookies">{t.cookies}</h2>
      <table aria-labelledby="cookies">
        <thead><tr><th scope="col">{t.cookie}</th><th scope="col">{t.category}</th><th scope="col">{t.vendor}</th><th scope="col">{t.duration}</th></tr></thead>
        <tbody>
          {charter.cookies.map((cookie) => (
            <tr key={`${cookie.name}-${cookie.vendor}`}>
              <th scope="row"><code>{cookie.name}</code></th>
              <td>{cookie.category}</td>
              <td>{cookie.vendor}</td>
              <td>{cookie.duration === 'session' ? t.session : describeIsoDuration(cookie.duration, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="findings">{t.findings}</h2>
      {data.findings.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table aria-labelledby="findings">
          <thead><tr><th scope="col">{t.severity}</th><th scope="col">{t.finding}</th><th scope="col">{t.article}</th><th scope="col">{t.where}</th></tr></thead>
          <tbody>
            {data.findings.map((finding, i) => (
              <tr key={i} className={`finding-${finding.severity}`}>
                <td><span className={`badge badge-${finding.severity}`}>{t.severities[finding.severity]}</span></td>
                <td>{finding.message}</td>
                <td>{finding.article}</td>
                <td><code>{finding.path}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export const overviewPage: ConsolePage = {
  path: '/',
  title: { en: 'Overview', nl: 'Overzicht', fr: 'Aperçu' },
  scope: 'charter:read',
  Component: Overview,
};
