/** The requests inbox: filters (state, type, site, due date, overdue), the counts, the list and the manual intake. */
import { useState, type FormEvent } from 'react';
import type { RequestInbox } from '../../../../../src/rights/schemas.js';
import { ErrorMessage, Loading, useApi } from '../../components.js';
import { DataTable, Field, SelectField, optionsOf } from '../../components/index.js';
import { formatDateTime, type Language } from '../../i18n.js';
import { Link } from '../../router.js';
import { NewRequest, type Site } from './new.js';
import { Due } from './parts.js';
import { states, types, type T } from './texts.js';

type Filters = { state: string; type: string; site: string; dueBefore: string; overdue: boolean };

function InboxFilters({ t, sites, onApply }: { t: T; sites: Site[]; onApply: (filters: Filters) => void }) {
  const [filters, setFilters] = useState<Filters>({ state: '', type: '', site: '', dueBefore: '', overdue: false });
  const set = (change: Partial<Filters>) => setFilters({ ...filters, ...change });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(filters);
  };
  return (
    <form className="filters" onSubmit={onSubmit} aria-label={t.filters}>
      <div>
        <SelectField
          id="rq-state"
          label={t.state}
          any={t.any}
          value={filters.state}
          onChange={(state) => set({ state })}
          options={optionsOf(states, t.states)}
        />
      </div>
      <div>
        <SelectField
          id="rq-type"
          label={t.type}
          any={t.any}
          value={filters.type}
          onChange={(type) => set({ type })}
          options={optionsOf(types, t.types)}
        />
      </div>
      <div>
        <SelectField
          id="rq-site"
          label={t.site}
          any={t.any}
          value={filters.site}
          onChange={(site) => set({ site })}
          options={sites.map((site) => [site.id, `${site.name} (${site.domain})`] as const)}
        />
      </div>
      <div>
        <Field id="rq-due" label={t.dueBefore}>
          <input type="date" value={filters.dueBefore} onChange={(e) => set({ dueBefore: e.target.value })} />
        </Field>
      </div>
      <div className="checkbox">
        <input
          id="rq-overdue"
          type="checkbox"
          checked={filters.overdue}
          onChange={(e) => set({ overdue: e.target.checked })}
        />
        <label htmlFor="rq-overdue">{t.overdueOnly}</label>
      </div>
      <div className="filter-buttons">
        <button type="submit">{t.apply}</button>
      </div>
    </form>
  );
}

export function Inbox({ t, language }: { t: T; language: Language }) {
  const [applied, setApplied] = useState<Filters>({ state: '', type: '', site: '', dueBefore: '', overdue: false });
  const query = { ...applied, overdue: applied.overdue ? 'true' : undefined };
  const { data, error, loading, reload } = useApi<RequestInbox>('/api/v1/requests', query);
  // The sites come from the active charter, so the filter and the manual intake offer only sites that exist.
  const sites = useApi<{ charter: { sites: Site[] } }>('/api/v1/charter/overview').data?.charter.sites ?? [];
  return (
    <>
      <InboxFilters t={t} sites={sites} onApply={setApplied} />
      {loading && !data ? <Loading /> : <ErrorMessage error={error} />}
      {data && (
        <>
          <p role="status">{t.counts(data.total, data.overdue, data.dueWithin7Days)}</p>
          <DataTable
            label={t.title}
            caption
            empty={t.none}
            rows={data.requests}
            rowKey={(r) => r.id}
            columns={[
              {
                header: t.reference,
                rowHeader: true,
                cell: (r) => <Link to={`/requests/${r.id}`}>{r.reference}</Link>,
              },
              { header: t.type, cell: (r) => t.types[r.type] },
              { header: t.state, cell: (r) => t.states[r.state] },
              { header: t.channel, cell: (r) => t.channels[r.channel] },
              { header: t.site, cell: (r) => sites.find((site) => site.id === r.site)?.name ?? r.site },
              { header: t.received, cell: (r) => formatDateTime(r.receivedAt, language) },
              { header: t.due, cell: (r) => <Due request={r} t={t} /> },
            ]}
          />
        </>
      )}
      <NewRequest t={t} sites={sites} onCreated={() => void reload()} />
    </>
  );
}
