/**
 * Two-factor authentication in the console: the second step of a password sign-in (a code of the app, or a recovery
 * code), and the enrolment (QR code and key to type, confirmed with a code, then the ten recovery codes shown once).
 */
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { enrolmentSchema } from '../../../../src/accounts/routes/two-factor-routes.js';
import { api } from '../api.js';
import { ErrorMessage, PageTitle, useMutation } from '../components.js';
import { useTexts } from '../i18n.js';
import { SubmitRow } from './form-parts.js';

const texts = {
  en: {
    verifyTitle: 'Two-factor authentication',
    verifyIntro:
      'Give the 6-digit code your authenticator app shows now. Lost your phone? Give one of your recovery codes instead.',
    code: 'Code',
    verify: 'Continue',
    signOut: 'Sign out',
    enrolTitle: 'Set up two-factor authentication',
    enrolRequired: 'Your organisation requires a second factor. Set it up to continue.',
    enrolIntro:
      'Scan this QR code with an authenticator app (for example FreeOTP, Aegis or Google Authenticator), or type the key into it. Then give the code it shows.',
    qr: 'QR code to scan with your authenticator app',
    key: 'Key to type in',
    start: 'Set up two-factor authentication',
    confirm: 'Confirm',
    codesTitle: 'Your recovery codes',
    codesIntro:
      'Each code works once, when you cannot use your app. Keep them somewhere safe: this is the only time they are shown.',
    done: 'I have saved them',
  },
  nl: {
    verifyTitle: 'Tweestapsverificatie',
    verifyIntro:
      'Geef de 6-cijferige code die uw authenticator-app nu toont. Telefoon kwijt? Geef dan een van uw herstelcodes.',
    code: 'Code',
    verify: 'Doorgaan',
    signOut: 'Afmelden',
    enrolTitle: 'Tweestapsverificatie instellen',
    enrolRequired: 'Uw organisatie vereist een tweede factor. Stel die in om verder te gaan.',
    enrolIntro:
      'Scan deze QR-code met een authenticator-app (bijvoorbeeld FreeOTP, Aegis of Google Authenticator), of tik de sleutel in. Geef daarna de code die de app toont.',
    qr: 'QR-code om te scannen met uw authenticator-app',
    key: 'Sleutel om in te tikken',
    start: 'Tweestapsverificatie instellen',
    confirm: 'Bevestigen',
    codesTitle: 'Uw herstelcodes',
    codesIntro:
      'Elke code werkt één keer, als u uw app niet kunt gebruiken. Bewaar ze op een veilige plek: ze worden alleen nu getoond.',
    done: 'Ik heb ze bewaard',
  },
  fr: {
    verifyTitle: 'Authentification à deux facteurs',
    verifyIntro:
      'Indiquez le code à 6 chiffres que votre application d’authentification affiche. Téléphone perdu ? Indiquez plutôt un de vos codes de récupération.',
    code: 'Code',
    verify: 'Continuer',
    signOut: 'Se déconnecter',
    enrolTitle: 'Configurer l’authentification à deux facteurs',
    enrolRequired: 'Votre organisation exige un second facteur. Configurez-le pour continuer.',
    enrolIntro:
      'Scannez ce code QR avec une application d’authentification (par exemple FreeOTP, Aegis ou Google Authenticator), ou saisissez-y la clé. Indiquez ensuite le code affiché.',
    qr: 'Code QR à scanner avec votre application d’authentification',
    key: 'Clé à saisir',
    start: 'Configurer l’authentification à deux facteurs',
    confirm: 'Confirmer',
    codesTitle: 'Vos codes de récupération',
    codesIntro:
      'Chaque code fonctionne une fois, quand vous ne pouvez pas utiliser votre application. Gardez-les en lieu sûr : ils ne sont affichés que maintenant.',
    done: 'Je les ai enregistrés',
  },
  de: {
    verifyTitle: 'Zwei-Faktor-Authentifizierung',
    verifyIntro:
      'Geben Sie den 6-stelligen Code ein, den Ihre Authenticator-App jetzt anzeigt. Telefon verloren? Geben Sie stattdessen einen Ihrer Wiederherstellungscodes ein.',
    code: 'Code',
    verify: 'Weiter',
    signOut: 'Abmelden',
    enrolTitle: 'Zwei-Faktor-Authentifizierung einrichten',
    enrolRequired: 'Ihre Organisation verlangt einen zweiten Faktor. Richten Sie ihn ein, um fortzufahren.',
    enrolIntro:
      'Scannen Sie diesen QR-Code mit einer Authenticator-App (zum Beispiel FreeOTP, Aegis oder Google Authenticator) oder tippen Sie den Schlüssel ein. Geben Sie dann den angezeigten Code ein.',
    qr: 'QR-Code zum Scannen mit Ihrer Authenticator-App',
    key: 'Schlüssel zum Eintippen',
    start: 'Zwei-Faktor-Authentifizierung einrichten',
    confirm: 'Bestätigen',
    codesTitle: 'Ihre Wiederherstellungscodes',
    codesIntro:
      'Jeder Code funktioniert einmal, wenn Sie Ihre App nicht nutzen können. Bewahren Sie sie sicher auf: Sie werden nur jetzt angezeigt.',
    done: 'Ich habe sie gespeichert',
  },
};

/** The second step of a password sign-in. */
export function SecondFactor({ onDone, onSignOut }: { onDone: () => Promise<void>; onSignOut: () => Promise<void> }) {
  const t = useTexts(texts);
  const [code, setCode] = useState('');
  const mutation = useMutation();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await mutation.run(() => api('/api/v1/auth/two-factor/verify', { method: 'POST', body: { code } }));
    if (ok) await onDone();
  };
  return (
    <>
      <PageTitle>{t.verifyTitle}</PageTitle>
      <p>{t.verifyIntro}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="second-factor-code">{t.code}</label>
        <input
          id="second-factor-code"
          required
          autoComplete="one-time-code"
          inputMode="text"
          spellCheck={false}
          maxLength={20}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <SubmitRow mutation={mutation} label={t.verify}>
          {' '}
          <button type="button" className="secondary" onClick={() => void onSignOut()}>
            {t.signOut}
          </button>
        </SubmitRow>
      </form>
    </>
  );
}

type Enrolment = z.infer<typeof enrolmentSchema>;

/** Enrolment; `required` when the organisation sends the member here at sign-in (the page has its own title then). */
export function Enrol({
  required,
  onDone,
  headingLevel = 1,
}: {
  required: boolean;
  onDone: () => Promise<void>;
  headingLevel?: 1 | 2;
}) {
  const t = useTexts(texts);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const mutation = useMutation();

  const start = async () => {
    const result = await mutation.run(() => api<Enrolment>('/api/v1/auth/two-factor/enrolment', { method: 'POST' }));
    if (result) setEnrolment(result);
  };
  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    const result = await mutation.run(() =>
      api<{ recoveryCodes: string[] }>('/api/v1/auth/two-factor/enrolment/confirm', { method: 'POST', body: { code } }),
    );
    if (result) setCodes(result.recoveryCodes);
  };

  if (codes) {
    return (
      <section aria-labelledby="recovery-codes-title">
        <h2 id="recovery-codes-title">{t.codesTitle}</h2>
        <p>{t.codesIntro}</p>
        <ul className="recovery-codes" data-testid="recovery-codes">
          {codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <p>
          <button type="button" onClick={() => void onDone()}>
            {t.done}
          </button>
        </p>
      </section>
    );
  }
  return (
    <section>
      {headingLevel === 1 ? <PageTitle>{t.enrolTitle}</PageTitle> : <h2>{t.enrolTitle}</h2>}
      {required && <p className="notice">{t.enrolRequired}</p>}
      {!enrolment ? (
        <>
          <ErrorMessage error={mutation.error} />
          <p>
            <button type="button" disabled={mutation.pending} onClick={() => void start()}>
              {t.start}
            </button>
          </p>
        </>
      ) : (
        <form onSubmit={(e) => void confirm(e)}>
          <p>{t.enrolIntro}</p>
          <img src={enrolment.qrCode} alt={t.qr} width={200} height={200} className="qr-code" />
          <p>
            {t.key}:{' '}
            <code data-testid="totp-key" className="totp-key">
              {enrolment.secret}
            </code>
          </p>
          <label htmlFor="enrol-code">{t.code}</label>
          <input
            id="enrol-code"
            required
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={20}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <SubmitRow mutation={mutation} label={t.confirm} />
        </form>
      )}
    </section>
  );
}
