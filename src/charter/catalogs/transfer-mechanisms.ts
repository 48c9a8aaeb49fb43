/**
 * Grounds for transferring personal data to a recipient outside the EEA (GDPR Chapter V, Art. 44–49), including the
 * historical ones that older contracts and privacy statements still cite. `valid: false` entries exist so that a
 * charter naming them can be flagged, never so that they can be chosen.
 *
 * `requiresAssessment` means the exporter must document a transfer impact assessment (the law and practice of the
 * destination, supplementary measures) before relying on the mechanism, as required since Schrems II.
 */

export type TransferLanguage = 'en' | 'nl' | 'fr' | 'de';

export interface TransferMechanism {
  id: string;
  name: Record<TransferLanguage, string>;
  /** The GDPR provision the mechanism rests on. */
  article: string;
  valid: boolean;
  /** ISO date from which the mechanism can no longer be relied on. */
  invalidSince?: string;
  /** ISO date from which the mechanism has been available, where that matters. */
  validSince?: string;
  note: Record<TransferLanguage, string>;
  requiresAssessment: boolean;
}

const mechanisms = [
  {
    id: 'none-needed',
    name: {
      en: 'No transfer: recipient inside the EEA',
      nl: 'Geen doorgifte: ontvanger binnen de EER',
      fr: "Pas de transfert : destinataire situé dans l'EEE",
      de: 'Keine Übermittlung: Empfänger im EWR',
    },
    article: 'Art. 44',
    valid: true,
    note: {
      en: 'The data stays in the European Economic Area, so Chapter V does not apply. Check that sub-processors and support access also stay inside the EEA.',
      nl: 'De gegevens blijven in de Europese Economische Ruimte, dus hoofdstuk V is niet van toepassing. Controleer of ook subverwerkers en toegang voor ondersteuning binnen de EER blijven.',
      fr: "Les données restent dans l'Espace économique européen : le chapitre V ne s'applique pas. Vérifiez que les sous-traitants ultérieurs et les accès de support restent eux aussi dans l'EEE.",
      de: 'Die Daten bleiben im Europäischen Wirtschaftsraum, Kapitel V ist daher nicht anwendbar. Prüfen Sie, ob auch Unterauftragsverarbeiter und Supportzugriffe im EWR bleiben.',
    },
    requiresAssessment: false,
  },
  {
    id: 'adequacy',
    name: {
      en: 'Adequacy decision',
      nl: 'Adequaatheidsbesluit',
      fr: "Décision d'adéquation",
      de: 'Angemessenheitsbeschluss',
    },
    article: 'Art. 45',
    valid: true,
    note: {
      en: 'The European Commission has decided that the destination country offers an adequate level of protection. No further safeguard is needed while the decision stands.',
      nl: 'De Europese Commissie heeft beslist dat het land van bestemming een passend beschermingsniveau biedt. Zolang dat besluit geldt, is geen bijkomende waarborg nodig.',
      fr: "La Commission européenne a constaté que le pays de destination offre un niveau de protection adéquat. Aucune garantie supplémentaire n'est requise tant que la décision est en vigueur.",
      de: 'Die Europäische Kommission hat festgestellt, dass das Zielland ein angemessenes Schutzniveau bietet. Solange der Beschluss gilt, sind keine weiteren Garantien erforderlich.',
    },
    requiresAssessment: false,
  },
  {
    id: 'eu-us-dpf',
    name: {
      en: 'EU-US Data Privacy Framework',
      nl: 'EU-VS-kader voor gegevensbescherming (Data Privacy Framework)',
      fr: 'Cadre de protection des données UE–États-Unis (Data Privacy Framework)',
      de: 'EU-US-Datenschutzrahmen (Data Privacy Framework)',
    },
    article: 'Art. 45',
    valid: true,
    validSince: '2023-07-10',
    note: {
      en: 'Adequacy decision of 10 July 2023. It covers only US organisations that are certified under the framework; check that the recipient appears as active on the official DPF list and that its certification covers the data concerned.',
      nl: 'Adequaatheidsbesluit van 10 juli 2023. Het geldt alleen voor Amerikaanse organisaties die onder het kader gecertificeerd zijn; controleer of de ontvanger als actief op de officiële DPF-lijst staat en of zijn certificering de betrokken gegevens dekt.',
      fr: "Décision d'adéquation du 10 juillet 2023. Elle ne couvre que les organisations américaines certifiées dans ce cadre ; vérifiez que le destinataire figure comme actif sur la liste officielle du DPF et que sa certification couvre les données concernées.",
      de: 'Angemessenheitsbeschluss vom 10. Juli 2023. Er gilt nur für US-Organisationen, die nach dem Rahmen zertifiziert sind; prüfen Sie, ob der Empfänger auf der offiziellen DPF-Liste als aktiv geführt wird und ob seine Zertifizierung die betreffenden Daten umfasst.',
    },
    requiresAssessment: false,
  },
  {
    id: 'sccs',
    name: {
      en: 'Standard contractual clauses (2021)',
      nl: 'Standaardcontractbepalingen (2021)',
      fr: 'Clauses contractuelles types (2021)',
      de: 'Standardvertragsklauseln (2021)',
    },
    article: 'Art. 46(2)(c)',
    valid: true,
    validSince: '2021-06-27',
    note: {
      en: 'The clauses of Commission Implementing Decision (EU) 2021/914, in the module that fits the roles (controller or processor on each side). A documented transfer impact assessment and, where needed, supplementary measures are required.',
      nl: 'De bepalingen van Uitvoeringsbesluit (EU) 2021/914 van de Commissie, in de module die bij de rollen past (verwerkingsverantwoordelijke of verwerker aan elke kant). Een gedocumenteerde doorgiftebeoordeling (TIA) en zo nodig aanvullende maatregelen zijn vereist.',
      fr: "Les clauses de la décision d'exécution (UE) 2021/914 de la Commission, dans le module correspondant aux rôles (responsable du traitement ou sous-traitant de chaque côté). Une analyse d'impact du transfert documentée et, si nécessaire, des mesures supplémentaires sont requises.",
      de: 'Die Klauseln des Durchführungsbeschlusses (EU) 2021/914 der Kommission im passenden Modul (Verantwortlicher oder Auftragsverarbeiter auf jeder Seite). Eine dokumentierte Transfer-Folgenabschätzung und gegebenenfalls zusätzliche Maßnahmen sind erforderlich.',
    },
    requiresAssessment: true,
  },
  {
    id: 'bcr',
    name: {
      en: 'Binding corporate rules',
      nl: 'Bindende bedrijfsvoorschriften',
      fr: "Règles d'entreprise contraignantes",
      de: 'Verbindliche interne Datenschutzvorschriften',
    },
    article: 'Art. 46(2)(b), Art. 47',
    valid: true,
    note: {
      en: 'Rules approved by a supervisory authority for transfers within a group of companies. They only cover recipients inside that group and still call for a transfer impact assessment.',
      nl: 'Door een toezichthoudende autoriteit goedgekeurde regels voor doorgiften binnen een groep van ondernemingen. Ze gelden alleen voor ontvangers binnen die groep en vergen nog steeds een doorgiftebeoordeling.',
      fr: "Règles approuvées par une autorité de contrôle pour les transferts au sein d'un groupe d'entreprises. Elles ne couvrent que les destinataires de ce groupe et exigent toujours une analyse d'impact du transfert.",
      de: 'Von einer Aufsichtsbehörde genehmigte Regeln für Übermittlungen innerhalb einer Unternehmensgruppe. Sie gelten nur für Empfänger dieser Gruppe und erfordern weiterhin eine Transfer-Folgenabschätzung.',
    },
    requiresAssessment: true,
  },
  {
    id: 'code-of-conduct',
    name: {
      en: 'Approved code of conduct with binding commitments',
      nl: 'Goedgekeurde gedragscode met bindende toezeggingen',
      fr: 'Code de conduite approuvé assorti d’engagements contraignants',
      de: 'Genehmigte Verhaltensregeln mit verbindlichen Verpflichtungen',
    },
    article: 'Art. 46(2)(e), Art. 40',
    valid: true,
    note: {
      en: 'A code of conduct approved for transfers, together with binding and enforceable commitments of the recipient. Rarely available in practice.',
      nl: 'Een voor doorgiften goedgekeurde gedragscode, samen met bindende en afdwingbare toezeggingen van de ontvanger. In de praktijk zelden beschikbaar.',
      fr: 'Un code de conduite approuvé pour les transferts, accompagné d’engagements contraignants et exécutoires du destinataire. Rarement disponible en pratique.',
      de: 'Für Übermittlungen genehmigte Verhaltensregeln zusammen mit verbindlichen und durchsetzbaren Verpflichtungen des Empfängers. In der Praxis selten verfügbar.',
    },
    requiresAssessment: true,
  },
  {
    id: 'certification',
    name: {
      en: 'Approved certification with binding commitments',
      nl: 'Goedgekeurde certificering met bindende toezeggingen',
      fr: 'Certification approuvée assortie d’engagements contraignants',
      de: 'Genehmigte Zertifizierung mit verbindlichen Verpflichtungen',
    },
    article: 'Art. 46(2)(f), Art. 42',
    valid: true,
    note: {
      en: 'A certification mechanism approved for transfers, together with binding and enforceable commitments of the recipient. Rarely available in practice.',
      nl: 'Een voor doorgiften goedgekeurd certificeringsmechanisme, samen met bindende en afdwingbare toezeggingen van de ontvanger. In de praktijk zelden beschikbaar.',
      fr: 'Un mécanisme de certification approuvé pour les transferts, accompagné d’engagements contraignants et exécutoires du destinataire. Rarement disponible en pratique.',
      de: 'Ein für Übermittlungen genehmigtes Zertifizierungsverfahren zusammen mit verbindlichen und durchsetzbaren Verpflichtungen des Empfängers. In der Praxis selten verfügbar.',
    },
    requiresAssessment: true,
  },
  {
    id: 'derogation-consent',
    name: {
      en: 'Derogation: explicit consent',
      nl: 'Afwijking: uitdrukkelijke toestemming',
      fr: 'Dérogation : consentement explicite',
      de: 'Ausnahme: ausdrückliche Einwilligung',
    },
    article: 'Art. 49(1)(a)',
    valid: true,
    note: {
      en: 'The person explicitly agreed to this transfer after being told of its possible risks in the absence of an adequacy decision and safeguards. Only for occasional transfers; the consent can be withdrawn.',
      nl: 'De betrokkene heeft uitdrukkelijk ingestemd met deze doorgifte nadat hij werd ingelicht over de mogelijke risico’s bij gebrek aan een adequaatheidsbesluit en waarborgen. Alleen voor incidentele doorgiften; de toestemming kan worden ingetrokken.',
      fr: 'La personne a explicitement accepté ce transfert après avoir été informée de ses risques éventuels en l’absence de décision d’adéquation et de garanties. Uniquement pour des transferts occasionnels ; le consentement peut être retiré.',
      de: 'Die betroffene Person hat dieser Übermittlung ausdrücklich zugestimmt, nachdem sie über die möglichen Risiken ohne Angemessenheitsbeschluss und Garantien informiert wurde. Nur für gelegentliche Übermittlungen; die Einwilligung kann widerrufen werden.',
    },
    requiresAssessment: false,
  },
  {
    id: 'derogation-contract',
    name: {
      en: 'Derogation: necessary for a contract',
      nl: 'Afwijking: noodzakelijk voor een overeenkomst',
      fr: 'Dérogation : nécessaire à un contrat',
      de: 'Ausnahme: für einen Vertrag erforderlich',
    },
    article: 'Art. 49(1)(b)–(c)',
    valid: true,
    note: {
      en: 'The transfer is necessary to perform a contract with the person, or a contract concluded in their interest (for example a hotel booking abroad). Only for occasional transfers that are truly necessary.',
      nl: 'De doorgifte is noodzakelijk voor de uitvoering van een overeenkomst met de betrokkene, of van een overeenkomst in diens belang (bijvoorbeeld een hotelboeking in het buitenland). Alleen voor incidentele doorgiften die echt noodzakelijk zijn.',
      fr: "Le transfert est nécessaire à l'exécution d'un contrat avec la personne, ou d'un contrat conclu dans son intérêt (par exemple une réservation d'hôtel à l'étranger). Uniquement pour des transferts occasionnels réellement nécessaires.",
      de: 'Die Übermittlung ist für die Erfüllung eines Vertrags mit der betroffenen Person oder eines in ihrem Interesse geschlossenen Vertrags erforderlich (etwa eine Hotelbuchung im Ausland). Nur für gelegentliche, wirklich erforderliche Übermittlungen.',
    },
    requiresAssessment: false,
  },
  {
    id: 'derogation-legal-claims',
    name: {
      en: 'Derogation: legal claims',
      nl: 'Afwijking: rechtsvorderingen',
      fr: 'Dérogation : droits en justice',
      de: 'Ausnahme: Rechtsansprüche',
    },
    article: 'Art. 49(1)(e)',
    valid: true,
    note: {
      en: 'The transfer is necessary to establish, exercise or defend legal claims, for example in proceedings before a foreign court. Only for occasional transfers.',
      nl: 'De doorgifte is noodzakelijk voor de instelling, uitoefening of onderbouwing van een rechtsvordering, bijvoorbeeld in een procedure voor een buitenlandse rechtbank. Alleen voor incidentele doorgiften.',
      fr: "Le transfert est nécessaire à la constatation, à l'exercice ou à la défense de droits en justice, par exemple dans une procédure devant une juridiction étrangère. Uniquement pour des transferts occasionnels.",
      de: 'Die Übermittlung ist zur Geltendmachung, Ausübung oder Verteidigung von Rechtsansprüchen erforderlich, etwa in einem Verfahren vor einem ausländischen Gericht. Nur für gelegentliche Übermittlungen.',
    },
    requiresAssessment: false,
  },
  {
    id: 'derogation-vital-interests',
    name: {
      en: 'Derogation: vital interests',
      nl: 'Afwijking: vitale belangen',
      fr: 'Dérogation : intérêts vitaux',
      de: 'Ausnahme: lebenswichtige Interessen',
    },
    article: 'Art. 49(1)(f)',
    valid: true,
    note: {
      en: 'The transfer is needed to protect the life or physical integrity of the person or someone else, when the person cannot give consent. Emergencies only.',
      nl: 'De doorgifte is nodig om het leven of de fysieke integriteit van de betrokkene of een ander te beschermen, wanneer de betrokkene geen toestemming kan geven. Enkel in noodsituaties.',
      fr: "Le transfert est nécessaire pour protéger la vie ou l'intégrité physique de la personne ou d'autrui, lorsque la personne ne peut pas donner son consentement. Uniquement en cas d'urgence.",
      de: 'Die Übermittlung ist zum Schutz von Leben oder körperlicher Unversehrtheit der betroffenen oder einer anderen Person nötig, wenn die betroffene Person nicht einwilligen kann. Nur in Notfällen.',
    },
    requiresAssessment: false,
  },
  {
    id: 'derogation-public-interest',
    name: {
      en: 'Derogation: important reasons of public interest',
      nl: 'Afwijking: gewichtige redenen van algemeen belang',
      fr: "Dérogation : motifs importants d'intérêt public",
      de: 'Ausnahme: wichtige Gründe des öffentlichen Interesses',
    },
    article: 'Art. 49(1)(d)',
    valid: true,
    note: {
      en: 'The transfer is necessary for an important public interest recognised in EU or member-state law, such as the exchange of information between competition or tax authorities.',
      nl: 'De doorgifte is noodzakelijk om gewichtige redenen van algemeen belang die het Unierecht of het nationale recht erkent, zoals informatie-uitwisseling tussen mededingings- of belastingautoriteiten.',
      fr: "Le transfert est nécessaire pour des motifs importants d'intérêt public reconnus par le droit de l'Union ou d'un État membre, comme l'échange d'informations entre autorités de concurrence ou fiscales.",
      de: 'Die Übermittlung ist aus wichtigen Gründen des öffentlichen Interesses erforderlich, die im Unionsrecht oder im Recht eines Mitgliedstaats anerkannt sind, etwa beim Informationsaustausch zwischen Wettbewerbs- oder Steuerbehörden.',
    },
    requiresAssessment: false,
  },
  {
    id: 'privacy-shield',
    name: {
      en: 'EU-US Privacy Shield (invalid)',
      nl: 'EU-VS-privacyschild (ongeldig)',
      fr: 'Bouclier de protection des données UE–États-Unis (invalide)',
      de: 'EU-US-Datenschutzschild (ungültig)',
    },
    article: 'Art. 45',
    valid: false,
    validSince: '2016-08-01',
    invalidSince: '2020-07-16',
    note: {
      en: 'Invalidated by the Court of Justice on 16 July 2020 in Schrems II (C-311/18). Transfers can no longer rely on it; use the Data Privacy Framework for certified recipients, or standard contractual clauses.',
      nl: 'Ongeldig verklaard door het Hof van Justitie op 16 juli 2020 in het arrest Schrems II (C-311/18). Doorgiften kunnen er niet langer op steunen; gebruik het Data Privacy Framework voor gecertificeerde ontvangers, of standaardcontractbepalingen.',
      fr: "Invalidé par la Cour de justice le 16 juillet 2020 dans l'arrêt Schrems II (C-311/18). Aucun transfert ne peut plus s'y fonder ; utilisez le Data Privacy Framework pour les destinataires certifiés, ou les clauses contractuelles types.",
      de: 'Vom Gerichtshof am 16. Juli 2020 im Urteil Schrems II (C-311/18) für ungültig erklärt. Übermittlungen können nicht mehr darauf gestützt werden; nutzen Sie für zertifizierte Empfänger das Data Privacy Framework oder Standardvertragsklauseln.',
    },
    requiresAssessment: false,
  },
  {
    id: 'safe-harbour',
    name: {
      en: 'Safe Harbour (invalid)',
      nl: 'Safe Harbour (ongeldig)',
      fr: 'Sphère de sécurité / Safe Harbour (invalide)',
      de: 'Safe Harbor (ungültig)',
    },
    article: 'Directive 95/46/EC, Art. 25(6)',
    valid: false,
    validSince: '2000-07-26',
    invalidSince: '2015-10-06',
    note: {
      en: 'Invalidated by the Court of Justice on 6 October 2015 in Schrems I (C-362/14). Still cited in very old privacy statements.',
      nl: 'Ongeldig verklaard door het Hof van Justitie op 6 oktober 2015 in het arrest Schrems I (C-362/14). Duikt nog op in zeer oude privacyverklaringen.',
      fr: "Invalidé par la Cour de justice le 6 octobre 2015 dans l'arrêt Schrems I (C-362/14). Encore cité dans de très anciennes déclarations de confidentialité.",
      de: 'Vom Gerichtshof am 6. Oktober 2015 im Urteil Schrems I (C-362/14) für ungültig erklärt. Wird in sehr alten Datenschutzerklärungen noch genannt.',
    },
    requiresAssessment: false,
  },
  {
    id: 'sccs-2010',
    name: {
      en: 'Former standard contractual clauses (2001, 2004, 2010)',
      nl: 'Vroegere standaardcontractbepalingen (2001, 2004, 2010)',
      fr: 'Anciennes clauses contractuelles types (2001, 2004, 2010)',
      de: 'Frühere Standardvertragsklauseln (2001, 2004, 2010)',
    },
    article: 'Art. 46(5)',
    valid: false,
    invalidSince: '2022-12-27',
    note: {
      en: 'The clauses of Decisions 2001/497/EC, 2004/915/EC and 2010/87/EU were repealed by Decision (EU) 2021/914. Contracts signed before 27 September 2021 could rely on them until 27 December 2022; they must now be replaced by the 2021 clauses.',
      nl: 'De bepalingen van de Besluiten 2001/497/EG, 2004/915/EG en 2010/87/EU werden ingetrokken door Besluit (EU) 2021/914. Overeenkomsten die vóór 27 september 2021 werden gesloten, konden er tot 27 december 2022 op steunen; ze moeten nu vervangen zijn door de bepalingen van 2021.',
      fr: 'Les clauses des décisions 2001/497/CE, 2004/915/CE et 2010/87/UE ont été abrogées par la décision (UE) 2021/914. Les contrats conclus avant le 27 septembre 2021 pouvaient s’y fonder jusqu’au 27 décembre 2022 ; ils doivent désormais être remplacés par les clauses de 2021.',
      de: 'Die Klauseln der Beschlüsse 2001/497/EG, 2004/915/EG und 2010/87/EU wurden durch den Beschluss (EU) 2021/914 aufgehoben. Vor dem 27. September 2021 geschlossene Verträge konnten sich bis zum 27. Dezember 2022 darauf stützen; sie müssen inzwischen durch die Klauseln von 2021 ersetzt sein.',
    },
    requiresAssessment: true,
  },
] as const satisfies readonly TransferMechanism[];

export type TransferMechanismId = (typeof mechanisms)[number]['id'];

export const transferMechanisms: readonly TransferMechanism[] = mechanisms;

const byId = new Map<string, TransferMechanism>(transferMechanisms.map((mechanism) => [mechanism.id, mechanism]));

export function findTransferMechanism(id: string): TransferMechanism | undefined {
  return byId.get(id.trim().toLowerCase());
}

export const transferMechanismIds: readonly string[] = transferMechanisms.map((mechanism) => mechanism.id);

/** True when the mechanism exists and can be relied on at `onDate` (ISO date, default today). */
export function isMechanismValidOn(id: string, onDate: string = new Date().toISOString().slice(0, 10)): boolean {
  const mechanism = findTransferMechanism(id);
  if (!mechanism) return false;
  if (mechanism.validSince !== undefined && onDate < mechanism.validSince) return false;
  if (mechanism.invalidSince !== undefined && onDate >= mechanism.invalidSince) return false;
  return mechanism.valid || mechanism.invalidSince !== undefined;
}
