/**
 * Webhooks of the active organisation: subscribe a URL to events (the signing secret is shown once), pause or remove
 * a subscription, send a test event, rotate the secret, and read each subscription's delivery log with the answer's
 * status. Choosing `consent.threshold` (or all events) asks what to watch: the refusal share per banner category or the
 * withdrawal share of a site, the threshold in percent, the minimum of decisions and the window in days.
 */
import { useState, type FormEvent } from 'react';
import './webhooks.css';
import { api } from '../api.js';
import { ErrorMessage, Loading, PageTitle, useApi, useMutation } from '../components.js';
import { formatDateTime, useLanguage, useTexts } from '../i18n.js';
import { useSession } from '../session.js';
import type { ConsolePage } from './types.js';

interface Subscription {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  active: boolean;
  createdAt: string;
  previousSecretUntil: string | null;
  consentThreshold: ConsentThreshold | null;
}

/** What `consent.threshold` watches; the threshold is a share (0.4 = 40 %), shown and typed as a percentage. */
interface ConsentThreshold {
  metric: 'refusal-share' | 'withdrawal-share';
  threshold: number;
  minDecisions: number;
  windowDays: number;
}

interface Delivery {
  id: string;
  messageId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
}

const texts = {
  en: {
    title: 'Webhooks',
    intro:
      'Your other tools hear of requests, deadlines, breaches and retention runs through signed messages (Standard Webhooks). Messages carry ids and counts, never personal data.',
    url: 'URL',
    events: 'Events',
    all: 'all events',
    status: 'Status',
    actions: 'Actions',
    active: 'active',
    paused: 'paused',
    none: 'No webhooks yet.',
    create: 'Add a webhook',
    createButton: 'Add webhook',
    shownOnce: 'Copy this signing secret now: it is shown only once.',
    pause: 'Pause',
    resume: 'Resume',
    remove: 'Remove',
    test: 'Send test event',
    rotate: 'Rotate secret',
    log: 'Deliveries',
    hideLog: 'Hide deliveries',
    event: 'Event',
    attempts: 'Attempts',
    answer: 'Answer',
    created: 'Created',
    noDeliveries: 'Nothing sent yet.',
    delivered: 'delivered',
    pending: 'pending',
    failed: 'failed',
    previousUntil: 'Previous secret valid until',
    testQueued: 'Test event queued.',
    thresholdTitle: 'Consent threshold',
    thresholdHelp:
      'An event is sent once each time a site’s figure crosses the threshold (up or down), judged over the last days of the window and only with enough decisions.',
    metric: 'Figure',
    refusalShare: 'refusal share per banner category',
    withdrawalShare: 'withdrawal share per site',
    thresholdPercent: 'Threshold (%)',
    minDecisions: 'Minimum of decisions',
    windowDays: 'Window (days)',
    watches: 'Watches',
    over: 'over',
    days: 'days',
    atLeast: 'at least',
    decisions: 'decisions',
  },
  nl: {
    title: 'Webhooks',
    intro:
      'Uw andere tools horen van verzoeken, termijnen, datalekken en bewaarrondes via ondertekende berichten (Standard Webhooks). Berichten bevatten id’s en aantallen, nooit persoonsgegevens.',
    url: 'URL',
    events: 'Gebeurtenissen',
    all: 'alle gebeurtenissen',
    status: 'Status',
    actions: 'Acties',
    active: 'actief',
    paused: 'gepauzeerd',
    none: 'Nog geen webhooks.',
    create: 'Een webhook toevoegen',
    createButton: 'Webhook toevoegen',
    shownOnce: 'Kopieer dit ondertekeningsgeheim nu: het wordt maar één keer getoond.',
    pause: 'Pauzeren',
    resume: 'Hervatten',
    remove: 'Verwijderen',
    test: 'Testbericht sturen',
    rotate: 'Geheim vernieuwen',
    log: 'Leveringen',
    hideLog: 'Leveringen verbergen',
    event: 'Gebeurtenis',
    attempts: 'Pogingen',
    answer: 'Antwoord',
    created: 'Aangemaakt',
    noDeliveries: 'Nog niets verstuurd.',
    delivered: 'afgeleverd',
    pending: 'in afwachting',
    failed: 'mislukt',
    previousUntil: 'Vorig geheim geldig tot',
    testQueued: 'Testbericht klaargezet.',
    thresholdTitle: 'Toestemmingsdrempel',
    thresholdHelp:
      'Er gaat één bericht uit telkens een cijfer van een site de drempel overschrijdt (omhoog of omlaag), beoordeeld over de laatste dagen van het venster en alleen met genoeg keuzes.',
    metric: 'Cijfer',
    refusalShare: 'aandeel weigeringen per bannercategorie',
    withdrawalShare: 'aandeel intrekkingen per site',
    thresholdPercent: 'Drempel (%)',
    minDecisions: 'Minimum aantal keuzes',
    windowDays: 'Venster (dagen)',
    watches: 'Bewaakt',
    over: 'over',
    days: 'dagen',
    atLeast: 'minstens',
    decisions: 'keuzes',
  },
  fr: {
    title: 'Webhooks',
    intro:
      'Vos autres outils apprennent les demandes, délais, violations et purges par des messages signés (Standard Webhooks). Les messages portent des identifiants et des nombres, jamais de données personnelles.',
    url: 'URL',
    events: 'Événements',
    all: 'tous les événements',
    status: 'Statut',
    actions: 'Actions',
    active: 'actif',
    paused: 'en pause',
    none: 'Aucun webhook.',
    create: 'Ajouter un webhook',
    createButton: 'Ajouter le webhook',
    shownOnce: 'Copiez ce secret de signature maintenant : il n’est affiché qu’une fois.',
    pause: 'Mettre en pause',
    resume: 'Reprendre',
    remove: 'Supprimer',
    test: 'Envoyer un test',
    rotate: 'Renouveler le secret',
    log: 'Livraisons',
    hideLog: 'Masquer les livraisons',
    event: 'Événement',
    attempts: 'Tentatives',
    answer: 'Réponse',
    created: 'Créé',
    noDeliveries: 'Rien envoyé pour l’instant.',
    delivered: 'livré',
    pending: 'en attente',
    failed: 'échoué',
    previousUntil: 'Ancien secret valable jusqu’au',
    testQueued: 'Test mis en file.',
    thresholdTitle: 'Seuil de consentement',
    thresholdHelp:
      'Un message part une fois chaque fois qu’un chiffre d’un site franchit le seuil (à la hausse ou à la baisse), jugé sur les derniers jours de la fenêtre et seulement avec assez de choix.',
    metric: 'Chiffre',
    refusalShare: 'part des refus par catégorie du bandeau',
    withdrawalShare: 'part des retraits par site',
    thresholdPercent: 'Seuil (%)',
    minDecisions: 'Minimum de choix',
    windowDays: 'Fenêtre (jours)',
    watches: 'Surveille',
    over: 'sur',
    days: 'jours',
    atLeast: 'au moins',
    decisions: 'choix',
  },
  de: {
    title: 'Webhooks',
    intro:
      'Ihre anderen Werkzeuge erfahren von Anfragen, Fristen, Datenpannen und Löschläufen durch signierte Nachrichten (Standard Webhooks). Nachrichten enthalten IDs und Anzahlen, nie personenbezogene Daten.',
    url: 'URL',
    events: 'Ereignisse',
    all: 'alle Ereignisse',
    status: 'Status',
    actions: 'Aktionen',
    active: 'aktiv',
    paused: 'pausiert',
    none: 'Noch keine Webhooks.',
    create: 'Webhook hinzufügen',
    createButton: 'Webhook hinzufügen',
    shownOnce: 'Kopieren Sie dieses Signaturgeheimnis jetzt: Es wird nur einmal angezeigt.',
    pause: 'Pausieren',
    resume: 'Fortsetzen',
    remove: 'Entfernen',
    test: 'Testereignis senden',
    rotate: 'Geheimnis erneuern',
    log: 'Zustellungen',
    hideLog: 'Zustellungen ausblenden',
    event: 'Ereignis',
    attempts: 'Versuche',
    answer: 'Antwort',
    created: 'Erstellt',
    noDeliveries: 'Noch nichts gesendet.',
    delivered: 'zugestellt',
    pending: 'ausstehend',
    failed: 'fehlgeschlagen',
    previousUntil: 'Vorheriges Geheimnis gültig bis',
    testQueued: 'Testereignis eingereiht.',
    thresholdTitle: 'Einwilligungsschwelle',
    thresholdHelp:
      'Eine Nachricht geht einmal hinaus, sobald eine Kennzahl einer Website die Schwelle überschreitet (nach oben oder unten), bewertet über die letzten Tage des Fensters und nur bei genug Entscheidungen.',
    metric: 'Kennzahl',
    refusalShare: 'Anteil der Ablehnungen je Banner-Kategorie',
    withdrawalShare: 'Anteil der Widerrufe je Website',
    thresholdPercent: 'Schwelle (%)',
    minDecisions: 'Mindestzahl an Entscheidungen',
    windowDays: 'Fenster (Tage)',
    watches: 'Überwacht',
    over: 'über',
    days: 'Tage',
    atLeast: 'mindestens',
    decisions: 'Entscheidungen',
  },
};

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

function Webhooks() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { can } = useSession();
  const { data, error, loading, reload } = useApi<{ subscriptions: Subscription[]; events: string[] }>(
    '/api/v1/webhooks',
  );
  const mutation = useMutation();
  const [url, setUrl] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [threshold, setThreshold] = useState({
    metric: 'refusal-share' as ConsentThreshold['metric'],
    percent: '50',
    minDecisions: '100',
    windowDays: '7',
  });
  const watchesConsent = chosen.includes('consent.threshold') || chosen.includes('*');
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const manage = can('webhooks:manage');

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
      setSecret(result.secret);
      setUrl('');
      setChosen([]);
      await reload();
    }
  };
  const act = async (work: () => Promise<unknown>, done?: string) => {
    const result = await mutation.run(work);
    if (result !== undefined) setMessage(done ?? null);
    await reload();
  };
  const toggle = (name: string) =>
    setChosen((current) => (current.includes(name) ? current.filter((e) => e !== name) : [...current, name]));

  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p className="muted">{t.intro}</p>
      {secret && (
        <div className="notice" role="status">
          <p>{t.shownOnce}</p>
          <p>
            <code className="secret" data-testid="webhook-secret">
              {secret}
            </code>
          </p>
        </div>
      )}
      {message && <p role="status">{message}</p>}
      <ErrorMessage error={mutation.error} />
      {loading && !data ? <Loading /> : <ErrorMessage error={error} />}
      {data && data.subscriptions.length === 0 && <p>{t.none}</p>}
      {data?.subscriptions.map((s) => (
        <section key={s.id} className="panel" aria-label={s.url}>
          <h2 className="webhook-url">{s.url}</h2>
          <p>
            {t.events}: {s.events.includes('*') ? t.all : s.events.join(', ')} · {t.status}:{' '}
            {s.active ? t.active : t.paused} · {t.created}: {formatDateTime(s.createdAt, language)}
          </p>
          {s.consentThreshold && (
            <p>
              {t.thresholdTitle}: {t.watches}{' '}
              {s.consentThreshold.metric === 'refusal-share' ? t.refusalShare : t.withdrawalShare} ≥{' '}
              {Math.round(s.consentThreshold.threshold * 1000) / 10} %, {t.over} {s.consentThreshold.windowDays}{' '}
              {t.days}, {t.atLeast} {s.consentThreshold.minDecisions} {t.decisions}
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
                <button
                  type="button"
                  className="secondary"
                  disabled={mutation.pending}
                  onClick={() => void act(() => api(`/api/v1/webhooks/${s.id}/test`, { method: 'POST' }), t.testQueued)}
                >
                  {t.test}
                </button>{' '}
                <button
                  type="button"
                  className="secondary"
                  disabled={mutation.pending}
                  onClick={() =>
                    void act(async () =>
                      setSecret(
                        (await api<{ secret: string }>(`/api/v1/webhooks/${s.id}/rotate-secret`, { method: 'POST' }))
                          .secret,
                      ),
                    )
                  }
                >
                  {t.rotate}
                </button>{' '}
                <button
                  type="button"
                  className="secondary"
                  disabled={mutation.pending}
                  onClick={() =>
                    void act(() => api(`/api/v1/webhooks/${s.id}`, { method: 'PATCH', body: { active: !s.active } }))
                  }
                >
                  {s.active ? t.pause : t.resume}
                </button>{' '}
                <button
                  type="button"
                  className="secondary"
                  disabled={mutation.pending}
                  onClick={() => void act(() => api(`/api/v1/webhooks/${s.id}`, { method: 'DELETE' }))}
                >
                  {t.remove}
                </button>{' '}
              </>
            )}
            <button
              type="button"
              className="secondary"
              aria-expanded={open === s.id}
              onClick={() => setOpen(open === s.id ? null : s.id)}
            >
              {open === s.id ? t.hideLog : t.log}
            </button>
          </p>
          {open === s.id && <DeliveryLog id={s.id} />}
        </section>
      ))}
      {manage && data && (
        <form onSubmit={(e) => void create(e)} className="panel">
          <h2>{t.create}</h2>
          <label htmlFor="webhook-url">{t.url}</label>
          <input
            id="webhook-url"
            type="url"
            required
            maxLength={2000}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <fieldset>
            <legend>{t.events}</legend>
            <div className="scope-grid">
              {['*', ...data.events].map((name) => (
                <div key={name} className="checkbox">
                  <input
                    id={`event-${name}`}
                    type="checkbox"
                    checked={chosen.includes(name)}
                    onChange={() => toggle(name)}
                  />
                  <label htmlFor={`event-${name}`}>{name === '*' ? t.all : name}</label>
                </div>
              ))}
            </div>
          </fieldset>
          {watchesConsent && (
            <fieldset aria-describedby="threshold-help">
              <legend>{t.thresholdTitle}</legend>
              <p id="threshold-help" className="muted">
                {t.thresholdHelp}
              </p>
              <label htmlFor="threshold-metric">{t.metric}</label>
              <select
                id="threshold-metric"
                value={threshold.metric}
                onChange={(e) => setThreshold({ ...threshold, metric: e.target.value as ConsentThreshold['metric'] })}
              >
                <option value="refusal-share">{t.refusalShare}</option>
                <option value="withdrawal-share">{t.withdrawalShare}</option>
              </select>
              <label htmlFor="threshold-percent">{t.thresholdPercent}</label>
              <input
                id="threshold-percent"
                type="number"
                inputMode="decimal"
                required
                min={0.1}
                max={100}
                step={0.1}
                value={threshold.percent}
                onChange={(e) => setThreshold({ ...threshold, percent: e.target.value })}
              />
              <label htmlFor="threshold-decisions">{t.minDecisions}</label>
              <input
                id="threshold-decisions"
                type="number"
                inputMode="numeric"
                required
                min={1}
                max={1000000}
                step={1}
                value={threshold.minDecisions}
                onChange={(e) => setThreshold({ ...threshold, minDecisions: e.target.value })}
              />
              <label htmlFor="threshold-window">{t.windowDays}</label>
              <input
                id="threshold-window"
                type="number"
                inputMode="numeric"
                required
                min={1}
                max={90}
                step={1}
                value={threshold.windowDays}
                onChange={(e) => setThreshold({ ...threshold, windowDays: e.target.value })}
              />
            </fieldset>
          )}
          <p>
            <button type="submit" disabled={mutation.pending || chosen.length === 0}>
              {t.createButton}
            </button>
          </p>
        </form>
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
