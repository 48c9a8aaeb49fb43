/** The audit trail with filters (action family, actor, target, period), paging, chain verification and export. */
import { useState, type FormEvent } from 'react';
import { ErrorMessage, Loading, PageTitle, useApi } from '../components.js';
import { formatDateTime, useLanguage, useTexts } from '../i18n.js';
import type { ConsolePage } from './types.js';

interface Entry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  data: Record<string, unknown>;
  hash: string;
}

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
    title: 'Audit trail', intro: 'Every consequential change, hash-chained: editing, deleting or reordering an entry breaks the chain.', filters: 'Filters', action: 'Action', any: 'any', actor: 'Actor (e.g. user:…)',
    target: 'Target', from: 'From (date)', to: 'Until (date)', apply: 'Filter', reset: 'Clear', when: 'When', what: 'What', who: 'Who', on: 'On', details: 'Details', seq: '#',
    more: 'Older entries', none: 'No entries match.', verify: 'Chain', intact: (n: number) => `intact: ${n} entries verified`, broken: 'BROKEN', export: 'Download as JSON Lines',
  },
  nl: {
    title: 'Audittrail', intro: 'Elke ingrijpende wijziging, met een hashketen: een item wijzigen, verwijderen of verplaatsen breekt de keten.', filters: 'Filters', action: 'Actie', any: 'alle', actor: 'Actor (bv. user:…)',
    target: 'Doel', from: 'Vanaf (datum)', to: 'Tot (datum)', apply: 'Filteren', reset: 'Wissen', when: 'Wanneer', what: 'Wat', who: 'Wie', on: 'Op', details: 'Details', seq: '#',
    more: 'Oudere items', none: 'Geen items gevonden.', verify: 'Keten', intact: (n: number) => `intact: ${n} items gecontroleerd`, broken: 'GEBROKEN', export: 'Downloaden als JSON Lines',
  },
  fr: {
    title: 'Journal d’audit', intro: 'Chaque modification importante, chaînée par hachage : modifier, supprimer ou déplacer une entrée rompt la chaîne.', filters: 'Filtres', action: 'Action', any: 'toutes', actor: 'Acteur (p. ex. user:…)',
    target: 'Cible', from: 'Du (date)', to: 'Au (date)', apply: 'Filtrer', reset: 'Effacer', when: 'Quand', what: 'Quoi', who: 'Qui', on: 'Sur', details: 'Détails', seq: 'n°',
    more: 'Entrées plus anciennes', none: 'Aucune entrée.', verify: 'Chaîne', intact: (n: number) => `intacte : ${n} entrées vérifiées`, broken: 'ROMPUE', export: 'Télécharger en JSON Lines',
  },
};

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function Audit() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const [draft, setDraft] = useState<Filters>(empty);
  const [filters, setFilters] = useState<Filters>(empty);
  const [before, setBefore] = useState<number | undefined>(undefined);
  const query = { ...filters, to: filters.to ? nextDay(filters.to) : '', before, limit: 50 };
  const { data, error, loading } = useApi<{ entries: Entry[]; nextBefore: number | null }>('/api/v1/audit', query);
  const actions = useApi<{ actions: string[] }>('/api/v1/audit/actions');
  const chain = useApi<{ ok: boolean; entries: number; firstBreak: { message: string } | null }>('/api/v1/audit/verify');
  const families = [...new Set((actions.data?.actions ?? []).map((a) => a.split('.')[0] ?? a))];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBefore(undefined);
    setFilters(draft);
  };
  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p className="muted">{t.intro}</p>
      {chain.data && (
        <p role="status" className={chain.data.ok ? 'chain-ok' : 'error'}>
          {t.verify}: {chain.data.ok ? t.intact(chain.data.entries) : `${t.broken} — ${chain.data.firstBreak?.message ?? ''}`}
        </p>
      )}
      <p><a href="/api/v1/audit/export" download>{t.export}</a></p>
      <form onSubmit={submit} className="filters" aria-label={t.filters}>
        <div>
          <label htmlFor="filter-action">{t.action}</label>
          <select id="filter-action" value={draft.action} onChange={(e) => set('action')(e.target.value)}>
            <option value="">{t.any}</option>
            {families.map((family) => (
              <optgroup key={family} label={family}>
                <option value={family}>{family}.*</option>
                {(actions.data?.actions ?? []).filter((a) => a.startsWith(`${family}.`)).map((a) => <option key={a} value={a}>{a}</option>)}
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
          <button type="button" className="secondary" onClick={() => { setDraft(empty); setFilters(empty); setBefore(undefined); }}>{t.reset}</button>
        </div>
      </form>
      {loading && !data ? <Loading /> : <ErrorMessage error={error} />}
      {data && data.entries.length === 0 && <p>{t.none}</p>}
      {data && data.entries.length > 0 && (
        <table className="audit">
          <caption className="visually-hidden">{t.title}</caption>
          <thead>
            <tr><th scope="col">{t.seq}</th><th scope="col">{t.when}</th><th scope="col">{t.what}</th><th scope="col">{t.who}</th><th scope="col">{t.on}</th><th scope="col">{t.details}</th></tr>
          </thead>
          <tbody>
            {data.entries.map((entry) => (
              <tr key={entry.seq}>
                <td>{entry.seq}</td>
                <td>{formatDateTime(entry.at, language)}</td>
                <th scope="row"><code>{entry.action}</code></th>
                <td><code>{entry.actor}</code></td>
                <td>{entry.target ? <code>{entry.target}</code> : '—'}</td>
                <td>{Object.keys(entry.data).length > 0 ? <code className="data">{JSON.stringify(entry.data)}</code> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data?.nextBefore && (
        <p><button type="button" className="secondary" onClick={() => setBefore(data.nextBefore ?? undefined)}>{t.more}</button></p>
      )}
    </>
  );
}

export const auditPage: ConsolePage = {
  path: '/audit',
  title: { en: 'Audit trail', nl: 'Audittrail', fr: 'Journal d’audit' },
  scope: 'audit:read',
  Component: Audit,
};
