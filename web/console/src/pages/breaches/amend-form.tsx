/** Amending a recorded breach: only what changed is sent, with the reason; nothing is deleted (Art. 33(5)). */
import { useState, type FormEvent } from 'react';
import type { BreachView } from '../../../../../src/records/breach-views.js';
import { api } from '../../api.js';
import { ErrorMessage, useMutation } from '../../components.js';
import { Field, SelectField, useFormState } from '../../components/index.js';
import { Decision } from './form-parts.js';
import type { T } from './texts.js';

function formOf(breach: BreachView) {
  const c = breach.content;
  return {
    approximateSubjects: String(c.approximateSubjects),
    approximateRecords: String(c.approximateRecords),
    consequences: c.consequences,
    measuresTaken: c.measuresTaken,
    measuresProposed: c.measuresProposed,
    authority: c.authority,
    subjects: c.subjects,
    delayReasons: c.delayReasons ?? '',
    status: c.status,
  };
}
type AmendFields = ReturnType<typeof formOf>;

/** The fields that differ from what is recorded, in the API's types. */
export function changesOf(initial: AmendFields, form: AmendFields): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  if (form.approximateSubjects !== initial.approximateSubjects)
    changed.approximateSubjects = Number(form.approximateSubjects);
  if (form.approximateRecords !== initial.approximateRecords)
    changed.approximateRecords = Number(form.approximateRecords);
  for (const key of ['consequences', 'measuresTaken', 'measuresProposed', 'delayReasons', 'status'] as const)
    if (form[key] !== initial[key]) changed[key] = form[key];
  for (const key of ['authority', 'subjects'] as const)
    if (JSON.stringify(form[key]) !== JSON.stringify(initial[key])) changed[key] = form[key];
  return changed;
}

export function AmendForm({ breach, t, onDone }: { breach: BreachView; t: T; onDone: () => Promise<void> }) {
  const mutation = useMutation();
  const initial = formOf(breach);
  const { form, set, bind } = useFormState(initial);
  const [reason, setReason] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { ...changesOf(initial, form), reason };
    const done = await mutation.run(() => api(`/api/v1/breaches/${breach.id}/amendments`, { method: 'POST', body }));
    if (done) {
      setReason('');
      await onDone();
    }
  };
  const f = t.form;
  return (
    <form onSubmit={(e) => void submit(e)} className="panel">
      <h2>{t.amend}</h2>
      <p className="muted">{t.amendIntro}</p>
      <Field id="a-subjects" label={f.approximateSubjects}>
        <input type="number" min={0} {...bind('approximateSubjects')} />
      </Field>
      <Field id="a-records" label={f.approximateRecords}>
        <input type="number" min={0} {...bind('approximateRecords')} />
      </Field>
      <Field id="a-consequences" label={f.consequences}>
        <textarea rows={3} {...bind('consequences')} />
      </Field>
      <Field id="a-taken" label={f.measuresTaken}>
        <textarea rows={3} {...bind('measuresTaken')} />
      </Field>
      <Field id="a-proposed" label={f.measuresProposed}>
        <textarea rows={2} {...bind('measuresProposed')} />
      </Field>
      <Decision
        name="a-authority"
        legend={f.authority}
        value={form.authority.required}
        reason={form.authority.reason}
        onChange={(required, why) => set('authority', { required, reason: why })}
        t={t}
      />
      <Decision
        name="a-subjects-told"
        legend={f.subjects}
        value={form.subjects.required}
        reason={form.subjects.reason}
        onChange={(required, why) => set('subjects', { required, reason: why })}
        t={t}
      />
      <Field id="a-delay" label={f.delayReasons}>
        <textarea rows={2} {...bind('delayReasons')} />
      </Field>
      <SelectField
        id="a-status"
        label={f.status}
        value={form.status}
        onChange={(status) => set('status', status)}
        options={[
          ['open', f.open],
          ['closed', f.closed],
        ]}
      />
      <Field id="a-reason" label={t.reason}>
        <input required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <ErrorMessage error={mutation.error} />
      <p>
        <button type="submit" disabled={mutation.pending}>
          {t.submitAmendment}
        </button>
      </p>
    </form>
  );
}
