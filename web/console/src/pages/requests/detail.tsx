/**
 * One request: its facts, what the person asked, the plan and the result, the recipients to tell (Art. 19) and the
 * restriction tasks (Art. 18), the export packages, the timeline, and the privacy team's actions (actions.tsx).
 */
import { useState } from 'react';
import type { RequestDetail } from '../../../../../src/rights/schemas.js';
import { api } from '../../api.js';
import {
  Actor,
  ErrorMessage,
  Loading,
  PageTitle,
  describeValue,
  useApi,
  useMutation,
  usePeople,
} from '../../components.js';
import { DataTable, DetailList } from '../../components/index.js';
import { formatDateTime, type Language } from '../../i18n.js';
import { Link } from '../../router.js';
import { useSession } from '../../session.js';
import { RequestActions, type Act } from './actions.js';
import { Asked, Outcome } from './outcome.js';
import { Due } from './parts.js';
import type { T } from './texts.js';

type Notification = RequestDetail['notifications'][number];

function RequestFacts({ request, t, language }: { request: RequestDetail; t: T; language: Language }) {
  return (
    <DetailList
      facts={[
        { term: t.type, value: t.types[request.type] },
        { term: t.state, value: t.states[request.state], props: { 'data-state': request.state } },
        { term: t.channel, value: t.channels[request.channel] },
        { term: t.site, value: request.site },
        {
          term: t.identityLabel,
          value: `${t.identityTypes[request.identityType] ?? request.identityType}: ${request.identity}`,
        },
        { term: t.known, value: request.identityKnown === null ? '—' : request.identityKnown ? t.yes : t.no },
        { term: t.contacts, value: request.contacts.join(', ') || '—' },
        { term: t.level, value: t.levels[request.verificationLevel] ?? request.verificationLevel },
        { term: t.received, value: formatDateTime(request.receivedAt, language) },
        {
          term: t.due,
          value: (
            <>
              <Due request={request} t={t} />
              {request.extensionReason ? ` — ${request.extensionReason}` : ''}
            </>
          ),
        },
        request.verifiedAt && { term: t.verified, value: formatDateTime(request.verifiedAt, language) },
        request.executeAfter && { term: t.executeAfter, value: formatDateTime(request.executeAfter, language) },
        request.refusalReason && {
          term: t.reason,
          value: `${t.reasons[request.refusalReason]}${request.refusalExplanation ? ` — ${request.refusalExplanation}` : ''}`,
        },
        request.lastError && { term: t.error, value: request.lastError, props: { className: 'error' } },
      ]}
    />
  );
}

/**
 * Art. 19 recipients and Art. 18 restriction tasks share one record shape and one list: each with its state and a
 * button to mark it done or reopen it; `words` say which of the two the list is.
 */
function Tasks({
  id,
  items,
  words,
  write,
  pending,
  act,
  language,
}: {
  id: string;
  items: Notification[];
  words: {
    title: string;
    intro: string;
    line: (n: Notification) => string;
    done: string;
    pending: string;
    mark: string;
    unmark: string;
    hook: 'recipient' | 'task';
  };
  write: (n: Notification) => boolean;
  pending: boolean;
  act: Act;
  language: Language;
}) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{words.title}</h2>
      <p>{words.intro}</p>
      <ul className="recipients">
        {items.map((n) => (
          <li
            key={n.recipient}
            {...(words.hook === 'recipient'
              ? { 'data-recipient': n.recipient, 'data-told': n.state }
              : { 'data-task': n.recipient, 'data-done': n.state })}
          >
            <strong>{n.name}</strong>
            {words.line(n)}{' '}
            {n.state === 'done'
              ? `${words.done}${n.doneAt ? ` (${formatDateTime(n.doneAt, language)})` : ''}`
              : words.pending}
            {write(n) && (
              <>
                {' '}
                <button
                  type="button"
                  className="secondary"
                  disabled={pending}
                  onClick={() =>
                    void act(`notifications/${encodeURIComponent(n.recipient)}`, { done: n.state !== 'done' })
                  }
                >
                  {n.state === 'done' ? words.unmark : words.mark}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Packages({
  request,
  t,
  language,
  write,
  pending,
  act,
}: Parts & { write: boolean; pending: boolean; act: Act }) {
  if (request.packages.length === 0) return null;
  return (
    <section aria-labelledby="rq-packages">
      <h2 id="rq-packages">{t.packages}</h2>
      <ul>
        {request.packages.map((p) => (
          <li key={p.id}>
            {t.packageLine(
              p.size,
              formatDateTime(p.expiresAt, language),
              p.downloadedAt ? formatDateTime(p.downloadedAt, language) : null,
              p.deletedAt ? formatDateTime(p.deletedAt, language) : null,
            )}
          </li>
        ))}
      </ul>
      {write && request.packages.some((p) => !p.deletedAt) && (
        <button type="button" className="secondary" disabled={pending} onClick={() => void act('package/reissue')}>
          {t.reissue}
        </button>
      )}
    </section>
  );
}

type Parts = { request: RequestDetail; t: T; language: Language };

function Timeline({ request, t, language, people }: Parts & { people: ReturnType<typeof usePeople> }) {
  const what = (e: RequestDetail['timeline'][number]) =>
    e.kind === 'state'
      ? `${t.states[e.from ?? ''] ?? e.from ?? ''} → ${t.states[e.to ?? ''] ?? e.to ?? ''}`
      : (t.events[e.kind] ?? e.kind.replace(/-/g, ' '));
  return (
    <section aria-labelledby="rq-timeline">
      <h2 id="rq-timeline">{t.timeline}</h2>
      <DataTable
        label={t.timeline}
        rows={request.timeline}
        columns={[
          { header: t.when, cell: (e) => formatDateTime(e.at, language) },
          { header: t.who, cell: (e) => <Actor actor={e.actor} people={people} /> },
          {
            header: t.what,
            cell: (e) => (
              <>
                {what(e)}
                {Object.keys(e.data).length > 0 && <span className="muted"> ({describeValue(e.data)})</span>}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}

export function Detail({ id, t, language }: { id: string; t: T; language: Language }) {
  const { can, me } = useSession();
  const people = usePeople(me.organisation.slug);
  const { data: request, error, loading, reload } = useApi<RequestDetail>(`/api/v1/requests/${id}`);
  const mutation = useMutation();
  const [done, setDone] = useState(false);
  if (loading && !request) return <Loading />;
  if (!request) return <ErrorMessage error={error} />;
  const write = can('requests:write');
  // Art. 18 tasks (a table that cannot mark a restriction) share the Art. 19 records; shown apart, with their own words.
  const restrictTasks = request.notifications.filter((n) => n.recipient.startsWith('restrict:'));
  const recipients = request.notifications.filter((n) => !n.recipient.startsWith('restrict:'));
  const open = !['completed', 'refused', 'withdrawn'].includes(request.state);
  const act: Act = async (path, body) => {
    setDone(false);
    const result = await mutation.run(() =>
      api<RequestDetail>(`/api/v1/requests/${id}/${path}`, { method: 'POST', ...(body !== undefined ? { body } : {}) }),
    );
    if (result) {
      setDone(true);
      await reload();
    }
  };
  const parts = { request, t, language };
  return (
    <>
      <p>
        <Link to="/requests">{t.back}</Link>
      </p>
      <PageTitle>{`${t.facts} ${request.reference}`}</PageTitle>
      <RequestFacts {...parts} />
      <section aria-labelledby="rq-details">
        <h2 id="rq-details">{t.details}</h2>
        <Asked details={request.details} t={t} />
      </section>
      <section aria-labelledby="rq-plan">
        <h2 id="rq-plan">{t.plan}</h2>
        {request.plan ? <Outcome value={request.plan} t={t} /> : <p>{t.noPlan}</p>}
        {write && open && ['erasure', 'rectification'].includes(request.type) && (
          <button type="button" className="secondary" disabled={mutation.pending} onClick={() => void act('plan')}>
            {t.computePlan}
          </button>
        )}
      </section>
      {request.result !== null && request.result !== undefined && (
        <section aria-labelledby="rq-result">
          <h2 id="rq-result">{t.result}</h2>
          <Outcome value={request.result} t={t} />
        </section>
      )}
      <Tasks
        id="rq-recipients"
        items={recipients}
        words={{
          title: t.recipients,
          intro: t.recipientsIntro,
          line: (n) => ` — ${t.recipientChannels[n.channel]}:`,
          done: t.recipientDone,
          pending: t.recipientPending,
          mark: t.markInformed,
          unmark: t.markNotInformed,
          hook: 'recipient',
        }}
        write={(n) => write && n.channel !== 'store'}
        pending={mutation.pending}
        act={act}
        language={language}
      />
      <Tasks
        id="rq-restrict-tasks"
        items={restrictTasks}
        words={{
          title: t.restrictTasks,
          intro: t.restrictTasksIntro,
          line: () => ':',
          done: t.restrictDone,
          pending: t.restrictPending,
          mark: t.markRestricted,
          unmark: t.markNotRestricted,
          hook: 'task',
        }}
        write={() => write}
        pending={mutation.pending}
        act={act}
        language={language}
      />
      <Packages {...parts} write={write} pending={mutation.pending} act={act} />
      {write && open && <RequestActions {...parts} people={people} mutation={mutation} done={done} act={act} />}
      <Timeline {...parts} people={people} />
    </>
  );
}
