/**
 * The page a person sees when a sign-in through their identity provider is refused: what went wrong and what to do,
 * in EN/NL/FR/DE, plain HTML (no script, the console's stylesheet-free layout), never a stack trace.
 */
import { languages, type Language } from '../charter/schema.js';
import type { OidcRefusal } from './oidc.js';

export type PageLanguage = Language;
export const pageLanguages: readonly PageLanguage[] = languages;

interface PageTexts {
  title: string;
  back: string;
  reasons: Record<OidcRefusal, string>;
}

const texts: Record<PageLanguage, PageTexts> = {
  en: {
    title: 'Sign-in refused',
    back: 'Back to sign in',
    reasons: {
      state:
        'This sign-in did not start in this browser, was already completed, or took more than 10 minutes. Start again from the sign-in page.',
      code: 'The identity provider’s answer had expired or was already used. Start again from the sign-in page.',
      token:
        'The identity provider’s answer was not meant for Charter or could not be checked (audience, issuer, nonce or signature). Start again; if it keeps happening, tell your administrator.',
      'provider-refused':
        'The identity provider refused the sign-in or was cancelled. Start again from the sign-in page.',
      'provider-unreachable': 'The identity provider could not be reached. Try again in a moment.',
      'unverified-email':
        'Your identity provider has not verified your email address, so Charter cannot match it to an account. Verify it with your provider, then try again.',
      'no-mapping':
        'No organisation in Charter admits accounts like yours through this provider. Ask an owner of your organisation to add you or to map your email domain.',
      disabled: 'This account is disabled. Ask an owner of your organisation.',
    },
  },
  nl: {
    title: 'Aanmelding geweigerd',
    back: 'Terug naar aanmelden',
    reasons: {
      state:
        'Deze aanmelding begon niet in deze browser, werd al afgerond of duurde langer dan 10 minuten. Begin opnieuw op de aanmeldpagina.',
      code: 'Het antwoord van de identiteitsprovider was verlopen of al gebruikt. Begin opnieuw op de aanmeldpagina.',
      token:
        'Het antwoord van de identiteitsprovider was niet voor Charter bestemd of kon niet worden gecontroleerd (doelgroep, uitgever, nonce of handtekening). Begin opnieuw; blijft het gebeuren, meld het dan aan uw beheerder.',
      'provider-refused':
        'De identiteitsprovider weigerde de aanmelding of ze werd geannuleerd. Begin opnieuw op de aanmeldpagina.',
      'provider-unreachable': 'De identiteitsprovider is niet bereikbaar. Probeer het zo meteen opnieuw.',
      'unverified-email':
        'Uw identiteitsprovider heeft uw e-mailadres niet geverifieerd, dus Charter kan het aan geen account koppelen. Laat het verifiëren bij uw provider en probeer opnieuw.',
      'no-mapping':
        'Geen enkele organisatie in Charter laat accounts zoals de uwe toe via deze provider. Vraag een eigenaar van uw organisatie u toe te voegen of uw e-maildomein te koppelen.',
      disabled: 'Deze account is uitgeschakeld. Vraag het een eigenaar van uw organisatie.',
    },
  },
  fr: {
    title: 'Connexion refusée',
    back: 'Retour à la connexion',
    reasons: {
      state:
        'Cette connexion n’a pas commencé dans ce navigateur, a déjà abouti ou a pris plus de 10 minutes. Recommencez depuis la page de connexion.',
      code: 'La réponse du fournisseur d’identité avait expiré ou avait déjà servi. Recommencez depuis la page de connexion.',
      token:
        'La réponse du fournisseur d’identité n’était pas destinée à Charter ou n’a pas pu être vérifiée (audience, émetteur, nonce ou signature). Recommencez ; si cela se reproduit, prévenez votre administrateur.',
      'provider-refused':
        'Le fournisseur d’identité a refusé la connexion ou elle a été annulée. Recommencez depuis la page de connexion.',
      'provider-unreachable': 'Le fournisseur d’identité est injoignable. Réessayez dans un instant.',
      'unverified-email':
        'Votre fournisseur d’identité n’a pas vérifié votre adresse e-mail : Charter ne peut donc pas la rattacher à un compte. Faites-la vérifier chez votre fournisseur, puis réessayez.',
      'no-mapping':
        'Aucune organisation dans Charter n’admet de comptes comme le vôtre par ce fournisseur. Demandez à un propriétaire de votre organisation de vous ajouter ou d’associer votre domaine e-mail.',
      disabled: 'Ce compte est désactivé. Adressez-vous à un propriétaire de votre organisation.',
    },
  },
  de: {
    title: 'Anmeldung abgelehnt',
    back: 'Zurück zur Anmeldung',
    reasons: {
      state:
        'Diese Anmeldung wurde nicht in diesem Browser begonnen, ist bereits abgeschlossen oder hat länger als 10 Minuten gedauert. Beginnen Sie auf der Anmeldeseite neu.',
      code: 'Die Antwort des Identitätsanbieters war abgelaufen oder bereits verwendet. Beginnen Sie auf der Anmeldeseite neu.',
      token:
        'Die Antwort des Identitätsanbieters war nicht für Charter bestimmt oder ließ sich nicht prüfen (Zielgruppe, Aussteller, Nonce oder Signatur). Beginnen Sie neu; wenn es wieder geschieht, wenden Sie sich an Ihre Administration.',
      'provider-refused':
        'Der Identitätsanbieter hat die Anmeldung abgelehnt, oder sie wurde abgebrochen. Beginnen Sie auf der Anmeldeseite neu.',
      'provider-unreachable': 'Der Identitätsanbieter ist nicht erreichbar. Versuchen Sie es gleich noch einmal.',
      'unverified-email':
        'Ihr Identitätsanbieter hat Ihre E-Mail-Adresse nicht bestätigt, daher kann Charter sie keinem Konto zuordnen. Lassen Sie sie bei Ihrem Anbieter bestätigen und versuchen Sie es erneut.',
      'no-mapping':
        'Keine Organisation in Charter lässt Konten wie Ihres über diesen Anbieter zu. Bitten Sie einen Eigentümer Ihrer Organisation, Sie hinzuzufügen oder Ihre E-Mail-Domain zuzuordnen.',
      disabled: 'Dieses Konto ist deaktiviert. Wenden Sie sich an einen Eigentümer Ihrer Organisation.',
    },
  },
};

/** The first of the request's languages (Accept-Language, or the one the sign-in started with) that Charter speaks. */
export function pageLanguage(preferred: string | undefined, acceptLanguage: string | undefined): PageLanguage {
  const candidates = [
    preferred ?? '',
    ...(acceptLanguage ?? '').split(',').map((part) => part.split(';')[0]!.trim().slice(0, 2).toLowerCase()),
  ];
  return (candidates.find((c) => (pageLanguages as readonly string[]).includes(c)) as PageLanguage | undefined) ?? 'en';
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** The refusal page (the reason's code is in `data-reason` for tests and support). */
export function refusalPage(reason: OidcRefusal, language: PageLanguage): string {
  const t = texts[language];
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)} — Charter</title>
</head>
<body>
<main>
<h1>${escapeHtml(t.title)}</h1>
<p role="alert" data-reason="${reason}">${escapeHtml(t.reasons[reason])}</p>
<p><a href="/console/login">${escapeHtml(t.back)}</a></p>
</main>
</body>
</html>
`;
}
