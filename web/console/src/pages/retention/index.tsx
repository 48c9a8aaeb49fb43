/**
 * Retention: the plan (rows due now and in each of the next 12 months, with a bar chart and the reason per table),
 * runs waiting for approval (approve or reject), run history with each run's steps, starting a run or a dry run,
 * and the daily schedule.
 */
import { useState, type FormEvent } from 'react';
import type { RetentionPlan, RunRecord, Schedule } from '../../../../../src/retention/schemas.js';
import { api } from '../../api.js';
import {
  ErrorMessage,
  Loading,
  PageTitle,
  TableRegion,
  useApi,
  useDescribeActor,
  useMutation,
  usePeople,
} from '../../components.js';
import { formatDateTime, formatIsoDuration, useLanguage, useTexts, type Language } from '../../i18n.js';
import { useSession } from '../../session.js';
import type { ConsolePage } from '../types.js';
import './retention.css';
import { texts, type T } from './texts.js';

const number = (n: number, language: Language) =>
  new Intl.NumberFormat(language === 'en' ? 'en-GB' : language).format(n);
const shortDate = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(iso));
const heldText = (held: Record<string, number>, language: Language) =>
  Object.entries(held)
    .filter(([, n]) => n > 0)
    .map(([hold, n]) => `${hold}: ${number(n, language)}`)
    .join(', ') || '—';

/** An accessible bar chart: an SVG image with a title and description, and the same figures in a table. */
function UpcomingChart({ plan, t, language }: { plan: RetentionPlan; t: T; language: Language }) {
  const counts = plan.totals.byMonth;
  const max = Math.max(1, ...counts);
  const width = 640;
  const height = 200;
  const bar = width / counts.length;
  const labels = plan.months.map((m) => shortDate(m, language));
  const described = counts.map((n, i) => `${labels[i]}: ${number(n, language)}`).join('; ');
  return (
    <figure className="retention-chart">
      <figcaption>{t.chartTitle}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height + 40}`}
        role="img"
        aria-labelledby="retention-chart-title retention-chart-desc"
        focusable="false"
      >
        <title id="retention-chart-title">{t.chartTitle}</title>
        <desc id="retention-chart-desc">{t.chartDesc(described)}</desc>
        <line x1="0" y1={height} x2={width} y2={height} className="axis" />
        {counts.map((n, i) => {
          const h = Math.round((n / max) * (height - 20));
          return (
            <g key={i}>
              <rect x={i * bar + 6} y={height - h} width={bar - 12} height={h} className="bar">
                <title>{`${labels[i]}: ${number(n, language)}`}</title>
              </rect>
              {n > 0 && (
                <text x={i * bar + bar / 2} y={height - h - 4} textAnchor="middle" className="bar-value">
                  {number(n, language)}
                </text>
              )}
              <text x={i * bar + bar / 2} y={height + 18} textAnchor="middle" className="bar-label">
                {labels[i]}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>{t.rows}</summary>
        <TableRegion label={t.chartTitle}>
          <table>
            <caption className="visually-hidden">{t.chartTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.month}</th>
                <th scope="col">{t.rows}</th>
              </tr>
            </thead>
            <tbody>
              {counts.map((n, i) => (
                <tr key={i}>
                  <th scope="row">{formatDateTime(plan.months[i], language)}</th>
                  <td>{number(n, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </details>
    </figure>
  );
}

function PlanSection({ t, language }: { t: T; language: Language }) {
  const { data: plan, error, loading } = useApi<RetentionPlan>('/api/v1/retention/plan');
  return (
    <section aria-labelledby="retention-plan">
      <h2 id="retention-plan">{t.plan}</h2>
      {loading && !plan ? <Loading /> : <ErrorMessage error={error} />}
      {plan && (
        <>
          <p>
            {t.summary(
              number(plan.totals.dueNow, language),
              number(
                plan.totals.byMonth.reduce((a, b) => a + b, 0),
                language,
              ),
            )}
          </p>
          <UpcomingChart plan={plan} t={t} language={language} />
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t.plan}>
            <table>
              <caption className="visually-hidden">{t.plan}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.table}</th>
                  <th scope="col">{t.action}</th>
                  <th scope="col">{t.period}</th>
                  <th scope="col">{t.dueNow}</th>
                  <th scope="col">{t.next12}</th>
                  <th scope="col">{t.held}</th>
                  <th scope="col">{t.noAnchor}</th>
                  <th scope="col">{t.why}</th>
                </tr>
              </thead>
              <tbody>
                {plan.rules.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <code>
                        {r.store}/{r.table}
                      </code>
                    </th>
                    <td>{t.actions[r.action] ?? r.action}</td>
                    <td>{formatIsoDuration(r.period, language)}</td>
                    <td>{r.status === 'ok' ? number(r.dueNow, language) : '—'}</td>
                    <td>
                      {r.status === 'ok'
                        ? number(
                            r.byMonth.reduce((a, b) => a + b, 0),
                            language,
                          )
                        : '—'}
                    </td>
                    <td>{r.status === 'ok' ? heldText(r.held, language) : '—'}</td>
                    <td>{r.status === 'ok' && r.withoutAnchor > 0 ? number(r.withoutAnchor, language) : '—'}</td>
                    <td className="why">
                      {r.status === 'ok' ? (
                        r.why
                      ) : (
                        <span className="error">
                          {t.cannotCount} {r.error}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {plan.problems.length > 0 && (
            <>
              <h3>{t.problems}</h3>
              <ul className="warning-list">
                {plan.problems.map((p, i) => (
                  <li key={i}>
                    <code>
                      {p.store}/{p.table}
                    </code>
                    : {p.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          {plan.ungoverned.length > 0 && (
            <p className="muted">
              {t.ungoverned} {plan.ungoverned.map((u) => `${u.store}/${u.table}`).join(', ')}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function Steps({ run, t, language }: { run: RunRecord; t: T; language: Language }) {
  return (
    <TableRegion label={t.details}>
      <table className="steps">
        <caption className="visually-hidden">{t.details}</caption>
        <thead>
          <tr>
            <th scope="col">{t.table}</th>
            <th scope="col">{t.action}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.due}</th>
            <th scope="col">{t.deleted}</th>
            <th scope="col">{t.anonymised}</th>
            <th scope="col">{t.reduced}</th>
            <th scope="col">{t.held}</th>
          </tr>
        </thead>
        <tbody>
          {run.steps.map((s) => (
            <tr key={s.position}>
              <th scope="row">
                <code>
                  {s.store}/{s.table}
                </code>
                {[...s.problems, ...(s.error ? [s.error] : [])].map((p, i) => (
                  <div key={i} className="error">
                    {p}
                  </div>
                ))}
              </th>
              <td>{t.actions[s.action] ?? s.action}</td>
              <td>{t.stepStatuses[s.status] ?? s.status}</td>
              <td>{s.due === null ? '—' : number(s.due, language)}</td>
              <td>{number(s.deleted, language)}</td>
              <td>{number(s.anonymised, language)}</td>
              <td>{heldText(s.reduced, language)}</td>
              <td>{heldText(s.held, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function Approval({
  run,
  t,
  language,
  onDecided,
}: {
  run: RunRecord;
  t: T;
  language: Language;
  onDecided: () => Promise<void>;
}) {
  const mutation = useMutation();
  const [note, setNote] = useState('');
  const decide = async (decision: 'approve' | 'reject') => {
    const done = await mutation.run(() =>
      api(`/api/v1/retention/runs/${run.id}/${decision}`, { method: 'POST', body: note ? { note } : {} }),
    );
    if (done) await onDecided();
  };
  const id = `note-${run.id}`;
  return (
    <div className="panel approval">
      <h3>
        {formatDateTime(run.createdAt, language)} — {t.cutoff} {formatDateTime(run.cutoff, language)}
      </h3>
      <ul className="warning-list">
        {run.approvalReasons.map((r, i) => (
          <li key={i}>{r.message}</li>
        ))}
      </ul>
      <Steps run={run} t={t} language={language} />
      <label htmlFor={id}>{t.note}</label>
      <input id={id} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
      <ErrorMessage error={mutation.error} />
      <div className="button-row">
        <button type="button" disabled={mutation.pending} onClick={() => void decide('approve')}>
          {t.approve}
        </button>
        <button type="button" className="secondary" disabled={mutation.pending} onClick={() => void decide('reject')}>
          {t.reject}
        </button>
      </div>
    </div>
  );
}

function RunsSection({ t, language }: { t: T; language: Language }) {
  const describeActor = useDescribeActor(usePeople(useSession().me.organisation.slug));
  const { can } = useSession();
  const { data, error, loading, reload } = useApi<{ runs: RunRecord[] }>('/api/v1/retention/runs', { limit: 50 });
  const mutation = useMutation();
  const [started, setStarted] = useState(false);
  const start = async (dryRun: boolean) => {
    const run = await mutation.run(() =>
      api<RunRecord>('/api/v1/retention/runs', { method: 'POST', body: { dryRun } }),
    );
    if (run) {
      setStarted(true);
      await reload();
    }
  };
  const waiting = data?.runs.filter((r) => r.status === 'awaiting-approval') ?? [];
  const mayRun = can('retention:run');
  return (
    <>
      <section aria-labelledby="retention-waiting">
        <h2 id="retention-waiting">{t.waiting}</h2>
        {data && waiting.length === 0 && <p>{t.noWaiting}</p>}
        {waiting.map((run) =>
          mayRun ? (
            <Approval key={run.id} run={run} t={t} language={language} onDecided={reload} />
          ) : (
            <Steps key={run.id} run={run} t={t} language={language} />
          ),
        )}
      </section>
      <section aria-labelledby="retention-runs">
        <h2 id="retention-runs">{t.runs}</h2>
        <div className="button-row">
          {mayRun && (
            <button type="button" disabled={mutation.pending} onClick={() => void start(false)}>
              {t.runNow}
            </button>
          )}
          {mayRun && (
            <button type="button" className="secondary" disabled={mutation.pending} onClick={() => void start(true)}>
              {t.dryRun}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => void reload()}>
            {t.reload}
          </button>
        </div>
        {started && (
          <p className="notice" role="status">
            {t.started}
          </p>
        )}
        <ErrorMessage error={mutation.error} />
        {loading && !data ? <Loading /> : <ErrorMessage error={error} />}
        {data && data.runs.length === 0 && <p>{t.noRuns}</p>}
        {data && data.runs.length > 0 && (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t.runs}>
            <table>
              <caption className="visually-hidden">{t.runs}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.when}</th>
                  <th scope="col">{t.trigger}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.deleted}</th>
                  <th scope="col">{t.anonymised}</th>
                  <th scope="col">{t.held}</th>
                  <th scope="col">{t.details}</th>
                </tr>
              </thead>
              <tbody>
                {data.runs.map((run) => (
                  <tr key={run.id}>
                    <th scope="row">
                      {formatDateTime(run.createdAt, language)}
                      {run.dryRun && (
                        <>
                          {' '}
                          <span className="badge badge-info">{t.dry}</span>
                        </>
                      )}
                    </th>
                    <td>{t.triggers[run.trigger] ?? run.trigger}</td>
                    <td>
                      {t.statuses[run.status] ?? run.status}
                      {run.approval && (
                        <div className="muted">
                          {t.decidedBy(
                            t.statuses[run.approval.decision] ?? run.approval.decision,
                            describeActor(run.approval.actor),
                            formatDateTime(run.approval.decidedAt, language),
                          )}
                        </div>
                      )}
                    </td>
                    <td>{number(run.totals.deleted, language)}</td>
                    <td>{number(run.totals.anonymised, language)}</td>
                    <td>{number(run.totals.held, language)}</td>
                    <td>
                      <details>
                        <summary>{t.details}</summary>
                        <Steps run={run} t={t} language={language} />
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function ScheduleSection({ t, language }: { t: T; language: Language }) {
  const { can } = useSession();
  const { data, error, reload } = useApi<Schedule>('/api/v1/retention/schedule');
  const mutation = useMutation();
  const [saved, setSaved] = useState(false);
  const [form, setForm] = useState<{ enabled: boolean; timeOfDay: string } | undefined>();
  const current = form ?? (data ? { enabled: data.enabled, timeOfDay: data.timeOfDay } : undefined);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!current) return;
    const done = await mutation.run(() =>
      api<Schedule>('/api/v1/retention/schedule', { method: 'PUT', body: current }),
    );
    if (done) {
      // The summary above the form is read again first, so that "saved" is announced with the schedule it saved.
      await reload();
      setForm(undefined);
      setSaved(true);
    }
  };
  return (
    <section aria-labelledby="retention-schedule">
      <h2 id="retention-schedule">{t.schedule}</h2>
      <ErrorMessage error={error} />
      {data && (
        <p>
          {data.enabled && data.nextRunAt
            ? t.scheduleOn(data.timeOfDay, formatDateTime(data.nextRunAt, language))
            : t.scheduleOff}
        </p>
      )}
      {current && can('retention:run') && (
        <form onSubmit={(e) => void save(e)} className="schedule-form">
          <div className="checkbox">
            <input
              id="retention-enabled"
              type="checkbox"
              checked={current.enabled}
              onChange={(e) => setForm({ ...current, enabled: e.target.checked })}
            />
            <label htmlFor="retention-enabled">{t.enabled}</label>
          </div>
          <label htmlFor="retention-time">{t.time}</label>
          <input
            id="retention-time"
            type="time"
            required
            value={current.timeOfDay}
            onChange={(e) => setForm({ ...current, timeOfDay: e.target.value })}
          />
          <ErrorMessage error={mutation.error} />
          <div className="button-row">
            <button type="submit" disabled={mutation.pending}>
              {t.save}
            </button>
          </div>
          {saved && <p role="status">{t.saved}</p>}
        </form>
      )}
    </section>
  );
}

function Retention() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p className="muted">{t.intro}</p>
      <PlanSection t={t} language={language} />
      <RunsSection t={t} language={language} />
      <ScheduleSection t={t} language={language} />
    </>
  );
}

export const retentionPage: ConsolePage = {
  path: '/retention',
  title: { en: 'Retention', nl: 'Bewaring', fr: 'Conservation', de: 'Aufbewahrung' },
  scope: 'retention:read',
  Component: Retention,
};
