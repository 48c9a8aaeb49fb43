/**
 * What the privacy notice says about processor data: nothing of it as the organisation's own processing (a table
 * processed for a customer has no purpose, so no purpose section presents it), and one truthful sentence, when the
 * charter declares a processor role (with its customers when it lists them), that the organisation also processes personal data on their
 * behalf and that they are its controllers (Art. 28). Kept apart from the language files so it reads as one rule.
 */
import type { Charter, Language } from '../charter/schema.js';
import { joinList } from './phrasing.js';

const sentences: Record<Language, (customers: string) => string> = {
  en: (customers) =>
    `We also process personal data on behalf of our customers (${customers}), as their processor. For that data our customers are the controllers: this notice does not cover it, and we pass any request about it on to the customer concerned.`,
  nl: (customers) =>
    `We verwerken ook persoonsgegevens in opdracht van onze klanten (${customers}), als hun verwerker. Voor die gegevens zijn onze klanten de verwerkingsverantwoordelijken: deze verklaring gaat er niet over, en elk verzoek daarover bezorgen we aan de betrokken klant.`,
  fr: (customers) =>
    `Nous traitons aussi des données personnelles pour le compte de nos clients (${customers}), en tant que sous-traitant. Pour ces données, nos clients sont les responsables du traitement\u00a0: la présente déclaration ne les couvre pas, et nous transmettons toute demande les concernant au client concerné.`,
  de: (customers) =>
    `Wir verarbeiten außerdem personenbezogene Daten im Auftrag unserer Kunden (${customers}) als deren Auftragsverarbeiter. Für diese Daten sind unsere Kunden die Verantwortlichen: Diese Datenschutzerklärung gilt nicht für sie, und jeden Antrag dazu leiten wir an den betroffenen Kunden weiter.`,
};

// A processor (or `role: both`) that lists no customers is still a processor: say so, without naming anyone.
const unnamed: Record<Language, string> = {
  en: 'We also process personal data on behalf of our customers, as their processor. For that data our customers are the controllers: this notice does not cover it, and we pass any request about it on to the customer concerned.',
  nl: 'We verwerken ook persoonsgegevens in opdracht van onze klanten, als hun verwerker. Voor die gegevens zijn onze klanten de verwerkingsverantwoordelijken: deze verklaring gaat er niet over, en elk verzoek daarover bezorgen we aan de betrokken klant.',
  fr: 'Nous traitons aussi des données personnelles pour le compte de nos clients, en tant que sous-traitant. Pour ces données, nos clients sont les responsables du traitement\u00a0: la présente déclaration ne les couvre pas, et nous transmettons toute demande les concernant au client concerné.',
  de: 'Wir verarbeiten außerdem personenbezogene Daten im Auftrag unserer Kunden als deren Auftragsverarbeiter. Für diese Daten sind unsere Kunden die Verantwortlichen: Diese Datenschutzerklärung gilt nicht für sie, und jeden Antrag dazu leiten wir an den betroffenen Kunden weiter.',
};

/** The sentence on processing for customers, or undefined for a controller role only. */
export function processorSentence(charter: Charter, language: Language): string | undefined {
  if (charter.organisation.role === 'controller') return undefined;
  if (charter.customers.length === 0) return unnamed[language];
  return sentences[language](
    joinList(
      charter.customers.map((c) => c.name),
      language,
    ),
  );
}
