/** Choose a password through a one-time link (an invitation or a reset). */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { PageTitle, useMutation } from '../components.js';
import { useTexts } from '../i18n.js';
import { Link, queryParam } from '../router.js';
import { NewPasswordFields, SubmitRow, TitledLoading } from './form-parts.js';

const texts = {
  en: {
    title: 'Choose your password',
    invalid: 'This link is not valid (any more). Ask for a new one on the sign-in page.',
    password: 'New password (at least 12 characters)',
    confirm: 'New password again',
    mismatch: 'The two passwords differ.',
    submit: 'Save the password',
    done: 'Your password is set.',
    signIn: 'Sign in',
  },
  nl: {
    title: 'Kies uw wachtwoord',
    invalid: 'Deze link is niet (meer) geldig. Vraag een nieuwe aan op de aanmeldpagina.',
    password: 'Nieuw wachtwoord (minstens 12 tekens)',
    confirm: 'Nieuw wachtwoord opnieuw',
    mismatch: 'De twee wachtwoorden verschillen.',
    submit: 'Wachtwoord bewaren',
    done: 'Uw wachtwoord is ingesteld.',
    signIn: 'Aanmelden',
  },
  fr: {
    title: 'Choisissez votre mot de passe',
    invalid: 'Ce lien n’est pas (ou plus) valable. Demandez-en un nouveau sur la page de connexion.',
    password: 'Nouveau mot de passe (au moins 12 caractères)',
    confirm: 'Nouveau mot de passe à nouveau',
    mismatch: 'Les deux mots de passe diffèrent.',
    submit: 'Enregistrer le mot de passe',
    done: 'Votre mot de passe est enregistré.',
    signIn: 'Se connecter',
  },
  de: {
    title: 'Wählen Sie Ihr Passwort',
    invalid: 'Dieser Link ist nicht (mehr) gültig. Fordern Sie auf der Anmeldeseite einen neuen an.',
    password: 'Neues Passwort (mindestens 12 Zeichen)',
    confirm: 'Neues Passwort wiederholen',
    mismatch: 'Die beiden Passwörter stimmen nicht überein.',
    submit: 'Passwort speichern',
    done: 'Ihr Passwort ist gesetzt.',
    signIn: 'Anmelden',
  },
};

export function Password() {
  const t = useTexts(texts);
  const token = queryParam('token') ?? '';
  const [valid, setValid] = useState<boolean | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const mutation = useMutation();

  useEffect(() => {
    if (!token) return setValid(false);
    void api<{ valid: boolean }>('/api/v1/auth/password', { query: { token } }).then(
      (r) => setValid(r.valid),
      () => setValid(false),
    );
  }, [token]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== confirm);
    if (password !== confirm) return;
    if (await mutation.run(() => api('/api/v1/auth/password', { method: 'POST', body: { token, password } })))
      setDone(true);
  };

  if (valid === null) return <TitledLoading title={t.title} />;
  if (done)
    return (
      <>
        <PageTitle>{t.title}</PageTitle>
        <p role="status">
          {t.done} <Link to="/login">{t.signIn}</Link>
        </p>
      </>
    );
  if (!valid)
    return (
      <>
        <PageTitle>{t.title}</PageTitle>
        <p className="error" role="alert">
          {t.invalid} <Link to="/login">{t.signIn}</Link>
        </p>
      </>
    );
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <form onSubmit={(e) => void submit(e)}>
        <NewPasswordFields
          ids={{ password: 'new-password', confirm: 'new-password-confirm' }}
          labels={t}
          password={{ value: password, onChange: (e) => setPassword(e.target.value) }}
          confirm={{ value: confirm, onChange: (e) => setConfirm(e.target.value) }}
        />
        <SubmitRow mutation={mutation} label={t.submit} problem={mismatch && t.mismatch} />
      </form>
    </>
  );
}
