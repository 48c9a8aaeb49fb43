/** Sign in, and ask for a password link (the answer never says whether the address has an account). */
import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { ErrorMessage, PageTitle, useApi, useMutation } from '../components.js';
import { useLanguage, useTexts } from '../i18n.js';
import { SubmitRow } from './form-parts.js';

const texts = {
  en: {
    title: 'Sign in to Charter',
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
    forgot: 'Forgot your password?',
    reset: 'Send me a link',
    back: 'Back to sign in',
    resetTitle: 'Choose a new password',
    resetIntro: 'Give your email address; if it has an account, we send a link to choose a new password.',
    with: 'Sign in with',
    or: 'or with your password',
  },
  nl: {
    title: 'Aanmelden bij Charter',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    submit: 'Aanmelden',
    forgot: 'Wachtwoord vergeten?',
    reset: 'Stuur mij een link',
    back: 'Terug naar aanmelden',
    resetTitle: 'Een nieuw wachtwoord kiezen',
    resetIntro:
      'Geef uw e-mailadres; hoort er een account bij, dan sturen we een link om een nieuw wachtwoord te kiezen.',
    with: 'Aanmelden met',
    or: 'of met uw wachtwoord',
  },
  de: {
    title: 'Bei Charter anmelden',
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    submit: 'Anmelden',
    forgot: 'Passwort vergessen?',
    reset: 'Link zusenden',
    back: 'Zurück zur Anmeldung',
    resetTitle: 'Ein neues Passwort wählen',
    resetIntro:
      'Geben Sie Ihre E-Mail-Adresse an; gehört ein Konto dazu, senden wir einen Link, um ein neues Passwort zu wählen.',
    with: 'Anmelden mit',
    or: 'oder mit Ihrem Passwort',
  },
  fr: {
    title: 'Se connecter à Charter',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
    forgot: 'Mot de passe oublié ?',
    reset: 'Envoyez-moi un lien',
    back: 'Retour à la connexion',
    resetTitle: 'Choisir un nouveau mot de passe',
    resetIntro:
      'Indiquez votre adresse e-mail ; si un compte y correspond, nous envoyons un lien pour choisir un nouveau mot de passe.',
    with: 'Se connecter avec',
    or: 'ou avec votre mot de passe',
  },
};

export function Login({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const t = useTexts(texts);
  const { language } = useLanguage();
  const [mode, setMode] = useState<'login' | 'reset'>('login');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const mutation = useMutation();
  const providers = useApi<{ providers: { id: string; name: string; startUrl: string }[] }>('/api/v1/auth/providers');

  const signIn = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await mutation.run(() => api('/api/v1/auth/login', { method: 'POST', body: { email, password } }));
    if (ok) await onSignedIn();
  };
  const reset = async (event: FormEvent) => {
    event.preventDefault();
    const result = await mutation.run(() =>
      api<{ message: string }>('/api/v1/auth/password-reset', { method: 'POST', body: { email, language } }),
    );
    if (result) setSent(result.message);
  };

  if (mode === 'reset') {
    return (
      <>
        <PageTitle>{t.resetTitle}</PageTitle>
        <p>{t.resetIntro}</p>
        <form onSubmit={(e) => void reset(e)}>
          <label htmlFor="reset-email">{t.email}</label>
          <input
            id="reset-email"
            type="email"
            required
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <ErrorMessage error={mutation.error} />
          {sent && (
            <p className="notice" role="status">
              {sent}
            </p>
          )}
          <p>
            <button type="submit" disabled={mutation.pending}>
              {t.reset}
            </button>{' '}
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setMode('login');
                setSent(null);
              }}
            >
              {t.back}
            </button>
          </p>
        </form>
      </>
    );
  }
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      {providers.data && providers.data.providers.length > 0 && (
        <>
          <ul className="identity-providers">
            {providers.data.providers.map((p) => (
              // A full navigation (not the console's router): the provider's page comes next.
              <li key={p.id}>
                <a className="button" href={`${p.startUrl}?language=${language}`}>
                  {t.with} {p.name}
                </a>
              </li>
            ))}
          </ul>
          <p className="muted">{t.or}</p>
        </>
      )}
      <form onSubmit={(e) => void signIn(e)}>
        <label htmlFor="login-email">{t.email}</label>
        <input
          id="login-email"
          type="email"
          required
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor="login-password">{t.password}</label>
        <input
          id="login-password"
          type="password"
          required
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <SubmitRow mutation={mutation} label={t.submit} />
      </form>
      <p>
        <button type="button" className="link-button" onClick={() => setMode('reset')}>
          {t.forgot}
        </button>
      </p>
    </>
  );
}
