/**
 * What people see of purpose consents: the double opt-in mail and the confirmation pages, in EN, NL, FR and DE.
 * The confirmation link opens a page with the exact text and a button; only the button's POST records the consent
 * (mail scanners open links on their own, and a GET must never change anything).
 */
import type { Language, Text } from '../charter/schema.js';
import { html, page } from '../platform/http/html.js';
import { textIn } from './ledger-receipt.js';

type MailLabel = 'subject' | 'intro' | 'introParental' | 'confirm' | 'ignore' | 'expires';
type PageLabel =
  | 'title'
  | 'skip'
  | 'lead'
  | 'leadParental'
  | 'button'
  | 'done'
  | 'doneText'
  | 'already'
  | 'expired'
  | 'expiredText'
  | 'invalid'
  | 'invalidText';

const mailTexts: Record<Language, Record<MailLabel, string>> = {
  en: {
    subject: 'Please confirm: {purpose}',
    intro: '{organisation} received a request to record your consent for the following, with this email address:',
    introParental: '{organisation} received a request to record your consent, as a parent, for your child:',
    confirm: 'To confirm, open this link and press the button:',
    ignore: 'If you did not ask for this, ignore this mail: nothing is recorded without your confirmation.',
    expires: 'The link works for {days} days.',
  },
  nl: {
    subject: 'Graag bevestigen: {purpose}',
    intro: '{organisation} kreeg een vraag om met dit e-mailadres uw toestemming vast te leggen voor het volgende:',
    introParental: '{organisation} kreeg een vraag om uw toestemming als ouder vast te leggen voor uw kind:',
    confirm: 'Om te bevestigen opent u deze link en drukt u op de knop:',
    ignore: 'Hebt u dit niet gevraagd? Negeer dan deze e-mail: zonder uw bevestiging wordt niets vastgelegd.',
    expires: 'De link werkt {days} dagen.',
  },
  fr: {
    subject: 'Merci de confirmer : {purpose}',
    intro:
      '{organisation} a reçu une demande d’enregistrer votre consentement pour ce qui suit, avec cette adresse e-mail :',
    introParental:
      '{organisation} a reçu une demande d’enregistrer votre consentement, en tant que parent, pour votre enfant :',
    confirm: 'Pour confirmer, ouvrez ce lien et appuyez sur le bouton :',
    ignore: 'Si vous n’avez rien demandé, ignorez ce message : rien n’est enregistré sans votre confirmation.',
    expires: 'Le lien est valable {days} jours.',
  },
  de: {
    subject: 'Bitte bestätigen: {purpose}',
    intro:
      '{organisation} hat eine Anfrage erhalten, mit dieser E-Mail-Adresse Ihre Einwilligung in Folgendes zu erfassen:',
    introParental:
      '{organisation} hat eine Anfrage erhalten, Ihre Einwilligung als Elternteil für Ihr Kind zu erfassen:',
    confirm: 'Zum Bestätigen öffnen Sie diesen Link und drücken Sie die Schaltfläche:',
    ignore:
      'Wenn Sie das nicht angefragt haben, ignorieren Sie diese E-Mail: ohne Ihre Bestätigung wird nichts erfasst.',
    expires: 'Der Link ist {days} Tage gültig.',
  },
};

const pageTexts: Record<Language, Record<PageLabel, string>> = {
  en: {
    title: 'Confirm your consent', skip: 'Skip to content', lead: '{organisation} asks your consent for:', leadParental: '{organisation} asks your consent, as a parent, for your child:',
    button: 'I confirm', done: 'Thank you', doneText: 'Your consent is recorded. You can withdraw it at any time, as easily as you gave it.',
    already: 'This consent was already confirmed. Nothing else to do.', expired: 'This link has expired', expiredText: 'Confirmation links work for a limited time. Please ask again.',
    invalid: 'This link does not work', invalidText: 'The link is incomplete or was changed. Open it again from the mail.',
  },
  nl: {
    title: 'Bevestig uw toestemming', skip: 'Naar de inhoud', lead: '{organisation} vraagt uw toestemming voor:', leadParental: '{organisation} vraagt uw toestemming als ouder voor uw kind:',
    button: 'Ik bevestig', done: 'Dank u', doneText: 'Uw toestemming is vastgelegd. U kunt ze op elk moment intrekken, even gemakkelijk als u ze gaf.',
    already: 'Deze toestemming was al bevestigd. U hoeft niets meer te doen.', expired: 'Deze link is verlopen', expiredText: 'Bevestigingslinks werken een beperkte tijd. Vraag het opnieuw aan.',
    invalid: 'Deze link werkt niet', invalidText: 'De link is onvolledig of werd gewijzigd. Open hem opnieuw vanuit de e-mail.',
  },
  fr: {
    title: 'Confirmez votre consentement', skip: 'Aller au contenu', lead: '{organisation} demande votre consentement pour :', leadParental: '{organisation} demande votre consentement, en tant que parent, pour votre enfant :',
    button: 'Je confirme', done: 'Merci', doneText: 'Votre consentement est enregistré. Vous pouvez le retirer à tout moment, aussi facilement que vous l’avez donné.',
    already: 'Ce consentement était déjà confirmé. Rien d’autre à faire.', expired: 'Ce lien a expiré', expiredText: 'Les liens de confirmation ont une durée limitée. Veuillez refaire la demande.',
    invalid: 'Ce lien ne fonctionne pas', invalidText: 'Le lien est incomplet ou a été modifié. Ouvrez-le à nouveau depuis l’e-mail.',
  },
  de: {
    title: 'Einwilligung bestätigen', skip: 'Zum Inhalt', lead: '{organisation} bittet um Ihre Einwilligung in:', leadParental: '{organisation} bittet Sie als Elternteil um Ihre Einwilligung für Ihr Kind:',
    button: 'Ich bestätige', done: 'Danke', doneText: 'Ihre Einwilligung ist erfasst. Sie können sie jederzeit so einfach widerrufen, wie Sie sie erteilt haben.',
    already: 'Diese Einwilligung war bereits bestätigt. Es ist nichts weiter zu tun.', expired: 'Dieser Link ist abgelaufen', expiredText: 'Bestätigungslinks sind nur begrenzt gültig. Bitte fragen Sie erneut an.',
    invalid: 'Dieser Link funktioniert nicht', invalidText: 'Der Link ist unvollständig oder wurde verändert. Öffnen Sie ihn erneut aus der E-Mail.',
  },
}; // prettier-ignore

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** The double opt-in mail: the exact consent text and the confirmation link. */
export function confirmationMail(input: {
  language: Language;
  organisation: string;
  purposeName: Text;
  consentText: Text;
  parental: boolean;
  link: string;
  days: number;
}): { subject: string; text: string } {
  const t = mailTexts[input.language];
  const purpose = textIn(input.purposeName, input.language);
  const consent = textIn(input.consentText, input.language);
  const intro = fill(input.parental ? t.introParental : t.intro, { organisation: input.organisation });
  const lines = [
    intro,
    '',
    `“${consent}”`,
    '',
    t.confirm,
    input.link,
    '',
    fill(t.expires, { days: input.days }),
    t.ignore,
  ];
  // Plain text only: readable in every client, and no remote content that could track the opening.
  return { subject: fill(t.subject, { purpose }), text: lines.join('\n') };
}

export type ConfirmPage =
  | { kind: 'ask'; organisation: string; purposeName: Text; consentText: Text; parental: boolean; action: string }
  | { kind: 'done' | 'already'; organisation: string; purposeName: Text }
  | { kind: 'expired' | 'invalid' };

/** The confirmation page in one of its states. */
export function renderConfirmPage(state: ConfirmPage, language: Language): string {
  const t = pageTexts[language];
  let content;
  switch (state.kind) {
    case 'ask':
      content = html`<h1>${t.title}</h1>
        <p>${fill(state.parental ? t.leadParental : t.lead, { organisation: state.organisation })}</p>
        <h2>${textIn(state.purposeName, language)}</h2>
        <blockquote>${textIn(state.consentText, language)}</blockquote>
        <form method="post" action="${state.action}"><button type="submit">${t.button}</button></form>`;
      break;
    case 'done':
    case 'already':
      content = html`<h1>${t.done}</h1><p><strong>${textIn(state.purposeName, language)}</strong> — ${state.organisation}</p><p>${state.kind === 'done' ? t.doneText : t.already}</p>`;
      break;
    case 'expired':
      content = html`<h1>${t.expired}</h1><p>${t.expiredText}</p>`;
      break;
    case 'invalid':
      content = html`<h1>${t.invalid}</h1><p>${t.invalidText}</p>`;
      break;
  }
  return page({ lang: language, title: t.title, body: html`<main id="main">${content}</main>`, skipLinkLabel: t.skip });
}
