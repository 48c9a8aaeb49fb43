/**
 * The shipped taxonomy of personal-data categories. Ids are stable and dotted (`group.category`); a charter refers to
 * them in `data`, purposes, recipients and retention rules, and may declare its own categories next to these.
 *
 * Flags:
 * - `special`: a special category under Art. 9 (processing is prohibited unless an Art. 9(2) exception applies);
 * - `criminal`: data on criminal convictions and offences under Art. 10;
 * - `secret`: credentials and similar secrets, which are never included in an access or portability export.
 *
 * Names are in English, Dutch (as used in Belgium), French and German.
 */

export type TaxonomyLanguage = 'en' | 'nl' | 'fr' | 'de';
export type LocalisedName = Record<TaxonomyLanguage, string>;

export interface DataGroup {
  id: string;
  name: LocalisedName;
}

export interface DataCategory {
  id: string;
  group: string;
  name: LocalisedName;
  /** Art. 9 special category. */
  special?: boolean;
  /** Art. 10 criminal convictions and offences. */
  criminal?: boolean;
  /** A secret (password, token, key): never exported, never shown back. */
  secret?: boolean;
}

const groups = [
  { id: 'identity', name: { en: 'Identity', nl: 'Identiteit', fr: 'Identité', de: 'Identität' } },
  { id: 'contact', name: { en: 'Contact details', nl: 'Contactgegevens', fr: 'Coordonnées', de: 'Kontaktdaten' } },
  {
    id: 'professional',
    name: {
      en: 'Professional details',
      nl: 'Professionele gegevens',
      fr: 'Données professionnelles',
      de: 'Berufliche Angaben',
    },
  },
  {
    id: 'account',
    name: { en: 'User account', nl: 'Gebruikersaccount', fr: 'Compte utilisateur', de: 'Benutzerkonto' },
  },
  {
    id: 'commercial',
    name: {
      en: 'Customer relationship',
      nl: 'Klantrelatie',
      fr: 'Relation client',
      de: 'Kundenbeziehung',
    },
  },
  {
    id: 'financial',
    name: { en: 'Financial data', nl: 'Financiële gegevens', fr: 'Données financières', de: 'Finanzdaten' },
  },
  {
    id: 'online',
    name: {
      en: 'Online identifiers and usage',
      nl: 'Online-identificatoren en gebruik',
      fr: 'Identifiants et utilisation en ligne',
      de: 'Online-Kennungen und Nutzung',
    },
  },
  { id: 'location', name: { en: 'Location', nl: 'Locatie', fr: 'Localisation', de: 'Standort' } },
  {
    id: 'media',
    name: {
      en: 'Images and recordings',
      nl: 'Beeld- en geluidsopnamen',
      fr: 'Images et enregistrements',
      de: 'Bild- und Tonaufnahmen',
    },
  },
  { id: 'social', name: { en: 'Social media', nl: 'Sociale media', fr: 'Réseaux sociaux', de: 'Soziale Medien' } },
  {
    id: 'communication',
    name: { en: 'Communications', nl: 'Communicatie', fr: 'Communications', de: 'Kommunikation' },
  },
  { id: 'event', name: { en: 'Events', nl: 'Evenementen', fr: 'Événements', de: 'Veranstaltungen' } },
  {
    id: 'employment',
    name: {
      en: 'Recruitment and employment',
      nl: 'Werving en tewerkstelling',
      fr: 'Recrutement et emploi',
      de: 'Bewerbung und Beschäftigung',
    },
  },
  {
    id: 'consent',
    name: {
      en: 'Consent and choices',
      nl: 'Toestemming en keuzes',
      fr: 'Consentement et choix',
      de: 'Einwilligungen und Wahlmöglichkeiten',
    },
  },
  {
    id: 'special',
    name: {
      en: 'Special categories of data (Art. 9)',
      nl: 'Bijzondere categorieën van gegevens (art. 9)',
      fr: 'Catégories particulières de données (art. 9)',
      de: 'Besondere Kategorien von Daten (Art. 9)',
    },
  },
  {
    id: 'criminal',
    name: {
      en: 'Criminal convictions and offences (Art. 10)',
      nl: 'Strafrechtelijke veroordelingen en strafbare feiten (art. 10)',
      fr: 'Condamnations pénales et infractions (art. 10)',
      de: 'Strafrechtliche Verurteilungen und Straftaten (Art. 10)',
    },
  },
  { id: 'child', name: { en: 'Children', nl: 'Kinderen', fr: 'Enfants', de: 'Kinder' } },
] as const satisfies readonly DataGroup[];

export type DataGroupId = (typeof groups)[number]['id'];

export const dataGroups: readonly DataGroup[] = groups;

const categories = [
  // identity
  { id: 'identity.name', group: 'identity', name: { en: 'Name', nl: 'Naam', fr: 'Nom', de: 'Name' } },
  {
    id: 'identity.title',
    group: 'identity',
    name: { en: 'Form of address', nl: 'Aanspreking', fr: 'Civilité', de: 'Anrede' },
  },
  { id: 'identity.gender', group: 'identity', name: { en: 'Gender', nl: 'Geslacht', fr: 'Genre', de: 'Geschlecht' } },
  {
    id: 'identity.date-of-birth',
    group: 'identity',
    name: { en: 'Date of birth', nl: 'Geboortedatum', fr: 'Date de naissance', de: 'Geburtsdatum' },
  },
  { id: 'identity.age', group: 'identity', name: { en: 'Age', nl: 'Leeftijd', fr: 'Âge', de: 'Alter' } },
  {
    id: 'identity.nationality',
    group: 'identity',
    name: { en: 'Nationality', nl: 'Nationaliteit', fr: 'Nationalité', de: 'Staatsangehörigkeit' },
  },
  {
    id: 'identity.language',
    group: 'identity',
    name: { en: 'Preferred language', nl: 'Voorkeurstaal', fr: 'Langue préférée', de: 'Bevorzugte Sprache' },
  },
  {
    id: 'identity.marital-status',
    group: 'identity',
    name: { en: 'Marital status', nl: 'Burgerlijke staat', fr: 'État civil', de: 'Familienstand' },
  },
  {
    id: 'identity.id-document',
    group: 'identity',
    name: {
      en: 'Copy of an identity document',
      nl: 'Kopie van een identiteitsbewijs',
      fr: "Copie d'une pièce d'identité",
      de: 'Kopie eines Ausweisdokuments',
    },
  },
  {
    id: 'identity.national-number',
    group: 'identity',
    name: {
      en: 'National registration number',
      nl: 'Rijksregisternummer',
      fr: 'Numéro de registre national',
      de: 'Nationalregisternummer',
    },
  },
  {
    id: 'identity.signature',
    group: 'identity',
    name: { en: 'Signature', nl: 'Handtekening', fr: 'Signature', de: 'Unterschrift' },
  },

  // contact
  {
    id: 'contact.email',
    group: 'contact',
    name: { en: 'Email address', nl: 'E-mailadres', fr: 'Adresse e-mail', de: 'E-Mail-Adresse' },
  },
  {
    id: 'contact.phone',
    group: 'contact',
    name: { en: 'Phone number', nl: 'Telefoonnummer', fr: 'Numéro de téléphone', de: 'Telefonnummer' },
  },
  {
    id: 'contact.postal-address',
    group: 'contact',
    name: { en: 'Postal address', nl: 'Postadres', fr: 'Adresse postale', de: 'Postanschrift' },
  },
  {
    id: 'contact.postal-code',
    group: 'contact',
    name: { en: 'Postal code', nl: 'Postcode', fr: 'Code postal', de: 'Postleitzahl' },
  },
  {
    id: 'contact.emergency-contact',
    group: 'contact',
    name: {
      en: 'Emergency contact',
      nl: 'Contactpersoon in noodgevallen',
      fr: "Personne à prévenir en cas d'urgence",
      de: 'Notfallkontakt',
    },
  },

  // professional
  {
    id: 'professional.company-name',
    group: 'professional',
    name: { en: 'Company name', nl: 'Bedrijfsnaam', fr: "Nom de l'entreprise", de: 'Firmenname' },
  },
  {
    id: 'professional.job-title',
    group: 'professional',
    name: { en: 'Job title', nl: 'Functie', fr: 'Fonction', de: 'Position' },
  },
  {
    id: 'professional.sector',
    group: 'professional',
    name: { en: 'Sector', nl: 'Sector', fr: "Secteur d'activité", de: 'Branche' },
  },
  {
    id: 'professional.company-number',
    group: 'professional',
    name: {
      en: 'Company or VAT number',
      nl: 'Ondernemings- of btw-nummer',
      fr: "Numéro d'entreprise ou de TVA",
      de: 'Unternehmens- oder Umsatzsteuer-Identifikationsnummer',
    },
  },
  {
    id: 'professional.public-profile',
    group: 'professional',
    name: {
      en: 'Publicly available professional information',
      nl: 'Openbaar beschikbare professionele informatie',
      fr: 'Informations professionnelles accessibles au public',
      de: 'Öffentlich zugängliche berufliche Angaben',
    },
  },

  // account
  {
    id: 'account.username',
    group: 'account',
    name: { en: 'Username', nl: 'Gebruikersnaam', fr: "Nom d'utilisateur", de: 'Benutzername' },
  },
  {
    id: 'account.password',
    group: 'account',
    name: { en: 'Password', nl: 'Wachtwoord', fr: 'Mot de passe', de: 'Passwort' },
    secret: true,
  },
  {
    id: 'account.token',
    group: 'account',
    name: {
      en: 'Access or session token',
      nl: 'Toegangs- of sessietoken',
      fr: "Jeton d'accès ou de session",
      de: 'Zugriffs- oder Sitzungstoken',
    },
    secret: true,
  },
  {
    id: 'account.api-key',
    group: 'account',
    name: { en: 'API key', nl: 'API-sleutel', fr: 'Clé API', de: 'API-Schlüssel' },
    secret: true,
  },
  {
    id: 'account.mfa-secret',
    group: 'account',
    name: {
      en: 'Two-factor authentication secret',
      nl: 'Geheime sleutel voor tweestapsverificatie',
      fr: "Secret d'authentification à deux facteurs",
      de: 'Geheimnis für die Zwei-Faktor-Authentifizierung',
    },
    secret: true,
  },
  {
    id: 'account.security-answer',
    group: 'account',
    name: {
      en: 'Answer to a security question',
      nl: 'Antwoord op een beveiligingsvraag',
      fr: 'Réponse à une question de sécurité',
      de: 'Antwort auf eine Sicherheitsfrage',
    },
    secret: true,
  },
  {
    id: 'account.settings',
    group: 'account',
    name: { en: 'Account settings', nl: 'Accountinstellingen', fr: 'Paramètres du compte', de: 'Kontoeinstellungen' },
  },
  {
    id: 'account.login-history',
    group: 'account',
    name: {
      en: 'Login history',
      nl: 'Aanmeldingsgeschiedenis',
      fr: 'Historique des connexions',
      de: 'Anmeldeverlauf',
    },
  },

  // commercial
  {
    id: 'commercial.order-history',
    group: 'commercial',
    name: { en: 'Order history', nl: 'Bestelgeschiedenis', fr: 'Historique des commandes', de: 'Bestellverlauf' },
  },
  {
    id: 'commercial.contract',
    group: 'commercial',
    name: { en: 'Contract details', nl: 'Contractgegevens', fr: 'Données du contrat', de: 'Vertragsdaten' },
  },
  {
    id: 'commercial.preferences',
    group: 'commercial',
    name: { en: 'Preferences', nl: 'Voorkeuren', fr: 'Préférences', de: 'Vorlieben' },
  },
  {
    id: 'commercial.interests',
    group: 'commercial',
    name: { en: 'Interests', nl: 'Interesses', fr: "Centres d'intérêt", de: 'Interessen' },
  },
  {
    id: 'commercial.search-settings',
    group: 'commercial',
    name: { en: 'Search settings', nl: 'Zoekinstellingen', fr: 'Paramètres de recherche', de: 'Sucheinstellungen' },
  },
  {
    id: 'commercial.segment',
    group: 'commercial',
    name: { en: 'Customer segment', nl: 'Klantsegment', fr: 'Segment de clientèle', de: 'Kundensegment' },
  },
  {
    id: 'commercial.feedback',
    group: 'commercial',
    name: {
      en: 'Feedback and survey answers',
      nl: 'Feedback en antwoorden op enquêtes',
      fr: 'Avis et réponses aux enquêtes',
      de: 'Feedback und Umfrageantworten',
    },
  },
  {
    id: 'commercial.loyalty',
    group: 'commercial',
    name: {
      en: 'Loyalty programme membership',
      nl: 'Deelname aan een klantenkaartprogramma',
      fr: 'Adhésion à un programme de fidélité',
      de: 'Teilnahme an einem Kundenbindungsprogramm',
    },
  },

  // financial
  {
    id: 'financial.bank-account',
    group: 'financial',
    name: { en: 'Bank account number', nl: 'Rekeningnummer', fr: 'Numéro de compte bancaire', de: 'Bankverbindung' },
  },
  {
    id: 'financial.invoice',
    group: 'financial',
    name: { en: 'Invoice details', nl: 'Factuurgegevens', fr: 'Données de facturation', de: 'Rechnungsdaten' },
  },
  {
    id: 'financial.payment-reference',
    group: 'financial',
    name: {
      en: 'Payment reference',
      nl: 'Betalingsreferentie',
      fr: 'Référence de paiement',
      de: 'Zahlungsreferenz',
    },
  },
  {
    id: 'financial.card-number',
    group: 'financial',
    name: {
      en: 'Payment card number',
      nl: 'Nummer van een betaalkaart',
      fr: 'Numéro de carte de paiement',
      de: 'Nummer einer Zahlungskarte',
    },
  },
  {
    id: 'financial.transaction',
    group: 'financial',
    name: { en: 'Payment transactions', nl: 'Betalingen', fr: 'Transactions de paiement', de: 'Zahlungsvorgänge' },
  },
  {
    id: 'financial.creditworthiness',
    group: 'financial',
    name: { en: 'Creditworthiness', nl: 'Kredietwaardigheid', fr: 'Solvabilité', de: 'Bonität' },
  },

  // online
  {
    id: 'online.ip-address',
    group: 'online',
    name: { en: 'IP address', nl: 'IP-adres', fr: 'Adresse IP', de: 'IP-Adresse' },
  },
  {
    id: 'online.device-id',
    group: 'online',
    name: {
      en: 'Device identifier',
      nl: 'Toestelidentificatie',
      fr: "Identifiant de l'appareil",
      de: 'Gerätekennung',
    },
  },
  {
    id: 'online.cookie-id',
    group: 'online',
    name: { en: 'Cookie identifier', nl: 'Cookie-ID', fr: 'Identifiant de cookie', de: 'Cookie-Kennung' },
  },
  {
    id: 'online.advertising-id',
    group: 'online',
    name: {
      en: 'Advertising identifier',
      nl: 'Advertentie-ID',
      fr: 'Identifiant publicitaire',
      de: 'Werbe-ID',
    },
  },
  {
    id: 'online.user-agent',
    group: 'online',
    name: {
      en: 'Browser and device details',
      nl: 'Browser- en toestelgegevens',
      fr: "Informations sur le navigateur et l'appareil",
      de: 'Browser- und Geräteinformationen',
    },
  },
  {
    id: 'online.log-file',
    group: 'online',
    name: { en: 'Log files', nl: 'Logbestanden', fr: 'Fichiers journaux', de: 'Protokolldateien' },
  },
  {
    id: 'online.browsing-behaviour',
    group: 'online',
    name: {
      en: 'Browsing behaviour',
      nl: 'Surfgedrag',
      fr: 'Comportement de navigation',
      de: 'Surfverhalten',
    },
  },
  {
    id: 'online.session-recording',
    group: 'online',
    name: {
      en: 'Session recording',
      nl: 'Opname van een websitesessie',
      fr: 'Enregistrement de session',
      de: 'Sitzungsaufzeichnung',
    },
  },
  {
    id: 'online.error-report',
    group: 'online',
    name: { en: 'Error reports', nl: 'Foutrapporten', fr: "Rapports d'erreur", de: 'Fehlerberichte' },
  },
  {
    id: 'online.email-engagement',
    group: 'online',
    name: {
      en: 'Email opens and clicks',
      nl: 'Openen van en klikken in e-mails',
      fr: 'Ouvertures et clics dans les e-mails',
      de: 'Öffnungen und Klicks in E-Mails',
    },
  },

  // location
  {
    id: 'location.approximate',
    group: 'location',
    name: {
      en: 'Approximate location',
      nl: 'Bij benadering bepaalde locatie',
      fr: 'Localisation approximative',
      de: 'Ungefährer Standort',
    },
  },
  {
    id: 'location.precise',
    group: 'location',
    name: { en: 'Precise location', nl: 'Precieze locatie', fr: 'Localisation précise', de: 'Genauer Standort' },
  },
  {
    id: 'location.wifi-connection',
    group: 'location',
    name: {
      en: 'Wi-Fi connection data',
      nl: 'Gegevens over de wifiverbinding',
      fr: 'Données de connexion au Wi-Fi',
      de: 'WLAN-Verbindungsdaten',
    },
  },

  // media
  { id: 'media.photo', group: 'media', name: { en: 'Photos', nl: "Foto's", fr: 'Photos', de: 'Fotos' } },
  { id: 'media.video', group: 'media', name: { en: 'Videos', nl: "Video's", fr: 'Vidéos', de: 'Videos' } },
  {
    id: 'media.voice',
    group: 'media',
    name: { en: 'Voice recordings', nl: 'Stemopnamen', fr: 'Enregistrements vocaux', de: 'Sprachaufnahmen' },
  },
  {
    id: 'media.cctv',
    group: 'media',
    name: {
      en: 'Camera surveillance footage',
      nl: 'Camerabeelden',
      fr: 'Images de vidéosurveillance',
      de: 'Aufnahmen der Videoüberwachung',
    },
  },

  // social
  {
    id: 'social.profile',
    group: 'social',
    name: {
      en: 'Social network profile',
      nl: 'Profiel op een sociaal netwerk',
      fr: 'Profil sur un réseau social',
      de: 'Profil in einem sozialen Netzwerk',
    },
  },
  {
    id: 'social.profile-picture',
    group: 'social',
    name: { en: 'Profile picture', nl: 'Profielfoto', fr: 'Photo de profil', de: 'Profilbild' },
  },
  {
    id: 'social.login-identifier',
    group: 'social',
    name: {
      en: 'Social login identifier',
      nl: 'Identificatie via sociale login',
      fr: 'Identifiant de connexion via un réseau social',
      de: 'Kennung der Anmeldung über ein soziales Netzwerk',
    },
  },
  {
    id: 'social.connections',
    group: 'social',
    name: {
      en: 'Connections and followers',
      nl: 'Connecties en volgers',
      fr: 'Relations et abonnés',
      de: 'Kontakte und Follower',
    },
  },

  // communication
  {
    id: 'communication.message',
    group: 'communication',
    name: { en: 'Messages', nl: 'Berichten', fr: 'Messages', de: 'Nachrichten' },
  },
  {
    id: 'communication.support-ticket',
    group: 'communication',
    name: {
      en: 'Support tickets',
      nl: 'Supportaanvragen',
      fr: "Demandes d'assistance",
      de: 'Supportanfragen',
    },
  },
  {
    id: 'communication.call-recording',
    group: 'communication',
    name: {
      en: 'Call recordings',
      nl: 'Opnamen van telefoongesprekken',
      fr: "Enregistrements d'appels",
      de: 'Gesprächsaufzeichnungen',
    },
  },
  {
    id: 'communication.metadata',
    group: 'communication',
    name: {
      en: 'Communication metadata',
      nl: 'Metagegevens van communicatie',
      fr: 'Métadonnées de communication',
      de: 'Metadaten der Kommunikation',
    },
  },

  // event
  {
    id: 'event.registration',
    group: 'event',
    name: {
      en: 'Event registration',
      nl: 'Inschrijving voor een evenement',
      fr: 'Inscription à un événement',
      de: 'Anmeldung zu einer Veranstaltung',
    },
  },
  {
    id: 'event.attendance',
    group: 'event',
    name: {
      en: 'Event attendance',
      nl: 'Aanwezigheid op een evenement',
      fr: 'Présence à un événement',
      de: 'Teilnahme an einer Veranstaltung',
    },
  },
  {
    id: 'event.participant-list',
    group: 'event',
    name: {
      en: 'Entry in a published participant list',
      nl: 'Vermelding op een gepubliceerde deelnemerslijst',
      fr: 'Mention dans une liste de participants publiée',
      de: 'Eintrag in einer veröffentlichten Teilnehmerliste',
    },
  },
  {
    id: 'event.dietary-requirements',
    group: 'event',
    name: {
      en: 'Dietary requirements',
      nl: 'Voedingswensen',
      fr: 'Régime alimentaire',
      de: 'Ernährungswünsche',
    },
  },

  // employment
  { id: 'employment.cv', group: 'employment', name: { en: 'CV', nl: 'Cv', fr: 'CV', de: 'Lebenslauf' } },
  {
    id: 'employment.application',
    group: 'employment',
    name: { en: 'Job application', nl: 'Sollicitatie', fr: 'Candidature', de: 'Bewerbung' },
  },
  {
    id: 'employment.references',
    group: 'employment',
    name: { en: 'References', nl: 'Referenties', fr: 'Références', de: 'Referenzen' },
  },
  {
    id: 'employment.contract',
    group: 'employment',
    name: {
      en: 'Employment contract',
      nl: 'Arbeidsovereenkomst',
      fr: 'Contrat de travail',
      de: 'Arbeitsvertrag',
    },
  },
  {
    id: 'employment.salary',
    group: 'employment',
    name: {
      en: 'Pay and benefits',
      nl: 'Loon en voordelen',
      fr: 'Rémunération et avantages',
      de: 'Vergütung und Zusatzleistungen',
    },
  },
  {
    id: 'employment.evaluation',
    group: 'employment',
    name: { en: 'Performance reviews', nl: 'Evaluaties', fr: 'Évaluations', de: 'Leistungsbeurteilungen' },
  },
  {
    id: 'employment.absence',
    group: 'employment',
    name: { en: 'Absence records', nl: 'Afwezigheden', fr: 'Absences', de: 'Abwesenheiten' },
  },

  // consent
  {
    id: 'consent.record',
    group: 'consent',
    name: {
      en: 'Consent record',
      nl: 'Bewijs van toestemming',
      fr: 'Preuve du consentement',
      de: 'Einwilligungsnachweis',
    },
  },
  {
    id: 'consent.marketing-preferences',
    group: 'consent',
    name: {
      en: 'Marketing preferences',
      nl: 'Marketingvoorkeuren',
      fr: 'Préférences marketing',
      de: 'Marketing-Präferenzen',
    },
  },
  {
    id: 'consent.suppression',
    group: 'consent',
    name: {
      en: 'Do-not-contact entry',
      nl: 'Vermelding op een lijst van niet te contacteren personen',
      fr: "Inscription sur une liste d'opposition",
      de: 'Eintrag in einer Sperrliste',
    },
  },

  // special categories (Art. 9)
  {
    id: 'special.health',
    group: 'special',
    name: { en: 'Health data', nl: 'Gezondheidsgegevens', fr: 'Données de santé', de: 'Gesundheitsdaten' },
    special: true,
  },
  {
    id: 'special.religion',
    group: 'special',
    name: {
      en: 'Religious or philosophical beliefs',
      nl: 'Religieuze of levensbeschouwelijke overtuigingen',
      fr: 'Convictions religieuses ou philosophiques',
      de: 'Religiöse oder weltanschauliche Überzeugungen',
    },
    special: true,
  },
  {
    id: 'special.ethnic-origin',
    group: 'special',
    name: {
      en: 'Racial or ethnic origin',
      nl: 'Ras of etnische afkomst',
      fr: 'Origine raciale ou ethnique',
      de: 'Rassische oder ethnische Herkunft',
    },
    special: true,
  },
  {
    id: 'special.political-opinion',
    group: 'special',
    name: {
      en: 'Political opinions',
      nl: 'Politieke opvattingen',
      fr: 'Opinions politiques',
      de: 'Politische Meinungen',
    },
    special: true,
  },
  {
    id: 'special.trade-union',
    group: 'special',
    name: {
      en: 'Trade union membership',
      nl: 'Lidmaatschap van een vakbond',
      fr: 'Appartenance syndicale',
      de: 'Gewerkschaftszugehörigkeit',
    },
    special: true,
  },
  {
    id: 'special.sexual-orientation',
    group: 'special',
    name: {
      en: 'Sex life or sexual orientation',
      nl: 'Seksueel gedrag of seksuele gerichtheid',
      fr: 'Vie sexuelle ou orientation sexuelle',
      de: 'Sexualleben oder sexuelle Orientierung',
    },
    special: true,
  },
  {
    id: 'special.biometric',
    group: 'special',
    name: {
      en: 'Biometric data used to identify a person',
      nl: 'Biometrische gegevens voor de identificatie van een persoon',
      fr: 'Données biométriques servant à identifier une personne',
      de: 'Biometrische Daten zur Identifizierung einer Person',
    },
    special: true,
  },
  {
    id: 'special.genetic',
    group: 'special',
    name: { en: 'Genetic data', nl: 'Genetische gegevens', fr: 'Données génétiques', de: 'Genetische Daten' },
    special: true,
  },

  // criminal (Art. 10)
  {
    id: 'criminal.convictions',
    group: 'criminal',
    name: {
      en: 'Criminal convictions',
      nl: 'Strafrechtelijke veroordelingen',
      fr: 'Condamnations pénales',
      de: 'Strafrechtliche Verurteilungen',
    },
    criminal: true,
  },
  {
    id: 'criminal.offences',
    group: 'criminal',
    name: {
      en: 'Offences and suspected offences',
      nl: 'Strafbare feiten en vermoedens daarvan',
      fr: 'Infractions et soupçons d’infraction',
      de: 'Straftaten und Verdacht auf Straftaten',
    },
    criminal: true,
  },
  {
    id: 'criminal.record-extract',
    group: 'criminal',
    name: {
      en: 'Criminal record certificate',
      nl: 'Uittreksel uit het strafregister',
      fr: 'Extrait de casier judiciaire',
      de: 'Führungszeugnis',
    },
    criminal: true,
  },

  // children
  {
    id: 'child.age-verification',
    group: 'child',
    name: {
      en: 'Age verification',
      nl: 'Leeftijdsverificatie',
      fr: "Vérification de l'âge",
      de: 'Altersüberprüfung',
    },
  },
  {
    id: 'child.parental-consent',
    group: 'child',
    name: {
      en: 'Parental consent',
      nl: 'Toestemming van een ouder',
      fr: 'Consentement parental',
      de: 'Einwilligung der Eltern',
    },
  },
  {
    id: 'child.guardian-contact',
    group: 'child',
    name: {
      en: 'Contact details of a parent or guardian',
      nl: 'Contactgegevens van een ouder of voogd',
      fr: "Coordonnées d'un parent ou tuteur",
      de: 'Kontaktdaten eines Elternteils oder Vormunds',
    },
  },
] as const satisfies readonly DataCategory[];

export type DataCategoryId = (typeof categories)[number]['id'];

export const dataTaxonomy: readonly DataCategory[] = categories;

const byId = new Map<string, DataCategory>(dataTaxonomy.map((category) => [category.id, category]));

export function findDataCategory(id: string): DataCategory | undefined {
  return byId.get(id.trim().toLowerCase());
}

export const dataCategoryIds: readonly string[] = dataTaxonomy.map((category) => category.id);

export function findDataGroup(id: string): DataGroup | undefined {
  return dataGroups.find((group) => group.id === id);
}

/** Ids of the categories that must never appear in an export (passwords, tokens, keys). */
export const secretDataCategoryIds: readonly string[] = dataTaxonomy.filter((c) => c.secret).map((c) => c.id);
