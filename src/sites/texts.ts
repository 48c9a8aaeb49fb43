/**
 * What a person reads about a site-scan finding, in EN/NL/FR/DE: one line saying what was seen, and the fix.
 * Placeholders in braces are filled from the finding.
 */
import type { Language } from '../charter/schema.js';
import type { FindingRule, ScanCondition, SiteFinding } from './schemas.js';

interface RuleText {
  what: string;
  fix: string;
}

const texts: Record<
  Language,
  Record<FindingRule, RuleText> & {
    conditions: Record<ScanCondition, string>;
    severity: Record<SiteFinding['severity'], string>;
  }
> = {
  en: {
    conditions: {
      'no-choice': 'before any choice',
      'reject-all': 'after Reject all',
      'accept-all': 'after Accept all',
      gpc: 'with Global Privacy Control on',
    },
    severity: { violation: 'violation', warning: 'warning', info: 'info' },
    'storage-before-consent': {
      what: '"{subject}" ({category}) is stored {condition}',
      fix: 'Load what sets it only once its category is granted: mark the script type="text/plain" data-category="…".',
    },
    'storage-after-reject': {
      what: '"{subject}" ({category}) is stored {condition}',
      fix: 'Make the script that sets it follow the choice of its own category, not just any choice.',
    },
    'storage-under-gpc': {
      what: '"{subject}" ({category}) is stored {condition}',
      fix: 'Gate it on its own category, which Global Privacy Control keeps off.',
    },
    'undeclared-storage': {
      what: '"{subject}" is stored but no declaration in the charter covers it',
      fix: 'Declare it under cookies: (draft below), or remove what sets it.',
    },
    'expiry-longer-than-declared': {
      what: '"{subject}" lives {observed}, the charter declares {declared}',
      fix: 'Declare the real lifetime (with a justification above 13 months) or shorten the cookie.',
    },
    'undeclared-third-party': {
      what: 'the site loads from {subject}, which no recipient declares',
      fix: 'Add the host to the recipient it belongs to (recipients[].hosts), or remove the embed.',
    },
    'google-tag-before-consent-default': {
      what: 'the Google tag ({subject}) runs before the Consent Mode default',
      fix: 'Place the banner tag without async above the Google tag, so the default comes first.',
    },
    'declared-never-seen': {
      what: '"{subject}" is declared but was not seen on the scanned pages',
      fix: 'Remove the declaration if the site no longer uses it.',
    },
    'banner-not-shown': {
      what: 'the consent banner did not show on {subject}',
      fix: 'Add the banner tag to every page that asks for consent.',
    },
    'page-failed': {
      what: '{subject} could not be scanned: {error}',
      fix: 'Check that the page loads; the scan went on with the other pages.',
    },
  },
  nl: {
    conditions: {
      'no-choice': 'vóór elke keuze',
      'reject-all': 'na Alles weigeren',
      'accept-all': 'na Alles accepteren',
      gpc: 'met Global Privacy Control aan',
    },
    severity: { violation: 'overtreding', warning: 'waarschuwing', info: 'info' },
    'storage-before-consent': {
      what: '"{subject}" ({category}) wordt opgeslagen {condition}',
      fix: 'Laad wat het plaatst pas als de categorie toegestaan is: markeer het script type="text/plain" data-category="…".',
    },
    'storage-after-reject': {
      what: '"{subject}" ({category}) wordt opgeslagen {condition}',
      fix: 'Laat het script dat het plaatst de keuze voor zijn eigen categorie volgen, niet om het even welke keuze.',
    },
    'storage-under-gpc': {
      what: '"{subject}" ({category}) wordt opgeslagen {condition}',
      fix: 'Koppel het aan zijn eigen categorie, die Global Privacy Control uit laat.',
    },
    'undeclared-storage': {
      what: '"{subject}" wordt opgeslagen maar geen verklaring in de charter dekt het',
      fix: 'Verklaar het onder cookies: (ontwerp hieronder), of verwijder wat het plaatst.',
    },
    'expiry-longer-than-declared': {
      what: '"{subject}" leeft {observed}, de charter verklaart {declared}',
      fix: 'Verklaar de echte levensduur (met een verantwoording boven 13 maanden) of verkort de cookie.',
    },
    'undeclared-third-party': {
      what: 'de site laadt van {subject}, dat geen ontvanger verklaart',
      fix: 'Voeg de host toe aan de ontvanger waartoe hij behoort (recipients[].hosts), of verwijder de insluiting.',
    },
    'google-tag-before-consent-default': {
      what: 'de Google-tag ({subject}) loopt vóór de standaardinstelling van Consent Mode',
      fix: 'Plaats de bannertag zonder async boven de Google-tag, zodat de standaard eerst komt.',
    },
    'declared-never-seen': {
      what: '"{subject}" is verklaard maar werd niet gezien op de gescande pagina\'s',
      fix: 'Verwijder de verklaring als de site het niet meer gebruikt.',
    },
    'banner-not-shown': {
      what: 'de toestemmingsbanner verscheen niet op {subject}',
      fix: 'Voeg de bannertag toe aan elke pagina die om toestemming vraagt.',
    },
    'page-failed': {
      what: '{subject} kon niet gescand worden: {error}',
      fix: "Controleer of de pagina laadt; de scan ging verder met de andere pagina's.",
    },
  },
  fr: {
    conditions: {
      'no-choice': 'avant tout choix',
      'reject-all': 'après Tout refuser',
      'accept-all': 'après Tout accepter',
      gpc: 'avec Global Privacy Control activé',
    },
    severity: { violation: 'violation', warning: 'avertissement', info: 'info' },
    'storage-before-consent': {
      what: '« {subject} » ({category}) est enregistré {condition}',
      fix: 'Ne chargez ce qui le dépose qu’une fois sa catégorie acceptée : marquez le script type="text/plain" data-category="…".',
    },
    'storage-after-reject': {
      what: '« {subject} » ({category}) est enregistré {condition}',
      fix: 'Faites suivre au script qui le dépose le choix de sa propre catégorie, et non n’importe quel choix.',
    },
    'storage-under-gpc': {
      what: '« {subject} » ({category}) est enregistré {condition}',
      fix: 'Liez-le à sa propre catégorie, que Global Privacy Control laisse désactivée.',
    },
    'undeclared-storage': {
      what: '« {subject} » est enregistré mais aucune déclaration de la charte ne le couvre',
      fix: 'Déclarez-le sous cookies: (projet ci-dessous), ou retirez ce qui le dépose.',
    },
    'expiry-longer-than-declared': {
      what: '« {subject} » dure {observed}, la charte déclare {declared}',
      fix: 'Déclarez la durée réelle (avec une justification au-delà de 13 mois) ou raccourcissez le cookie.',
    },
    'undeclared-third-party': {
      what: 'le site charge depuis {subject}, qu’aucun destinataire ne déclare',
      fix: 'Ajoutez l’hôte au destinataire auquel il appartient (recipients[].hosts), ou retirez l’intégration.',
    },
    'google-tag-before-consent-default': {
      what: 'la balise Google ({subject}) s’exécute avant la valeur par défaut de Consent Mode',
      fix: 'Placez la balise du bandeau sans async au-dessus de la balise Google, pour que la valeur par défaut vienne d’abord.',
    },
    'declared-never-seen': {
      what: '« {subject} » est déclaré mais n’a pas été vu sur les pages analysées',
      fix: 'Retirez la déclaration si le site ne l’utilise plus.',
    },
    'banner-not-shown': {
      what: 'le bandeau de consentement ne s’est pas affiché sur {subject}',
      fix: 'Ajoutez la balise du bandeau à chaque page qui demande le consentement.',
    },
    'page-failed': {
      what: '{subject} n’a pas pu être analysée : {error}',
      fix: 'Vérifiez que la page se charge ; l’analyse a continué avec les autres pages.',
    },
  },
  de: {
    conditions: {
      'no-choice': 'vor jeder Auswahl',
      'reject-all': 'nach Alle ablehnen',
      'accept-all': 'nach Alle akzeptieren',
      gpc: 'mit aktivierter Global Privacy Control',
    },
    severity: { violation: 'Verstoß', warning: 'Warnung', info: 'Hinweis' },
    'storage-before-consent': {
      what: '„{subject}“ ({category}) wird {condition} gespeichert',
      fix: 'Laden Sie, was es setzt, erst nach Zustimmung zu seiner Kategorie: Skript als type="text/plain" data-category="…" markieren.',
    },
    'storage-after-reject': {
      what: '„{subject}“ ({category}) wird {condition} gespeichert',
      fix: 'Lassen Sie das setzende Skript der Auswahl seiner eigenen Kategorie folgen, nicht irgendeiner Auswahl.',
    },
    'storage-under-gpc': {
      what: '„{subject}“ ({category}) wird {condition} gespeichert',
      fix: 'Binden Sie es an seine eigene Kategorie, die Global Privacy Control ausgeschaltet lässt.',
    },
    'undeclared-storage': {
      what: '„{subject}“ wird gespeichert, aber keine Angabe in der Charter deckt es ab',
      fix: 'Geben Sie es unter cookies: an (Entwurf unten) oder entfernen Sie, was es setzt.',
    },
    'expiry-longer-than-declared': {
      what: '„{subject}“ besteht {observed}, die Charter gibt {declared} an',
      fix: 'Geben Sie die echte Laufzeit an (über 13 Monaten mit Begründung) oder verkürzen Sie das Cookie.',
    },
    'undeclared-third-party': {
      what: 'die Website lädt von {subject}, das kein Empfänger angibt',
      fix: 'Tragen Sie den Host beim zugehörigen Empfänger ein (recipients[].hosts) oder entfernen Sie die Einbettung.',
    },
    'google-tag-before-consent-default': {
      what: 'das Google-Tag ({subject}) läuft vor der Standardeinstellung von Consent Mode',
      fix: 'Setzen Sie das Banner-Tag ohne async über das Google-Tag, damit die Standardeinstellung zuerst kommt.',
    },
    'declared-never-seen': {
      what: '„{subject}“ ist angegeben, wurde auf den gescannten Seiten aber nicht gesehen',
      fix: 'Entfernen Sie die Angabe, wenn die Website es nicht mehr verwendet.',
    },
    'banner-not-shown': {
      what: 'das Einwilligungsbanner erschien nicht auf {subject}',
      fix: 'Fügen Sie das Banner-Tag jeder Seite hinzu, die um Einwilligung bittet.',
    },
    'page-failed': {
      what: '{subject} konnte nicht gescannt werden: {error}',
      fix: 'Prüfen Sie, ob die Seite lädt; der Scan ging mit den anderen Seiten weiter.',
    },
  },
};

export interface DescribedFinding {
  severity: string;
  what: string;
  fix: string;
}

/** The finding in words, in the given language. */
export function describeFinding(finding: SiteFinding, language: Language = 'en'): DescribedFinding {
  const table = texts[language];
  const values: Record<string, string> = {
    subject: finding.subject,
    condition: finding.condition ? table.conditions[finding.condition] : '',
    page: finding.page ?? '',
    setter: finding.setter ?? '',
    ...finding.details,
  };
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
  return {
    severity: table.severity[finding.severity],
    what: fill(table[finding.rule].what),
    fix: fill(table[finding.rule].fix),
  };
}
