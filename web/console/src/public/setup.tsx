/** First run: create the first owner with the one-time link the server printed. */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { PageTitle, useMutation } from '../components.js';
import { useTexts } from '../i18n.js';
import { Link, queryParam } from '../router.js';
import { NewPasswordFields, SubmitRow, TitledLoading } from './form-parts.js';

const texts = {
  en: {
    title: 'Set up Charter',
    intro: 'Create the first owner account. It becomes owner of every organisation on this server.',
    done: 'Setup is already done.',
    signIn: 'Sign in',
    invalid:
      'This setup link is not valid (any more). Restart the server to print a new one; it is valid for one hour.',
    email: 'Email address',
    password: 'Password (at least 12 characters)',
    confirm: 'Password again',
    mismatch: 'The two passwords differ.',
    organisation: 'Organisation',
    slug: 'Short name (lowercase letters, digits, dashes)',
    name: 'Legal name',
    submit: 'Create the owner',
  },
  nl: {
    title: 'Charter instellen',
    intro: 'Maak het eerste eigenaarsaccount aan. Het wordt eigenaar van elke organisatie op deze server.',
    done: 'De installatie is al gebeurd.',
    signIn: 'Aanmelden',
    invalid: 'Deze installatielink is niet (meer) geldig. Herstart de server voor een nieuwe; die is één uur geldig.',
    email: 'E-mailadres',
    password: 'Wachtwoord (minstens 12 tekens)',
    confirm: 'Wachtwoord opnieuw',
    mismatch: 'De twee wachtwoorden verschillen.',
    organisation: 'Organisatie',
    slug: 'Korte naam (kleine letters, cijfers, streepjes)',
    name: 'Juridische naam',
    submit: 'Eigenaar aanmaken',
  },
  fr: {
    title: 'Configurer Charter',
    intro: 'Créez le premier compte propriétaire. Il devient propriétaire de chaque organisation de ce serveur.',
    done: 'La configuration est déjà faite.',
    signIn: 'Se connecter',
    invalid:
      'Ce lien de configuration n’est pas (ou plus) valable. Redémarrez le serveur pour en obtenir un nouveau, valable une heure.',
    email: 'Adresse e-mail',
    password: 'Mot de passe (au moins 12 caractères)',
    confirm: 'Mot de passe à nouveau',
    mismatch: 'Les deux mots de passe diffèrent.',
    organisation: 'Organisation',
    slug: 'Nom court (minuscules, chiffres, tirets)',
    name: 'Dénomination légale',
    submit: 'Créer le propriétaire',
  },
  de: {
    title: 'Charter einrichten',
    intro: 'Legen Sie das erste Eigentümerkonto an. Es wird Eigentümer jeder Organisation auf diesem Server.',
    done: 'Die Einrichtung ist bereits erfolgt.',
    signIn: 'Anmelden',
    invalid:
      'Dieser Einrichtungslink ist nicht (mehr) gültig. Starten Sie den Server neu, um einen neuen auszugeben; er ist eine Stunde gültig.',
    email: 'E-Mail-Adresse',
    password: 'Passwort (mindestens 12 Zeichen)',
    confirm: 'Passwort wiederholen',
    mismatch: 'Die beiden Passwörter stimmen nicht überein.',
    organisation: 'Organisation',
    slug: 'Kurzname (Kleinbuchstaben, Ziffern, Bindestriche)',
    name: 'Rechtlicher Name',
    submit: 'Eigentümer anlegen',
  },
};

export function Setup({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const t = useTexts(texts);
  const token = queryParam('token') ?? '';
  const [status, setStatus] = useState<{ needed: boolean; linkValid: boolean; organisationNeeded: boolean } | null>(
    null,
  );
  const [form, setForm] = useState({ email: '', password: '', confirm: '', slug: '', name: '' });
  const [mismatch, setMismatch] = useState(false);
  const mutation = useMutation();

  useEffect(() => {
    void api<{ needed: boolean; linkValid: boolean; organisationNeeded: boolean }>('/api/v1/setup', {
      query: token ? { token } : {},
    }).then(setStatus, () => setStatus({ needed: false, linkValid: false, organisationNeeded: false }));
  }, [token]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMismatch(form.password !== form.confirm);
    if (form.password !== form.confirm) return;
    const body = {
      token,
      email: form.email,
      password: form.password,
      ...(status?.organisationNeeded ? { organisation: { slug: form.slug, name: form.name } } : {}),
    };
    const ok = await mutation.run(() => api('/api/v1/setup', { method: 'POST', body }));
    if (ok) await onSignedIn();
  };
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })),
  });

  if (!status) return <TitledLoading title={t.title} />;
  if (!status.needed)
    return (
      <>
        <PageTitle>{t.title}</PageTitle>
        <p>
          {t.done} <Link to="/login">{t.signIn}</Link>
        </p>
      </>
    );
  if (!status.linkValid)
    return (
      <>
        <PageTitle>{t.title}</PageTitle>
        <p className="error" role="alert">
          {t.invalid}
        </p>
      </>
    );
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p>{t.intro}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="setup-email">{t.email}</label>
        <input id="setup-email" type="email" required autoComplete="username" {...field('email')} />
        <NewPasswordFields
          ids={{ password: 'setup-password', confirm: 'setup-confirm' }}
          labels={t}
          password={field('password')}
          confirm={field('confirm')}
        />
        {status.organisationNeeded && (
          <fieldset>
            <legend>{t.organisation}</legend>
            <label htmlFor="setup-slug">{t.slug}</label>
            <input id="setup-slug" required pattern="[a-z0-9][a-z0-9\-]*" {...field('slug')} />
            <label htmlFor="setup-name">{t.name}</label>
            <input id="setup-name" required {...field('name')} />
          </fieldset>
        )}
        <SubmitRow mutation={mutation} label={t.submit} problem={mismatch && t.mismatch} />
      </form>
    </>
  );
}
