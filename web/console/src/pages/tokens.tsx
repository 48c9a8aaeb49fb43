/** API tokens of the active organisation: create (the secret is shown once), list with last use, revoke. */
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { tokenSchema } from '../../../../src/accounts/routes/token-routes.js';
import { userOnlyScopes } from '../../../../src/accounts/scopes.js';
import { api } from '../api.js';
import { ErrorMessage, Loading, PageTitle, useApi, useMutation } from '../components.js';
import { CheckboxGrid, DataTable, ShownOnce } from '../components/index.js';
import { RowAction } from '../components/row-action.js';
import { SubmitRow } from '../components/submit-row.js';
import { formatDateTime, useLanguage, useTexts } from '../i18n.js';
import { useSession } from '../session.js';
import type { ConsolePage } from './types.js';

/** A token as the server lists it (its secret is shown only once, on creation). */
type Token = z.infer<typeof tokenSchema>;

const texts = {
  en: {
    title: 'API tokens',
    intro: 'Tokens let scripts and CI use the API of this organisation, e.g. charter apply --server … --token ….',
    name: 'Name',
    token: 'Token',
    scopes: 'Scopes',
    created: 'Created',
    lastUsed: 'Last used',
    expires: 'Expires',
    status: 'Status',
    actions: 'Actions',
    active: 'active',
    revoked: 'revoked',
    never: 'never',
    revoke: 'Revoke',
    create: 'Create a token',
    createButton: 'Create token',
    expiresIn: 'Expires after (days, empty: never)',
    shownOnce: 'Copy this token now: it is shown only once.',
    none: 'No tokens yet.',
  },
  nl: {
    title: 'API-tokens',
    intro: 'Met tokens gebruiken scripts en CI de API van deze organisatie, bv. charter apply --server … --token ….',
    name: 'Naam',
    token: 'Token',
    scopes: 'Rechten',
    created: 'Aangemaakt',
    lastUsed: 'Laatst gebruikt',
    expires: 'Vervalt',
    status: 'Status',
    actions: 'Acties',
    active: 'actief',
    revoked: 'ingetrokken',
    never: 'nooit',
    revoke: 'Intrekken',
    create: 'Een token aanmaken',
    createButton: 'Token aanmaken',
    expiresIn: 'Vervalt na (dagen, leeg: nooit)',
    shownOnce: 'Kopieer dit token nu: het wordt maar één keer getoond.',
    none: 'Nog geen tokens.',
  },
  fr: {
    title: 'Jetons d’API',
    intro:
      'Les jetons permettent aux scripts et à la CI d’utiliser l’API de cette organisation, p. ex. charter apply --server … --token ….',
    name: 'Nom',
    token: 'Jeton',
    scopes: 'Droits',
    created: 'Créé',
    lastUsed: 'Dernière utilisation',
    expires: 'Expire',
    status: 'Statut',
    actions: 'Actions',
    active: 'actif',
    revoked: 'révoqué',
    never: 'jamais',
    revoke: 'Révoquer',
    create: 'Créer un jeton',
    createButton: 'Créer le jeton',
    expiresIn: 'Expire après (jours, vide : jamais)',
    shownOnce: 'Copiez ce jeton maintenant : il n’est affiché qu’une fois.',
    none: 'Aucun jeton.',
  },
  de: {
    title: 'API-Tokens',
    intro: 'Mit Tokens nutzen Skripte und CI die API dieser Organisation, z. B. charter apply --server … --token ….',
    name: 'Name',
    token: 'Token',
    scopes: 'Berechtigungen',
    created: 'Erstellt',
    lastUsed: 'Zuletzt verwendet',
    expires: 'Läuft ab',
    status: 'Status',
    actions: 'Aktionen',
    active: 'aktiv',
    revoked: 'widerrufen',
    never: 'nie',
    revoke: 'Widerrufen',
    create: 'Ein Token erstellen',
    createButton: 'Token erstellen',
    expiresIn: 'Läuft ab nach (Tage, leer: nie)',
    shownOnce: 'Kopieren Sie dieses Token jetzt: es wird nur einmal angezeigt.',
    none: 'Noch keine Tokens.',
  },
};

function Tokens() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { me, can } = useSession();
  const { data, error, loading, reload } = useApi<{ tokens: Token[] }>('/api/v1/tokens');
  const mutation = useMutation();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [days, setDays] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const manage = can('tokens:manage');
  const grantable = me.scopes.filter((scope) => !(userOnlyScopes as readonly string[]).includes(scope));

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const body = { name, scopes: chosen, ...(days ? { expiresInDays: Number(days) } : {}) };
    const result = await mutation.run(() => api<{ token: string }>('/api/v1/tokens', { method: 'POST', body }));
    if (result) {
      setCreated(result.token);
      setName('');
      setChosen([]);
      setDays('');
      await reload();
    }
  };
  const revoke = async (id: string) => {
    await mutation.run(() => api(`/api/v1/tokens/${id}`, { method: 'DELETE' }));
    await reload();
  };

  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p className="muted">{t.intro}</p>
      {created && <ShownOnce secret={created} note={t.shownOnce} testId="new-token" />}
      <ErrorMessage error={mutation.error} />
      {loading && !data ? <Loading /> : <ErrorMessage error={error} />}
      {data && (
        <DataTable
          label={t.title}
          caption
          empty={t.none}
          rows={data.tokens}
          rowKey={(token) => token.id}
          columns={[
            { header: t.name, rowHeader: true, cell: (token) => token.name },
            { header: t.token, cell: (token) => <code>{token.prefix}…</code> },
            { header: t.scopes, cell: (token) => token.scopes.join(', ') },
            { header: t.created, cell: (token) => formatDateTime(token.createdAt, language) },
            {
              header: t.lastUsed,
              cell: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt, language) : t.never),
            },
            {
              header: t.expires,
              cell: (token) => (token.expiresAt ? formatDateTime(token.expiresAt, language) : t.never),
            },
            { header: t.status, cell: (token) => (token.revokedAt ? t.revoked : t.active) },
            manage && {
              header: t.actions,
              cell: (token) =>
                !token.revokedAt && (
                  <RowAction
                    label={t.revoke}
                    name={`${t.revoke} ${token.name}`}
                    disabled={mutation.pending}
                    onClick={() => void revoke(token.id)}
                  />
                ),
            },
          ]}
        />
      )}
      {manage && (
        <form onSubmit={(e) => void create(e)} className="panel">
          <h2>{t.create}</h2>
          <label htmlFor="token-name">{t.name}</label>
          <input id="token-name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          <CheckboxGrid legend={t.scopes} idPrefix="scope" values={grantable} chosen={chosen} onChange={setChosen} />
          <label htmlFor="token-days">{t.expiresIn}</label>
          <input
            id="token-days"
            type="number"
            min={1}
            max={3650}
            inputMode="numeric"
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
          <SubmitRow label={t.createButton} pending={mutation.pending} incomplete={chosen.length === 0} />
        </form>
      )}
    </>
  );
}

export const tokensPage: ConsolePage = {
  path: '/tokens',
  title: { en: 'API tokens', nl: 'API-tokens', fr: 'Jetons d’API', de: 'API-Tokens' },
  scope: 'tokens:read',
  Component: Tokens,
};
