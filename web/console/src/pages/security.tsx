/**
 * Sign-in and security: your own two-factor authentication, and for owners the organisation's sign-in policy (second
 * factor required; password sign-in on or off) and who its identity providers admit, with which role.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { storedMappingSchema } from '../../../../src/accounts/routes/oidc-routes.js';
import type {
  signInPolicyViewSchema,
  twoFactorStatusSchema,
} from '../../../../src/accounts/routes/two-factor-routes.js';
import { api } from '../api.js';
import { ErrorMessage, Loading, PageTitle, useApi, useMutation } from '../components.js';
import { useTexts } from '../i18n.js';
import { Enrol } from '../public/second-factor.js';
import { useSession } from '../session.js';
import type { Role } from '../types.js';
import type { ConsolePage } from './types.js';

type Status = z.infer<typeof twoFactorStatusSchema>;
type Policy = z.infer<typeof signInPolicyViewSchema>;
/** A mapping as the console edits it: the whole list is saved at once, so the server's ids play no part. */
type Mapping = Omit<z.infer<typeof storedMappingSchema>, 'id'>;

const roles: Role[] = ['owner', 'privacy-officer', 'viewer'];

const texts = {
  en: {
    title: 'Sign-in and security',
    yours: 'Your two-factor authentication',
    on: 'On.',
    codesLeft: 'Recovery codes left:',
    viaProvider: 'You signed in through your identity provider, which handles your second factor.',
    policy: 'Sign-in policy of the organisation',
    requireTwoFactor:
      'Every member with a password needs two-factor authentication (they set it up at their next sign-in)',
    passwordSignIn: 'Members may sign in with a password (off: only through an identity provider)',
    save: 'Save',
    saved: 'Saved.',
    mappings: 'Who the identity providers admit',
    mappingsIntro: 'At their first sign-in through a provider, people matching a line become members with its role.',
    none: 'No mappings yet.',
    provider: 'Provider',
    kind: 'Match',
    domain: 'Email domain',
    claim: 'Claim',
    claimName: 'Claim name',
    value: 'Value',
    role: 'Role',
    add: 'Add the mapping',
    remove: 'Remove',
    noProviders: 'No identity provider is configured for this installation (see OIDC_PROVIDERS in the README).',
    roleNames: { owner: 'Owner', 'privacy-officer': 'Privacy officer', viewer: 'Viewer' },
  },
  nl: {
    title: 'Aanmelden en beveiliging',
    yours: 'Uw tweestapsverificatie',
    on: 'Aan.',
    codesLeft: 'Resterende herstelcodes:',
    viaProvider: 'U meldde zich aan via uw identiteitsprovider, die uw tweede factor regelt.',
    policy: 'Aanmeldbeleid van de organisatie',
    requireTwoFactor:
      'Elk lid met een wachtwoord heeft tweestapsverificatie nodig (in te stellen bij de volgende aanmelding)',
    passwordSignIn: 'Leden mogen zich aanmelden met een wachtwoord (uit: alleen via een identiteitsprovider)',
    save: 'Bewaren',
    saved: 'Bewaard.',
    mappings: 'Wie de identiteitsproviders toelaten',
    mappingsIntro:
      'Bij hun eerste aanmelding via een provider worden personen die aan een regel voldoen lid met de bijbehorende rol.',
    none: 'Nog geen koppelingen.',
    provider: 'Provider',
    kind: 'Criterium',
    domain: 'E-maildomein',
    claim: 'Claim',
    claimName: 'Naam van de claim',
    value: 'Waarde',
    role: 'Rol',
    add: 'Koppeling toevoegen',
    remove: 'Verwijderen',
    noProviders: 'Voor deze installatie is geen identiteitsprovider ingesteld (zie OIDC_PROVIDERS in de README).',
    roleNames: { owner: 'Eigenaar', 'privacy-officer': 'Privacyverantwoordelijke', viewer: 'Lezer' },
  },
  fr: {
    title: 'Connexion et sécurité',
    yours: 'Votre authentification à deux facteurs',
    on: 'Activée.',
    codesLeft: 'Codes de récupération restants :',
    viaProvider: 'Vous vous êtes connecté par votre fournisseur d’identité, qui gère votre second facteur.',
    policy: 'Politique de connexion de l’organisation',
    requireTwoFactor:
      'Chaque membre avec un mot de passe doit utiliser l’authentification à deux facteurs (à configurer à sa prochaine connexion)',
    passwordSignIn:
      'Les membres peuvent se connecter avec un mot de passe (désactivé : uniquement par un fournisseur d’identité)',
    save: 'Enregistrer',
    saved: 'Enregistré.',
    mappings: 'Qui les fournisseurs d’identité admettent',
    mappingsIntro:
      'À leur première connexion par un fournisseur, les personnes qui correspondent à une ligne deviennent membres avec son rôle.',
    none: 'Aucune correspondance pour l’instant.',
    provider: 'Fournisseur',
    kind: 'Critère',
    domain: 'Domaine e-mail',
    claim: 'Claim',
    claimName: 'Nom du claim',
    value: 'Valeur',
    role: 'Rôle',
    add: 'Ajouter la correspondance',
    remove: 'Retirer',
    noProviders:
      'Aucun fournisseur d’identité n’est configuré pour cette installation (voir OIDC_PROVIDERS dans le README).',
    roleNames: { owner: 'Propriétaire', 'privacy-officer': 'Responsable vie privée', viewer: 'Lecteur' },
  },
  de: {
    title: 'Anmeldung und Sicherheit',
    yours: 'Ihre Zwei-Faktor-Authentifizierung',
    on: 'Aktiv.',
    codesLeft: 'Verbleibende Wiederherstellungscodes:',
    viaProvider: 'Sie haben sich über Ihren Identitätsanbieter angemeldet, der Ihren zweiten Faktor verwaltet.',
    policy: 'Anmelderichtlinie der Organisation',
    requireTwoFactor:
      'Jedes Mitglied mit Passwort braucht Zwei-Faktor-Authentifizierung (bei der nächsten Anmeldung einzurichten)',
    passwordSignIn: 'Mitglieder dürfen sich mit Passwort anmelden (aus: nur über einen Identitätsanbieter)',
    save: 'Speichern',
    saved: 'Gespeichert.',
    mappings: 'Wen die Identitätsanbieter zulassen',
    mappingsIntro:
      'Bei ihrer ersten Anmeldung über einen Anbieter werden Personen, die zu einer Zeile passen, Mitglied mit deren Rolle.',
    none: 'Noch keine Zuordnungen.',
    provider: 'Anbieter',
    kind: 'Kriterium',
    domain: 'E-Mail-Domain',
    claim: 'Claim',
    claimName: 'Name des Claims',
    value: 'Wert',
    role: 'Rolle',
    add: 'Zuordnung hinzufügen',
    remove: 'Entfernen',
    noProviders: 'Für diese Installation ist kein Identitätsanbieter konfiguriert (siehe OIDC_PROVIDERS im README).',
    roleNames: { owner: 'Eigentümer', 'privacy-officer': 'Datenschutzbeauftragte(r)', viewer: 'Leser' },
  },
};

function YourSecondFactor() {
  const t = useTexts(texts);
  const { me } = useSession();
  const { data, error, loading, reload } = useApi<Status>('/api/v1/auth/two-factor');
  if (me.signInMethod === 'oidc')
    return (
      <section>
        <h2>{t.yours}</h2>
        <p>{t.viaProvider}</p>
      </section>
    );
  if (loading && !data) return <Loading />;
  if (!data) return <ErrorMessage error={error} />;
  if (data.enabled) {
    return (
      <section>
        <h2>{t.yours}</h2>
        <p>
          {t.on} {t.codesLeft} {data.recoveryCodesLeft}
        </p>
      </section>
    );
  }
  return <Enrol required={false} headingLevel={2} onDone={reload} />;
}

function SignInPolicy() {
  const t = useTexts(texts);
  const { data, error, reload } = useApi<Policy>('/api/v1/organisation/sign-in');
  const [policy, setPolicy] = useState<{ requireTwoFactor: boolean; passwordSignIn: boolean } | null>(null);
  const [saved, setSaved] = useState(false);
  const mutation = useMutation();
  useEffect(() => {
    if (data) setPolicy({ requireTwoFactor: data.requireTwoFactor, passwordSignIn: data.passwordSignIn });
  }, [data]);
  if (!data || !policy) return <ErrorMessage error={error} />;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (await mutation.run(() => api('/api/v1/organisation/sign-in', { method: 'PUT', body: policy }))) {
      setSaved(true);
      await reload();
    }
  };
  return (
    <form onSubmit={(e) => void save(e)} className="panel">
      <h2>{t.policy}</h2>
      <p>
        <input
          id="policy-2fa"
          type="checkbox"
          checked={policy.requireTwoFactor}
          onChange={(e) => setPolicy({ ...policy, requireTwoFactor: e.target.checked })}
        />{' '}
        <label htmlFor="policy-2fa">{t.requireTwoFactor}</label>
      </p>
      <p>
        <input
          id="policy-password"
          type="checkbox"
          checked={policy.passwordSignIn}
          onChange={(e) => setPolicy({ ...policy, passwordSignIn: e.target.checked })}
        />{' '}
        <label htmlFor="policy-password">{t.passwordSignIn}</label>
      </p>
      <ErrorMessage error={mutation.error} />
      {saved && <p role="status">{t.saved}</p>}
      <p>
        <button type="submit" disabled={mutation.pending}>
          {t.save}
        </button>
      </p>
    </form>
  );
}

function Mappings() {
  const t = useTexts(texts);
  const policy = useApi<Policy>('/api/v1/organisation/sign-in');
  const { data, error, reload } = useApi<{ mappings: Mapping[] }>('/api/v1/organisation/sso-mappings');
  const mutation = useMutation();
  const providers = policy.data?.providers ?? [];
  const [draft, setDraft] = useState<Mapping>({ provider: '', kind: 'domain', claim: null, value: '', role: 'viewer' });
  const save = async (mappings: Mapping[]) => {
    const body = {
      mappings: mappings.map((m) =>
        m.kind === 'domain'
          ? { provider: m.provider, kind: m.kind, value: m.value, role: m.role }
          : { ...m, claim: m.claim ?? '' },
      ),
    };
    if (await mutation.run(() => api('/api/v1/organisation/sso-mappings', { method: 'PUT', body }))) await reload();
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    await save([...(data?.mappings ?? []), { ...draft, provider: draft.provider || providers[0]?.id || '' }]);
    setDraft({ ...draft, value: '', claim: null });
  };
  return (
    <section className="panel">
      <h2>{t.mappings}</h2>
      {providers.length === 0 ? (
        <p>{t.noProviders}</p>
      ) : (
        <>
          <p className="muted">{t.mappingsIntro}</p>
          <ErrorMessage error={error ?? mutation.error} />
          {data && data.mappings.length === 0 && <p>{t.none}</p>}
          {data && data.mappings.length > 0 && (
            <ul>
              {data.mappings.map((m, index) => (
                <li key={`${m.provider}-${m.kind}-${m.claim ?? ''}-${m.value}`}>
                  {providers.find((p) => p.id === m.provider)?.name ?? m.provider}:{' '}
                  {m.kind === 'domain' ? `${t.domain} ${m.value}` : `${t.claim} ${m.claim ?? ''} = ${m.value}`} →{' '}
                  {t.roleNames[m.role]}{' '}
                  <button
                    type="button"
                    className="secondary"
                    disabled={mutation.pending}
                    onClick={() => void save(data.mappings.filter((_, i) => i !== index))}
                  >
                    {t.remove}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form onSubmit={(e) => void add(e)}>
            <label htmlFor="mapping-provider">{t.provider}</label>
            <select
              id="mapping-provider"
              value={draft.provider || providers[0]?.id}
              onChange={(e) => setDraft({ ...draft, provider: e.target.value })}
            >
              {providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <label htmlFor="mapping-kind">{t.kind}</label>
            <select
              id="mapping-kind"
              value={draft.kind}
              onChange={(e) => setDraft({ ...draft, kind: e.target.value as Mapping['kind'] })}
            >
              <option value="domain">{t.domain}</option>
              <option value="claim">{t.claim}</option>
            </select>
            {draft.kind === 'claim' && (
              <>
                <label htmlFor="mapping-claim">{t.claimName}</label>
                <input
                  id="mapping-claim"
                  required
                  value={draft.claim ?? ''}
                  onChange={(e) => setDraft({ ...draft, claim: e.target.value })}
                />
              </>
            )}
            <label htmlFor="mapping-value">{draft.kind === 'domain' ? t.domain : t.value}</label>
            <input
              id="mapping-value"
              required
              value={draft.value}
              onChange={(e) => setDraft({ ...draft, value: e.target.value })}
            />
            <label htmlFor="mapping-role">{t.role}</label>
            <select
              id="mapping-role"
              value={draft.role}
              onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t.roleNames[r]}
                </option>
              ))}
            </select>
            <p>
              <button type="submit" disabled={mutation.pending}>
                {t.add}
              </button>
            </p>
          </form>
        </>
      )}
    </section>
  );
}

function Security() {
  const t = useTexts(texts);
  const { can } = useSession();
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <YourSecondFactor />
      {can('users:manage') && (
        <>
          <SignInPolicy />
          <Mappings />
        </>
      )}
    </>
  );
}

export const securityPage: ConsolePage = {
  path: '/security',
  title: {
    en: 'Sign-in and security',
    nl: 'Aanmelden en beveiliging',
    fr: 'Connexion et sécurité',
    de: 'Anmeldung und Sicherheit',
  },
  scope: 'charter:read',
  Component: Security,
};
