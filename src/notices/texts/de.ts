/** Die Datenschutzerklärung und die Cookie-Richtlinie auf Deutsch. */
import type { NoticeTexts } from './types.js';

export const de: NoticeTexts = {
  language: 'de',
  languageName: 'Deutsch',
  noticeTitle: (organisation) => `Datenschutzerklärung von ${organisation}`,
  cookieTitle: (organisation) => `Cookie-Richtlinie von ${organisation}`,
  noticeIntro: ({ organisation, site, domain }) =>
    `Diese Erklärung beschreibt, wie ${organisation} mit Ihren personenbezogenen Daten umgeht, wenn Sie ${site} (${domain}) nutzen oder auf anderem Weg mit uns in Kontakt treten, und welche Rechte Sie haben.`,
  noticeIntroQuestions: 'Ist etwas unklar, fragen Sie uns gern: Unsere Kontaktdaten finden Sie im ersten Abschnitt.',
  headings: {
    controller: 'Wer für Ihre Daten verantwortlich ist',
    dpo: 'Datenschutzbeauftragter',
    purposes: 'Wofür wir Ihre Daten verwenden und auf welcher Rechtsgrundlage',
    'legitimate-interests': 'Unsere berechtigten Interessen und Ihr Widerspruchsrecht',
    recipients: 'Wer Ihre Daten erhält',
    transfers: 'Übermittlungen außerhalb des Europäischen Wirtschaftsraums',
    retention: 'Wie lange wir Ihre Daten speichern',
    rights: 'Ihre Rechte und wie Sie sie ausüben',
    consent: 'Widerruf Ihrer Einwilligung',
    complaint: 'Beschwerde bei der Aufsichtsbehörde',
    requirements: 'Müssen Sie uns Ihre Daten geben?',
    'automated-decisions': 'Automatisierte Entscheidungen und Profiling',
    sources: 'Daten, die wir nicht von Ihnen erhalten',
    children: 'Kinder',
    cookies: 'Cookies',
    security: 'Wie wir Ihre Daten schützen',
    changes: 'Änderungen dieser Erklärung',
  },
  labels: {
    email: 'E-Mail',
    phone: 'Telefon',
    website: 'Website',
    companyNumber: 'Unternehmensnummer',
    version: 'Version',
    lastUpdated: 'Zuletzt aktualisiert',
    contents: 'Inhalt',
    languages: 'Andere Sprachen',
    skip: 'Zum Inhalt springen',
    formats: 'Auch verfügbar als',
    pdf: 'PDF',
    markdown: 'Text (Markdown)',
    cookiePolicy: 'Cookie-Richtlinie',
    privacyNotice: 'Datenschutzerklärung',
  },
  controller: {
    intro: (legalName, tradeName) =>
      `${legalName}${tradeName ? ` („${tradeName}“)` : ''} ist Verantwortlicher für die Verarbeitung Ihrer personenbezogenen Daten: Wir entscheiden, warum und wie sie verarbeitet werden, und wir stehen dafür ein.`,
    addressesIntro: 'Unsere Anschrift:',
    contactIntro: 'Zu allem, was in dieser Erklärung steht, erreichen Sie uns hier:',
    representative: 'Unser Vertreter in der Europäischen Union (Art. 27 DSGVO):',
    group: (entities) =>
      `Wir gehören zu einer Unternehmensgruppe mit ${entities}. Innerhalb der Gruppe teilen wir Identifikationsdaten nur, wo diese Erklärung es angibt.`,
    groupOnly: (entities) => `Wir gehören zu einer Unternehmensgruppe mit ${entities}.`,
    centralStorage: 'Die Daten werden zentral für alle Gesellschaften der Gruppe gespeichert.',
    joint: (entity) =>
      `Wir sind gemeinsam mit ${entity} Verantwortliche (Art. 26 DSGVO): Wir legen gemeinsam fest, warum und wie Ihre Daten verarbeitet werden.`,
    arrangement: 'Das Wesentliche unserer Vereinbarung:',
    jointRights:
      'Sie können Ihre Rechte bei jedem von uns geltend machen, unabhängig von der Vereinbarung (Art. 26(3) DSGVO).',
  },
  dpo: {
    appointed:
      'Wir haben einen Datenschutzbeauftragten benannt, der uns berät und überwacht, wie wir mit personenbezogenen Daten umgehen. Sie können ihn direkt und vertraulich erreichen:',
    none: 'Wir haben keinen Datenschutzbeauftragten benannt. Fragen zu Ihren Daten richten Sie an die oben genannten Kontaktdaten.',
  },
  purposes: {
    intro:
      'Wir verwenden Ihre Daten nur für die unten genannten Zwecke. Zu jedem Zweck erfahren Sie, wessen Daten betroffen sind, welche Daten wir verwenden, auf welcher Rechtsgrundlage, wer sie erhält und wie lange wir sie speichern.',
    terms: {
      what: 'Was wir tun',
      whose: 'Betroffene Personen',
      which: 'Welche Daten',
      basis: 'Rechtsgrundlage',
      interest: 'Unser berechtigtes Interesse',
      obligation: 'Das Gesetz, das es vorschreibt',
      source: 'Herkunft der Daten',
      recipients: 'Empfänger',
      retention: 'Speicherdauer',
    },
    basis: {
      consent:
        'Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO). Sie können sie jederzeit widerrufen; was wir bis zum Widerruf getan haben, bleibt davon unberührt.',
      contract:
        'Die Verarbeitung ist für die Erfüllung eines Vertrags mit Ihnen erforderlich oder für Schritte, die Sie vor Vertragsschluss verlangt haben (Art. 6 Abs. 1 lit. b DSGVO).',
      'legal-obligation':
        'Die Verarbeitung ist zur Erfüllung einer rechtlichen Verpflichtung erforderlich, der wir unterliegen (Art. 6 Abs. 1 lit. c DSGVO).',
      'vital-interests':
        'Die Verarbeitung ist erforderlich, um Ihre lebenswichtigen Interessen oder die einer anderen Person zu schützen (Art. 6 Abs. 1 lit. d DSGVO).',
      'public-task':
        'Die Verarbeitung ist für eine Aufgabe im öffentlichen Interesse oder in Ausübung öffentlicher Gewalt erforderlich, die uns übertragen wurde (Art. 6 Abs. 1 lit. e DSGVO).',
      'legitimate-interests':
        'Die Verarbeitung ist zur Wahrung unserer unten beschriebenen berechtigten Interessen erforderlich, die wir gegen Ihre Interessen und Rechte abgewogen haben (Art. 6 Abs. 1 lit. f DSGVO).',
    },
    noRecipients: 'Niemand außerhalb unserer Organisation.',
    source: {
      'third-party': 'Diese Daten erhalten wir nicht von Ihnen, sondern von Dritten:',
    },
  },
  legitimateInterests: {
    intro:
      'Für einige Zwecke stützen wir uns auf unsere berechtigten Interessen. Das heißt: Wir haben unser Interesse gegen Ihre Interessen, Rechte und vernünftigen Erwartungen abgewogen und sind zu dem Ergebnis gekommen, dass die Verarbeitung gerechtfertigt ist.',
    none: 'Keine der in dieser Erklärung beschriebenen Verarbeitungen stützt sich auf berechtigte Interessen.',
    caption: 'Zwecke auf Grundlage unserer berechtigten Interessen',
    columns: { purpose: 'Zweck', interest: 'Unser Interesse' },
    objection:
      'Sie haben das Recht, aus Gründen, die sich aus Ihrer besonderen Situation ergeben, jederzeit gegen Verarbeitungen auf Grundlage unserer berechtigten Interessen Widerspruch einzulegen (Art. 21 Abs. 1 DSGVO). Wir beenden die Verarbeitung dann, es sei denn, wir können zwingende schutzwürdige Gründe nachweisen, die Ihre Interessen, Rechte und Freiheiten überwiegen, oder wir benötigen die Daten zur Geltendmachung, Ausübung oder Verteidigung von Rechtsansprüchen.',
    directMarketing:
      'Verwenden wir Ihre Daten für Direktwerbung, können Sie dem jederzeit und ohne Angabe von Gründen widersprechen (Art. 21 Abs. 2 und 3 DSGVO). Wir verwenden Ihre Daten dann nicht mehr für diesen Zweck und bewahren nur auf, was nötig ist, damit wir Sie nicht erneut ansprechen.',
  },
  recipients: {
    intro:
      'Wir geben Ihre Daten nur an die unten genannten Empfänger weiter, und nur, was sie für ihre Aufgabe benötigen. Auftragsverarbeiter handeln nach unseren Weisungen und sind vertraglich zu Vertraulichkeit und Sicherheit verpflichtet (Art. 28 DSGVO).',
    none: 'Wir geben Ihre Daten an niemanden außerhalb unserer Organisation weiter.',
    caption: 'Empfänger Ihrer Daten',
    columns: {
      name: 'Empfänger',
      role: 'Rolle',
      service: 'Was er tut',
      country: 'Land',
      safeguard: 'Garantie bei Übermittlung',
    },
    roles: {
      processor: 'Auftragsverarbeiter, handelt nach unseren Weisungen',
      'sub-processor': 'Unterauftragsverarbeiter, handelt nach unseren Weisungen',
      'joint-controller': 'Gemeinsam Verantwortlicher',
      controller: 'Eigenständig Verantwortlicher',
      'public-authority': 'Behörde',
    },
    subProcessors: (list) => `Setzt ein: ${list}.`,
    noSafeguard: 'Keine angegeben',
    privacyPolicy: 'Datenschutzhinweise',
  },
  transfers: {
    intro:
      'Einige Empfänger haben ihren Sitz außerhalb des Europäischen Wirtschaftsraums (EWR) oder setzen dort Dienstleister ein. Ihre Daten sind dann durch die bei jedem Empfänger genannte Garantie geschützt:',
    none: 'Wir übermitteln Ihre Daten nicht in Länder außerhalb des Europäischen Wirtschaftsraums (EWR).',
    item: ({ recipient, country, mechanism }) => `${recipient} (${country}): ${mechanism}.`,
    copy: 'Eine Kopie dieser Garantien, oder wo sie zu finden sind, erhalten Sie auf Anfrage über jeden der Wege, die im Abschnitt über Ihre Rechte genannt sind.',
  },
  retention: {
    intro:
      'Wir speichern Ihre Daten nicht länger, als wir sie für den Zweck benötigen, zu dem wir sie erhoben haben. Nach Ablauf der unten genannten Frist löschen wir die Daten oder anonymisieren sie, sodass sie Ihnen nicht mehr zugeordnet werden können.',
    introWithoutPeriods:
      'Wir speichern Ihre Daten nicht länger, als wir sie für den Zweck benötigen, für den wir sie erhoben haben. Unten steht für jeden Zweck, wie lange das ist oder wie wir es bestimmen.',
    caption: 'Speicherfristen je Zweck',
    columns: { purpose: 'Zweck', period: 'Wie lange wir die Daten speichern' },
  },
  rights: {
    intro:
      'Nach der Datenschutz-Grundverordnung (DSGVO) haben Sie in Bezug auf Ihre personenbezogenen Daten folgende Rechte:',
    list: {
      access: {
        name: 'Auskunft',
        description:
          'Sie können erfahren, ob wir Daten über Sie verarbeiten, und eine Kopie erhalten, mit den Zwecken, den Empfängern, der Speicherdauer und der Herkunft der Daten (Art. 15 DSGVO).',
      },
      rectification: {
        name: 'Berichtigung',
        description:
          'Sie können unrichtige Daten berichtigen und unvollständige Daten vervollständigen lassen (Art. 16 DSGVO).',
      },
      erasure: {
        name: 'Löschung',
        description:
          'Sie können Ihre Daten löschen lassen, etwa wenn wir sie nicht mehr benötigen oder Sie Ihre Einwilligung widerrufen. Müssen wir einen Teil aufgrund gesetzlicher Pflichten aufbewahren, teilen wir Ihnen mit, welche Daten und warum (Art. 17 DSGVO).',
      },
      restriction: {
        name: 'Einschränkung',
        description:
          'Sie können verlangen, dass wir Ihre Daten vorübergehend nur noch speichern und nicht anderweitig verwenden (Art. 18 DSGVO): solange wir Daten prüfen, deren Richtigkeit Sie bestreiten; wenn die Verarbeitung unrechtmäßig ist, Sie aber die Einschränkung der Löschung vorziehen; wenn wir die Daten nicht mehr benötigen, Sie sie aber zur Geltendmachung, Ausübung oder Verteidigung von Rechtsansprüchen brauchen; und solange wir Ihren Widerspruch gegen unsere berechtigten Gründe abwägen.',
      },
      portability: {
        name: 'Datenübertragbarkeit',
        description:
          'Daten, die Sie uns auf Grundlage Ihrer Einwilligung oder eines Vertrags bereitgestellt haben, erhalten Sie in einem strukturierten, gängigen und maschinenlesbaren Format, oder wir übermitteln sie an eine andere Stelle (Art. 20 DSGVO).',
      },
      objection: {
        name: 'Widerspruch',
        description:
          'Sie können Verarbeitungen auf Grundlage unserer berechtigten Interessen widersprechen, der Direktwerbung jederzeit (Art. 21 DSGVO).',
      },
      automated: {
        name: 'Keine Entscheidung allein durch eine Maschine',
        description:
          'Sie haben das Recht, keiner ausschließlich auf einer automatisierten Verarbeitung beruhenden Entscheidung unterworfen zu werden, die Ihnen gegenüber rechtliche Wirkung entfaltet oder Sie in ähnlicher Weise erheblich beeinträchtigt (Art. 22 DSGVO).',
      },
      withdrawal: {
        name: 'Widerruf der Einwilligung',
        description:
          'Stützen wir uns auf Ihre Einwilligung, können Sie diese jederzeit widerrufen, so einfach, wie Sie sie erteilt haben (Art. 7 Abs. 3 DSGVO).',
      },
    },
    howIntro: 'So üben Sie Ihre Rechte aus:',
    web: 'online, in unserem Datenschutzcenter:',
    email: 'per E-Mail:',
    post: 'per Post:',
    phone: 'telefonisch:',
    deadline:
      'Wir antworten innerhalb eines Monats nach Eingang Ihres Antrags. Ist ein Antrag komplex oder erhalten wir viele, können wir die Frist um zwei weitere Monate verlängern; das teilen wir Ihnen dann innerhalb des ersten Monats mit, zusammen mit den Gründen (Art. 12 Abs. 3 DSGVO).',
    free: 'Die Ausübung Ihrer Rechte ist unentgeltlich.',
    verification:
      'Damit wir Ihre Daten nur Ihnen herausgeben, bestätigen wir Ihren Antrag über die E-Mail-Adresse oder Telefonnummer, die uns bereits vorliegt. Eine Kopie Ihres Personalausweises verlangen wir dafür nie.',
  },
  consent: {
    intro:
      'Stützen wir uns auf Ihre Einwilligung, können Sie diese jederzeit widerrufen, so einfach, wie Sie sie erteilt haben. Der Widerruf ist kostenlos und berührt nicht die Rechtmäßigkeit dessen, was wir zuvor getan haben.',
    none: 'Keine der in dieser Erklärung beschriebenen Verarbeitungen stützt sich auf Ihre Einwilligung; es gibt also nichts zu widerrufen. Ihr Widerspruchsrecht ist oben beschrieben.',
    howIntro: 'Wir bitten um Ihre Einwilligung für:',
    cookies:
      'Für Cookies und ähnliche Technologien ändern Sie Ihre Wahl in den Cookie-Einstellungen unserer Website; sie gilt sofort. Wie das geht, erklärt unsere',
    effect:
      'Für die übrigen Zwecke nutzen Sie den Abmeldelink in unseren Nachrichten oder einen der Wege, die im Abschnitt über Ihre Rechte genannt sind.',
  },
  complaint: {
    intro:
      'Sind Sie der Ansicht, dass wir Ihre Daten nicht rechtmäßig verarbeiten, haben Sie das Recht auf Beschwerde bei einer Aufsichtsbehörde, insbesondere in dem Mitgliedstaat Ihres Aufenthaltsorts, Ihres Arbeitsplatzes oder des Orts des mutmaßlichen Verstoßes (Art. 77 DSGVO). Unsere federführende Aufsichtsbehörde ist:',
    authority: 'Aufsichtsbehörde',
    website: 'Website',
    form: 'So reichen Sie eine Beschwerde ein',
    usFirst:
      'Sie können sich gern zuerst an uns wenden, damit wir versuchen können, das Problem zu lösen; verpflichtet sind Sie dazu nicht.',
  },
  requirements: {
    intro: 'Für einige Zwecke benötigen wir bestimmte Daten; ohne sie können wir Ihr Anliegen nicht erfüllen.',
    kinds: {
      statutory: 'Das Gesetz verpflichtet uns, diese Daten zu erheben.',
      contractual: 'Unser Vertrag mit Ihnen erfordert diese Daten.',
      'contract-prerequisite': 'Wir benötigen diese Daten, um einen Vertrag mit Ihnen zu schließen.',
    },
    noneRequired:
      'Sie sind für keinen der Zwecke in dieser Erklärung verpflichtet, uns Ihre Daten zu geben: Das ist Ihre Entscheidung.',
    noneRequiredConsequences:
      'Sie sind für keinen der Zwecke in dieser Erklärung verpflichtet, uns Ihre Daten zu geben: Das ist Ihre Entscheidung. Für die folgenden Zwecke hat es diese Folge, wenn Sie sie nicht geben:',
    rest: 'Für alle übrigen Zwecke entscheiden Sie selbst, ob Sie uns Ihre Daten geben.',
    voluntary: 'Ob Sie uns diese Daten geben, entscheiden Sie selbst.',
  },
  automated: {
    none: 'Wir treffen keine Entscheidungen über Sie, die ausschließlich auf einer automatisierten Verarbeitung einschließlich Profiling beruhen und Ihnen gegenüber rechtliche Wirkung entfalten oder Sie in ähnlicher Weise erheblich beeinträchtigen (Art. 22 DSGVO).',
    intro:
      'Für die unten genannten Zwecke treffen wir Entscheidungen mit automatisierten Mitteln. Wir erklären, wie das funktioniert und was es für Sie bedeutet:',
    logic: 'Wie es funktioniert',
    consequences: 'Was es für Sie bedeutet',
    safeguards:
      'Sie können jederzeit verlangen, dass ein Mensch die Entscheidung überprüft, Ihren Standpunkt darlegen und die Entscheidung anfechten.',
  },
  sources: {
    intro:
      'Für die unten genannten Zwecke erheben wir die Daten nicht bei Ihnen, sondern erhalten sie von anderen. Das sind die Daten und ihre Herkunft (Art. 14 DSGVO):',
    caption: 'Daten, die wir nicht bei Ihnen erhoben haben',
    columns: { purpose: 'Zweck', data: 'Welche Daten', source: 'Herkunft' },
    public: 'Öffentlich zugängliche Quellen.',
    categorySource: 'Herkunft dieser Kategorie',
    fromYou: 'Diese Daten erhalten wir von Ihnen.',
    of: 'von',
  },
  children: {
    ages: (entries) =>
      `Nach dem Gesetz kann ein Kind in Dienste der Informationsgesellschaft, die ihm direkt angeboten werden, ab folgendem Alter selbst einwilligen: ${entries}. Unterhalb dieses Alters muss ein Elternteil oder Vormund einwilligen oder zustimmen (Art. 8 DSGVO).`,
    age: (country, age) => `${age} Jahre in ${country}`,
    collects:
      'Einige unserer Dienste richten sich an Kinder. Stützen wir uns bei einem Kind unterhalb dieses Alters auf eine Einwilligung, holen wir sie bei einem Elternteil oder Vormund ein und unternehmen angemessene Anstrengungen, um das zu überprüfen.',
    parental:
      'Für die Zwecke, die es erfordern, bitten wir einen Elternteil oder Vormund, für ein Kind unterhalb dieses Alters einzuwilligen.',
    ownAges: (entries) => `Wir selbst wenden ein höheres Alter an: ${entries}.`,
  },
  statements: {
    noSpecial:
      'Wir fragen keine besonderen Kategorien personenbezogener Daten ab, etwa Daten über Ihre Gesundheit, Religion oder politische Meinung (Art. 9 DSGVO).',
    deleteSpecial: 'Erhalten wir solche Daten, ohne danach zu fragen, löschen wir sie.',
    neverSold: 'Wir verkaufen Ihre personenbezogenen Daten niemals.',
    noAdvertising: 'Wir verwenden Ihre personenbezogenen Daten nicht für die Werbung anderer Unternehmen.',
    staysInEea: 'Alle Ihre Daten werden im Europäischen Wirtschaftsraum gespeichert und verarbeitet.',
    covers: (sites) => `Diese Erklärung gilt für alle unsere Websites: ${sites}.`,
    related: 'Diese Websites haben eine eigene Datenschutzerklärung, die dort statt dieser gilt:',
    optional: 'freiwillig',
    notify: (whom) =>
      `Ändert sich diese Erklärung wesentlich, informieren wir ${whom} und senden die aktualisierte Erklärung mit.`,
    subscribers: 'alle, die darum gebeten haben (unten)',
    customers: 'unsere Kunden per E-Mail',
  },
  cookies: {
    text: 'Unsere Website verwendet Cookies und ähnliche Technologien. Nur die unbedingt erforderlichen setzen wir ohne Ihre Einwilligung. Welche wir verwenden, wie lange und wie Sie Ihre Wahl ändern, erfahren Sie in unserer',
    link: 'Cookie-Richtlinie',
  },
  security: {
    intro:
      'Wir treffen technische und organisatorische Maßnahmen, um Ihre Daten vor Verlust, Missbrauch und unbefugtem Zugriff zu schützen (Art. 32 DSGVO):',
  },
  changes: {
    text: 'Wir passen diese Erklärung an, wenn sich unsere Verarbeitungen ändern. Jede Änderung wird als neue Fassung veröffentlicht.',
    history: 'Frühere Fassungen und was sich geändert hat',
    subscribe:
      'Möchten Sie benachrichtigt werden, wenn sich diese Erklärung wesentlich ändert? Hinterlassen Sie Ihre E-Mail-Adresse. Wir verwenden sie nur dafür, Sie bestätigen sie zuerst, und Sie können sich jederzeit abmelden.',
    subscribeButton: 'Benachrichtigen',
    subscribeEmail: 'E-Mail-Adresse',
  },
  cookiePolicy: {
    intro: ({ organisation, site }) =>
      `Diese Richtlinie erklärt, welche Cookies und ähnlichen Technologien ${organisation} auf ${site} verwendet, wozu sie dienen, wie lange sie bestehen und wie Sie Ihre Wahl ändern können.`,
    headings: {
      about: 'Was Cookies sind',
      necessary: 'Unbedingt erforderliche Cookies',
      categories: 'Cookies, die wir nur mit Ihrer Einwilligung setzen',
      choice: 'Ihre Wahl ändern',
      more: 'Weitere Informationen',
    },
    about: [
      'Cookies sind kleine Textdateien, die eine Website in Ihrem Browser speichert. Ähnliche Technologien wie der lokale Speicher des Browsers und Zählpixel funktionieren vergleichbar; diese Richtlinie behandelt sie alle und nennt sie Cookies.',
      'Ohne Ihre Einwilligung setzen wir nur Cookies, die unbedingt erforderlich sind, um die von Ihnen gewünschte Website bereitzustellen. Für alle anderen bitten wir zuerst um Ihre Einwilligung, und Ablehnen ist so einfach wie Zustimmen.',
    ],
    necessary:
      'Diese Cookies sind für den Betrieb der Website nötig, etwa damit ein Formular funktioniert oder Ihre Cookie-Wahl gespeichert bleibt. Sie erfordern keine Einwilligung und können nicht abgeschaltet werden.',
    noneNecessary: 'Auf dieser Website verwenden wir keine unbedingt erforderlichen Cookies.',
    categoryIntro: 'Diese Cookies setzen wir nur, wenn Sie der Kategorie zustimmen, zu der sie gehören.',
    noCategories: 'Auf dieser Website verwenden wir keine Cookies, die Ihre Einwilligung erfordern.',
    caption: (category) => `Cookies der Kategorie „${category}“`,
    columns: { name: 'Name', vendor: 'Gesetzt von', purpose: 'Zweck', duration: 'Dauer', type: 'Art' },
    firstParty: 'Wir selbst',
    types: {
      cookie: 'Cookie',
      'local-storage': 'Lokaler Speicher',
      'session-storage': 'Sitzungsspeicher',
      pixel: 'Pixel',
      'indexed-db': 'Browser-Datenbank (IndexedDB)',
    },
    choice: [
      'Sie können Ihre Einwilligung jederzeit ändern oder widerrufen. Ihre neue Wahl gilt sofort; Cookies einer Kategorie, die Sie abschalten, werden nicht mehr verwendet.',
    ],
    button: 'Meine Cookie-Einstellungen ändern',
    buttonFallback:
      'Über den Link „Cookie-Einstellungen“ unten auf jeder Seite unserer Website können Sie Ihre Wahl jederzeit ändern.',
    gpc: 'Sendet Ihr Browser das Signal Global Privacy Control, werten wir das als Ablehnung von Werbe-Cookies.',
    expiry: (duration) => `Nach ${duration} fragen wir Sie erneut nach Ihrer Wahl.`,
    more: 'Sie können Cookies auch in den Einstellungen Ihres Browsers löschen. Wie wir allgemein mit Ihren personenbezogenen Daten umgehen und welche Rechte Sie haben, erfahren Sie in unserer',
    justification: 'Warum länger als 13 Monate:',
    own: {
      consent: 'Speichert Ihre Cookie-Auswahl und den Nachweis Ihrer Einwilligung.',
      visitor:
        'Eine Zufallsnummer, die Ihre Einwilligungen mit ihren Nachweisen verknüpft, ohne Sie zu identifizieren.',
    },
  },
  subscription: {
    confirmSubject: (organisation) =>
      `Bitte bestätigen: Benachrichtigungen zur Datenschutzerklärung von ${organisation}`,
    confirmText: ({ organisation, site, link }) =>
      `Guten Tag,\n\njemand, wahrscheinlich Sie, hat darum gebeten, benachrichtigt zu werden, wenn sich die Datenschutzerklärung von ${organisation} für ${site} wesentlich ändert.\n\nZum Bestätigen öffnen Sie diesen Link und klicken auf die Schaltfläche:\n${link}\n\nWaren Sie es nicht, ignorieren Sie diese Nachricht: Ohne Bestätigung senden wir Ihnen nichts und löschen die Adresse innerhalb einer Woche.\n`,
    changeSubject: (organisation) => `Die Datenschutzerklärung von ${organisation} hat sich geändert`,
    changeText: ({ organisation, site, version, date, changes, link, unsubscribe }) =>
      `Guten Tag,\n\ndie Datenschutzerklärung von ${organisation} für ${site} hat sich geändert. Version ${version} gilt seit dem ${date}.\n\nWas sich geändert hat:\n${changes.map((c) => `- ${c}`).join('\n')}\n\nDie vollständige Erklärung lesen Sie hier:\n${link}\n\nSie erhalten diese Nachricht, weil Sie um Benachrichtigung bei wesentlichen Änderungen gebeten haben. Um diese Nachrichten abzubestellen:\n${unsubscribe}\n`,
    pageTitle: 'Benachrichtigungen zu dieser Datenschutzerklärung',
    requested:
      'Vielen Dank. Ist die Adresse gültig, erhalten Sie eine E-Mail mit der Bitte um Bestätigung. Bis dahin senden wir Ihnen nichts anderes.',
    confirmQuestion:
      'Möchten Sie per E-Mail benachrichtigt werden, wenn sich diese Datenschutzerklärung wesentlich ändert?',
    confirmButton: 'Ja, bestätigen',
    confirmed: 'Bestätigt. Wir schreiben Ihnen, wenn sich diese Erklärung wesentlich ändert.',
    unsubscribeQuestion: 'Möchten Sie keine Benachrichtigungen zu dieser Datenschutzerklärung mehr erhalten?',
    unsubscribeButton: 'Abmelden',
    unsubscribed: 'Erledigt. Wir haben Ihre E-Mail-Adresse gelöscht und senden Ihnen zu dieser Erklärung nichts mehr.',
    invalid: 'Dieser Link ist nicht (mehr) gültig. Nicht bestätigte Links verfallen nach einer Woche.',
    tooMany: 'Von Ihrer Verbindung kamen zu viele Anfragen. Bitte versuchen Sie es später erneut.',
    back: 'Zurück zur Datenschutzerklärung',
  },
  history: {
    title: 'Fassungen dieser Datenschutzerklärung',
    intro:
      'Jedes Mal, wenn sich diese Erklärung ändert, veröffentlichen wir eine neue Fassung. Unten finden Sie alle Fassungen und was sich jeweils geändert hat.',
    version: (n, date) => `Version ${n} — ${date}`,
    significant: 'Wesentliche Änderung',
    first: 'Erste veröffentlichte Fassung.',
    noChange: 'Formulierung aktualisiert; an unserer Verarbeitung ändert sich nichts.',
    view: 'Diese Fassung lesen',
  },
};
