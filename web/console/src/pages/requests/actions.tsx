/**
 * The privacy team's actions on an open request: approve, verify by override (one proposes, another approves), extend
 * once, refuse with a reason, cancel. Each posts to `/api/v1/requests/:id/<action>` through the detail's `act`.
 */
import { useState, type FormEvent } from 'react';
import type { RequestDetail } from '../../../../../src/rights/schemas.js';
import { ErrorMessage, useDescribeActor, type usePeople } from '../../components.js';
import { Field, SelectField, optionsOf } from '../../components/index.js';
import type { Language } from '../../i18n.js';
import { useSession } from '../../session.js';
import { reasons, type T } from './texts.js';

/** Posts an action of the request (a path below it) and reloads the request when it succeeds. */
export type Act = (path: string, body?: unknown) => Promise<void>;

type FormProps = {
  request: RequestDetail;
  t: T;
  pending: boolean;
  submit: (path: string, body?: unknown) => (event: FormEvent) => void;
};

/** Art. 12(6) verification by override needs two people: one proposes with a reason, another approves. */
function OverrideForm({ request, t, pending, submit, people }: FormProps & { people: ReturnType<typeof usePeople> }) {
  const { me } = useSession();
  const describeActor = useDescribeActor(people);
  const [reason, setReason] = useState('');
  const proposedByOther = request.overrideRequestedBy && request.overrideRequestedBy !== `user:${me.userId ?? ''}`;
  return (
    <form onSubmit={proposedByOther ? submit('override/approve') : submit('override', { reason })}>
      <h3>{t.override}</h3>
      {request.overrideRequestedBy && (
        <p>{t.overrideWaiting(describeActor(request.overrideRequestedBy), request.overrideReason ?? '')}</p>
      )}
      {proposedByOther ? (
        <button type="submit" disabled={pending}>
          {t.approveOverride}
        </button>
      ) : (
        <>
          <Field id="rq-override" label={t.overrideReason}>
            <textarea required minLength={10} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <button type="submit" disabled={pending}>
            {t.proposeOverride}
          </button>
        </>
      )}
    </form>
  );
}

function ExtendForm({ t, pending, submit }: FormProps) {
  const [reason, setReason] = useState('');
  return (
    <form onSubmit={submit('extend', { reason })}>
      <h3>{t.extend}</h3>
      <Field id="rq-extend" label={t.extensionReason}>
        <textarea required minLength={10} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <button type="submit" className="secondary" disabled={pending}>
        {t.extend}
      </button>
    </form>
  );
}

function RefuseForm({ t, pending, submit }: FormProps) {
  const [reason, setReason] = useState<string>('unfounded');
  const [explanation, setExplanation] = useState('');
  return (
    <form onSubmit={submit('refuse', { reason, explanation })}>
      <h3>{t.refuse}</h3>
      <SelectField
        id="rq-reason"
        label={t.reason}
        value={reason}
        onChange={setReason}
        options={optionsOf(reasons, t.reasons)}
      />
      <Field id="rq-explanation" label={t.explanation}>
        <textarea required value={explanation} onChange={(e) => setExplanation(e.target.value)} />
      </Field>
      <button type="submit" className="secondary" disabled={pending}>
        {t.refuse}
      </button>
    </form>
  );
}

export function RequestActions({
  request,
  t,
  people,
  mutation,
  done,
  act,
}: {
  request: RequestDetail;
  t: T;
  language: Language;
  people: ReturnType<typeof usePeople>;
  mutation: { pending: boolean; error?: unknown };
  done: boolean;
  act: Act;
}) {
  const submit = (path: string, body?: unknown) => (event: FormEvent) => {
    event.preventDefault();
    void act(path, body);
  };
  const form = { request, t, pending: mutation.pending, submit };
  return (
    <section aria-labelledby="rq-actions" className="request-actions">
      <h2 id="rq-actions">{t.actions}</h2>
      <ErrorMessage error={mutation.error} />
      {done && (
        <p role="status" className="notice">
          {t.done}
        </p>
      )}
      {request.state === 'awaiting-approval' && (
        <div className="button-row">
          <button type="button" disabled={mutation.pending} onClick={() => void act('approve')}>
            {t.approve}
          </button>
        </div>
      )}
      {['received', 'awaiting-verification'].includes(request.state) && <OverrideForm {...form} people={people} />}
      {!request.extended && <ExtendForm {...form} />}
      {request.state !== 'in-progress' && <RefuseForm {...form} />}
      {['received', 'awaiting-verification', 'verified', 'awaiting-approval'].includes(request.state) && (
        <div className="button-row">
          <button type="button" className="secondary" disabled={mutation.pending} onClick={() => void act('cancel')}>
            {t.cancel}
          </button>
        </div>
      )}
    </section>
  );
}
