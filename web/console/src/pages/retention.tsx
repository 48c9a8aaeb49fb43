/**
 * Retention: the plan (rows due now and in each of the next 12 months, with a bar chart and the reason per table),
 * runs waiting for approval (approve or reject), run history with each run's steps, starting a run or a dry run,
 * and the daily schedule.
 */
import { useState, type FormEvent } from 'react';
import type { RetentionPlan, RunRecord, Schedule } from '../../../../src/retention/schemas.js';
import { api } from '../api.js';
import {
  ErrorMessage,
  Loading,
  PageTitle,
  TableRegion,
  useApi,
  useDescribeActor,
  useMutation,
  usePeople,
} from '../components.js';
import { formatDateTime, formatIsoDuration, useLanguage, useTexts, type Language } from '../i18n.js';
import { useSession } from '../session.js';
import type { ConsolePage } from './types.js';
import './retention.css';

const texts = {
  en: {
    title: 'Retention',
    intro:
      'What the retention rules of the charter delete or anonymise, when, and why. Rows under a legal hold or a restriction are kept.',
    plan: 'Plan',
    summary: (now: string, year: string) => `${now} rows are due now; ${year} more become due in the next 12 months.`,
    chartTitle: 'Rows becoming due per month',
    chartDesc: (months: string) => `Bar chart of the next 12 months: ${months}.`,
    month: 'Until',
    rows: 'Rows',
    table: 'Table',
    action: 'Action',
    period: 'Period',
    dueNow: 'Due now',
    next12: 'Next 12 months',
    held: 'Kept under hold',
    noAnchor: 'No anchor date',
    why: 'Why',
    actions: { delete: 'delete', anonymise: 'anonymise' } as Record<string, string>,
    cannotCount: 'cannot be counted:',
    ungoverned: 'Tables no purpose governs (never deleted):',
    problems: 'Rules that cannot run as declared',
    waiting: 'Waiting for approval',
    noWaiting: 'No run is waiting for approval.',
    approve: 'Approve and run',
    reject: 'Reject',
    note: 'Note (optional)',
    runs: 'Runs',
    runNow: 'Run now',
    dryRun: 'Dry run (changes nothing)',
    started: 'The run has started; it appears below and updates when you reload.',
    reload: 'Reload',
    noRuns: 'No runs yet.',
    when: 'Started',
    trigger: 'Trigger',
    status: 'Status',
    deleted: 'Deleted',
    anonymised: 'Anonymised',
    reduced: 'Reduced to held columns',
    details: 'Steps',
    due: 'Due',
    dry: 'dry run',
    statuses: {
      counting: 'counting',
      'awaiting-approval': 'awaiting approval',
      approved: 'approved',
      running: 'running',
      completed: 'completed',
      failed: 'failed',
      rejected: 'rejected',
      partial: 'partly done (due rows stayed)',
      superseded: 'superseded by a newer run',
    } as Record<string, string>,
    triggers: { cli: 'command line', schedule: 'schedule', api: 'console or API' } as Record<string, string>,
    stepStatuses: {
      pending: 'waiting',
      counted: 'counted',
      refused: 'refused (store check)',
      running: 'running',
      done: 'done',
      blocked: 'blocked (due rows stayed)',
      failed: 'failed',
    } as Record<string, string>,
    cutoff: 'Cutoff',
    decidedBy: (decision: string, actor: string, at: string) => `${decision} by ${actor} on ${at}`,
    schedule: 'Daily schedule',
    scheduleOn: (time: string, next: string) => `Every day at ${time} UTC; next run ${next}.`,
    scheduleOff: 'The daily run is off.',
    enabled: 'Run every day',
    time: 'Time (UTC)',
    save: 'Save the schedule',
    saved: 'Schedule saved.',
  },
  nl: {
    title: 'Bewaring',
    intro:
      'Wat de bewaarregels van het charter wissen of anonimiseren, wanneer en waarom. Rijen onder een wettelijke bewaarplicht of een beperking blijven bewaard.',
    plan: 'Planning',
    summary: (now: string, year: string) =>
      `${now} rijen zijn nu aan de beurt; ${year} volgen in de komende 12 maanden.`,
    chartTitle: 'Rijen die per maand aan de beurt komen',
    chartDesc: (months: string) => `Staafdiagram van de komende 12 maanden: ${months}.`,
    month: 'Tot',
    rows: 'Rijen',
    table: 'Tabel',
    action: 'Actie',
    period: 'Termijn',
    dueNow: 'Nu aan de beurt',
    next12: 'Komende 12 maanden',
    held: 'Bewaard wegens bewaarplicht',
    noAnchor: 'Zonder ankerdatum',
    why: 'Waarom',
    actions: { delete: 'wissen', anonymise: 'anonimiseren' } as Record<string, string>,
    cannotCount: 'kan niet worden geteld:',
    ungoverned: 'Tabellen zonder doeleinde (worden nooit gewist):',
    problems: 'Regels die niet kunnen lopen zoals ze zijn opgegeven',
    waiting: 'Wacht op goedkeuring',
    noWaiting: 'Geen enkele run wacht op goedkeuring.',
    approve: 'Goedkeuren en uitvoeren',
    reject: 'Weigeren',
    note: 'Opmerking (optioneel)',
    runs: 'Runs',
    runNow: 'Nu uitvoeren',
    dryRun: 'Proefrun (wijzigt niets)',
    started: 'De run is gestart; hij verschijnt hieronder en wordt bijgewerkt als u herlaadt.',
    reload: 'Herladen',
    noRuns: 'Nog geen runs.',
    when: 'Gestart',
    trigger: 'Aanleiding',
    status: 'Status',
    deleted: 'Gewist',
    anonymised: 'Geanonimiseerd',
    reduced: 'Beperkt tot bewaarde kolommen',
    details: 'Stappen',
    due: 'Aan de beurt',
    dry: 'proefrun',
    statuses: {
      counting: 'tellen',
      'awaiting-approval': 'wacht op goedkeuring',
      approved: 'goedgekeurd',
      running: 'bezig',
      completed: 'voltooid',
      failed: 'mislukt',
      rejected: 'geweigerd',
      partial: 'deels uitgevoerd (vervallen rijen bleven)',
      superseded: 'vervangen door een nieuwere run',
    } as Record<string, string>,
    triggers: { cli: 'opdrachtregel', schedule: 'planning', api: 'console of API' } as Record<string, string>,
    stepStatuses: {
      pending: 'wachtend',
      counted: 'geteld',
      refused: 'geweigerd (controle van de databank)',
      running: 'bezig',
      done: 'klaar',
      blocked: 'geblokkeerd (vervallen rijen bleven)',
      failed: 'mislukt',
    } as Record<string, string>,
    cutoff: 'Peildatum',
    decidedBy: (decision: string, actor: string, at: string) => `${decision} door ${actor} op ${at}`,
    schedule: 'Dagelijkse planning',
    scheduleOn: (time: string, next: string) => `Elke dag om ${time} UTC; volgende run ${next}.`,
    scheduleOff: 'De dagelijkse run staat uit.',
    enabled: 'Elke dag uitvoeren',
    time: 'Tijdstip (UTC)',
    save: 'Planning bewaren',
    saved: 'Planning bewaard.',
  },
  fr: {
    title: 'Conservation',
    intro:
      'Ce que les règles de conservation de la charte suppriment ou anonymisent, quand et pourquoi. Les lignes sous une obligation légale de conservation ou une limitation sont conservées.',
    plan: 'Planification',
    summary: (now: string, year: string) =>
      `${now} lignes sont échues maintenant ; ${year} autres le seront dans les 12 prochains mois.`,
    chartTitle: 'Lignes qui arrivent à échéance par mois',
    chartDesc: (months: string) => `Diagramme en barres des 12 prochains mois : ${months}.`,
    month: "Jusqu'au",
    rows: 'Lignes',
    table: 'Table',
    action: 'Action',
    period: 'Durée',
    dueNow: 'Échues',
    next12: '12 prochains mois',
    held: 'Conservées (obligation)',
    noAnchor: 'Sans date de référence',
    why: 'Pourquoi',
    actions: { delete: 'supprimer', anonymise: 'anonymiser' } as Record<string, string>,
    cannotCount: 'comptage impossible :',
    ungoverned: 'Tables régies par aucune finalité (jamais supprimées) :',
    problems: 'Règles inapplicables telles que déclarées',
    waiting: 'En attente d’approbation',
    noWaiting: 'Aucune exécution n’attend d’approbation.',
    approve: 'Approuver et exécuter',
    reject: 'Refuser',
    note: 'Note (facultative)',
    runs: 'Exécutions',
    runNow: 'Exécuter maintenant',
    dryRun: 'Essai à blanc (ne modifie rien)',
    started: 'L’exécution a démarré ; elle apparaît ci-dessous et se met à jour au rechargement.',
    reload: 'Recharger',
    noRuns: 'Aucune exécution pour l’instant.',
    when: 'Démarrée',
    trigger: 'Déclencheur',
    status: 'Statut',
    deleted: 'Supprimées',
    anonymised: 'Anonymisées',
    reduced: 'Réduites aux colonnes conservées',
    details: 'Étapes',
    due: 'Échues',
    dry: 'essai à blanc',
    statuses: {
      counting: 'comptage',
      'awaiting-approval': 'en attente d’approbation',
      approved: 'approuvée',
      running: 'en cours',
      completed: 'terminée',
      failed: 'échouée',
      rejected: 'refusée',
      partial: 'partielle (des lignes échues restent)',
      superseded: 'remplacée par une exécution plus récente',
    } as Record<string, string>,
    triggers: { cli: 'ligne de commande', schedule: 'planification', api: 'console ou API' } as Record<string, string>,
    stepStatuses: {
      pending: 'en attente',
      counted: 'comptée',
      refused: 'refusée (contrôle de la base)',
      running: 'en cours',
      done: 'terminée',
      blocked: 'bloquée (des lignes échues restent)',
      failed: 'échouée',
    } as Record<string, string>,
    cutoff: 'Date de référence',
    decidedBy: (decision: string, actor: string, at: string) => `${decision} par ${actor} le ${at}`,
    schedule: 'Planification quotidienne',
    scheduleOn: (time: string, next: string) => `Chaque jour à ${time} UTC ; prochaine exécution ${next}.`,
    scheduleOff: 'L’exécution quotidienne est désactivée.',
    enabled: 'Exécuter chaque jour',
    time: 'Heure (UTC)',
    save: 'Enregistrer la planification',
    saved: 'Planification enregistrée.',
  },
  de: {
    title: 'Aufbewahrung',
    intro:
      'Was die Aufbewahrungsregeln der Charter löschen oder anonymisieren, wann und warum. Zeilen unter gesetzlicher Aufbewahrungspflicht oder Einschränkung bleiben erhalten.',
    plan: 'Plan',
    summary: (now: string, year: string) =>
      `${now} Zeilen sind jetzt fällig; ${year} weitere werden in den nächsten 12 Monaten fällig.`,
    chartTitle: 'Fällig werdende Zeilen pro Monat',
    chartDesc: (months: string) => `Balkendiagramm der nächsten 12 Monate: ${months}.`,
    month: 'Bis',
    rows: 'Zeilen',
    table: 'Tabelle',
    action: 'Aktion',
    period: 'Frist',
    dueNow: 'Jetzt fällig',
    next12: 'Nächste 12 Monate',
    held: 'Wegen Aufbewahrungspflicht behalten',
    noAnchor: 'Kein Bezugsdatum',
    why: 'Warum',
    actions: { delete: 'löschen', anonymise: 'anonymisieren' } as Record<string, string>,
    cannotCount: 'kann nicht gezählt werden:',
    ungoverned: 'Tabellen, die keinem Zweck unterliegen (werden nie gelöscht):',
    problems: 'Regeln, die nicht wie erklärt ausgeführt werden können',
    waiting: 'Wartet auf Freigabe',
    noWaiting: 'Kein Lauf wartet auf Freigabe.',
    approve: 'Freigeben und ausführen',
    reject: 'Ablehnen',
    note: 'Vermerk (optional)',
    runs: 'Läufe',
    runNow: 'Jetzt ausführen',
    dryRun: 'Probelauf (ändert nichts)',
    started: 'Der Lauf hat begonnen; er erscheint unten und wird beim Neuladen aktualisiert.',
    reload: 'Neu laden',
    noRuns: 'Noch keine Läufe.',
    when: 'Gestartet',
    trigger: 'Auslöser',
    status: 'Status',
    deleted: 'Gelöscht',
    anonymised: 'Anonymisiert',
    reduced: 'Auf aufzubewahrende Spalten reduziert',
    details: 'Schritte',
    due: 'Fällig',
    dry: 'Probelauf',
    statuses: {
      counting: 'wird gezählt',
      'awaiting-approval': 'wartet auf Freigabe',
      approved: 'freigegeben',
      running: 'läuft',
      completed: 'abgeschlossen',
      failed: 'fehlgeschlagen',
      rejected: 'abgelehnt',
      partial: 'teilweise erledigt (fällige Zeilen blieben)',
      superseded: 'durch einen neueren Lauf ersetzt',
    } as Record<string, string>,
    triggers: { cli: 'Befehlszeile', schedule: 'Zeitplan', api: 'Console oder API' } as Record<string, string>,
    stepStatuses: {
      pending: 'wartet',
      counted: 'gezählt',
      refused: 'abgelehnt (Prüfung des Datenspeichers)',
      running: 'läuft',
      done: 'erledigt',
      blocked: 'blockiert (fällige Zeilen blieben)',
      failed: 'fehlgeschlagen',
    } as Record<string, string>,
    cutoff: 'Stichtag',
    decidedBy: (decision: string, actor: string, at: string) => `${decision} von ${actor} am ${at}`,
    schedule: 'Täglicher Zeitplan',
    scheduleOn: (time: string, next: string) => `Täglich um ${time} UTC; nächster Lauf ${next}.`,
    scheduleOff: 'Der tägliche Lauf ist ausgeschaltet.',
    enabled: 'Täglich ausführen',
    time: 'Uhrzeit (UTC)',
    save: 'Zeitplan speichern',
    saved: 'Zeitplan gespeichert.',
  },
};

type T = (typeof texts)['en'];

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
