/** Users and roles of the active organisation: list; owners add people, change roles and remove members. */
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { memberSchema } from '../../../../src/accounts/routes/user-routes.js';
import { api } from '../api.js';
import { ErrorMessage, Loading, PageTitle, useApi, useMutation } from '../components.js';
import { DataTable, Field, SelectField, optionsOf } from '../components/index.js';
import { RowAction } from '../components/row-action.js';
import { SubmitRow } from '../components/submit-row.js';
import { formatDateTime, useLanguage, useTexts } from '../i18n.js';
import { useSession } from '../session.js';
import type { Role } from '../types.js';
import type { ConsolePage } from './types.js';

type Member = z.infer<typeof memberSchema>;

const roles: Role[] = ['owner', 'privacy-officer', 'viewer'];

const texts = {
  en: {
    resetTwoFactor: 'Reset two-factor',
    resetConfirm: 'Reset the two-factor authentication of this member (lost device)? They are signed out and mailed.',
    twoFactorOn: 'two-factor on',
    resetDone: 'Two-factor authentication reset; the member was mailed.',
    title: 'Users and roles',
    email: 'Email address',
    role: 'Role',
    since: 'Member since',
    status: 'Status',
    actions: 'Actions',
    active: 'active',
    invited: 'invited, not signed in yet',
    add: 'Add a person',
    addButton: 'Add',
    remove: 'Remove',
    change: 'Change role of',
    save: 'Save',
    you: '(you)',
    mailed:
      'An invitation was mailed to the person: a one-time link to choose a password (valid 24 hours), or to sign in with the account they already have.',
    roleNames: { owner: 'Owner', 'privacy-officer': 'Privacy officer', viewer: 'Viewer' },
    roleHelp:
      'Owner: everything, including users and tokens. Privacy officer: requests, breaches, retention, records. Viewer: read only.',
  },
  nl: {
    resetTwoFactor: 'Tweestapsverificatie wissen',
    resetConfirm:
      'De tweestapsverificatie van dit lid wissen (verloren toestel)? Het lid wordt afgemeld en krijgt een e-mail.',
    twoFactorOn: 'tweestapsverificatie aan',
    resetDone: 'Tweestapsverificatie gewist; het lid kreeg een e-mail.',
    title: 'Gebruikers en rollen',
    email: 'E-mailadres',
    role: 'Rol',
    since: 'Lid sinds',
    status: 'Status',
    actions: 'Acties',
    active: 'actief',
    invited: 'uitgenodigd, nog niet aangemeld',
    add: 'Iemand toevoegen',
    addButton: 'Toevoegen',
    remove: 'Verwijderen',
    change: 'Rol wijzigen van',
    save: 'Bewaren',
    you: '(u)',
    mailed:
      'De persoon kreeg een uitnodiging per e-mail: een eenmalige link om een wachtwoord te kiezen (24 uur geldig), of om zich aan te melden met de account die ze al hebben.',
    roleNames: { owner: 'Eigenaar', 'privacy-officer': 'Privacyverantwoordelijke', viewer: 'Lezer' },
    roleHelp:
      'Eigenaar: alles, ook gebruikers en tokens. Privacyverantwoordelijke: verzoeken, datalekken, bewaring, registers. Lezer: alleen lezen.',
  },
  fr: {
    resetTwoFactor: 'Réinitialiser le 2FA',
    resetConfirm:
      'Réinitialiser l’authentification à deux facteurs de ce membre (appareil perdu) ? Il est déconnecté et prévenu par e-mail.',
    twoFactorOn: 'deux facteurs activés',
    resetDone: 'Authentification à deux facteurs réinitialisée ; le membre a été prévenu par e-mail.',
    title: 'Utilisateurs et rôles',
    email: 'Adresse e-mail',
    role: 'Rôle',
    since: 'Membre depuis',
    status: 'Statut',
    actions: 'Actions',
    active: 'actif',
    invited: 'invité, pas encore connecté',
    add: 'Ajouter une personne',
    addButton: 'Ajouter',
    remove: 'Retirer',
    change: 'Changer le rôle de',
    save: 'Enregistrer',
    you: '(vous)',
    mailed:
      'Une invitation a été envoyée à la personne par e-mail : un lien à usage unique pour choisir un mot de passe (valable 24 heures), ou pour se connecter avec le compte qu’elle a déjà.',
    roleNames: { owner: 'Propriétaire', 'privacy-officer': 'Responsable vie privée', viewer: 'Lecteur' },
    roleHelp:
      'Propriétaire : tout, y compris utilisateurs et jetons. Responsable vie privée : demandes, violations, conservation, registres. Lecteur : lecture seule.',
  },
  de: {
    resetTwoFactor: '2FA zurücksetzen',
    resetConfirm:
      'Die Zwei-Faktor-Authentifizierung dieses Mitglieds zurücksetzen (verlorenes Gerät)? Es wird abgemeldet und per E-Mail informiert.',
    twoFactorOn: 'Zwei-Faktor aktiv',
    resetDone: 'Zwei-Faktor-Authentifizierung zurückgesetzt; das Mitglied wurde per E-Mail informiert.',
    title: 'Benutzer und Rollen',
    email: 'E-Mail-Adresse',
    role: 'Rolle',
    since: 'Mitglied seit',
    status: 'Status',
    actions: 'Aktionen',
    active: 'aktiv',
    invited: 'eingeladen, noch nicht angemeldet',
    add: 'Eine Person hinzufügen',
    addButton: 'Hinzufügen',
    remove: 'Entfernen',
    change: 'Rolle ändern von',
    save: 'Speichern',
    you: '(Sie)',
    mailed:
      'Der Person wurde eine Einladung gesendet: ein einmaliger Link, um ein Passwort zu wählen (24 Stunden gültig), oder um sich mit ihrem bestehenden Konto anzumelden.',
    roleNames: { owner: 'Eigentümer', 'privacy-officer': 'Datenschutzverantwortliche(r)', viewer: 'Lesezugriff' },
    roleHelp:
      'Eigentümer: alles, einschließlich Benutzer und Tokens. Datenschutzverantwortliche(r): Anfragen, Datenpannen, Aufbewahrung, Verzeichnisse. Lesezugriff: nur lesen.',
  },
};

type T = (typeof texts)['en'];

/** Remove a member, and reset another member's second factor (one's own is changed on the security page). */
function MemberActions({
  member,
  t,
  pending,
  myId,
  remove,
  resetTwoFactor,
}: {
  member: Member;
  t: T;
  pending: boolean;
  myId: string | null | undefined;
  remove: (userId: string) => Promise<void>;
  resetTwoFactor: (userId: string) => Promise<void>;
}) {
  return (
    <>
      <RowAction
        label={t.remove}
        name={`${t.remove} ${member.email}`}
        disabled={pending}
        onClick={() => void remove(member.userId)}
      />
      {member.twoFactor && member.userId !== myId && (
        <>
          {' '}
          <RowAction
            label={t.resetTwoFactor}
            name={`${t.resetTwoFactor}: ${member.email}`}
            disabled={pending}
            onClick={() => void resetTwoFactor(member.userId)}
          />
        </>
      )}
    </>
  );
}

/** Inviting a member by email with a role; the invitation is mailed in the console's language. */
function AddMember({
  t,
  mutation,
  onAdded,
}: {
  t: T;
  mutation: ReturnType<typeof useMutation>;
  onAdded: () => Promise<void>;
}) {
  const { language } = useLanguage();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const result = await mutation.run(() =>
      api<{ userId: string }>('/api/v1/users', { method: 'POST', body: { email, role, language } }),
    );
    if (result) {
      setEmail('');
      await onAdded();
    }
  };
  return (
    <form onSubmit={(e) => void add(e)} className="panel">
      <h2>{t.add}</h2>
      <Field id="member-email" label={t.email}>
        <input type="email" required autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
      </Field>
      <SelectField
        id="member-role"
        label={t.role}
        value={role}
        onChange={setRole}
        options={optionsOf(roles, t.roleNames)}
      />
      <SubmitRow label={t.addButton} pending={mutation.pending} />
    </form>
  );
}

function Users() {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const { me, can } = useSession();
  const { data, error, loading, reload } = useApi<{ members: Member[] }>('/api/v1/users');
  const mutation = useMutation();
  const [mailed, setMailed] = useState(false);
  const manage = can('users:manage');

  const changeRole = async (userId: string, next: Role) => {
    await mutation.run(() => api(`/api/v1/users/${userId}`, { method: 'PATCH', body: { role: next } }));
    await reload();
  };
  const [resetDone, setResetDone] = useState(false);
  const resetTwoFactor = async (userId: string) => {
    if (!window.confirm(t.resetConfirm)) return;
    setResetDone(false);
    const done = await mutation.run(async () => {
      await api(`/api/v1/users/${userId}/two-factor`, { method: 'DELETE', query: { language } });
      return true;
    });
    setResetDone(done === true);
    await reload();
  };
  const remove = async (userId: string) => {
    await mutation.run(() => api(`/api/v1/users/${userId}`, { method: 'DELETE' }));
    await reload();
  };

  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p className="muted">{t.roleHelp}</p>
      <ErrorMessage error={mutation.error} />
      {loading && !data ? <Loading /> : <ErrorMessage error={error} />}
      {data && (
        <DataTable
          label={t.title}
          caption
          rows={data.members}
          rowKey={(member) => member.userId}
          columns={[
            {
              header: t.email,
              rowHeader: true,
              cell: (member) => (
                <>
                  {member.email} {member.userId === me.userId && <span className="muted">{t.you}</span>}
                </>
              ),
            },
            {
              header: t.role,
              cell: (member) =>
                manage ? (
                  <select
                    aria-label={`${t.change} ${member.email}`}
                    value={member.role}
                    disabled={mutation.pending}
                    onChange={(e) => void changeRole(member.userId, e.target.value as Role)}
                  >
                    {roles.map((r) => (
                      <option key={r} value={r}>
                        {t.roleNames[r]}
                      </option>
                    ))}
                  </select>
                ) : (
                  t.roleNames[member.role]
                ),
            },
            {
              header: t.status,
              cell: (member) =>
                `${member.active ? t.active : t.invited}${member.twoFactor ? `, ${t.twoFactorOn}` : ''}`,
            },
            { header: t.since, cell: (member) => formatDateTime(member.since, language) },
            manage && {
              header: t.actions,
              cell: (member) => (
                <MemberActions
                  member={member}
                  t={t}
                  pending={mutation.pending}
                  myId={me.userId}
                  remove={remove}
                  resetTwoFactor={resetTwoFactor}
                />
              ),
            },
          ]}
        />
      )}
      {manage && (
        <AddMember
          t={t}
          mutation={mutation}
          onAdded={async () => {
            setMailed(true);
            await reload();
          }}
        />
      )}
      {resetDone && (
        <p className="notice" role="status">
          {t.resetDone}
        </p>
      )}
      {mailed && (
        <div className="notice" role="status">
          <p>{t.mailed}</p>
        </div>
      )}
    </>
  );
}

export const usersPage: ConsolePage = {
  path: '/users',
  title: { en: 'Users and roles', nl: 'Gebruikers en rollen', fr: 'Utilisateurs et rôles', de: 'Benutzer und Rollen' },
  scope: 'users:read',
  Component: Users,
};
