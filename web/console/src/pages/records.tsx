/** Records of processing (Art. 30): the controller record and, for a processor, the processor record, with exports. */
import { useState, type ReactNode } from 'react';
import type { RecordsOfProcessing } from '../../../../src/records/record.js';
import { apiUrl } from '../api.js';
import { ErrorMessage, Loading, PageTitle, useApi, TableRegion } from '../components.js';
import { useLanguage, useTexts } from '../i18n.js';
import type { ConsolePage } from './types.js';
import './records.css';

type RecordLanguage = RecordsOfProcessing['language'];
const recordLanguages: { id: RecordLanguage; name: string }[] = [
  { id: 'en', name: 'English' },
  { id: 'nl', name: 'Nederlands' },
  { id: 'fr', name: 'Français' },
  { id: 'de', name: 'Deutsch' },
];

const texts = {
  en: {
    title: 'Records of processing',
    intro:
      'The records the GDPR requires (Art. 30), drawn from the charter. A supervisory authority may ask for them at any time.',
    language: 'Language of the record',
    downloads: 'Download',
    xlsx: 'Excel workbook (XLSX), a sheet per record',
    csvController: 'Controller record as CSV',
    csvProcessor: 'Processor record as CSV',
    pdf: 'PDF for printing',
    controller: 'Controller record (Art. 30(1))',
    processor: 'Processor record (Art. 30(2))',
    activity: 'Activity',
    basis: 'Legal basis',
    subjects: 'People',
    data: 'Data',
    sources: 'Source',
    recipients: 'Recipients',
    transfers: 'Transfers outside the EEA',
    retention: 'Retention',
    customer: 'Controller (customer)',
    processing: 'Processing',
    none: 'none',
    invalid: 'not valid',
    special: 'Art. 9',
  },
  nl: {
    title: 'Verwerkingsregisters',
    intro:
      'De registers die de AVG vereist (art. 30), opgemaakt uit het charter. Een toezichthoudende autoriteit kan ze op elk moment opvragen.',
    language: 'Taal van het register',
    downloads: 'Downloaden',
    xlsx: 'Excel-werkmap (XLSX), een blad per register',
    csvController: 'Register van de verantwoordelijke als CSV',
    csvProcessor: 'Register van de verwerker als CSV',
    pdf: 'PDF om af te drukken',
    controller: 'Register van de verwerkingsverantwoordelijke (art. 30, lid 1)',
    processor: 'Register van de verwerker (art. 30, lid 2)',
    activity: 'Verwerking',
    basis: 'Rechtsgrond',
    subjects: 'Betrokkenen',
    data: 'Gegevens',
    sources: 'Herkomst',
    recipients: 'Ontvangers',
    transfers: 'Doorgiften buiten de EER',
    retention: 'Bewaring',
    customer: 'Verantwoordelijke (klant)',
    processing: 'Verwerking',
    none: 'geen',
    invalid: 'niet geldig',
    special: 'art. 9',
  },
  fr: {
    title: 'Registres des traitements',
    intro:
      'Les registres exigés par le RGPD (art. 30), établis à partir de la charte. Une autorité de contrôle peut les demander à tout moment.',
    language: 'Langue du registre',
    downloads: 'Télécharger',
    xlsx: 'Classeur Excel (XLSX), une feuille par registre',
    csvController: 'Registre du responsable en CSV',
    csvProcessor: 'Registre du sous-traitant en CSV',
    pdf: 'PDF à imprimer',
    controller: 'Registre du responsable du traitement (art. 30.1)',
    processor: 'Registre du sous-traitant (art. 30.2)',
    activity: 'Traitement',
    basis: 'Base juridique',
    subjects: 'Personnes',
    data: 'Données',
    sources: 'Origine',
    recipients: 'Destinataires',
    transfers: "Transferts hors de l'EEE",
    retention: 'Conservation',
    customer: 'Responsable (client)',
    processing: 'Traitement',
    none: 'aucun',
    invalid: 'non valable',
    special: 'art. 9',
  },
  de: {
    title: 'Verzeichnis von Verarbeitungstätigkeiten',
    intro:
      'Die von der DSGVO verlangten Verzeichnisse (Art. 30), abgeleitet aus der Charter. Eine Aufsichtsbehörde kann sie jederzeit anfordern.',
    language: 'Sprache des Verzeichnisses',
    downloads: 'Herunterladen',
    xlsx: 'Excel-Arbeitsmappe (XLSX), ein Blatt pro Verzeichnis',
    csvController: 'Verzeichnis des Verantwortlichen als CSV',
    csvProcessor: 'Verzeichnis des Auftragsverarbeiters als CSV',
    pdf: 'PDF zum Drucken',
    controller: 'Verzeichnis des Verantwortlichen (Art. 30 Abs. 1)',
    processor: 'Verzeichnis des Auftragsverarbeiters (Art. 30 Abs. 2)',
    activity: 'Tätigkeit',
    basis: 'Rechtsgrundlage',
    subjects: 'Personen',
    data: 'Daten',
    sources: 'Herkunft',
    recipients: 'Empfänger',
    transfers: 'Übermittlungen außerhalb des EWR',
    retention: 'Aufbewahrung',
    customer: 'Verantwortlicher (Kunde)',
    processing: 'Verarbeitung',
    none: 'keine',
    invalid: 'nicht gültig',
    special: 'Art. 9',
  },
};

type T = (typeof texts)['en'];

/** A record's table: a labelled, scrollable region with a hidden caption, one column header per heading, `children` rows. */
function RecordTable({ label, headers, children }: { label: string; headers: string[]; children: ReactNode }) {
  return (
    <TableRegion label={label}>
      <table>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableRegion>
  );
}

/** The controller's record (Art. 30(1)): one row per processing activity. */
function ControllerTable({ data, t }: { data: RecordsOfProcessing; t: T }) {
  return (
    <RecordTable
      label={t.controller}
      headers={[t.activity, t.basis, t.subjects, t.data, t.recipients, t.transfers, t.retention]}
    >
      {data.controller.map((a) => (
        <tr key={a.id}>
          <th scope="row">
            {a.name}
            <br />
            <span className="muted">{a.purpose}</span>
          </th>
          <td>
            {a.legalBasis.label}
            {a.justification && (
              <>
                <br />
                <span className="muted">{a.justification}</span>
              </>
            )}
          </td>
          <td>{a.subjects.join(', ')}</td>
          <td>
            {a.data.map((d) => (d.special ? `${d.name} (${t.special})` : d.name)).join(', ')}
            {a.sources.length > 0 && (
              <>
                <br />
                <span className="muted">
                  {t.sources}: {a.sources.join('; ')}
                </span>
              </>
            )}
          </td>
          <td>{a.recipients.length ? a.recipients.map((r) => `${r.name} (${r.role})`).join(', ') : t.none}</td>
          <td>
            {a.transfers.length === 0
              ? t.none
              : a.transfers.map((tr) => (
                  <span key={tr.recipient} className="transfer">
                    {tr.recipient}, {tr.country}: {tr.mechanism ? tr.mechanism.name : '—'}
                    {tr.mechanism && !tr.mechanism.valid && <strong className="badge badge-error">{t.invalid}</strong>}
                  </span>
                ))}
          </td>
          <td>{a.retention}</td>
        </tr>
      ))}
    </RecordTable>
  );
}

/** The processor's record (Art. 30(2)): one row per customer whose data is processed. */
function ProcessorTable({ processor, t }: { processor: NonNullable<RecordsOfProcessing['processor']>; t: T }) {
  return (
    <RecordTable
      label={t.processor}
      headers={[t.customer, t.processing, t.data, t.recipients, t.transfers, t.retention]}
    >
      {processor.map((p) => (
        <tr key={p.id}>
          <th scope="row">
            {p.controller}
            {p.controllerContact && (
              <>
                <br />
                <span className="muted">{p.controllerContact}</span>
              </>
            )}
          </th>
          <td>{p.processing}</td>
          <td>{p.data.map((d) => d.name).join(', ')}</td>
          <td>{p.subProcessors.length ? p.subProcessors.map((r) => r.name).join(', ') : t.none}</td>
          <td>
            {p.transfers.length
              ? p.transfers.map((tr) => `${tr.recipient}, ${tr.country}: ${tr.mechanism?.name ?? '—'}`).join('; ')
              : t.none}
          </td>
          <td>{p.retention || '—'}</td>
        </tr>
      ))}
    </RecordTable>
  );
}

function Records() {
  const t = useTexts(texts);
  const { language: consoleLanguage } = useLanguage();
  const [language, setLanguage] = useState<RecordLanguage>(consoleLanguage);
  const { data, error, loading } = useApi<RecordsOfProcessing>('/api/v1/records', { language });
  const download = (format: string, record?: string) => apiUrl('/api/v1/records/export', { format, language, record });

  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p className="muted">{t.intro}</p>
      <label htmlFor="record-language">{t.language}</label>
      <select id="record-language" value={language} onChange={(e) => setLanguage(e.target.value as RecordLanguage)}>
        {recordLanguages.map((l) => (
          <option key={l.id} value={l.id} lang={l.id}>
            {l.name}
          </option>
        ))}
      </select>
      <h2>{t.downloads}</h2>
      <ul className="download-list">
        <li>
          <a href={download('xlsx')} download>
            {t.xlsx}
          </a>
        </li>
        <li>
          <a href={download('csv', 'controller')} download>
            {t.csvController}
          </a>
        </li>
        {data?.processor && (
          <li>
            <a href={download('csv', 'processor')} download>
              {t.csvProcessor}
            </a>
          </li>
        )}
        <li>
          <a href={download('pdf')} download>
            {t.pdf}
          </a>
        </li>
      </ul>
      {loading && !data ? <Loading /> : <ErrorMessage error={error} />}
      {data && (
        <>
          <h2>{t.controller}</h2>
          <ControllerTable data={data} t={t} />
          {data.processor && (
            <>
              <h2>{t.processor}</h2>
              <ProcessorTable processor={data.processor} t={t} />
            </>
          )}
        </>
      )}
    </>
  );
}

export const recordsPage: ConsolePage = {
  path: '/records',
  title: {
    en: 'Records (Art. 30)',
    nl: 'Registers (art. 30)',
    fr: 'Registres (art. 30)',
    de: 'Verzeichnisse (Art. 30)',
  },
  scope: 'records:read',
  Component: Records,
};
