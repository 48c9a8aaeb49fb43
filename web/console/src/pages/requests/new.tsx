/** Entering a request received by post, phone, email or at the counter (for those who may write requests). */
import { useState, type FormEvent } from 'react';
import type { DeclaredSite } from '../../../../../src/charter/schemas.js';
import type { RequestDetail } from '../../../../../src/rights/schemas.js';
import { api } from '../../api.js';
import { ErrorMessage, useMutation } from '../../components.js';
import { Field, SelectField, optionsOf } from '../../components/index.js';
import { languages } from '../../i18n.js';
import { useSession } from '../../session.js';
import { channels, types, type T } from './texts.js';

/** A site of the active charter, as the charter overview lists it. */
export type Site = DeclaredSite;

// Rectification, restriction, objection and withdrawal need details only the privacy center's forms ask for.
const manualTypes = types.filter((x) => !['rectification', 'restriction', 'objection', 'withdrawal'].includes(x));
const identityTypes = ['email', 'phone', 'customer-number', 'account-id'] as const;

export function NewRequest({ t, sites, onCreated }: { t: T; sites: Site[]; onCreated: () => void }) {
  const { can } = useSession();
  const mutation = useMutation();
  const [form, setForm] = useState({
    site: '',
    type: 'access',
    channel: 'post',
    language: 'nl',
    identityType: 'email',
    identity: '',
    message: '',
  });
  const [created, setCreated] = useState<string | undefined>();
  if (!can('requests:write')) return null;
  const set = (change: Partial<typeof form>) => setForm({ ...form, ...change });
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const site = form.site || sites[0]?.id || '';
    const result = await mutation.run(() =>
      api<RequestDetail>('/api/v1/requests', {
        method: 'POST',
        body: {
          site,
          type: form.type,
          channel: form.channel,
          language: form.language,
          identity: { type: form.identityType, value: form.identity },
          details: form.message ? { message: form.message } : {},
        },
      }),
    );
    if (result) {
      setCreated(result.reference);
      onCreated();
    }
  };
  return (
    <section className="panel" aria-labelledby="rq-new">
      <h2 id="rq-new">{t.newRequest}</h2>
      <form onSubmit={(e) => void onSubmit(e)}>
        <SelectField
          id="new-site"
          label={t.site}
          required
          value={form.site || sites[0]?.id || ''}
          onChange={(site) => set({ site })}
          options={sites.map((site) => [site.id, `${site.name} (${site.domain})`] as const)}
        />
        <SelectField
          id="new-type"
          label={t.type}
          value={form.type}
          onChange={(type) => set({ type })}
          options={optionsOf(manualTypes, t.types)}
        />
        <SelectField
          id="new-channel"
          label={t.channel}
          value={form.channel}
          onChange={(channel) => set({ channel })}
          options={optionsOf(channels, t.channels)}
        />
        <SelectField
          id="new-language"
          label={t.language}
          value={form.language}
          onChange={(language) => set({ language })}
          options={languages.map((x) => [x, x.toUpperCase()] as const)}
        />
        <SelectField
          id="new-identity-type"
          label={t.identityType}
          value={form.identityType}
          onChange={(identityType) => set({ identityType })}
          options={optionsOf(identityTypes, t.identityTypes)}
        />
        <Field id="new-identity" label={t.identity}>
          <input required value={form.identity} onChange={(e) => set({ identity: e.target.value })} />
        </Field>
        <Field id="new-message" label={t.message}>
          <textarea value={form.message} onChange={(e) => set({ message: e.target.value })} />
        </Field>
        <div className="button-row">
          <button type="submit" disabled={mutation.pending}>
            {t.create}
          </button>
        </div>
        <ErrorMessage error={mutation.error} />
        {created && (
          <p role="status" className="notice">
            {created}: {t.createdNote}
          </p>
        )}
      </form>
    </section>
  );
}
