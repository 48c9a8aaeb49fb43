/**
 * Organisations: the agency view of every organisation the person works for (an installation operator: all), with
 * sites, open and overdue requests and the last site scan, and a button to switch to each. Operators also create
 * organisations (slug, name, first owner invited by mail) and archive or unarchive them, with a confirmation step.
 */
import { useState, type FormEvent } from 'react';
import type { AgencyRow } from '../../../../src/accounts/agency-overview.js';
import { api } from '../api.js';
import { ErrorMessage, Loading, PageTitle, TableRegion, useApi, useMutation } from '../components.js';
import { formatDate, useLanguage, useTexts } from '../i18n.js';
import { useSession } from '../session.js';
import type { ConsolePage } from './types.js';

type Row = AgencyRow;

const texts = {
  en: {
    title: 'Organisations',
    intro: 'Every organisation you work for, side by side. Switch to one to work in it.',
    name: 'Organisation',
    sites: 'Sites',
    open: 'Open requests',
    overdue: 'Overdue',
    lastScan: 'Last scan',
    findings: (n: number) => `${n} finding${n === 1 ? '' : 's'}`,
    never: 'never',
    none: 'no sites',
    state: 'State',
    active: 'active',
    archivedState: 'archived',
    actions: 'Actions',
    switchTo: 'Switch to',
    current: 'current',
    archive: 'Archive',
    unarchive: 'Unarchive',
    confirmArchive: (n: string) =>
      `Archive ${n}? Its public pages and banner stop answering and its jobs stop; its data is kept.`,
    confirm: 'Yes, archive',
    cancel: 'Cancel',
    create: 'Create an organisation',
    slug: 'Identifier (the organisation.id of its charter)',
    slugHint: 'lowercase letters, digits and dashes',
    legalName: 'Name',
    owner: 'First owner’s email address (they are mailed an invitation)',
    createButton: 'Create',
    created: (n: string) => `${n} was created; its owner was mailed an invitation.`,
  },
  nl: {
    title: 'Organisaties',
    intro: 'Alle organisaties waarvoor u werkt, naast elkaar. Schakel over naar een organisatie om erin te werken.',
    name: 'Organisatie',
    sites: 'Sites',
    open: 'Open verzoeken',
    overdue: 'Te laat',
    lastScan: 'Laatste scan',
    findings: (n: number) => `${n} bevinding${n === 1 ? '' : 'en'}`,
    never: 'nooit',
    none: 'geen sites',
    state: 'Status',
    active: 'actief',
    archivedState: 'gearchiveerd',
    actions: 'Acties',
    switchTo: 'Overschakelen naar',
    current: 'huidige',
    archive: 'Archiveren',
    unarchive: 'Terugzetten',
    confirmArchive: (n: string) =>
      `${n} archiveren? De publieke pagina’s en de banner antwoorden niet meer en de taken stoppen; de gegevens blijven bewaard.`,
    confirm: 'Ja, archiveren',
    cancel: 'Annuleren',
    create: 'Een organisatie aanmaken',
    slug: 'Identificatie (de organisation.id van haar charter)',
    slugHint: 'kleine letters, cijfers en streepjes',
    legalName: 'Naam',
    owner: 'E-mailadres van de eerste eigenaar (die krijgt een uitnodiging)',
    createButton: 'Aanmaken',
    created: (n: string) => `${n} is aangemaakt; de eigenaar kreeg een uitnodiging.`,
  },
  fr: {
    title: 'Organisations',
    intro:
      'Toutes les organisations pour lesquelles vous travaillez, côte à côte. Passez à l’une d’elles pour y travailler.',
    name: 'Organisation',
    sites: 'Sites',
    open: 'Demandes ouvertes',
    overdue: 'En retard',
    lastScan: 'Dernier scan',
    findings: (n: number) => `${n} constat${n === 1 ? '' : 's'}`,
    never: 'jamais',
    none: 'aucun site',
    state: 'État',
    active: 'active',
    archivedState: 'archivée',
    actions: 'Actions',
    switchTo: 'Passer à',
    current: 'actuelle',
    archive: 'Archiver',
    unarchive: 'Désarchiver',
    confirmArchive: (n: string) =>
      `Archiver ${n} ? Ses pages publiques et sa bannière ne répondent plus et ses tâches s’arrêtent ; ses données sont conservées.`,
    confirm: 'Oui, archiver',
    cancel: 'Annuler',
    create: 'Créer une organisation',
    slug: 'Identifiant (l’organisation.id de sa charte)',
    slugHint: 'lettres minuscules, chiffres et tirets',
    legalName: 'Nom',
    owner: 'Adresse e-mail du premier propriétaire (il reçoit une invitation)',
    createButton: 'Créer',
    created: (n: string) => `${n} a été créée ; son propriétaire a reçu une invitation.`,
  },
  de: {
    title: 'Organisationen',
    intro: 'Alle Organisationen, für die Sie arbeiten, nebeneinander. Wechseln Sie zu einer, um darin zu arbeiten.',
    name: 'Organisation',
    sites: 'Websites',
    open: 'Offene Anfragen',
    overdue: 'Überfällig',
    lastScan: 'Letzter Scan',
    findings: (n: number) => `${n} Befund${n === 1 ? '' : 'e'}`,
    never: 'nie',
    none: 'keine Websites',
    state: 'Status',
    active: 'aktiv',
    archivedState: 'archiviert',
    actions: 'Aktionen',
    switchTo: 'Wechseln zu',
    current: 'aktuell',
    archive: 'Archivieren',
    unarchive: 'Wiederherstellen',
    confirmArchive: (n: string) =>
      `${n} archivieren? Öffentliche Seiten und Banner antworten nicht mehr und Aufgaben stoppen; die Daten bleiben erhalten.`,
    confirm: 'Ja, archivieren',
    cancel: 'Abbrechen',
    create: 'Eine Organisation anlegen',
    slug: 'Kennung (die organisation.id ihrer Charter)',
    slugHint: 'Kleinbuchstaben, Ziffern und Bindestriche',
    legalName: 'Name',
    owner: 'E-Mail-Adresse des ersten Eigentümers (er erhält eine Einladung)',
    createButton: 'Anlegen',
    created: (n: string) => `${n} wurde angelegt; der Eigentümer hat eine Einladung erhalten.`,
  },
};

type T = (typeof texts)['en'];

/** Switch to an organisation one belongs to; for operators, archive (after confirming) or unarchive it. */
function RowActions({
  row,
  t,
  operator,
  pending,
  confirming,
  setConfirming,
  setArchived,
}: {
  row: Row;
  t: T;
  operator: boolean;
  pending: boolean;
  confirming: boolean;
  setConfirming: (slug: string | null) => void;
  setArchived: (row: Row, archived: boolean) => Promise<void>;
}) {
  const { me, switchOrganisation } = useSession();
  return (
    <>
      <div className="actions">
        {row.member && row.slug !== me.organisation.slug && (
          <button
            type="button"
            className="secondary"
            onClick={() => void switchOrganisation(row.slug)}
            aria-label={`${t.switchTo} ${row.name}`}
          >
            {t.switchTo}
          </button>
        )}
        {row.slug === me.organisation.slug && <span className="muted">{t.current}</span>}
        {operator && !row.archived && !confirming && (
          <button
            type="button"
            className="secondary"
            disabled={pending}
            onClick={() => setConfirming(row.slug)}
            aria-label={`${t.archive} ${row.name}`}
          >
            {t.archive}
          </button>
        )}
        {operator && row.archived && (
          <button
            type="button"
            className="secondary"
            disabled={pending}
            onClick={() => void setArchived(row, false)}
            aria-label={`${t.unarchive} ${row.name}`}
          >
            {t.unarchive}
          </button>
        )}
      </div>
      {confirming && (
        <div role="alertdialog" aria-label={t.archive} className="confirm">
          <p>{t.confirmArchive(row.name)}</p>
          <button type="button" disabled={pending} onClick={() => void setArchived(row, true)}>
            {t.confirm}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setConfirming(null)}>
            {t.cancel}
          </button>
        </div>
      )}
    </>
  );
}

/** An operator creates an organisation with its first owner, who is mailed an invitation. */
function NewOrganisation({
  t,
  mutation,
  onCreated,
}: {
  t: T;
  mutation: ReturnType<typeof useMutation>;
  onCreated: (name: string) => Promise<void>;
}) {
  const { language } = useLanguage();
  const [slug, setSlug] = useState('');
  const [name, setName] = useState('');
  const [owner, setOwner] = useState('');
  const create = async (event: FormEvent) => {
    event.preventDefault();
    const result = await mutation.run(() =>
      api('/api/v1/organisations', { method: 'POST', body: { slug, name, owner: { email: owner, language } } }),
    );
    if (result) {
      setSlug('');
      setName('');
      setOwner('');
      await onCreated(name);
    }
  };
  return (
    <form onSubmit={(e) => void create(e)} className="panel">
      <h2>{t.create}</h2>
      <label htmlFor="org-slug">{t.slug}</label>
      <input
        id="org-slug"
        required
        maxLength={63}
        pattern="[a-z0-9][a-z0-9\-]*"
        aria-describedby="org-slug-hint"
        value={slug}
        onChange={(e) => setSlug(e.target.value)}
      />
      <p id="org-slug-hint" className="muted">
        {t.slugHint}
      </p>
      <label htmlFor="org-name">{t.legalName}</label>
      <input id="org-name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="org-owner">{t.owner}</label>
      <input
        id="org-owner"
        type="email"
        required
        maxLength={254}
        autoComplete="off"
        value={owner}
        onChange={(e) => setOwner(e.target.value)}
      />
      <p>
        <button type="submit" disabled={mutation.pending}>
          {t.createButton}
        </button>
      </p>
    </form>
  );
}

function Organisations() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { can } = useSession();
  const { data, error, loading, reload } = useApi<{ organisations: Row[] }>('/api/v1/organisations/overview');
  const mutation = useMutation();
  const operator = can('organisations:manage');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  const setArchived = async (row: Row, archived: boolean) => {
    await mutation.run(() =>
      api(`/api/v1/organisations/${encodeURIComponent(row.slug)}/${archived ? 'archive' : 'unarchive'}`, {
        method: 'POST',
      }),
    );
    setConfirming(null);
    await reload();
  };
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p className="muted">{t.intro}</p>
      {created && (
        <div className="notice" role="status">
          <p>{t.created(created)}</p>
        </div>
      )}
      <ErrorMessage error={mutation.error} />
      {loading && !data ? <Loading /> : <ErrorMessage error={error} />}
      {data && (
        <TableRegion label={t.title}>
          <table>
            <caption className="visually-hidden">{t.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.sites}</th>
                <th scope="col">{t.open}</th>
                <th scope="col">{t.overdue}</th>
                <th scope="col">{t.lastScan}</th>
                <th scope="col">{t.state}</th>
                <th scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {data.organisations.map((row) => (
                <tr key={row.slug}>
                  <th scope="row">
                    {row.name}
                    <br />
                    <code>{row.slug}</code>
                  </th>
                  <td>{row.sites.length === 0 ? t.none : row.sites.join(', ')}</td>
                  <td>{row.openRequests}</td>
                  <td>{row.overdueRequests > 0 ? <strong>{row.overdueRequests}</strong> : 0}</td>
                  <td>
                    {row.lastScan
                      ? `${formatDate(row.lastScan.at, language)} · ${t.findings(row.lastScan.findings)}`
                      : t.never}
                  </td>
                  <td>{row.archived ? t.archivedState : t.active}</td>
                  <td>
                    <RowActions
                      row={row}
                      t={t}
                      operator={operator}
                      pending={mutation.pending}
                      confirming={confirming === row.slug}
                      setConfirming={setConfirming}
                      setArchived={setArchived}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {operator && (
        <NewOrganisation
          t={t}
          mutation={mutation}
          onCreated={async (name) => {
            setCreated(name);
            await reload();
          }}
        />
      )}
    </>
  );
}

export const organisationsPage: ConsolePage = {
  path: '/organisations',
  title: { en: 'Organisations', nl: 'Organisaties', fr: 'Organisations', de: 'Organisationen' },
  // Every role reads the charter: each person sees the organisations they belong to (operators: all).
  scope: 'charter:read',
  Component: Organisations,
};
