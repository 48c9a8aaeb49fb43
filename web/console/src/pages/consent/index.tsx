/**
 * Consent: daily banner statistics per site (chart and table: shown, accept all, customised, reject all, opt-in rate
 * per category), the receipts of a visitor or one receipt (with the texts the visitor saw), and a person's purpose
 * consents (newsletter, photos…) with withdrawal and the marketing suppression list.
 */
import { useState, type FormEvent } from 'react';
import type { CharterOverview } from '../../../../../src/charter/schemas.js';
import type { ConsentReceipt } from '../../../../../src/consent/ledger-receipt.js';
import type { PurposeConsentSummary } from '../../../../../src/consent/purpose-consent.js';
import type { HistoryEntry } from '../../../../../src/consent/schemas.js';
import type { DailyStatistics } from '../../../../../src/consent/statistics.js';
import { api } from '../../api.js';
import { ErrorMessage, Loading, PageTitle, useApi, useMutation, TableRegion } from '../../components.js';
import { formatDateTime, useLanguage, useTexts, type Language } from '../../i18n.js';
import { useSession } from '../../session.js';
import type { ConsolePage } from '../types.js';
import './consent.css';
import { texts, type T } from './texts.js';

const receiptPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function percent(rate: number | null, language: Language): string {
  return rate === null
    ? '—'
    : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** Sums the days of several sites into one row per day. */
function perDay(days: DailyStatistics[]): DailyStatistics[] {
  const byDay = new Map<string, DailyStatistics>();
  for (const day of days) {
    const into = byDay.get(day.day);
    if (!into) {
      byDay.set(day.day, structuredClone({ ...day, site: '' }));
      continue;
    }
    for (const key of [
      'shown',
      'records',
      'acceptAll',
      'rejectAll',
      'custom',
      'gpc',
      'gpcSignal',
      'withdraw',
      'expiry',
    ] as const)
      into[key] += day[key];
    for (const [id, c] of Object.entries(day.categories)) {
      const target = (into.categories[id] ??= { decided: 0, granted: 0, rate: null });
      target.decided += c.decided;
      target.granted += c.granted;
      target.rate = target.decided > 0 ? target.granted / target.decided : null;
    }
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** Stacked bars per day (accept all, customised, reject all, other): an SVG image with a description, plus the table. */
function AnswersChart({ days, t, language }: { days: DailyStatistics[]; t: T; language: Language }) {
  const width = 720;
  const height = 200;
  const max = Math.max(1, ...days.map((d) => d.records));
  const bar = width / Math.max(days.length, 1);
  const segments = (d: DailyStatistics) => [
    { key: 'accept', label: t.acceptAll, value: d.acceptAll },
    { key: 'custom', label: t.custom, value: d.custom },
    { key: 'reject', label: t.rejectAll, value: d.rejectAll },
    { key: 'other', label: t.other, value: d.records - d.acceptAll - d.custom - d.rejectAll },
  ];
  const described = days
    .map(
      (d) =>
        `${d.day}: ${segments(d)
          .map((s) => `${s.label} ${s.value}`)
          .join(', ')}`,
    )
    .join('; ');
  return (
    <figure className="consent-chart">
      <figcaption>{t.chartTitle}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height + 30}`}
        role="img"
        aria-labelledby="consent-chart-title consent-chart-desc"
        focusable="false"
      >
        <title id="consent-chart-title">{t.chartTitle}</title>
        <desc id="consent-chart-desc">{t.chartDesc(described)}</desc>
        <line x1="0" y1={height} x2={width} y2={height} className="axis" />
        {days.map((d, i) => {
          let y = height;
          return (
            <g key={d.day}>
              {segments(d).map((s) => {
                const h = (s.value / max) * (height - 10);
                y -= h;
                return s.value > 0 ? (
                  <rect
                    key={s.key}
                    x={i * bar + bar * 0.15}
                    y={y}
                    width={bar * 0.7}
                    height={h}
                    className={`segment ${s.key}`}
                  >
                    <title>{`${d.day} — ${s.label}: ${s.value}`}</title>
                  </rect>
                ) : null;
              })}
              {(days.length <= 16 || i % Math.ceil(days.length / 8) === 0) && (
                <text x={i * bar + bar / 2} y={height + 18} textAnchor="middle" className="bar-label">
                  {new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' }).format(
                    new Date(`${d.day}T00:00:00Z`),
                  )}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul className="legend">
        {(['accept', 'custom', 'reject', 'other'] as const).map((key) => (
          <li key={key}>
            <span className={`swatch ${key}`} aria-hidden="true" />{' '}
            {{ accept: t.acceptAll, custom: t.custom, reject: t.rejectAll, other: t.other }[key]}
          </li>
        ))}
      </ul>
    </figure>
  );
}

function Statistics({ t, language }: { t: T; language: Language }) {
  const today = new Date();
  const initial = { site: '', from: isoDay(new Date(today.getTime() - 29 * 86_400_000)), to: isoDay(today) };
  const [draft, setDraft] = useState(initial);
  const [query, setQuery] = useState(initial);
  const { data, error, loading } = useApi<{ from: string; to: string; days: DailyStatistics[] }>(
    '/api/v1/consent/statistics',
    query,
  );
  const charter = useApi<CharterOverview>('/api/v1/charter/overview');
  const sites = charter.data?.charter.sites ?? [];
  const days = data ? perDay(data.days) : [];
  const categories = [
    ...new Set([
      ...(charter.data?.charter.consent.categories.map((c) => c.id) ?? []),
      ...days.flatMap((d) => Object.keys(d.categories)),
    ]),
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(draft);
  };
  return (
    <section aria-labelledby="consent-statistics">
      <h2 id="consent-statistics">{t.statistics}</h2>
      <form className="filters" onSubmit={submit} aria-label={t.statistics}>
        <div>
          <label htmlFor="consent-site">{t.site}</label>
          <select id="consent-site" value={draft.site} onChange={(e) => setDraft({ ...draft, site: e.target.value })}>
            <option value="">{t.allSites}</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.id})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="consent-from">{t.from}</label>
          <input
            id="consent-from"
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor="consent-to">{t.to}</label>
          <input
            id="consent-to"
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </div>
        <div className="filter-buttons">
          <button type="submit">{t.show}</button>
        </div>
      </form>
      {loading && !data ? <Loading /> : <ErrorMessage error={error} />}
      {data && days.length === 0 && <p>{t.noData}</p>}
      {days.length > 0 && (
        <>
          <AnswersChart days={days} t={t} language={language} />
          <TableRegion label={t.statistics}>
            <table className="consent-days">
              <caption className="visually-hidden">{t.statistics}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.day}</th>
                  <th scope="col">{t.shown}</th>
                  <th scope="col">{t.answers}</th>
                  <th scope="col">{t.acceptAll}</th>
                  <th scope="col">{t.custom}</th>
                  <th scope="col">{t.rejectAll}</th>
                  {categories.map((c) => (
                    <th scope="col" key={c}>
                      {t.rate(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{d.day}</th>
                    <td>{d.shown}</td>
                    <td>{d.records}</td>
                    <td>{d.acceptAll}</td>
                    <td>{d.custom}</td>
                    <td>{d.rejectAll}</td>
                    {categories.map((c) => (
                      <td key={c}>{percent(d.categories[c]?.rate ?? null, language)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <p className="muted">{t.shownNote}</p>
        </>
      )}
    </section>
  );
}

function Choices({ choices, t }: { choices: Record<string, boolean>; t: T }) {
  return (
    <>
      {Object.entries(choices).map(([id, granted], i) => (
        <span key={id}>
          {i > 0 ? ', ' : ''}
          {id}: <strong>{granted ? t.granted : t.denied}</strong>
        </span>
      ))}
    </>
  );
}

function Receipts({ t, language }: { t: T; language: Language }) {
  const [lookup, setLookup] = useState('');
  const [result, setResult] = useState<{ receipt?: ConsentReceipt; history?: HistoryEntry[] } | undefined>();
  const mutation = useMutation();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = lookup.trim();
    const found = await mutation.run(async () =>
      receiptPattern.test(value)
        ? { receipt: await api<ConsentReceipt>(`/api/v1/consent/receipts/${value}`) }
        : {
            history: (await api<{ records: HistoryEntry[] }>(`/api/v1/consent/visitors/${encodeURIComponent(value)}`))
              .records,
          },
    );
    setResult(found);
  };
  const receiptLink = (id: string) => (
    <a href={`/api/v1/consent/receipts/${id}/html?lang=${language}`}>
      {t.openReceipt} <code>{id}</code>
    </a>
  );
  return (
    <section aria-labelledby="consent-receipts">
      <h2 id="consent-receipts">{t.receipts}</h2>
      <form className="inline-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor="consent-lookup">{t.lookup}</label>
        <input
          id="consent-lookup"
          value={lookup}
          required
          minLength={16}
          maxLength={64}
          onChange={(e) => setLookup(e.target.value)}
        />
        <button type="submit" disabled={mutation.pending}>
          {t.find}
        </button>
      </form>
      <ErrorMessage error={mutation.error} />
      {result?.history && result.history.length === 0 && <p>{t.noRecords}</p>}
      {result?.history && result.history.length > 0 && (
        <TableRegion label={t.receipts}>
          <table>
            <caption className="visually-hidden">{t.receipts}</caption>
            <thead>
              <tr>
                <th scope="col">{t.when}</th>
                <th scope="col">{t.site}</th>
                <th scope="col">{t.method}</th>
                <th scope="col">{t.choices}</th>
                <th scope="col">{t.receipt}</th>
              </tr>
            </thead>
            <tbody>
              {result.history.map((r) => (
                <tr key={r.receipt}>
                  <th scope="row">{formatDateTime(r.recordedAt, language)}</th>
                  <td>{r.site}</td>
                  <td>{r.method}</td>
                  <td>
                    <Choices choices={r.choices} t={t} />
                  </td>
                  <td>{receiptLink(r.receipt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {result?.receipt && (
        <dl className="receipt-summary">
          <dt>{t.receipt}</dt>
          <dd>{receiptLink(result.receipt.receiptId)}</dd>
          <dt>{t.when}</dt>
          <dd>{formatDateTime(result.receipt.consentTimestamp, language)}</dd>
          <dt>{t.controller}</dt>
          <dd>{result.receipt.controller.name}</dd>
          <dt>{t.method}</dt>
          <dd>{result.receipt.collectionMethod}</dd>
          <dt>{t.language}</dt>
          <dd>{result.receipt.language}</dd>
          <dt>{t.policy}</dt>
          <dd>
            <code>{result.receipt.policyVersion.consentRevision}</code>
          </dd>
          <dt>{t.page}</dt>
          <dd>{result.receipt.pageUrl}</dd>
          <dt>{t.choices}</dt>
          <dd>
            <Choices choices={Object.fromEntries(result.receipt.purposes.map((p) => [p.name, p.granted]))} t={t} />
          </dd>
        </dl>
      )}
    </section>
  );
}

function PurposeConsents({ t, language }: { t: T; language: Language }) {
  const { can } = useSession();
  const [email, setEmail] = useState('');
  const [person, setPerson] = useState<
    { email: string; purposes: PurposeConsentSummary[]; suppressed: boolean } | undefined
  >();
  const [notice, setNotice] = useState('');
  const mutation = useMutation();
  const load = async (address: string) => {
    const [consents, check] = await Promise.all([
      api<{ purposes: PurposeConsentSummary[] }>('/api/v1/consent/purposes', { query: { email: address } }),
      api<{ suppressed: boolean }>('/api/v1/suppression/check', { query: { email: address } }),
    ]);
    setPerson({ email: address, purposes: consents.purposes, suppressed: check.suppressed });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice('');
    await mutation.run(() => load(email.trim()));
  };
  const withdraw = async (purpose: string) => {
    if (!person) return;
    await mutation.run(async () => {
      await api('/api/v1/consent/purposes/withdraw', { method: 'POST', body: { email: person.email, purpose } });
      await load(person.email);
      setNotice(t.withdrawn);
    });
  };
  const object = async () => {
    if (!person) return;
    await mutation.run(async () => {
      await api('/api/v1/suppression', { method: 'POST', body: { email: person.email, reason: 'objection' } });
      await load(person.email);
      setNotice(t.objected);
    });
  };
  return (
    <section aria-labelledby="consent-purposes">
      <h2 id="consent-purposes">{t.purposes}</h2>
      <form className="inline-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor="consent-email">{t.email}</label>
        <input
          id="consent-email"
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <button type="submit" disabled={mutation.pending}>
          {t.find}
        </button>
      </form>
      <ErrorMessage error={mutation.error} />
      {notice && (
        <p role="status" className="chain-ok">
          {notice}
        </p>
      )}
      {person && (
        <>
          <p>{person.suppressed ? t.suppressed : t.notSuppressed}</p>
          {!person.suppressed && can('consent:write') && (
            <p>
              <button type="button" className="secondary" disabled={mutation.pending} onClick={() => void object()}>
                {t.object}
              </button>
            </p>
          )}
          {person.purposes.length === 0 ? (
            <p>{t.noPurposes}</p>
          ) : (
            <TableRegion label={t.purposes}>
              <table>
                <caption className="visually-hidden">{t.purposes}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.purpose}</th>
                    <th scope="col">{t.status}</th>
                    <th scope="col">{t.since}</th>
                    <th scope="col">{t.version}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t.withdraw}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {person.purposes.map((p) => (
                    <tr key={p.purpose}>
                      <th scope="row">{p.purpose}</th>
                      <td>{t.statuses[p.status]}</td>
                      <td>{formatDateTime(p.since, language)}</td>
                      <td>{p.textVersion ? <code>{p.textVersion}</code> : '—'}</td>
                      <td>
                        {can('consent:write') && (p.status === 'granted' || p.status === 'pending') && (
                          <button
                            type="button"
                            className="secondary"
                            disabled={mutation.pending}
                            onClick={() => void withdraw(p.purpose)}
                            aria-label={`${t.withdraw}: ${p.purpose}`}
                          >
                            {t.withdraw}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
        </>
      )}
    </section>
  );
}

function Consent() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p className="muted">{t.intro}</p>
      <Statistics t={t} language={language} />
      <Receipts t={t} language={language} />
      <PurposeConsents t={t} language={language} />
    </>
  );
}

export const consentPage: ConsolePage = {
  path: '/consent',
  title: { en: 'Consent', nl: 'Toestemming', fr: 'Consentement', de: 'Einwilligung' },
  scope: 'consent:read',
  Component: Consent,
};
