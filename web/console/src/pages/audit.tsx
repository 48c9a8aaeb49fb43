/**
 * The audit trail with filters (action family, actor, target, period), paging, chain verification, the JSONL export,
 * and signed checkpoints: download one of the head to keep elsewhere, or check the chain against one kept earlier.
 */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { z } from 'zod';
import type { chainReportSchema, entrySchema } from '../../../../src/audit/routes.js';
import { api } from '../api.js';
import {
  Actor,
  ErrorMessage,
  Loading,
  PageTitle,
  useApi,
  useMutation,
  usePeople,
  describeValue,
} from '../components.js';
import { DataTable } from '../components/index.js';
import { formatDateTime, useLanguage, useTexts } from '../i18n.js';
import { useSession } from '../session.js';
import type { ConsolePage } from './types.js';

type Entry = z.infer<typeof entrySchema>;

/** What `GET /api/v1/audit/verify` and `POST /api/v1/audit/verify` answer (the CLI prints the same words). */
type ChainReport = z.infer<typeof chainReportSchema>;

interface Filters {
  action: string;
  actor: string;
  target: string;
  from: string;
  to: string;
}

const empty: Filters = { action: '', actor: '', target: '', from: '', to: '' };

const texts = {
  en: {
    title: 'Audit trail',
    intro:
      'Every consequential change, in a chain keyed with a secret kept outside the database: editing, deleting or reordering an entry breaks the chain. Keep signed checkpoints elsewhere to also detect a chain cut short.',
    filters: 'Filters',
    action: 'Action',
    any: 'any',
    actor: 'Who (email address, or user:…)',
    target: 'Target',
    from: 'From (date)',
    to: 'Until (date)',
    apply: 'Filter',
    reset: 'Clear',
    when: 'When',
    what: 'What',
    who: 'Who',
    on: 'On',
    details: 'Details',
    seq: '#',
    more: 'Older entries',
    none: 'No entries match.',
    verify: 'Chain',
    intact: (n: number) => `intact: ${n} entries verified`,
    broken: 'BROKEN',
    export: 'Download as JSON Lines',
    at: (n: number) => `at entry ${n}`,
    pruned: (n: number) => `entries before ${n} pruned, anchored`,
    checkpoint: 'Download a signed checkpoint of the head',
    compare: 'Check against a checkpoint file',
    matches: (n: number, at: string) => `matches the checkpoint of ${at} (entry ${n})`,
    predates: (n: number, at: string) =>
      `the checkpoint of ${at} (entry ${n}) predates the pruned entries and cannot be compared`,
    notJson: 'This file is not a checkpoint.',
  },
  nl: {
    title: 'Audittrail',
    intro:
      'Elke ingrijpende wijziging, in een keten met een sleutel die buiten de databank bewaard wordt: een item wijzigen, verwijderen of verplaatsen breekt de keten. Bewaar ondertekende controlepunten elders om ook een ingekorte keten te ontdekken.',
    filters: 'Filters',
    action: 'Actie',
    any: 'alle',
    actor: 'Wie (e-mailadres, of user:…)',
    target: 'Doel',
    from: 'Vanaf (datum)',
    to: 'Tot (datum)',
    apply: 'Filteren',
    reset: 'Wissen',
    when: 'Wanneer',
    what: 'Wat',
    who: 'Wie',
    on: 'Op',
    details: 'Details',
    seq: '#',
    more: 'Oudere items',
    none: 'Geen items gevonden.',
    verify: 'Keten',
    intact: (n: number) => `intact: ${n} items gecontroleerd`,
    broken: 'GEBROKEN',
    export: 'Downloaden als JSON Lines',
    at: (n: number) => `bij item ${n}`,
    pruned: (n: number) => `items vóór ${n} opgeschoond, verankerd`,
    checkpoint: 'Ondertekend controlepunt van de kop downloaden',
    compare: 'Controleren tegen een controlepuntbestand',
    matches: (n: number, at: string) => `komt overeen met het controlepunt van ${at} (item ${n})`,
    predates: (n: number, at: string) =>
      `het controlepunt van ${at} (item ${n}) is ouder dan de opgeschoonde items en kan niet vergeleken worden`,
    notJson: 'Dit bestand is geen controlepunt.',
  },
  fr: {
    title: 'Journal d’audit',
    intro:
      'Chaque modification importante, dans une chaîne scellée par une clé gardée hors de la base de données : modifier, supprimer ou déplacer une entrée rompt la chaîne. Gardez ailleurs des points de contrôle signés pour détecter aussi une chaîne raccourcie.',
    filters: 'Filtres',
    action: 'Action',
    any: 'toutes',
    actor: 'Qui (adresse e-mail, ou user:…)',
    target: 'Cible',
    from: 'Du (date)',
    to: 'Au (date)',
    apply: 'Filtrer',
    reset: 'Effacer',
    when: 'Quand',
    what: 'Quoi',
    who: 'Qui',
    on: 'Sur',
    details: 'Détails',
    seq: 'n°',
    more: 'Entrées plus anciennes',
    none: 'Aucune entrée.',
    verify: 'Chaîne',
    intact: (n: number) => `intacte : ${n} entrées vérifiées`,
    broken: 'ROMPUE',
    export: 'Télécharger en JSON Lines',
    at: (n: number) => `à l’entrée ${n}`,
    pruned: (n: number) => `entrées avant ${n} purgées, ancrées`,
    checkpoint: 'Télécharger un point de contrôle signé de la tête',
    compare: 'Vérifier par rapport à un point de contrôle',
    matches: (n: number, at: string) => `conforme au point de contrôle du ${at} (entrée ${n})`,
    predates: (n: number, at: string) =>
      `le point de contrôle du ${at} (entrée ${n}) précède les entrées purgées et ne peut être comparé`,
    notJson: 'Ce fichier n’est pas un point de contrôle.',
  },
  de: {
    title: 'Prüfprotokoll',
    intro:
      'Jede folgenreiche Änderung, in einer Kette, die mit einem außerhalb der Datenbank verwahrten Schlüssel gesichert ist: Wer einen Eintrag ändert, löscht oder umstellt, bricht die Kette. Bewahren Sie signierte Prüfpunkte an anderer Stelle auf, um auch eine gekürzte Kette zu erkennen.',
    filters: 'Filter',
    action: 'Aktion',
    any: 'alle',
    actor: 'Wer (E-Mail-Adresse oder user:…)',
    target: 'Ziel',
    from: 'Von (Datum)',
    to: 'Bis (Datum)',
    apply: 'Filtern',
    reset: 'Zurücksetzen',
    when: 'Wann',
    what: 'Was',
    who: 'Wer',
    on: 'Worauf',
    details: 'Details',
    seq: 'Nr.',
    more: 'Ältere Einträge',
    none: 'Keine passenden Einträge.',
    verify: 'Kette',
    intact: (n: number) => `intakt: ${n} Einträge geprüft`,
    broken: 'GEBROCHEN',
    export: 'Als JSON Lines herunterladen',
    at: (n: number) => `bei Eintrag ${n}`,
    pruned: (n: number) => `Einträge vor ${n} bereinigt, verankert`,
    checkpoint: 'Einen signierten Prüfpunkt des aktuellen Stands herunterladen',
    compare: 'Mit einer Prüfpunktdatei vergleichen',
    matches: (n: number, at: string) => `stimmt mit dem Prüfpunkt vom ${at} überein (Eintrag ${n})`,
    predates: (n: number, at: string) =>
      `der Prüfpunkt vom ${at} (Eintrag ${n}) ist älter als die bereinigten Einträge und kann nicht verglichen werden`,
    notJson: 'Diese Datei ist kein Prüfpunkt.',
  },
};

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

// The same words as `charter audit verify`: the entry where it breaks and what was found there.
type T = (typeof texts)['en'];

function describeChain(report: ChainReport, t: T): string {
  if (report.firstBreak)
    return `${t.broken} ${t.at(report.firstBreak.seq)}${report.firstBreak.action ? ` (${report.firstBreak.action})` : ''}: ${report.firstBreak.message}`;
  const parts = [t.intact(report.entries)];
  if (report.firstSeq !== null && report.firstSeq > 1) parts.push(t.pruned(report.firstSeq));
  if (report.checkpoint)
    parts.push(
      report.checkpoint.status === 'matches'
        ? t.matches(report.checkpoint.seq, report.checkpoint.at)
        : t.predates(report.checkpoint.seq, report.checkpoint.at),
    );
  return parts.join('; ');
}

/** Filters of the trail: action (by family or one action), actor (an email or an actor id), target and dates. */
function AuditFilters({
  t,
  draft,
  set,
  actions,
  onSubmit,
  onReset,
}: {
  t: T;
  draft: Filters;
  set: (key: keyof Filters) => (value: string) => void;
  actions: string[];
  onSubmit: (event: FormEvent) => void;
  onReset: () => void;
}) {
  const families = [...new Set(actions.map((a) => a.split('.')[0] ?? a))];
  return (
    <form onSubmit={onSubmit} className="filters" aria-label={t.filters}>
      <div>
        <label htmlFor="filter-action">{t.action}</label>
        <select id="filter-action" value={draft.action} onChange={(e) => set('action')(e.target.value)}>
          <option value="">{t.any}</option>
          {families.map((family) => (
            <optgroup key={family} label={family}>
              <option value={family}>{family}.*</option>
              {actions
                .filter((a) => a.startsWith(`${family}.`))
                .map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-actor">{t.actor}</label>
        <input id="filter-actor" value={draft.actor} onChange={(e) => set('actor')(e.target.value)} />
      </div>
      <div>
        <label htmlFor="filter-target">{t.target}</label>
        <input id="filter-target" value={draft.target} onChange={(e) => set('target')(e.target.value)} />
      </div>
      <div>
        <label htmlFor="filter-from">{t.from}</label>
        <input id="filter-from" type="date" value={draft.from} onChange={(e) => set('from')(e.target.value)} />
      </div>
      <div>
        <label htmlFor="filter-to">{t.to}</label>
        <input id="filter-to" type="date" value={draft.to} onChange={(e) => set('to')(e.target.value)} />
      </div>
      <div className="filter-buttons">
        <button type="submit">{t.apply}</button>
        <button type="button" className="secondary" onClick={onReset}>
          {t.reset}
        </button>
      </div>
    </form>
  );
}

/** The whole trail as a file, and a signed checkpoint of its head to keep elsewhere. */
function AuditDownloads({ t }: { t: T }) {
  return (
    <p>
      <a href="/api/v1/audit/export" download>
        {t.export}
      </a>
      {' · '}
      <a href="/api/v1/audit/checkpoint" download>
        {t.checkpoint}
      </a>
    </p>
  );
}

function Audit() {
  const t = useTexts(texts);
  const { me } = useSession();
  const people = usePeople(me.organisation.slug);
  const { language } = useLanguage();
  const [draft, setDraft] = useState<Filters>(empty);
  const [filters, setFilters] = useState<Filters>(empty);
  const [before, setBefore] = useState<number | undefined>(undefined);
  const query = { ...filters, to: filters.to ? nextDay(filters.to) : '', before, limit: 50 };
  const { data, error, loading } = useApi<{ entries: Entry[]; nextBefore: number | null }>('/api/v1/audit', query);
  const actions = useApi<{ actions: string[] }>('/api/v1/audit/actions');
  const chain = useApi<ChainReport>('/api/v1/audit/verify');
  const [compared, setCompared] = useState<ChainReport | undefined>(undefined);
  const comparing = useMutation();
  const shown = compared ?? chain.data;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBefore(undefined);
    // People are shown by email, so the actor filter takes an email too (or a raw actor id such as user:…).
    const byEmail = [...people.values()].find(
      (p) => p.email !== null && p.email.toLowerCase() === draft.actor.trim().toLowerCase(),
    );
    setFilters(byEmail ? { ...draft, actor: byEmail.actor } : draft);
  };
  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const compare = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setCompared(undefined);
    const report = await comparing.run(async () => {
      let checkpoint: unknown;
      try {
        checkpoint = JSON.parse(await file.text());
      } catch {
        throw new Error(t.notJson);
      }
      return api<ChainReport>('/api/v1/audit/verify', { method: 'POST', body: checkpoint });
    });
    if (report) setCompared(report);
  };
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p className="muted">{t.intro}</p>
      {shown && (
        <p role="status" className={shown.ok ? 'chain-ok' : 'error'}>
          {t.verify}: {describeChain(shown, t)}
        </p>
      )}
      <AuditDownloads t={t} />
      <p>
        <label htmlFor="audit-checkpoint-file">{t.compare}</label>{' '}
        <input
          id="audit-checkpoint-file"
          type="file"
          accept="application/json,.json"
          onChange={(event) => void compare(event)}
          disabled={comparing.pending}
        />
      </p>
      <ErrorMessage error={comparing.error} />
      <AuditFilters
        t={t}
        draft={draft}
        set={set}
        actions={actions.data?.actions ?? []}
        onSubmit={submit}
        onReset={() => {
          setDraft(empty);
          setFilters(empty);
          setBefore(undefined);
        }}
      />
      {loading && !data ? <Loading /> : <ErrorMessage error={error} />}
      {data && (
        <DataTable
          label={t.title}
          caption
          className="audit"
          empty={t.none}
          rows={data.entries}
          rowKey={(entry) => entry.seq}
          columns={[
            { header: t.seq, cell: (entry) => entry.seq },
            { header: t.when, cell: (entry) => formatDateTime(entry.at, language) },
            { header: t.what, rowHeader: true, cell: (entry) => <code>{entry.action}</code> },
            { header: t.who, cell: (entry) => <Actor actor={entry.actor} people={people} /> },
            {
              header: t.on,
              cell: (entry) =>
                !entry.target ? (
                  '—'
                ) : /^(user|token):/.test(entry.target) ? (
                  <Actor actor={entry.target} people={people} />
                ) : (
                  <code>{entry.target}</code>
                ),
            },
            {
              header: t.details,
              cell: (entry) =>
                Object.keys(entry.data).length > 0 ? <span className="data">{describeValue(entry.data)}</span> : '—',
            },
          ]}
        />
      )}
      {data?.nextBefore && (
        <p>
          <button type="button" className="secondary" onClick={() => setBefore(data.nextBefore ?? undefined)}>
            {t.more}
          </button>
        </p>
      )}
    </>
  );
}

export const auditPage: ConsolePage = {
  path: '/audit',
  title: { en: 'Audit trail', nl: 'Audittrail', fr: 'Journal d’audit', de: 'Prüfprotokoll' },
  scope: 'audit:read',
  Component: Audit,
};
