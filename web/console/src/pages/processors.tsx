/** Processors and transfers: every recipient with role, country, transfer mechanism, DPA and sub-processors, and the warnings. */
import type { ProcessorOverview } from '../../../../src/records/processors.js';
import { ErrorMessage, Loading, PageTitle, useApi, TableRegion } from '../components.js';
import { useLanguage, useTexts, type Language } from '../i18n.js';
import type { ConsolePage } from './types.js';
import './records.css';

const texts = {
  en: {
    title: 'Processors and transfers',
    intro: (age: string) =>
      `Everyone the charter shares personal data with. A data processing agreement is flagged for review after ${age}.`,
    warnings: 'To act on',
    noWarnings: 'No warnings: every transfer has a valid mechanism and every processor a recent agreement.',
    recipient: 'Recipient',
    role: 'Role',
    country: 'Country',
    transfer: 'Transfer mechanism',
    dpa: 'Data processing agreement',
    review: 'review from',
    subProcessors: 'Sub-processors',
    purposes: 'Used for',
    none: 'none',
    noDpa: 'none recorded',
    eea: 'inside the EEA',
    invalid: 'not valid',
    error: 'error',
    warning: 'warning',
  },
  nl: {
    title: 'Verwerkers en doorgiften',
    intro: (age: string) =>
      `Iedereen met wie het charter persoonsgegevens deelt. Een verwerkersovereenkomst wordt na ${age} ter herziening gemarkeerd.`,
    warnings: 'Actiepunten',
    noWarnings:
      'Geen waarschuwingen: elke doorgifte heeft een geldig mechanisme en elke verwerker een recente overeenkomst.',
    recipient: 'Ontvanger',
    role: 'Rol',
    country: 'Land',
    transfer: 'Doorgiftemechanisme',
    dpa: 'Verwerkersovereenkomst',
    review: 'herzien vanaf',
    subProcessors: 'Subverwerkers',
    purposes: 'Gebruikt voor',
    none: 'geen',
    noDpa: 'niet opgegeven',
    eea: 'binnen de EER',
    invalid: 'niet geldig',
    error: 'fout',
    warning: 'waarschuwing',
  },
  fr: {
    title: 'Sous-traitants et transferts',
    intro: (age: string) =>
      `Tous ceux avec qui la charte partage des données personnelles. Un contrat de sous-traitance est signalé pour réexamen après ${age}.`,
    warnings: 'À traiter',
    noWarnings:
      'Aucun avertissement : chaque transfert a un mécanisme valable et chaque sous-traitant un contrat récent.',
    recipient: 'Destinataire',
    role: 'Rôle',
    country: 'Pays',
    transfer: 'Mécanisme de transfert',
    dpa: 'Contrat de sous-traitance',
    review: 'à réexaminer dès le',
    subProcessors: 'Sous-traitants ultérieurs',
    purposes: 'Utilisé pour',
    none: 'aucun',
    noDpa: 'non indiqué',
    eea: "dans l'EEE",
    invalid: 'non valable',
    error: 'erreur',
    warning: 'avertissement',
  },
  de: {
    title: 'Auftragsverarbeiter und Übermittlungen',
    intro: (age: string) =>
      `Alle, mit denen die Charter personenbezogene Daten teilt. Ein Auftragsverarbeitungsvertrag wird nach ${age} zur Überprüfung markiert.`,
    warnings: 'Zu erledigen',
    noWarnings:
      'Keine Warnungen: jede Übermittlung hat einen gültigen Mechanismus und jeder Auftragsverarbeiter einen aktuellen Vertrag.',
    recipient: 'Empfänger',
    role: 'Rolle',
    country: 'Land',
    transfer: 'Übermittlungsmechanismus',
    dpa: 'Auftragsverarbeitungsvertrag',
    review: 'Überprüfung ab',
    subProcessors: 'Unterauftragsverarbeiter',
    purposes: 'Verwendet für',
    none: 'keine',
    noDpa: 'keiner erfasst',
    eea: 'innerhalb des EWR',
    invalid: 'nicht gültig',
    error: 'Fehler',
    warning: 'Warnung',
  },
};

const ages: Record<string, Record<Language, string>> = {
  Y: { en: 'years', nl: 'jaar', fr: 'ans', de: 'Jahre' },
  M: { en: 'months', nl: 'maanden', fr: 'mois', de: 'Monate' },
};

function describeAge(iso: string, language: Language): string {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?/.exec(iso);
  const parts = [
    match?.[1] ? `${match[1]} ${ages.Y![language]}` : '',
    match?.[2] ? `${match[2]} ${ages.M![language]}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : iso;
}

function Processors() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { data, error, loading } = useApi<ProcessorOverview>('/api/v1/processors', { language });
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      {data && <p className="muted">{t.intro(describeAge(data.dpaReviewAfter, language))}</p>}
      {loading && !data ? <Loading /> : <ErrorMessage error={error} />}
      {data && (
        <>
          <h2>{t.warnings}</h2>
          {data.warnings.length === 0 ? (
            <p>{t.noWarnings}</p>
          ) : (
            <ul className="warning-list">
              {data.warnings.map((w, i) => (
                <li key={i}>
                  <span className={`badge ${w.severity === 'error' ? 'badge-error' : 'badge-warning'}`}>
                    {w.severity === 'error' ? t.error : t.warning}
                  </span>{' '}
                  {w.message} <span className="muted">({w.article})</span>
                </li>
              ))}
            </ul>
          )}
          <TableRegion label={t.title}>
            <table>
              <caption className="visually-hidden">{t.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.recipient}</th>
                  <th scope="col">{t.role}</th>
                  <th scope="col">{t.country}</th>
                  <th scope="col">{t.transfer}</th>
                  <th scope="col">{t.dpa}</th>
                  <th scope="col">{t.subProcessors}</th>
                  <th scope="col">{t.purposes}</th>
                </tr>
              </thead>
              <tbody>
                {data.recipients.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      {r.name}
                      <br />
                      <span className="muted">{r.service}</span>
                    </th>
                    <td>{r.roleLabel}</td>
                    <td>
                      {r.countryName}
                      {r.inEea && (
                        <>
                          <br />
                          <span className="muted">{t.eea}</span>
                        </>
                      )}
                    </td>
                    <td>
                      {r.transfer ? (
                        <>
                          {r.transfer.name} <span className="muted">({r.transfer.article})</span>
                          {!r.transfer.valid && (
                            <>
                              {' '}
                              <strong className="badge badge-error">{t.invalid}</strong>
                            </>
                          )}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      {r.dpaDate ? (
                        <>
                          {r.dpaDate}
                          <br />
                          <span className="muted">
                            {t.review} {r.dpaReviewDue}
                          </span>
                        </>
                      ) : r.role === 'processor' || r.role === 'sub-processor' ? (
                        <strong className="badge badge-warning">{t.noDpa}</strong>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      {r.subProcessors.length === 0 ? (
                        t.none
                      ) : (
                        <ul className="plain-list">
                          {r.subProcessors.map((s) => (
                            <li key={s.name}>
                              {s.name}, {s.countryName}
                              {s.transfer ? ` — ${s.transfer.name}` : ''}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>{r.purposes.map((p) => p.name).join(', ') || t.none}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
    </>
  );
}

export const processorsPage: ConsolePage = {
  path: '/processors',
  title: { en: 'Processors', nl: 'Verwerkers', fr: 'Sous-traitants', de: 'Auftragsverarbeiter' },
  scope: 'records:read',
  Component: Processors,
};
