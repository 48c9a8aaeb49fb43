/** The breach register's list: reminders of what needs attention now, and every breach with its clock. */
import type { BreachView } from '../../../../../src/records/breach-views.js';
import { ErrorMessage, Loading, PageTitle, useApi } from '../../components.js';
import { DataTable } from '../../components/index.js';
import { formatDateTime, useLanguage } from '../../i18n.js';
import { Link } from '../../router.js';
import { useSession } from '../../session.js';
import { Countdown, Pending, clockRuns } from './clock.js';
import type { T } from './texts.js';

export function BreachList({ t }: { t: T }) {
  const { language } = useLanguage();
  const { can } = useSession();
  const list = useApi<{ breaches: BreachView[] }>('/api/v1/breaches');
  const due = useApi<{ breaches: BreachView[] }>('/api/v1/breaches/due');
  // The reminders list only what is due now; a breach whose 72-hour clock runs needs attention too, so "nothing is
  // due" is said only when neither list has anything (and both have answered).
  const attention =
    due.data && list.data
      ? [
          ...due.data.breaches,
          ...list.data.breaches.filter((b) => clockRuns(b) && !due.data?.breaches.some((d) => d.id === b.id)),
        ]
      : undefined;
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p className="muted">{t.intro}</p>
      {can('breaches:write') && (
        <p>
          <Link to="/breaches/new" className="button-link">
            {t.record}
          </Link>
        </p>
      )}
      <section aria-labelledby="reminders-heading" className="notice">
        <h2 id="reminders-heading">{t.reminders}</h2>
        {attention && attention.length === 0 && <p>{t.noReminders}</p>}
        {attention && attention.length > 0 && (
          <ul className="plain-list">
            {attention.map((b) => (
              <li key={b.id}>
                <Link to={`/breaches/${b.id}`}>
                  {b.reference} — {b.content.title}
                </Link>
                : <Countdown breach={b} t={t} />; <Pending breach={b} t={t} />
              </li>
            ))}
          </ul>
        )}
        <ErrorMessage error={due.error} />
      </section>
      {list.loading && !list.data ? <Loading /> : <ErrorMessage error={list.error} />}
      {list.data && (
        <DataTable
          label={t.title}
          caption
          empty={t.none}
          rows={list.data.breaches}
          rowKey={(b) => b.id}
          columns={[
            { header: t.reference, rowHeader: true, cell: (b) => <Link to={`/breaches/${b.id}`}>{b.reference}</Link> },
            { header: t.name, cell: (b) => b.content.title },
            { header: t.aware, cell: (b) => formatDateTime(b.content.awareAt, language) },
            { header: t.clock, cell: (b) => <Countdown breach={b} t={t} /> },
            { header: t.pending, cell: (b) => <Pending breach={b} t={t} /> },
          ]}
        />
      )}
    </>
  );
}
