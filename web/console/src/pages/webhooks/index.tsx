/**
 * Webhooks of the active organisation: subscribe a URL to events (the signing secret is shown once), pause or remove
 * a subscription, send a test event, rotate the secret, and read each subscription's delivery log with the answer's
 * status. Choosing `consent.threshold` (or all events) asks what to watch: the refusal share per banner category or the
 * withdrawal share of a site, the threshold in percent, the minimum of decisions and the window in days.
 */
import { useState, type FormEvent } from 'react';
import './webhooks.css';
import { api } from '../../api.js';
import { ErrorMessage, Loading, PageTitle, useApi, useMutation } from '../../components.js';
import { formatDateTime, useLanguage, useTexts } from '../../i18n.js';
import { useSession } from '../../session.js';
import type { ConsolePage } from '../types.js';
import { CheckboxGrid, Field, SelectField, ShownOnce } from '../../components/index.js';
import { SubmitRow } from '../../components/submit-row.js';
import type { z } from 'zod';
import type { deliveryViewSchema, subscriptionViewSchema } from '../../../../../src/webhooks/subscriptions.js';
import { texts, type T } from './texts.js';

// API shapes from the server's zod schemas (types only: no server code enters the bundle).
type Subscription = z.infer<typeof subscriptionViewSchema>;
/** What `consent.threshold` watches; the threshold is a share (0.4 = 40 %), shown and typed as a percentage. */
type ConsentThreshold = NonNullable<Subscription['consentThreshold']>;
type Delivery = z.infer<typeof deliveryViewSchema>;

function DeliveryLog({ id }: { id: string }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { data, error, loading } = useApi<{ deliveries: Delivery[] }>(`/api/v1/webhooks/${id}/deliveries`);
  if (loading && !data) return <Loading />;
  if (error) return <ErrorMessage error={error} />;
  if (!data || data.deliveries.length === 0) return <p>{t.noDeliveries}</p>;
  return (
    <div className="webhook-log">
      <table>
        <caption className="visually-hidden">{t.log}</caption>
        <thead>
          <tr>
            <th scope="col">{t.created}</th>
            <th scope="col">{t.event}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.attempts}</th>
            <th scope="col">{t.answer}</th>
          </tr>
        </thead>
        <tbody>
          {data.deliveries.map((d) => (
            <tr key={d.id}>
              <td>{formatDateTime(d.createdAt, language)}</td>
              <td>
                <code>{d.eventType}</code>
              </td>
              <td>{t[d.status]}</td>
              <td>{d.attempts}</td>
              <td>{d.lastStatus ?? d.lastError ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One subscription: its events, state, consent threshold, and the buttons to test, rotate, pause, remove, see the log. */
function SubscriptionPanel({
  s,
  t,
  manage,
  pending,
  act,
  onSecret,
  open,
  onToggle,
}: {
  s: Subscription;
  open: boolean;
  onToggle: () => void;
  t: T;
  manage: boolean;
  pending: boolean;
  act: (work: () => Promise<unknown>, done?: string) => Promise<void>;
  onSecret: (secret: string) => void;
}) {
  const { language } = useLanguage();
  const button = (label: string, work: () => Promise<unknown>, done?: string) => (
    <>
      <button type="button" className="secondary" disabled={pending} onClick={() => void act(work, done)}>
        {label}
      </button>{' '}
    </>
  );
  const rotate = async () =>
    onSecret((await api<{ secret: string }>(`/api/v1/webhooks/${s.id}/rotate-secret`, { method: 'POST' })).secret);
  return (
    <section className="panel" aria-label={s.url}>
      <h2 className="webhook-url">{s.url}</h2>
      <p>
        {t.events}: {s.events.includes('*') ? t.all : s.events.join(', ')} · {t.status}:{' '}
        {s.active ? t.active : t.paused} · {t.created}: {formatDateTime(s.createdAt, language)}
      </p>
      {s.consentThreshold && (
        <p>
          {t.thresholdTitle}: {t.watches}{' '}
          {s.consentThreshold.metric === 'refusal-share' ? t.refusalShare : t.withdrawalShare} ≥{' '}
          {Math.round(s.consentThreshold.threshold * 1000) / 10} %, {t.over} {s.consentThreshold.windowDays} {t.days},{' '}
          {t.atLeast} {s.consentThreshold.minDecisions} {t.decisions}
        </p>
      )}
      {s.previousSecretUntil && (
        <p className="muted">
          {t.previousUntil} {formatDateTime(s.previousSecretUntil, language)}
        </p>
      )}
      <p className="actions">
        {manage && (
          <>
            {button(t.test, () => api(`/api/v1/webhooks/${s.id}/test`, { method: 'POST' }), t.testQueued)}
            {button(t.rotate, rotate)}
            {button(s.active ? t.pause : t.resume, () =>
              api(`/api/v1/webhooks/${s.id}`, { method: 'PATCH', body: { active: !s.active } }),
            )}
            {button(t.remove, () => api(`/api/v1/webhooks/${s.id}`, { method: 'DELETE' }))}
          </>
        )}
        <button type="button" className="secondary" aria-expanded={open} onClick={onToggle}>
          {open ? t.hideLog : t.log}
        </button>
      </p>
      {open && <DeliveryLog id={s.id} />}
    </section>
  );
}

type Threshold = { metric: ConsentThreshold['metric']; percent: string; minDecisions: string; windowDays: string };

/** The consent threshold a `consent.threshold` subscription watches. */
function ThresholdFields({ t, threshold, set }: { t: T; threshold: Threshold; set: (next: Threshold) => void }) {
  const number = (id: string, key: 'percent' | 'minDecisions' | 'windowDays', label: string, limits: object) => (
    <Field id={id} label={label}>
      <input
        type="number"
        required
        {...limits}
        value={threshold[key]}
        onChange={(e) => set({ ...threshold, [key]: e.target.value })}
      />
    </Field>
  );
  return (
    <fieldset aria-describedby="threshold-help">
      <legend>{t.thresholdTitle}</legend>
      <p id="threshold-help" className="muted">
        {t.thresholdHelp}
      </p>
      <SelectField
        id="threshold-metric"
        label={t.metric}
        value={threshold.metric}
        onChange={(metric) => set({ ...threshold, metric })}
        options={[
          ['refusal-share', t.refusalShare],
          ['withdrawal-share', t.withdrawalShare],
        ]}
      />
      {number('threshold-percent', 'percent', t.thresholdPercent, {
        inputMode: 'decimal',
        min: 0.1,
        max: 100,
        step: 0.1,
      })}
      {number('threshold-decisions', 'minDecisions', t.minDecisions, {
        inputMode: 'numeric',
        min: 1,
        max: 1000000,
        step: 1,
      })}
      {number('threshold-window', 'windowDays', t.windowDays, { inputMode: 'numeric', min: 1, max: 90, step: 1 })}
    </fieldset>
  );
}

function NewWebhook({
  t,
  events,
  mutation,
  onCreated,
}: {
  t: T;
  events: string[];
  mutation: ReturnType<typeof useMutation>;
  onCreated: (secret: string) => Promise<void>;
}) {
  const [url, setUrl] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [threshold, setThreshold] = useState<Threshold>({
    metric: 'refusal-share',
    percent: '50',
    minDecisions: '100',
    windowDays: '7',
  });
  const watchesConsent = chosen.includes('consent.threshold') || chosen.includes('*');
  const create = async (event: FormEvent) => {
    event.preventDefault();
    const consentThreshold = watchesConsent
      ? {
          metric: threshold.metric,
          threshold: Number(threshold.percent) / 100,
          minDecisions: Number(threshold.minDecisions),
          windowDays: Number(threshold.windowDays),
        }
      : undefined;
    const result = await mutation.run(() =>
      api<{ secret: string }>('/api/v1/webhooks', {
        method: 'POST',
        body: { url, events: chosen, ...(consentThreshold ? { consentThreshold } : {}) },
      }),
    );
    if (result) {
      setUrl('');
      setChosen([]);
      await onCreated(result.secret);
    }
  };
  return (
    <form onSubmit={(e) => void create(e)} className="panel">
      <h2>{t.create}</h2>
      <Field id="webhook-url" label={t.url}>
        <input type="url" required maxLength={2000} value={url} onChange={(e) => setUrl(e.target.value)} />
      </Field>
      <CheckboxGrid
        legend={t.events}
        idPrefix="event"
        values={['*', ...events]}
        chosen={chosen}
        onChange={setChosen}
        labelOf={(name) => (name === '*' ? t.all : name)}
      />
      {watchesConsent && <ThresholdFields t={t} threshold={threshold} set={setThreshold} />}
      <SubmitRow label={t.createButton} pending={mutation.pending} incomplete={chosen.length === 0} />
    </form>
  );
}

function Webhooks() {
  const t = useTexts(texts);
  const { can } = useSession();
  const { data, error, loading, reload } = useApi<{ subscriptions: Subscription[]; events: string[] }>(
    '/api/v1/webhooks',
  );
  const mutation = useMutation();
  const [secret, setSecret] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // One delivery log open at a time.
  const [open, setOpen] = useState<string | null>(null);
  const manage = can('webhooks:manage');
  const act = async (work: () => Promise<unknown>, done?: string) => {
    const result = await mutation.run(work);
    if (result !== undefined) setMessage(done ?? null);
    await reload();
  };
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p className="muted">{t.intro}</p>
      {secret && <ShownOnce secret={secret} note={t.shownOnce} testId="webhook-secret" />}
      {message && <p role="status">{message}</p>}
      <ErrorMessage error={mutation.error} />
      {loading && !data ? <Loading /> : <ErrorMessage error={error} />}
      {data && data.subscriptions.length === 0 && <p>{t.none}</p>}
      {data?.subscriptions.map((s) => (
        <SubscriptionPanel
          key={s.id}
          s={s}
          t={t}
          manage={manage}
          pending={mutation.pending}
          act={act}
          onSecret={setSecret}
          open={open === s.id}
          onToggle={() => setOpen(open === s.id ? null : s.id)}
        />
      ))}
      {manage && data && (
        <NewWebhook
          t={t}
          events={data.events}
          mutation={mutation}
          onCreated={async (created) => {
            setSecret(created);
            await reload();
          }}
        />
      )}
    </>
  );
}

export const webhooksPage: ConsolePage = {
  path: '/webhooks',
  title: { en: 'Webhooks', nl: 'Webhooks', fr: 'Webhooks', de: 'Webhooks' },
  scope: 'webhooks:read',
  Component: Webhooks,
};
