/**
 * The console's start page: the first steps of a new installation (each done or not from real data, with where to do
 * it), the counts of open work, then the charter read back — purposes with legal bases and retention, recipients with
 * countries and transfers, sites, cookies, lint findings.
 */
import type { ReactNode } from 'react';
import type { Charter } from '../../../../../src/charter/schema.js';
import type { CharterOverview } from '../../../../../src/charter/schemas.js';
import { findTransferMechanism } from '../../../../../src/charter/catalogs/transfer-mechanisms.js';
import type { StartPage } from '../../../../../src/overview/start-page.js';
import { Actor, CopyButton, ErrorMessage, Loading, PageTitle, useApi, usePeople } from '../../components.js';
import { DataTable } from '../../components/index.js';
import { FindingsList } from '../../findings.js';
import { formatDate, formatDateTime, formatIsoDuration, useLanguage, useTexts, type Language } from '../../i18n.js';
import { Link } from '../../router.js';
import { useSession } from '../../session.js';
import { SiteScanDrift } from '../sites.js';
import type { ConsolePage } from '../types.js';
import './overview.css';
import { texts, type T } from './texts.js';

type Text = string | Partial<Record<Language, string>>;

/** A charter text in the console language, falling back to English or any language given. */
export function localized(text: Text | undefined, language: Language): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[language] ?? text.en ?? Object.values(text).find(Boolean) ?? '';
}

/** A purpose's retention: a duration from an event, criteria in the organisation's words, or not decided yet. */
function RetentionCell({
  rule,
  t,
  language,
}: {
  rule: Charter['purposes'][number]['retention'];
  t: T;
  language: Language;
}) {
  if (rule.duration !== undefined && rule.from !== undefined) {
    return (
      <>
        {formatIsoDuration(rule.duration, language)} {t.from} {t.anchors[rule.from]}, {t.then} {t.actions[rule.action]}
      </>
    );
  }
  if (rule.criteria !== undefined) {
    return (
      <>
        {t.criteria}: {localized(rule.criteria, language)}
        {rule.from ? ` (${t.from} ${t.anchors[rule.from]})` : ''}, {t.then} {t.actions[rule.action]}
        {rule.review ? `; ${t.review} ${formatIsoDuration(rule.review, language)}` : ''}
      </>
    );
  }
  return <>{t.notDecided}</>;
}

/** One step of the checklist: its state in words (not colour alone), what to do, and where. */
function Step({ done, t, children }: { done: boolean; t: T; children: ReactNode }) {
  return (
    <li className={done ? 'step step-done' : 'step step-todo'}>
      <span className={`badge ${done ? 'badge-ok' : 'badge-warning'}`}>{done ? `✓ ${t.done}` : t.todo}</span>{' '}
      <div className="step-body">{children}</div>
    </li>
  );
}

function FirstSteps({ page, t, language }: { page: StartPage; t: T; language: Language }) {
  const { steps } = page;
  return (
    <section aria-labelledby="first-steps">
      <h2 id="first-steps">{t.firstSteps}</h2>
      <ol className="steps">
        <Step done={steps.charter.applied && steps.charter.errors === 0} t={t}>
          {steps.charter.applied ? t.stepCharter(steps.charter.errors) : t.stepNoCharter}{' '}
          {steps.charter.errors > 0 && <a href="#findings">{t.seeFindings}</a>}
        </Step>
        {steps.sites.length === 0 && (
          <Step done={false} t={t}>
            {t.noSites}
          </Step>
        )}
        {steps.sites.map((site) => (
          <Step key={site.id} done={site.bannerSeen} t={t}>
            <p className="step-line">{t.stepBanner(`${site.name} (${site.domain})`)}</p>
            <pre className="snippet" aria-label={t.snippetLabel(site.name)}>
              <code>{site.snippet}</code>
            </pre>
            <CopyButton text={site.snippet} label={t.snippetLabel(site.name)} />
            <p className="muted step-line">{site.bannerSeen ? t.bannerSeen : t.bannerNotSeen}</p>
          </Step>
        ))}
        <Step done={steps.smtp.configured} t={t}>
          {t.stepSmtp(steps.smtp.configured)}
        </Step>
        <Step done={steps.stores.declared > 0 && steps.stores.checked === steps.stores.declared} t={t}>
          {t.stepStores(steps.stores.declared, steps.stores.checked)}
          {steps.stores.unchecked.length > 0 && steps.stores.declared > 0 && (
            <>
              {' '}
              {t.unchecked} {steps.stores.unchecked.join(', ')}.
            </>
          )}{' '}
          {steps.stores.declared > 0 && <Link to="/retention">{t.goStores}</Link>}
        </Step>
        <Step done={steps.colleagues.members > 1} t={t}>
          {t.stepColleague(steps.colleagues.members)}{' '}
          {steps.colleagues.members <= 1 && <Link to="/users">{t.goUsers}</Link>}
        </Step>
        <Step done={steps.dryRun.done} t={t}>
          {t.stepDryRun(steps.dryRun.at ? formatDate(steps.dryRun.at, language) : null)}{' '}
          {!steps.dryRun.done && <Link to="/retention">{t.goDryRun}</Link>}
        </Step>
      </ol>
    </section>
  );
}

function Counts({ page, t, language }: { page: StartPage; t: T; language: Language }) {
  const { counts } = page;
  const percent = (rate: number | null) =>
    rate === null
      ? null
      : new Intl.NumberFormat(language === 'en' ? 'en-GB' : language, {
          style: 'percent',
          maximumFractionDigits: 0,
        }).format(rate);
  return (
    <section aria-labelledby="at-a-glance">
      <h2 id="at-a-glance">{t.glance}</h2>
      <div className="counts">
        <div className="count-card">
          <h3>{t.openRequests}</h3>
          {counts.requests ? (
            <>
              <p>
                <Link to="/requests">{t.requestsLine(counts.requests.open, counts.requests.overdue)}</Link>
              </p>
              <p>
                {counts.requests.nextDue ? (
                  <>
                    {t.nextDeadline}{' '}
                    <Link to={`/requests/${counts.requests.nextDue.id}`}>{counts.requests.nextDue.reference}</Link>,{' '}
                    {formatDate(counts.requests.nextDue.dueOn, language)}
                  </>
                ) : (
                  t.noDeadline
                )}
              </p>
            </>
          ) : (
            <p className="muted">{t.notAllowed}</p>
          )}
        </div>
        <div className="count-card">
          <h3>{t.consentWeek}</h3>
          {counts.consent ? (
            <p>
              <Link to="/consent">{t.consentLine(percent(counts.consent.optInRate), counts.consent.answers)}</Link>
            </p>
          ) : (
            <p className="muted">{t.notAllowed}</p>
          )}
        </div>
        <div className="count-card">
          <h3>{t.runsWaiting}</h3>
          {counts.retention ? (
            <p>
              <Link to="/retention">{t.runsLine(counts.retention.awaitingApproval)}</Link>
            </p>
          ) : (
            <p className="muted">{t.notAllowed}</p>
          )}
        </div>
        <div className="count-card">
          <h3>{t.breachClocks}</h3>
          {counts.breaches ? (
            <>
              <p>
                <Link to="/breaches">{t.breachesLine(counts.breaches.clocksRunning)}</Link>
              </p>
              {counts.breaches.nextDeadline && (
                <p>
                  {t.nextBreach} {formatDateTime(counts.breaches.nextDeadline.deadline, language)}:{' '}
                  <Link to={`/breaches/${counts.breaches.nextDeadline.id}`}>
                    {counts.breaches.nextDeadline.reference}
                  </Link>
                </p>
              )}
            </>
          ) : (
            <p className="muted">{t.notAllowed}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function CharterTables({ data, t, language }: { data: CharterOverview; t: T; language: Language }) {
  const { me } = useSession();
  const people = usePeople(me.organisation.slug);
  const { charter } = data;
  const countryName = (code: string) => new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  const recipientName = (id: string) =>
    id === 'first-party' ? t.firstParty : localized(charter.recipients.find((r) => r.id === id)?.name, language) || id;
  const categoryName = (id: string) =>
    id === 'necessary'
      ? t.necessary
      : localized(charter.consent.categories.find((c) => c.id === id)?.name, language) || id;
  const transferName = (recipient: Charter['recipients'][number]) => {
    const mechanism = recipient.transfer ? findTransferMechanism(recipient.transfer) : undefined;
    return mechanism ? mechanism.name[language] : (recipient.transfer ?? t.noTransfer);
  };
  return (
    <section aria-labelledby="the-charter">
      <h2 id="the-charter">{t.charter}</h2>
      <p>
        <strong>{localized(charter.organisation.legalName, language)}</strong> — {t.revision} {data.seq} (
        <code>{data.revision.slice(0, 12)}</code>), {t.updated} {formatDateTime(data.updatedAt, language)} {t.by}{' '}
        <Actor actor={data.updatedBy} people={people} />
      </p>

      <h3 id="purposes">{t.purposes}</h3>
      <DataTable
        label={t.purposes}
        labelledBy="purposes"
        rows={charter.purposes}
        rowKey={(purpose) => purpose.id}
        columns={[
          { header: t.purpose, rowHeader: true, cell: (purpose) => localized(purpose.name, language) },
          { header: t.legalBasis, cell: (purpose) => t.bases[purpose.legalBasis] },
          {
            header: t.retention,
            cell: (purpose) => <RetentionCell rule={purpose.retention} t={t} language={language} />,
          },
        ]}
      />

      <h3 id="recipients">{t.recipients}</h3>
      <DataTable
        label={t.recipients}
        labelledBy="recipients"
        rows={charter.recipients}
        rowKey={(recipient) => recipient.id}
        columns={[
          { header: t.recipient, rowHeader: true, cell: (recipient) => localized(recipient.name, language) },
          { header: t.role, cell: (recipient) => t.roles[recipient.role] ?? recipient.role },
          { header: t.country, cell: (recipient) => countryName(recipient.country) },
          { header: t.transfer, cell: transferName },
        ]}
      />

      <h3 id="sites">{t.sites}</h3>
      <DataTable
        label={t.sites}
        labelledBy="sites"
        rows={charter.sites}
        rowKey={(site) => site.id}
        columns={[
          { header: t.site, rowHeader: true, cell: (site) => site.name },
          { header: t.domain, cell: (site) => site.domain },
        ]}
      />

      <h3 id="cookies">{t.cookies}</h3>
      <DataTable
        label={t.cookies}
        labelledBy="cookies"
        rows={charter.cookies}
        rowKey={(cookie) => `${cookie.name}-${cookie.vendor}`}
        columns={[
          { header: t.cookie, rowHeader: true, cell: (cookie) => <code>{cookie.name}</code> },
          { header: t.category, cell: (cookie) => categoryName(cookie.category) },
          { header: t.vendor, cell: (cookie) => recipientName(cookie.vendor) },
          {
            header: t.duration,
            cell: (cookie) =>
              cookie.duration === 'session' ? t.session : formatIsoDuration(cookie.duration, language),
          },
        ]}
      />

      <h3 id="findings">{t.findings}</h3>
      {data.findings.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <FindingsList findings={data.findings} charter={data.charter} labelledBy="findings" />
      )}
    </section>
  );
}

function Overview() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { data, error, loading } = useApi<CharterOverview>('/api/v1/charter/overview');
  const start = useApi<StartPage>('/api/v1/overview');
  const missing = (error as { status?: number } | undefined)?.status === 404;
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      {start.data && <FirstSteps page={start.data} t={t} language={language} />}
      {start.data && <Counts page={start.data} t={t} language={language} />}
      <SiteScanDrift />
      <ErrorMessage error={start.error} />
      {loading || start.loading ? <Loading /> : null}
      {!loading &&
        (data ? (
          <CharterTables data={data} t={t} language={language} />
        ) : missing ? (
          <p>{t.noCharter}</p>
        ) : (
          <ErrorMessage error={error} />
        ))}
    </>
  );
}

export const overviewPage: ConsolePage = {
  path: '/',
  title: { en: 'Overview', nl: 'Overzicht', fr: 'Aperçu', de: 'Überblick' },
  scope: 'charter:read',
  Component: Overview,
};
