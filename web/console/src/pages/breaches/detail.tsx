/**
 * A breach's page: its countdown and deadline, what is still to be told, the facts, the drafts of each notice, the
 * notifications sent, the forms to record one or amend the breach, and its full history.
 */
import type { BreachView } from '../../../../../src/records/breach-views.js';
import { Actor, ErrorMessage, Loading, PageTitle, useApi, usePeople } from '../../components.js';
import { DataTable, DetailList } from '../../components/index.js';
import { formatDateTime, languages, useLanguage, type Language } from '../../i18n.js';
import { Link } from '../../router.js';
import { useSession } from '../../session.js';
import { AmendForm } from './amend-form.js';
import { Countdown, Pending } from './clock.js';
import { DraftView } from './drafts.js';
import { NotificationForm } from './notification-form.js';
import type { T } from './texts.js';

type Parts = { breach: BreachView; t: T; language: Language };

function BreachFacts({ breach, t, language }: Parts) {
  const c = breach.content;
  const f = t.form;
  const decision = (d: { required: boolean; reason: string }) => `${d.required ? f.yes : f.no} — ${d.reason}`;
  return (
    <DetailList
      facts={[
        { term: f.discoveredAt, value: formatDateTime(c.discoveredAt, language) },
        { term: t.aware, value: formatDateTime(c.awareAt, language) },
        { term: f.nature, value: c.nature.map((n) => f.natures[n]).join('; ') },
        { term: f.description, value: c.description },
        {
          term: f.subjectCategories,
          value: `${c.subjectCategories.join(', ')} — ${c.approximateSubjects} ${t.people}`,
        },
        { term: f.dataCategories, value: `${c.dataCategories.join(', ')} — ${c.approximateRecords} ${t.records}` },
        { term: f.consequences, value: c.consequences },
        { term: f.measuresTaken, value: c.measuresTaken },
        c.measuresProposed && { term: f.measuresProposed, value: c.measuresProposed },
        { term: f.authority, value: decision(c.authority) },
        { term: f.subjects, value: decision(c.subjects) },
        c.delayReasons && { term: f.delayReasons, value: c.delayReasons },
      ]}
    />
  );
}

function Drafts({ breach, t, language }: Parts) {
  const id = breach.id;
  return (
    <>
      <h2>{t.drafts}</h2>
      <DraftView
        id="authority-draft"
        url={`/api/v1/breaches/${id}/drafts/authority`}
        title={t.authorityDraft}
        languages={['fr', 'nl']}
      />
      <DraftView
        id="subjects-draft"
        url={`/api/v1/breaches/${id}/drafts/subjects`}
        title={t.subjectsDraft}
        languages={[...languages]}
        initial={language}
      />
      {breach.content.controllers.map((customer) => (
        <DraftView
          key={customer}
          id={`controller-draft-${customer}`}
          url={`/api/v1/breaches/${id}/drafts/controller/${customer}`}
          title={`${t.controllerDraft}: ${customer}`}
          languages={[...languages]}
          initial={language}
        />
      ))}
    </>
  );
}

function Notifications({ breach, t, language }: Parts) {
  return (
    <>
      <h2>{t.notifications}</h2>
      <DataTable
        label={t.notifications}
        caption
        empty={t.noNotifications}
        rows={breach.notifications}
        rowKey={(n) => n.seq}
        columns={[
          { header: '#', rowHeader: true, cell: (n) => n.seq },
          {
            header: t.recipient,
            cell: (n) => `${t.recipients[n.recipient]}${n.controller ? `: ${n.controller}` : ''}`,
          },
          { header: t.phase, cell: (n) => t.phases[n.phase] },
          { header: t.sentAt, cell: (n) => formatDateTime(n.sentAt, language) },
          { header: t.authorityReference, cell: (n) => n.reference ?? '—' },
        ]}
      />
    </>
  );
}

function History({ breach, t, language }: Parts) {
  const people = usePeople(useSession().me.organisation.slug);
  return (
    <>
      <h2>{t.history}</h2>
      <DataTable
        label={t.history}
        caption
        rows={breach.versions ?? []}
        rowKey={(v) => v.version}
        columns={[
          { header: t.version, rowHeader: true, cell: (v) => v.version },
          { header: t.recordedAt, cell: (v) => formatDateTime(v.recordedAt, language) },
          { header: t.by, cell: (v) => <Actor actor={v.recordedBy} people={people} /> },
          { header: t.reason, cell: (v) => v.reason ?? '—' },
        ]}
      />
    </>
  );
}

export function BreachDetail({ id, t }: { id: string; t: T }) {
  const { language } = useLanguage();
  const { can } = useSession();
  const { data: breach, error, loading, reload } = useApi<BreachView>(`/api/v1/breaches/${id}`);
  if (loading && !breach) return <Loading />;
  if (!breach) return <ErrorMessage error={error} />;
  const parts = { breach, t, language };
  return (
    <>
      <p>
        <Link to="/breaches">{t.back}</Link>
      </p>
      <PageTitle>
        {breach.reference} — {breach.content.title}
      </PageTitle>
      <p className="clock-panel">
        {t.clock}: <Countdown breach={breach} t={t} />
        <br />
        {t.deadline}: <time dateTime={breach.clock.deadline}>{formatDateTime(breach.clock.deadline, language)}</time>
      </p>
      {breach.clock.reasonsMissing && (
        <p className="error-box" role="alert">
          {t.reasonsMissing}
        </p>
      )}
      <p>
        {t.pending}: <Pending breach={breach} t={t} />
      </p>
      <h2>{t.facts}</h2>
      <BreachFacts {...parts} />
      <Drafts {...parts} />
      <Notifications {...parts} />
      {can('breaches:write') && <NotificationForm breach={breach} t={t} onDone={reload} />}
      {can('breaches:write') && <AmendForm key={breach.version} breach={breach} t={t} onDone={reload} />}
      <History {...parts} />
    </>
  );
}
