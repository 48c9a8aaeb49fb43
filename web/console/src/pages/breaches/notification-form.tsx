/** Recording a notification sent about a breach (to the authority, the people concerned or a controller). */
import type { FormEvent } from 'react';
import type { Draft } from '../../../../../src/records/breach-drafts.js';
import type { BreachView } from '../../../../../src/records/breach-views.js';
import { api } from '../../api.js';
import { ErrorMessage, useMutation } from '../../components.js';
import { Field, SelectField, useFormState } from '../../components/index.js';
import { fromLocalInput, toLocalInput } from './form-parts.js';
import type { T } from './texts.js';

type Recipient = 'authority' | 'subjects' | 'controller';
type Phase = 'initial' | 'follow-up' | 'final';

function draftUrl(breach: BreachView, recipient: Recipient, controller: string): string {
  return recipient === 'controller'
    ? `/api/v1/breaches/${breach.id}/drafts/controller/${controller}`
    : `/api/v1/breaches/${breach.id}/drafts/${recipient}`;
}

export function NotificationForm({ breach, t, onDone }: { breach: BreachView; t: T; onDone: () => Promise<void> }) {
  const mutation = useMutation();
  const { form, set, setForm, bind } = useFormState({
    recipient: 'authority' as Recipient,
    phase: 'initial' as Phase,
    controller: breach.content.controllers[0] ?? '',
    sentAt: toLocalInput(new Date().toISOString()),
    channel: '',
    reference: '',
    content: '',
    delayReasons: '',
  });
  const copyDraft = async () => {
    const draft = await mutation.run(() => api<Draft>(draftUrl(breach, form.recipient, form.controller)));
    if (draft) set('content', draft.text);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      recipient: form.recipient,
      phase: form.phase,
      ...(form.recipient === 'controller' ? { controller: form.controller } : {}),
      sentAt: fromLocalInput(form.sentAt),
      ...(form.channel ? { channel: form.channel } : {}),
      ...(form.reference ? { reference: form.reference } : {}),
      content: form.content,
      ...(form.delayReasons ? { delayReasons: form.delayReasons } : {}),
    };
    const done = await mutation.run(() => api(`/api/v1/breaches/${breach.id}/notifications`, { method: 'POST', body }));
    if (done) {
      setForm((f) => ({ ...f, content: '', reference: '', delayReasons: '', phase: 'follow-up' }));
      await onDone();
    }
  };
  const recipients: Recipient[] = [
    'authority',
    'subjects',
    ...(breach.content.controllers.length ? ['controller' as const] : []),
  ];
  return (
    <form onSubmit={(e) => void submit(e)} className="panel">
      <h2>{t.recordNotification}</h2>
      <SelectField
        id="n-recipient"
        label={t.recipient}
        value={form.recipient}
        onChange={(recipient) => set('recipient', recipient)}
        options={recipients.map((r) => [r, t.recipients[r]] as const)}
      />
      {form.recipient === 'controller' && (
        <SelectField
          id="n-controller"
          label={t.controller}
          value={form.controller}
          onChange={(controller) => set('controller', controller)}
          options={breach.content.controllers.map((c) => [c, c] as const)}
        />
      )}
      <SelectField
        id="n-phase"
        label={t.phase}
        value={form.phase}
        onChange={(phase) => set('phase', phase)}
        options={(['initial', 'follow-up', 'final'] as const).map((p) => [p, t.phases[p]] as const)}
      />
      <Field id="n-sent" label={t.sentAt}>
        <input type="datetime-local" required {...bind('sentAt')} />
      </Field>
      <Field id="n-channel" label={t.channel}>
        <input {...bind('channel')} />
      </Field>
      {form.recipient === 'authority' && (
        <Field id="n-reference" label={t.authorityReference}>
          <input {...bind('reference')} />
        </Field>
      )}
      <Field id="n-content" label={t.content}>
        <textarea required rows={6} {...bind('content')} />
      </Field>
      <p>
        <button type="button" className="secondary" onClick={() => void copyDraft()} disabled={mutation.pending}>
          {t.useDraft}
        </button>
      </p>
      {form.recipient === 'authority' && (
        <Field id="n-delay" label={t.form.delayReasons}>
          <textarea rows={2} {...bind('delayReasons')} />
        </Field>
      )}
      <ErrorMessage error={mutation.error} />
      <p>
        <button type="submit" disabled={mutation.pending}>
          {t.submitNotification}
        </button>
      </p>
    </form>
  );
}
