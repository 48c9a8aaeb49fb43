/** The password-link mail, in the user's language. Contains the link only; logs never see it. */
import type { Mailer } from '../../platform/mail.js';

type Language = 'en' | 'nl' | 'fr' | 'de';

const texts: Record<Language, Record<'reset' | 'invite', { subject: string; body: string }> & { expiry: string }> = {
  en: {
    reset: {
      subject: 'Choose a new Charter password',
      body: 'Someone asked to choose a new password for your Charter account. If it was you, open this link:',
    },
    invite: {
      subject: 'Your Charter account',
      body: 'An account was created for you in Charter. Choose your password with this link:',
    },
    expiry: 'The link works once and expires in 24 hours. If you did not ask for it, ignore this mail.',
  },
  nl: {
    reset: {
      subject: 'Kies een nieuw Charter-wachtwoord',
      body: 'Er werd gevraagd een nieuw wachtwoord te kiezen voor uw Charter-account. Was u dat, open dan deze link:',
    },
    invite: {
      subject: 'Uw Charter-account',
      body: 'Er werd een Charter-account voor u aangemaakt. Kies uw wachtwoord met deze link:',
    },
    expiry: 'De link werkt één keer en vervalt na 24 uur. Hebt u er niet om gevraagd, negeer dan deze mail.',
  },
  fr: {
    reset: {
      subject: 'Choisissez un nouveau mot de passe Charter',
      body: 'Quelqu’un a demandé un nouveau mot de passe pour votre compte Charter. Si c’était vous, ouvrez ce lien :',
    },
    invite: {
      subject: 'Votre compte Charter',
      body: 'Un compte Charter a été créé pour vous. Choisissez votre mot de passe avec ce lien :',
    },
    expiry: 'Le lien fonctionne une fois et expire après 24 heures. Si vous ne l’avez pas demandé, ignorez ce message.',
  },
  de: {
    reset: {
      subject: 'Neues Charter-Passwort wählen',
      body: 'Für Ihr Charter-Konto wurde ein neues Passwort angefordert. Wenn Sie das waren, öffnen Sie diesen Link:',
    },
    invite: {
      subject: 'Ihr Charter-Konto',
      body: 'Für Sie wurde ein Konto in Charter angelegt. Wählen Sie Ihr Passwort über diesen Link:',
    },
    expiry:
      'Der Link funktioniert einmal und läuft nach 24 Stunden ab. Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese E-Mail.',
  },
};

export async function sendPasswordMail(
  mailer: Mailer,
  input: { to: string; url: string; language: Language; reason: 'reset' | 'invite' },
) {
  const t = texts[input.language];
  await mailer.send({
    organisationId: null,
    to: input.to,
    subject: t[input.reason].subject,
    text: `${t[input.reason].body}\n\n${input.url}\n\n${t.expiry}\n`,
    template: `account.password-${input.reason}`,
    language: input.language,
  });
}

const addedTexts: Record<Language, { subject: string; body: (organisation: string) => string }> = {
  en: {
    subject: 'You were added to an organisation in Charter',
    body: (o) => `You now have access to ${o} in Charter, with your existing account. Sign in to see it:`,
  },
  nl: {
    subject: 'U werd toegevoegd aan een organisatie in Charter',
    body: (o) => `U hebt nu toegang tot ${o} in Charter, met uw bestaande account. Meld u aan om het te zien:`,
  },
  fr: {
    subject: 'Vous avez été ajouté à une organisation dans Charter',
    body: (o) =>
      `Vous avez maintenant accès à ${o} dans Charter, avec votre compte existant. Connectez-vous pour le voir :`,
  },
  de: {
    subject: 'Sie wurden einer Organisation in Charter hinzugefügt',
    body: (o) =>
      `Sie haben jetzt mit Ihrem bestehenden Konto Zugriff auf ${o} in Charter. Melden Sie sich an, um sie zu sehen:`,
  },
};

/**
 * The invitation of a person who already has an account (with a password): a link to sign in, no password link —
 * the owner who added them gets the same answer either way, and never a way into their account.
 */
export async function sendMemberAddedMail(
  mailer: Mailer,
  input: { to: string; organisation: string; url: string; language: Language },
) {
  const t = addedTexts[input.language];
  await mailer.send({
    organisationId: null,
    to: input.to,
    subject: t.subject,
    text: `${t.body(input.organisation)}\n\n${input.url}\n`,
    template: 'account.member-added',
    language: input.language,
  });
}
