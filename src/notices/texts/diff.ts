/**
 * How a change between two notice versions is told to a reader, per language: short, concrete sentences such as
 * "added recipient: Mailchimp (United States, EU-US Data Privacy Framework)" or "retention for Recruitment changed from
 * 1 year to 2 years after we receive it".
 */
import type { Language } from '../../charter/schema.js';

export type Channel = 'web' | 'email' | 'post' | 'phone';

export interface DiffTexts {
  purposeAdded(name: string, basis: string): string;
  purposeRemoved(name: string): string;
  basisChanged(name: string, from: string, to: string): string;
  interestChanged(name: string): string;
  descriptionChanged(name: string): string;
  dataAdded(name: string, list: string): string;
  dataRemoved(name: string, list: string): string;
  subjectsAdded(name: string, list: string): string;
  subjectsRemoved(name: string, list: string): string;
  sharedAdded(name: string, list: string): string;
  sharedRemoved(name: string, list: string): string;
  retentionChanged(name: string, from: string, to: string): string;
  retentionAction(name: string, anonymise: boolean): string;
  requirementChanged(name: string, statement: string): string;
  automatedAdded(name: string): string;
  automatedRemoved(name: string): string;
  sourceChanged(name: string): string;
  recipientAdded(name: string, country: string, safeguard: string): string;
  recipientRemoved(name: string): string;
  recipientMoved(name: string, from: string, to: string): string;
  safeguardChanged(name: string, from: string, to: string): string;
  roleChanged(name: string, role: string): string;
  subProcessorAdded(recipient: string, sub: string, country: string): string;
  subProcessorRemoved(recipient: string, sub: string): string;
  nameChanged(to: string): string;
  contactChanged: string;
  addressChanged: string;
  representativeChanged: string;
  dpoAppointed: string;
  dpoRemoved: string;
  dpoChanged: string;
  authorityChanged(from: string, to: string): string;
  channelAdded(channel: Channel): string;
  channelRemoved(channel: Channel): string;
  channelChanged(channel: Channel): string;
  childAgeChanged(country: string, from: number, to: number): string;
  childrenPolicyChanged: string;
  cookieAdded(name: string, vendor: string, duration: string): string;
  cookieRemoved(name: string): string;
  cookieDuration(name: string, from: string, to: string): string;
  cookieCategory(name: string, category: string): string;
  consentExpiry(from: string, to: string): string;
  wording(headings: string): string;
  none: string;
  basis: Record<string, string>;
}

const channelsEn: Record<Channel, string> = {
  web: 'online in our privacy center',
  email: 'by email',
  post: 'by post',
  phone: 'by telephone',
};
const channelsNl: Record<Channel, string> = {
  web: 'online in ons privacycentrum',
  email: 'per e-mail',
  post: 'per post',
  phone: 'telefonisch',
};
const channelsFr: Record<Channel, string> = {
  web: 'en ligne dans notre centre de confidentialité',
  email: 'par e-mail',
  post: 'par courrier',
  phone: 'par téléphone',
};
const channelsDe: Record<Channel, string> = {
  web: 'online in unserem Datenschutzcenter',
  email: 'per E-Mail',
  post: 'per Post',
  phone: 'telefonisch',
};

const nbsp = '\u00a0';

export const diffTexts: Record<Language, DiffTexts> = {
  en: {
    purposeAdded: (name, basis) => `added purpose: ${name} (legal basis: ${basis})`,
    purposeRemoved: (name) => `removed purpose: ${name}`,
    basisChanged: (name, from, to) => `legal basis for ${name} changed from ${from} to ${to}`,
    interestChanged: (name) => `the legitimate interest for ${name} is described differently`,
    descriptionChanged: (name) => `the description of ${name} changed`,
    dataAdded: (name, list) => `${name} now also uses: ${list}`,
    dataRemoved: (name, list) => `${name} no longer uses: ${list}`,
    subjectsAdded: (name, list) => `${name} now also concerns: ${list}`,
    subjectsRemoved: (name, list) => `${name} no longer concerns: ${list}`,
    sharedAdded: (name, list) => `${name}: data now also shared with ${list}`,
    sharedRemoved: (name, list) => `${name}: data no longer shared with ${list}`,
    retentionChanged: (name, from, to) => `retention for ${name} changed from ${from} to ${to}`,
    retentionAction: (name, anonymise) =>
      `${name}: at the end of the retention period the data is now ${anonymise ? 'anonymised' : 'deleted'}`,
    requirementChanged: (name, statement) => `${name}: ${statement.charAt(0).toLowerCase()}${statement.slice(1)}`,
    automatedAdded: (name) => `${name} now involves automated decisions`,
    automatedRemoved: (name) => `${name} no longer involves automated decisions`,
    sourceChanged: (name) => `where the data for ${name} comes from changed`,
    recipientAdded: (name, country, safeguard) => `added recipient: ${name} (${country}, ${safeguard})`,
    recipientRemoved: (name) => `removed recipient: ${name}`,
    recipientMoved: (name, from, to) => `${name} now processes the data in ${to} instead of ${from}`,
    safeguardChanged: (name, from, to) => `safeguard for ${name} changed from ${from} to ${to}`,
    roleChanged: (name, role) => `${name} is now: ${role.charAt(0).toLowerCase()}${role.slice(1)}`,
    subProcessorAdded: (recipient, sub, country) => `${recipient} now uses ${sub} (${country})`,
    subProcessorRemoved: (recipient, sub) => `${recipient} no longer uses ${sub}`,
    nameChanged: (to) => `our name is now ${to}`,
    contactChanged: 'our contact details changed',
    addressChanged: 'our address changed',
    representativeChanged: 'the details of our representative in the EU changed',
    dpoAppointed: 'we appointed a data protection officer',
    dpoRemoved: 'we no longer have a data protection officer',
    dpoChanged: 'the contact details of our data protection officer changed',
    authorityChanged: (from, to) => `our lead supervisory authority is now ${to} (before: ${from})`,
    channelAdded: (c) => `you can now also exercise your rights ${channelsEn[c]}`,
    channelRemoved: (c) => `you can no longer exercise your rights ${channelsEn[c]}`,
    channelChanged: (c) => `the details for exercising your rights ${channelsEn[c]} changed`,
    childAgeChanged: (country, from, to) =>
      `the age from which a child consents alone in ${country} changed from ${from} to ${to}`,
    childrenPolicyChanged: 'our policy on children changed',
    cookieAdded: (name, vendor, duration) => `added cookie: ${name} (${vendor}, ${duration})`,
    cookieRemoved: (name) => `removed cookie: ${name}`,
    cookieDuration: (name, from, to) => `cookie ${name} now lasts ${to} instead of ${from}`,
    cookieCategory: (name, category) => `cookie ${name} is now in the category “${category}”`,
    consentExpiry: (from, to) => `we now ask for your cookie choice again after ${to} instead of ${from}`,
    wording: (headings) => `wording changed in: ${headings}`,
    none: 'no change in this language',
    basis: {
      consent: 'your consent',
      contract: 'a contract',
      'legal-obligation': 'a legal obligation',
      'vital-interests': 'vital interests',
      'public-task': 'a task in the public interest',
      'legitimate-interests': 'legitimate interests',
    },
  },
  nl: {
    purposeAdded: (name, basis) => `nieuw doel: ${name} (rechtsgrond: ${basis})`,
    purposeRemoved: (name) => `doel geschrapt: ${name}`,
    basisChanged: (name, from, to) => `rechtsgrond voor ${name} gewijzigd van ${from} naar ${to}`,
    interestChanged: (name) => `het gerechtvaardigd belang voor ${name} wordt anders beschreven`,
    descriptionChanged: (name) => `de beschrijving van ${name} is gewijzigd`,
    dataAdded: (name, list) => `${name} gebruikt nu ook: ${list}`,
    dataRemoved: (name, list) => `${name} gebruikt niet langer: ${list}`,
    subjectsAdded: (name, list) => `${name} betreft nu ook: ${list}`,
    subjectsRemoved: (name, list) => `${name} betreft niet langer: ${list}`,
    sharedAdded: (name, list) => `${name}: gegevens nu ook gedeeld met ${list}`,
    sharedRemoved: (name, list) => `${name}: gegevens niet langer gedeeld met ${list}`,
    retentionChanged: (name, from, to) => `bewaartermijn voor ${name} gewijzigd van ${from} naar ${to}`,
    retentionAction: (name, anonymise) =>
      `${name}: na de bewaartermijn worden de gegevens nu ${anonymise ? 'geanonimiseerd' : 'gewist'}`,
    requirementChanged: (name, statement) => `${name}: ${statement.charAt(0).toLowerCase()}${statement.slice(1)}`,
    automatedAdded: (name) => `${name} omvat nu geautomatiseerde besluiten`,
    automatedRemoved: (name) => `${name} omvat geen geautomatiseerde besluiten meer`,
    sourceChanged: (name) => `de herkomst van de gegevens voor ${name} is gewijzigd`,
    recipientAdded: (name, country, safeguard) => `nieuwe ontvanger: ${name} (${country}, ${safeguard})`,
    recipientRemoved: (name) => `ontvanger geschrapt: ${name}`,
    recipientMoved: (name, from, to) => `${name} verwerkt de gegevens nu in ${to} in plaats van ${from}`,
    safeguardChanged: (name, from, to) => `waarborg voor ${name} gewijzigd van ${from} naar ${to}`,
    roleChanged: (name, role) => `${name} is nu: ${role.charAt(0).toLowerCase()}${role.slice(1)}`,
    subProcessorAdded: (recipient, sub, country) => `${recipient} doet nu een beroep op ${sub} (${country})`,
    subProcessorRemoved: (recipient, sub) => `${recipient} doet geen beroep meer op ${sub}`,
    nameChanged: (to) => `onze naam is nu ${to}`,
    contactChanged: 'onze contactgegevens zijn gewijzigd',
    addressChanged: 'ons adres is gewijzigd',
    representativeChanged: 'de gegevens van onze vertegenwoordiger in de EU zijn gewijzigd',
    dpoAppointed: 'we hebben een functionaris voor gegevensbescherming aangesteld',
    dpoRemoved: 'we hebben geen functionaris voor gegevensbescherming meer',
    dpoChanged: 'de contactgegevens van onze functionaris voor gegevensbescherming zijn gewijzigd',
    authorityChanged: (from, to) => `onze leidende toezichthoudende autoriteit is nu ${to} (voordien: ${from})`,
    channelAdded: (c) => `u kunt uw rechten nu ook ${channelsNl[c]} uitoefenen`,
    channelRemoved: (c) => `u kunt uw rechten niet langer ${channelsNl[c]} uitoefenen`,
    channelChanged: (c) => `de gegevens om uw rechten ${channelsNl[c]} uit te oefenen zijn gewijzigd`,
    childAgeChanged: (country, from, to) =>
      `de leeftijd vanaf wanneer een kind zelf toestemming geeft in ${country} is gewijzigd van ${from} naar ${to}`,
    childrenPolicyChanged: 'ons beleid over kinderen is gewijzigd',
    cookieAdded: (name, vendor, duration) => `nieuwe cookie: ${name} (${vendor}, ${duration})`,
    cookieRemoved: (name) => `cookie geschrapt: ${name}`,
    cookieDuration: (name, from, to) => `cookie ${name} blijft nu ${to} in plaats van ${from}`,
    cookieCategory: (name, category) => `cookie ${name} valt nu in de categorie ‘${category}’`,
    consentExpiry: (from, to) => `we vragen uw cookiekeuze nu opnieuw na ${to} in plaats van ${from}`,
    wording: (headings) => `formulering gewijzigd in: ${headings}`,
    none: 'geen wijziging in deze taal',
    basis: {
      consent: 'uw toestemming',
      contract: 'een overeenkomst',
      'legal-obligation': 'een wettelijke verplichting',
      'vital-interests': 'vitale belangen',
      'public-task': 'een taak van algemeen belang',
      'legitimate-interests': 'gerechtvaardigde belangen',
    },
  },
  fr: {
    purposeAdded: (name, basis) => `nouvelle finalité${nbsp}: ${name} (base juridique${nbsp}: ${basis})`,
    purposeRemoved: (name) => `finalité supprimée${nbsp}: ${name}`,
    basisChanged: (name, from, to) => `base juridique de ${name} modifiée${nbsp}: ${from} devient ${to}`,
    interestChanged: (name) => `l’intérêt légitime de ${name} est décrit autrement`,
    descriptionChanged: (name) => `la description de ${name} a changé`,
    dataAdded: (name, list) => `${name} utilise désormais aussi${nbsp}: ${list}`,
    dataRemoved: (name, list) => `${name} n’utilise plus${nbsp}: ${list}`,
    subjectsAdded: (name, list) => `${name} concerne désormais aussi${nbsp}: ${list}`,
    subjectsRemoved: (name, list) => `${name} ne concerne plus${nbsp}: ${list}`,
    sharedAdded: (name, list) => `${name}${nbsp}: données désormais aussi communiquées à ${list}`,
    sharedRemoved: (name, list) => `${name}${nbsp}: données plus communiquées à ${list}`,
    retentionChanged: (name, from, to) => `durée de conservation de ${name} modifiée${nbsp}: ${from} devient ${to}`,
    retentionAction: (name, anonymise) =>
      `${name}${nbsp}: à la fin de la durée de conservation, les données sont désormais ${anonymise ? 'anonymisées' : 'supprimées'}`,
    requirementChanged: (name, statement) =>
      `${name}${nbsp}: ${statement.charAt(0).toLowerCase()}${statement.slice(1)}`,
    automatedAdded: (name) => `${name} comporte désormais des décisions automatisées`,
    automatedRemoved: (name) => `${name} ne comporte plus de décisions automatisées`,
    sourceChanged: (name) => `l’origine des données de ${name} a changé`,
    recipientAdded: (name, country, safeguard) => `nouveau destinataire${nbsp}: ${name} (${country}, ${safeguard})`,
    recipientRemoved: (name) => `destinataire supprimé${nbsp}: ${name}`,
    recipientMoved: (name, from, to) => `${name} traite désormais les données en ${to} au lieu de ${from}`,
    safeguardChanged: (name, from, to) => `garantie pour ${name} modifiée${nbsp}: ${from} devient ${to}`,
    roleChanged: (name, role) => `${name} est désormais${nbsp}: ${role.charAt(0).toLowerCase()}${role.slice(1)}`,
    subProcessorAdded: (recipient, sub, country) => `${recipient} fait désormais appel à ${sub} (${country})`,
    subProcessorRemoved: (recipient, sub) => `${recipient} ne fait plus appel à ${sub}`,
    nameChanged: (to) => `notre nom est désormais ${to}`,
    contactChanged: 'nos coordonnées ont changé',
    addressChanged: 'notre adresse a changé',
    representativeChanged: 'les coordonnées de notre représentant dans l’UE ont changé',
    dpoAppointed: 'nous avons désigné un délégué à la protection des données',
    dpoRemoved: 'nous n’avons plus de délégué à la protection des données',
    dpoChanged: 'les coordonnées de notre délégué à la protection des données ont changé',
    authorityChanged: (from, to) =>
      `notre autorité de contrôle chef de file est désormais ${to} (auparavant${nbsp}: ${from})`,
    channelAdded: (c) => `vous pouvez désormais aussi exercer vos droits ${channelsFr[c]}`,
    channelRemoved: (c) => `vous ne pouvez plus exercer vos droits ${channelsFr[c]}`,
    channelChanged: (c) => `les coordonnées pour exercer vos droits ${channelsFr[c]} ont changé`,
    childAgeChanged: (country, from, to) =>
      `l’âge à partir duquel un enfant consent seul en ${country} passe de ${from} à ${to}${nbsp}ans`,
    childrenPolicyChanged: 'notre politique concernant les enfants a changé',
    cookieAdded: (name, vendor, duration) => `nouveau cookie${nbsp}: ${name} (${vendor}, ${duration})`,
    cookieRemoved: (name) => `cookie supprimé${nbsp}: ${name}`,
    cookieDuration: (name, from, to) => `le cookie ${name} dure désormais ${to} au lieu de ${from}`,
    cookieCategory: (name, category) =>
      `le cookie ${name} relève désormais de la catégorie «${nbsp}${category}${nbsp}»`,
    consentExpiry: (from, to) =>
      `nous vous redemandons désormais votre choix en matière de cookies après ${to} au lieu de ${from}`,
    wording: (headings) => `formulation modifiée dans${nbsp}: ${headings}`,
    none: 'aucune modification dans cette langue',
    basis: {
      consent: 'votre consentement',
      contract: 'un contrat',
      'legal-obligation': 'une obligation légale',
      'vital-interests': 'des intérêts vitaux',
      'public-task': 'une mission d’intérêt public',
      'legitimate-interests': 'des intérêts légitimes',
    },
  },
  de: {
    purposeAdded: (name, basis) => `neuer Zweck: ${name} (Rechtsgrundlage: ${basis})`,
    purposeRemoved: (name) => `Zweck entfallen: ${name}`,
    basisChanged: (name, from, to) => `Rechtsgrundlage für ${name} jetzt: ${to} (bisher: ${from})`,
    interestChanged: (name) => `das berechtigte Interesse für ${name} wird anders beschrieben`,
    descriptionChanged: (name) => `die Beschreibung von ${name} hat sich geändert`,
    dataAdded: (name, list) => `${name} verwendet jetzt auch: ${list}`,
    dataRemoved: (name, list) => `${name} verwendet nicht mehr: ${list}`,
    subjectsAdded: (name, list) => `${name} betrifft jetzt auch: ${list}`,
    subjectsRemoved: (name, list) => `${name} betrifft nicht mehr: ${list}`,
    sharedAdded: (name, list) => `${name}: Daten werden jetzt auch an ${list} weitergegeben`,
    sharedRemoved: (name, list) => `${name}: Daten werden nicht mehr an ${list} weitergegeben`,
    retentionChanged: (name, from, to) => `Speicherdauer für ${name} jetzt: ${to} (bisher: ${from})`,
    retentionAction: (name, anonymise) =>
      `${name}: Nach Ablauf der Speicherdauer werden die Daten jetzt ${anonymise ? 'anonymisiert' : 'gelöscht'}`,
    requirementChanged: (name, statement) => `${name}: ${statement}`,
    automatedAdded: (name) => `${name} umfasst jetzt automatisierte Entscheidungen`,
    automatedRemoved: (name) => `${name} umfasst keine automatisierten Entscheidungen mehr`,
    sourceChanged: (name) => `die Herkunft der Daten für ${name} hat sich geändert`,
    recipientAdded: (name, country, safeguard) => `neuer Empfänger: ${name} (${country}, ${safeguard})`,
    recipientRemoved: (name) => `Empfänger entfallen: ${name}`,
    recipientMoved: (name, from, to) => `${name} verarbeitet die Daten jetzt in ${to} statt in ${from}`,
    safeguardChanged: (name, from, to) => `Garantie für ${name} jetzt: ${to} (bisher: ${from})`,
    roleChanged: (name, role) => `${name} ist jetzt: ${role}`,
    subProcessorAdded: (recipient, sub, country) => `${recipient} setzt jetzt ${sub} (${country}) ein`,
    subProcessorRemoved: (recipient, sub) => `${recipient} setzt ${sub} nicht mehr ein`,
    nameChanged: (to) => `unser Name lautet jetzt ${to}`,
    contactChanged: 'unsere Kontaktdaten haben sich geändert',
    addressChanged: 'unsere Anschrift hat sich geändert',
    representativeChanged: 'die Angaben zu unserem Vertreter in der EU haben sich geändert',
    dpoAppointed: 'wir haben einen Datenschutzbeauftragten benannt',
    dpoRemoved: 'wir haben keinen Datenschutzbeauftragten mehr',
    dpoChanged: 'die Kontaktdaten unseres Datenschutzbeauftragten haben sich geändert',
    authorityChanged: (from, to) => `unsere federführende Aufsichtsbehörde ist jetzt ${to} (bisher: ${from})`,
    channelAdded: (c) => `Sie können Ihre Rechte jetzt auch ${channelsDe[c]} ausüben`,
    channelRemoved: (c) => `Sie können Ihre Rechte nicht mehr ${channelsDe[c]} ausüben`,
    channelChanged: (c) => `die Angaben, um Ihre Rechte ${channelsDe[c]} auszuüben, haben sich geändert`,
    childAgeChanged: (country, from, to) =>
      `das Alter, ab dem ein Kind in ${country} selbst einwilligt, ändert sich von ${from} auf ${to} Jahre`,
    childrenPolicyChanged: 'unsere Regeln zu Kindern haben sich geändert',
    cookieAdded: (name, vendor, duration) => `neues Cookie: ${name} (${vendor}, ${duration})`,
    cookieRemoved: (name) => `Cookie entfallen: ${name}`,
    cookieDuration: (name, from, to) => `Cookie ${name} besteht jetzt ${to} statt ${from}`,
    cookieCategory: (name, category) => `Cookie ${name} gehört jetzt zur Kategorie „${category}“`,
    consentExpiry: (from, to) => `wir fragen Ihre Cookie-Wahl jetzt nach ${to} statt nach ${from} erneut ab`,
    wording: (headings) => `Formulierung geändert in: ${headings}`,
    none: 'keine Änderung in dieser Sprache',
    basis: {
      consent: 'Ihre Einwilligung',
      contract: 'ein Vertrag',
      'legal-obligation': 'eine rechtliche Verpflichtung',
      'vital-interests': 'lebenswichtige Interessen',
      'public-task': 'eine Aufgabe im öffentlichen Interesse',
      'legitimate-interests': 'berechtigte Interessen',
    },
  },
};
