import { countOf } from '../../i18n.js';
/** The overview page's words in EN/NL/FR/DE. */
export const texts = {
  en: {
    title: 'Charter overview',
    revision: 'Revision',
    updated: 'applied',
    by: 'by',
    purposes: 'Purposes',
    purpose: 'Purpose',
    legalBasis: 'Legal basis',
    retention: 'Retention',
    recipients: 'Recipients',
    recipient: 'Recipient',
    role: 'Role',
    country: 'Country',
    transfer: 'Transfer mechanism',
    noTransfer: 'none needed',
    sites: 'Sites',
    site: 'Site',
    domain: 'Domain',
    cookies: 'Cookies',
    cookie: 'Name',
    category: 'Category',
    vendor: 'Vendor',
    duration: 'Lifetime',
    findings: 'Lint findings',
    none: 'No findings.',
    noCharter: 'No charter has been applied to this organisation yet.',
    from: 'from',
    then: 'then',
    session: 'session',
    criteria: 'by criteria',
    review: 'reviewed every',
    notDecided: 'not decided yet',
    bases: {
      consent: 'Consent (Art. 6(1)(a))',
      contract: 'Contract (Art. 6(1)(b))',
      'legal-obligation': 'Legal obligation (Art. 6(1)(c))',
      'vital-interests': 'Vital interests (Art. 6(1)(d))',
      'public-task': 'Public task (Art. 6(1)(e))',
      'legitimate-interests': 'Legitimate interests (Art. 6(1)(f))',
    },
    anchors: {
      collection: 'collection',
      'end-of-contract': 'end of the contract',
      'last-contact': 'last contact',
      receipt: 'receipt',
      'end-of-legal-period': 'end of the legal period',
      'consent-withdrawn': 'withdrawal of consent',
      event: 'the event',
    },
    actions: { delete: 'delete', anonymise: 'anonymise' },
    firstSteps: 'First steps',
    glance: 'At a glance',
    done: 'done',
    todo: 'to do',
    stepCharter: (errors: number): string =>
      errors === 0
        ? 'The charter has no errors.'
        : `The charter has ${errors === 1 ? 'an error' : `${errors} errors`}: fix ${errors === 1 ? 'it' : 'them'} and apply it again.`,
    stepNoCharter: 'Apply a charter (charter apply, or the console’s editor).',
    seeFindings: 'See the findings',
    stepBanner: (site: string) => `Put the consent banner on every page of ${site}:`,
    bannerSeen: 'The banner has been shown on this site.',
    bannerNotSeen: 'The banner has not been shown on this site yet.',
    snippetLabel: (site: string) => `Banner tag for ${site}`,
    noSites: 'The charter declares no site yet.',
    stepSmtp: (configured: boolean): string =>
      configured
        ? 'Mail is sent through the configured SMTP server.'
        : 'No SMTP server is configured: mail is kept in the Outbox, not sent. Set SMTP_URL in the server’s environment to send it.',
    stepStores: (declared: number, checked: number): string =>
      declared === 0
        ? 'Declare the databases that hold personal data under stores in the charter.'
        : `${checked} of ${countOf('en', declared, 'store', 'stores')} connected and checked by a retention run.`,
    unchecked: 'Not checked yet:',
    stepColleague: (members: number): string =>
      members > 1
        ? `${countOf('en', members, 'person has', 'people have')} access to this organisation.`
        : 'Invite a colleague, so that requests and breaches never wait for one person.',
    stepDryRun: (at: string | null): string =>
      at
        ? `A first retention dry run was made on ${at}.`
        : 'Make a first retention dry run: it shows what would be deleted and changes nothing.',
    goStores: 'See the runs',
    goUsers: 'Invite someone',
    goDryRun: 'Make one now',
    openRequests: 'Open requests',
    requestsLine: (open: number, overdue: number) =>
      `${countOf('en', open, 'open request', 'open requests')}${overdue ? `, ${overdue} overdue` : ''}.`,
    nextDeadline: 'Next deadline:',
    noDeadline: 'No deadline ahead.',
    consentWeek: 'Consent this week',
    consentLine: (rate: string | null, answers: number): string =>
      rate === null
        ? `${countOf('en', answers, 'answer', 'answers')} in the banner; no category decided yet.`
        : `${rate} of the categories decided were accepted, over ${countOf('en', answers, 'answer', 'answers')}.`,
    runsWaiting: 'Retention runs awaiting approval',
    runsLine: (n: number) =>
      n === 0 ? 'No run is waiting.' : `${countOf('en', n, 'run waits', 'runs wait')} for your approval.`,
    breachClocks: 'Breaches with a running 72-hour clock',
    breachesLine: (n: number) =>
      n === 0 ? 'No 72-hour clock is running.' : `${countOf('en', n, 'clock is', 'clocks are')} running.`,
    nextBreach: 'The authority must be told by',
    notAllowed: 'Your role does not show this.',
    open: 'Open',
    charter: 'The charter',
    roles: {
      processor: 'processor',
      'sub-processor': 'sub-processor',
      'joint-controller': 'joint controller',
      controller: 'controller',
      'public-authority': 'public authority',
    } as Record<string, string>,
    firstParty: 'this organisation',
    necessary: 'strictly necessary',
  },
  nl: {
    title: 'Overzicht van het charter',
    revision: 'Revisie',
    updated: 'toegepast',
    by: 'door',
    purposes: 'Doeleinden',
    purpose: 'Doel',
    legalBasis: 'Rechtsgrond',
    retention: 'Bewaring',
    recipients: 'Ontvangers',
    recipient: 'Ontvanger',
    role: 'Rol',
    country: 'Land',
    transfer: 'Doorgiftemechanisme',
    noTransfer: 'niet nodig',
    sites: 'Websites',
    site: 'Website',
    domain: 'Domein',
    cookies: 'Cookies',
    cookie: 'Naam',
    category: 'Categorie',
    vendor: 'Aanbieder',
    duration: 'Looptijd',
    findings: 'Bevindingen',
    none: 'Geen bevindingen.',
    noCharter: 'Er is nog geen charter toegepast voor deze organisatie.',
    from: 'vanaf',
    then: 'daarna',
    session: 'sessie',
    criteria: 'volgens criteria',
    review: 'herzien om de',
    notDecided: 'nog niet bepaald',
    bases: {
      consent: 'Toestemming (art. 6(1)(a))',
      contract: 'Overeenkomst (art. 6(1)(b))',
      'legal-obligation': 'Wettelijke verplichting (art. 6(1)(c))',
      'vital-interests': 'Vitale belangen (art. 6(1)(d))',
      'public-task': 'Taak van algemeen belang (art. 6(1)(e))',
      'legitimate-interests': 'Gerechtvaardigd belang (art. 6(1)(f))',
    },
    anchors: {
      collection: 'verzameling',
      'end-of-contract': 'einde van de overeenkomst',
      'last-contact': 'laatste contact',
      receipt: 'ontvangst',
      'end-of-legal-period': 'einde van de wettelijke termijn',
      'consent-withdrawn': 'intrekking van de toestemming',
      event: 'de gebeurtenis',
    },
    actions: { delete: 'verwijderen', anonymise: 'anonimiseren' },
    firstSteps: 'Eerste stappen',
    glance: 'In één oogopslag',
    done: 'klaar',
    todo: 'te doen',
    stepCharter: (errors: number): string =>
      errors === 0
        ? 'Het charter bevat geen fouten.'
        : `Het charter bevat ${errors === 1 ? 'een fout' : `${errors} fouten`}: verbeter ${errors === 1 ? 'die' : 'ze'} en pas het opnieuw toe.`,
    stepNoCharter: 'Pas een charter toe (charter apply, of de editor van de console).',
    seeFindings: 'Bekijk de bevindingen',
    stepBanner: (site: string) => `Plaats de toestemmingsbanner op elke pagina van ${site}:`,
    bannerSeen: 'De banner is op deze website getoond.',
    bannerNotSeen: 'De banner is op deze website nog niet getoond.',
    snippetLabel: (site: string) => `Bannertag voor ${site}`,
    noSites: 'Het charter vermeldt nog geen website.',
    stepSmtp: (configured: boolean): string =>
      configured
        ? 'E-mail wordt verstuurd via de ingestelde SMTP-server.'
        : 'Er is geen SMTP-server ingesteld: e-mail blijft in de Outbox en wordt niet verstuurd. Zet SMTP_URL in de omgeving van de server om te versturen.',
    stepStores: (declared: number, checked: number): string =>
      declared === 0
        ? 'Vermeld de databanken met persoonsgegevens onder stores in het charter.'
        : `${checked} van ${countOf('nl', declared, 'gegevensbron', 'gegevensbronnen')} verbonden en gecontroleerd door een bewaarrun.`,
    unchecked: 'Nog niet gecontroleerd:',
    stepColleague: (members: number): string =>
      members > 1
        ? `${countOf('nl', members, 'persoon heeft', 'personen hebben')} toegang tot deze organisatie.`
        : 'Nodig een collega uit, zodat verzoeken en datalekken nooit op één persoon wachten.',
    stepDryRun: (at: string | null): string =>
      at
        ? `Een eerste proefrun van de bewaring is gedaan op ${at}.`
        : 'Doe een eerste proefrun van de bewaring: die toont wat verwijderd zou worden en verandert niets.',
    goStores: 'Bekijk de runs',
    goUsers: 'Iemand uitnodigen',
    goDryRun: 'Nu een proefrun doen',
    openRequests: 'Openstaande verzoeken',
    requestsLine: (open: number, overdue: number) =>
      `${countOf('nl', open, 'openstaand verzoek', 'openstaande verzoeken')}${overdue ? `, waarvan ${overdue} te laat` : ''}.`,
    nextDeadline: 'Volgende termijn:',
    noDeadline: 'Geen termijn in zicht.',
    consentWeek: 'Toestemming deze week',
    consentLine: (rate: string | null, answers: number): string =>
      rate === null
        ? `${countOf('nl', answers, 'antwoord', 'antwoorden')} in de banner; nog geen categorie beslist.`
        : `${rate} van de besliste categorieën aanvaard, over ${countOf('nl', answers, 'antwoord', 'antwoorden')}.`,
    runsWaiting: 'Bewaarruns die op goedkeuring wachten',
    runsLine: (n: number) =>
      n === 0 ? 'Er wacht geen run.' : `${countOf('nl', n, 'run wacht', 'runs wachten')} op uw goedkeuring.`,
    breachClocks: 'Datalekken met een lopende termijn van 72 uur',
    breachesLine: (n: number) =>
      n === 0 ? 'Er loopt geen termijn van 72 uur.' : `${countOf('nl', n, 'termijn loopt', 'termijnen lopen')}.`,
    nextBreach: 'De toezichthouder moet ingelicht zijn uiterlijk op',
    notAllowed: 'Uw rol toont dit niet.',
    open: 'Openen',
    charter: 'Het charter',
    roles: {
      processor: 'verwerker',
      'sub-processor': 'subverwerker',
      'joint-controller': 'gezamenlijke verwerkingsverantwoordelijke',
      controller: 'verwerkingsverantwoordelijke',
      'public-authority': 'overheidsinstantie',
    } as Record<string, string>,
    firstParty: 'deze organisatie',
    necessary: 'strikt noodzakelijk',
  },
  fr: {
    title: 'Aperçu de la charte',
    revision: 'Révision',
    updated: 'appliquée le',
    by: 'par',
    purposes: 'Finalités',
    purpose: 'Finalité',
    legalBasis: 'Base légale',
    retention: 'Conservation',
    recipients: 'Destinataires',
    recipient: 'Destinataire',
    role: 'Rôle',
    country: 'Pays',
    transfer: 'Mécanisme de transfert',
    noTransfer: 'non requis',
    sites: 'Sites',
    site: 'Site',
    domain: 'Domaine',
    cookies: 'Cookies',
    cookie: 'Nom',
    category: 'Catégorie',
    vendor: 'Fournisseur',
    duration: 'Durée',
    findings: 'Constats',
    none: 'Aucun constat.',
    noCharter: 'Aucune charte n’a encore été appliquée pour cette organisation.',
    from: 'à partir de',
    then: 'puis',
    session: 'session',
    criteria: 'selon des critères',
    review: 'réexaminée tous les',
    notDecided: 'pas encore fixée',
    bases: {
      consent: 'Consentement (art. 6(1)(a))',
      contract: 'Contrat (art. 6(1)(b))',
      'legal-obligation': 'Obligation légale (art. 6(1)(c))',
      'vital-interests': 'Intérêts vitaux (art. 6(1)(d))',
      'public-task': 'Mission d’intérêt public (art. 6(1)(e))',
      'legitimate-interests': 'Intérêt légitime (art. 6(1)(f))',
    },
    anchors: {
      collection: 'la collecte',
      'end-of-contract': 'la fin du contrat',
      'last-contact': 'le dernier contact',
      receipt: 'la réception',
      'end-of-legal-period': 'la fin du délai légal',
      'consent-withdrawn': 'le retrait du consentement',
      event: 'l’événement',
    },
    actions: { delete: 'supprimer', anonymise: 'anonymiser' },
    firstSteps: 'Premiers pas',
    glance: 'En un coup d’œil',
    done: 'fait',
    todo: 'à faire',
    stepCharter: (errors: number): string =>
      errors === 0
        ? 'La charte ne contient aucune erreur.'
        : `La charte contient ${errors === 1 ? 'une erreur' : `${errors} erreurs`} : corrigez-${errors === 1 ? 'la' : 'les'} et appliquez-la à nouveau.`,
    stepNoCharter: 'Appliquez une charte (charter apply, ou l’éditeur de la console).',
    seeFindings: 'Voir les constats',
    stepBanner: (site: string) => `Placez la bannière de consentement sur chaque page de ${site} :`,
    bannerSeen: 'La bannière a été affichée sur ce site.',
    bannerNotSeen: 'La bannière n’a pas encore été affichée sur ce site.',
    snippetLabel: (site: string) => `Balise de la bannière pour ${site}`,
    noSites: 'La charte ne déclare encore aucun site.',
    stepSmtp: (configured: boolean): string =>
      configured
        ? 'Les e-mails partent par le serveur SMTP configuré.'
        : 'Aucun serveur SMTP n’est configuré : les e-mails restent dans la boîte d’envoi (Outbox), ils ne partent pas. Définissez SMTP_URL dans l’environnement du serveur pour les envoyer.',
    stepStores: (declared: number, checked: number): string =>
      declared === 0
        ? 'Déclarez sous stores dans la charte les bases de données qui contiennent des données personnelles.'
        : `${checked} sur ${countOf('fr', declared, 'source de données', 'sources de données')} connectées et vérifiées par une exécution de conservation.`,
    unchecked: 'Pas encore vérifiées :',
    stepColleague: (members: number): string =>
      members > 1
        ? `${countOf('fr', members, 'personne a', 'personnes ont')} accès à cette organisation.`
        : 'Invitez un collègue, pour que demandes et violations n’attendent jamais une seule personne.',
    stepDryRun: (at: string | null): string =>
      at
        ? `Une première simulation de conservation a été faite le ${at}.`
        : 'Faites une première simulation de conservation : elle montre ce qui serait supprimé et ne change rien.',
    goStores: 'Voir les exécutions',
    goUsers: 'Inviter quelqu’un',
    goDryRun: 'En faire une maintenant',
    openRequests: 'Demandes ouvertes',
    requestsLine: (open: number, overdue: number) =>
      `${countOf('fr', open, 'demande ouverte', 'demandes ouvertes')}${overdue ? `, dont ${overdue} en retard` : ''}.`,
    nextDeadline: 'Prochaine échéance :',
    noDeadline: 'Aucune échéance à venir.',
    consentWeek: 'Consentement cette semaine',
    consentLine: (rate: string | null, answers: number): string =>
      rate === null
        ? `${countOf('fr', answers, 'réponse', 'réponses')} dans la bannière ; aucune catégorie décidée.`
        : `${rate} des catégories décidées ont été acceptées, sur ${countOf('fr', answers, 'réponse', 'réponses')}.`,
    runsWaiting: 'Exécutions de conservation en attente d’approbation',
    runsLine: (n: number) =>
      n === 0
        ? 'Aucune exécution n’attend.'
        : `${countOf('fr', n, 'exécution attend', 'exécutions attendent')} votre approbation.`,
    breachClocks: 'Violations dont le délai de 72 heures court',
    breachesLine: (n: number) =>
      n === 0 ? 'Aucun délai de 72 heures ne court.' : `${countOf('fr', n, 'délai court', 'délais courent')}.`,
    nextBreach: 'L’autorité doit être notifiée au plus tard le',
    notAllowed: 'Votre rôle ne l’affiche pas.',
    open: 'Ouvrir',
    charter: 'La charte',
    roles: {
      processor: 'sous-traitant',
      'sub-processor': 'sous-traitant ultérieur',
      'joint-controller': 'responsable conjoint',
      controller: 'responsable du traitement',
      'public-authority': 'autorité publique',
    } as Record<string, string>,
    firstParty: 'cette organisation',
    necessary: 'strictement nécessaire',
  },
  de: {
    title: 'Überblick über die Charter',
    revision: 'Revision',
    updated: 'angewendet am',
    by: 'von',
    purposes: 'Zwecke',
    purpose: 'Zweck',
    legalBasis: 'Rechtsgrundlage',
    retention: 'Aufbewahrung',
    recipients: 'Empfänger',
    recipient: 'Empfänger',
    role: 'Rolle',
    country: 'Land',
    transfer: 'Übermittlungsmechanismus',
    noTransfer: 'nicht erforderlich',
    sites: 'Websites',
    site: 'Website',
    domain: 'Domain',
    cookies: 'Cookies',
    cookie: 'Name',
    category: 'Kategorie',
    vendor: 'Anbieter',
    duration: 'Speicherdauer',
    findings: 'Prüfergebnisse',
    none: 'Keine Prüfergebnisse.',
    noCharter: 'Für diese Organisation wurde noch keine Charter angewendet.',
    from: 'ab',
    then: 'danach',
    session: 'Sitzung',
    criteria: 'nach Kriterien',
    review: 'überprüft alle',
    notDecided: 'noch nicht festgelegt',
    bases: {
      consent: 'Einwilligung (Art. 6 Abs. 1 lit. a)',
      contract: 'Vertrag (Art. 6 Abs. 1 lit. b)',
      'legal-obligation': 'Rechtliche Verpflichtung (Art. 6 Abs. 1 lit. c)',
      'vital-interests': 'Lebenswichtige Interessen (Art. 6 Abs. 1 lit. d)',
      'public-task': 'Öffentliche Aufgabe (Art. 6 Abs. 1 lit. e)',
      'legitimate-interests': 'Berechtigte Interessen (Art. 6 Abs. 1 lit. f)',
    },
    anchors: {
      collection: 'Erhebung',
      'end-of-contract': 'Vertragsende',
      'last-contact': 'letztem Kontakt',
      receipt: 'Eingang',
      'end-of-legal-period': 'Ablauf der gesetzlichen Frist',
      'consent-withdrawn': 'Widerruf der Einwilligung',
      event: 'dem Ereignis',
    },
    actions: { delete: 'löschen', anonymise: 'anonymisieren' },
    firstSteps: 'Erste Schritte',
    glance: 'Auf einen Blick',
    done: 'erledigt',
    todo: 'offen',
    stepCharter: (errors: number): string =>
      errors === 0
        ? 'Die Charter enthält keine Fehler.'
        : `Die Charter enthält ${errors === 1 ? 'einen Fehler' : `${errors} Fehler`}: beheben Sie ${errors === 1 ? 'ihn' : 'sie'} und wenden Sie die Charter erneut an.`,
    stepNoCharter: 'Wenden Sie eine Charter an (charter apply oder der Editor der Console).',
    seeFindings: 'Zu den Prüfergebnissen',
    stepBanner: (site: string) => `Binden Sie das Einwilligungsbanner auf jeder Seite von ${site} ein:`,
    bannerSeen: 'Das Banner wurde auf dieser Website angezeigt.',
    bannerNotSeen: 'Das Banner wurde auf dieser Website noch nicht angezeigt.',
    snippetLabel: (site: string) => `Banner-Tag für ${site}`,
    noSites: 'Die Charter nennt noch keine Website.',
    stepSmtp: (configured: boolean): string =>
      configured
        ? 'E-Mails werden über den eingerichteten SMTP-Server versendet.'
        : 'Kein SMTP-Server eingerichtet: E-Mails bleiben im Postausgang (Outbox) und werden nicht versendet. Setzen Sie SMTP_URL in der Umgebung des Servers, um sie zu versenden.',
    stepStores: (declared: number, checked: number): string =>
      declared === 0
        ? 'Tragen Sie die Datenbanken mit personenbezogenen Daten unter stores in der Charter ein.'
        : `${checked} von ${countOf('de', declared, 'Datenspeicher', 'Datenspeichern')} verbunden und durch einen Aufbewahrungslauf geprüft.`,
    unchecked: 'Noch nicht geprüft:',
    stepColleague: (members: number): string =>
      members > 1
        ? `${countOf('de', members, 'Person hat', 'Personen haben')} Zugriff auf diese Organisation.`
        : 'Laden Sie eine Kollegin oder einen Kollegen ein, damit Anfragen und Datenpannen nie auf eine einzige Person warten.',
    stepDryRun: (at: string | null): string =>
      at
        ? `Ein erster Probelauf der Aufbewahrung erfolgte am ${at}.`
        : 'Machen Sie einen ersten Probelauf der Aufbewahrung: er zeigt, was gelöscht würde, und ändert nichts.',
    goStores: 'Läufe ansehen',
    goUsers: 'Jemanden einladen',
    goDryRun: 'Jetzt einen machen',
    openRequests: 'Offene Anfragen',
    requestsLine: (open: number, overdue: number) =>
      `${countOf('de', open, 'offene Anfrage', 'offene Anfragen')}${overdue ? `, davon ${overdue} überfällig` : ''}.`,
    nextDeadline: 'Nächste Frist:',
    noDeadline: 'Keine Frist in Sicht.',
    consentWeek: 'Einwilligung in dieser Woche',
    consentLine: (rate: string | null, answers: number): string =>
      rate === null
        ? `${countOf('de', answers, 'Antwort', 'Antworten')} im Banner; noch keine Kategorie entschieden.`
        : `${rate} der entschiedenen Kategorien wurden angenommen, bei ${countOf('de', answers, 'Antwort', 'Antworten')}.`,
    runsWaiting: 'Aufbewahrungsläufe, die auf Freigabe warten',
    runsLine: (n: number) =>
      n === 0 ? 'Kein Lauf wartet.' : `${countOf('de', n, 'Lauf wartet', 'Läufe warten')} auf Ihre Freigabe.`,
    breachClocks: 'Datenpannen mit laufender 72-Stunden-Frist',
    breachesLine: (n: number) =>
      n === 0 ? 'Keine 72-Stunden-Frist läuft.' : `${countOf('de', n, 'Frist läuft', 'Fristen laufen')}.`,
    nextBreach: 'Die Aufsichtsbehörde ist zu benachrichtigen bis',
    notAllowed: 'Ihre Rolle zeigt dies nicht an.',
    open: 'Öffnen',
    charter: 'Die Charter',
    roles: {
      processor: 'Auftragsverarbeiter',
      'sub-processor': 'Unterauftragsverarbeiter',
      'joint-controller': 'gemeinsam Verantwortlicher',
      controller: 'Verantwortlicher',
      'public-authority': 'Behörde',
    } as Record<string, string>,
    firstParty: 'diese Organisation',
    necessary: 'unbedingt erforderlich',
  },
};

export type T = (typeof texts)['en'];
