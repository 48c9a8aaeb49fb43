/**
 * Recording a breach (Art. 33(5)): what happened and when the organisation became aware, whom and what it concerns, its
 * consequences and measures, the decisions to tell the authority and the people concerned, a contact, and — for a
 * processor — the controllers to tell.
 */
import type { FormEvent } from 'react';
import type { BreachView } from '../../../../../src/records/breach-views.js';
import type { RecordsOfProcessing } from '../../../../../src/records/record.js';
import { api } from '../../api.js';
import { ErrorMessage, PageTitle, useApi, useMutation } from '../../components.js';
import { Field, useFormState } from '../../components/index.js';
import { Link, navigate } from '../../router.js';
import { CheckboxGroup, Decision, fromLocalInput, list, toLocalInput } from './form-parts.js';
import type { T } from './texts.js';

type Nature = BreachView['content']['nature'][number];

function emptyForm() {
  const nowInput = toLocalInput(new Date().toISOString());
  return {
    title: '',
    occurredAt: '',
    discoveredAt: nowInput,
    awareAt: nowInput,
    nature: [] as Nature[],
    description: '',
    subjectCategories: '',
    approximateSubjects: '',
    dataCategories: '',
    approximateRecords: '',
    consequences: '',
    measuresTaken: '',
    measuresProposed: '',
    adviceToSubjects: '',
    authority: { required: true, reason: '' },
    subjects: { required: false, reason: '' },
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    controllers: [] as string[],
  };
}
type BreachForm = ReturnType<typeof emptyForm>;
type Parts = { t: T } & ReturnType<typeof useFormState<BreachForm>>;

/** The body the API takes: optional fields left out when empty, numbers and lists parsed. */
function bodyOf(form: BreachForm) {
  return {
    title: form.title,
    ...(form.occurredAt ? { occurredAt: fromLocalInput(form.occurredAt) } : {}),
    discoveredAt: fromLocalInput(form.discoveredAt),
    awareAt: fromLocalInput(form.awareAt),
    nature: form.nature,
    description: form.description,
    subjectCategories: list(form.subjectCategories),
    approximateSubjects: Number(form.approximateSubjects),
    dataCategories: list(form.dataCategories),
    approximateRecords: Number(form.approximateRecords),
    consequences: form.consequences,
    measuresTaken: form.measuresTaken,
    measuresProposed: form.measuresProposed,
    adviceToSubjects: form.adviceToSubjects,
    authority: form.authority,
    subjects: form.subjects,
    ...(form.contactName
      ? {
          contact: {
            name: form.contactName,
            ...(form.contactEmail ? { email: form.contactEmail } : {}),
            ...(form.contactPhone ? { phone: form.contactPhone } : {}),
          },
        }
      : {}),
    controllers: form.controllers,
  };
}

function WhatHappened({ t, form, set, bind }: Parts) {
  const f = t.form;
  return (
    <>
      <Field id="b-title" label={f.title}>
        <input required maxLength={200} {...bind('title')} />
      </Field>
      <Field id="b-occurred" label={f.occurredAt}>
        <input type="datetime-local" {...bind('occurredAt')} />
      </Field>
      <Field id="b-discovered" label={f.discoveredAt}>
        <input type="datetime-local" required {...bind('discoveredAt')} />
      </Field>
      <Field id="b-aware" label={f.awareAt}>
        <input type="datetime-local" required {...bind('awareAt')} />
      </Field>
      <CheckboxGroup
        legend={f.nature}
        idPrefix="b-nature"
        options={(['confidentiality', 'integrity', 'availability'] as const).map((n) => [n, f.natures[n]] as const)}
        checked={form.nature}
        onChange={(nature) => set('nature', nature)}
      />
      <Field id="b-description" label={f.description}>
        <textarea required rows={4} {...bind('description')} />
      </Field>
    </>
  );
}

function WhomAndWhat({ t, bind }: Parts) {
  const f = t.form;
  return (
    <>
      <Field id="b-subject-categories" label={f.subjectCategories}>
        <input required {...bind('subjectCategories')} />
      </Field>
      <Field id="b-approx-subjects" label={f.approximateSubjects}>
        <input type="number" min={0} required inputMode="numeric" {...bind('approximateSubjects')} />
      </Field>
      <Field id="b-data-categories" label={f.dataCategories}>
        <input required {...bind('dataCategories')} />
      </Field>
      <Field id="b-approx-records" label={f.approximateRecords}>
        <input type="number" min={0} required inputMode="numeric" {...bind('approximateRecords')} />
      </Field>
      <Field id="b-consequences" label={f.consequences}>
        <textarea required rows={3} {...bind('consequences')} />
      </Field>
      <Field id="b-measures-taken" label={f.measuresTaken}>
        <textarea required rows={3} {...bind('measuresTaken')} />
      </Field>
      <Field id="b-measures-proposed" label={f.measuresProposed}>
        <textarea rows={2} {...bind('measuresProposed')} />
      </Field>
      <Field id="b-advice" label={f.adviceToSubjects}>
        <textarea rows={2} {...bind('adviceToSubjects')} />
      </Field>
    </>
  );
}

function DecisionsAndContact({ t, form, set, bind }: Parts) {
  const f = t.form;
  return (
    <>
      <Decision
        name="b-authority"
        legend={f.authority}
        value={form.authority.required}
        reason={form.authority.reason}
        onChange={(required, reason) => set('authority', { required, reason })}
        t={t}
      />
      <Decision
        name="b-subjects"
        legend={f.subjects}
        value={form.subjects.required}
        reason={form.subjects.reason}
        onChange={(required, reason) => set('subjects', { required, reason })}
        t={t}
      />
      <fieldset>
        <legend>{f.contact}</legend>
        <Field id="b-contact-name" label={f.contactName}>
          <input {...bind('contactName')} />
        </Field>
        <Field id="b-contact-email" label={f.contactEmail}>
          <input type="email" {...bind('contactEmail')} />
        </Field>
        <Field id="b-contact-phone" label={f.contactPhone}>
          <input type="tel" {...bind('contactPhone')} />
        </Field>
      </fieldset>
    </>
  );
}

export function NewBreach({ t }: { t: T }) {
  const mutation = useMutation();
  const customers = useApi<RecordsOfProcessing>('/api/v1/records');
  const state = useFormState(emptyForm);
  const { form, set } = state;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await mutation.run(() =>
      api<BreachView>('/api/v1/breaches', { method: 'POST', body: bodyOf(form) }),
    );
    if (created) navigate(`/breaches/${created.id}`);
  };
  const processorCustomers = customers.data?.processor ?? [];
  return (
    <>
      <p>
        <Link to="/breaches">{t.back}</Link>
      </p>
      <PageTitle>{t.record}</PageTitle>
      <form onSubmit={(e) => void submit(e)} className="panel breach-form">
        <WhatHappened t={t} {...state} />
        <WhomAndWhat t={t} {...state} />
        <DecisionsAndContact t={t} {...state} />
        {processorCustomers.length > 0 && (
          <CheckboxGroup
            legend={t.form.controllers}
            idPrefix="b-controller"
            options={processorCustomers.map((c) => [c.id, c.controller] as const)}
            checked={form.controllers}
            onChange={(controllers) => set('controllers', controllers)}
          />
        )}
        <ErrorMessage error={mutation.error} />
        <p>
          <button type="submit" disabled={mutation.pending || form.nature.length === 0}>
            {t.form.submit}
          </button>
        </p>
      </form>
    </>
  );
}
