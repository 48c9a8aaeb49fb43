/** De privacyverklaring en het cookiebeleid in het Nederlands (zoals in België geschreven). */
import type { NoticeTexts } from './types.js';

export const nl: NoticeTexts = {
  language: 'nl',
  languageName: 'Nederlands',
  noticeTitle: (organisation) => `Privacyverklaring van ${organisation}`,
  cookieTitle: (organisation) => `Cookiebeleid van ${organisation}`,
  noticeIntro: ({ organisation, site, domain }) =>
    `In deze verklaring leest u hoe ${organisation} met uw persoonsgegevens omgaat wanneer u ${site} (${domain}) gebruikt of op een andere manier met ons in contact komt, en welke rechten u hebt.`,
  noticeIntroQuestions:
    'Is er iets niet duidelijk? Vraag het ons gerust: onze contactgegevens staan in het eerste deel.',
  headings: {
    controller: 'Wie is verantwoordelijk voor uw gegevens',
    dpo: 'Functionaris voor gegevensbescherming',
    purposes: 'Waarvoor we uw gegevens gebruiken en op welke rechtsgrond',
    'legitimate-interests': 'Onze gerechtvaardigde belangen en uw recht van bezwaar',
    recipients: 'Wie uw gegevens ontvangt',
    transfers: 'Doorgifte buiten de Europese Economische Ruimte',
    retention: 'Hoe lang we uw gegevens bewaren',
    rights: 'Uw rechten en hoe u ze uitoefent',
    consent: 'Uw toestemming intrekken',
    complaint: 'Klacht bij de toezichthoudende autoriteit',
    requirements: 'Moet u ons uw gegevens geven?',
    'automated-decisions': 'Geautomatiseerde besluiten en profilering',
    sources: 'Gegevens die we niet van u zelf krijgen',
    children: 'Kinderen',
    cookies: 'Cookies',
    security: 'Hoe we uw gegevens beveiligen',
    changes: 'Wijzigingen in deze verklaring',
  },
  labels: {
    email: 'E-mail',
    phone: 'Telefoon',
    website: 'Website',
    companyNumber: 'Ondernemingsnummer',
    version: 'Versie',
    lastUpdated: 'Laatst bijgewerkt',
    contents: 'Inhoud',
    languages: 'Andere talen',
    skip: 'Naar de inhoud',
    formats: 'Ook beschikbaar als',
    pdf: 'pdf',
    markdown: 'tekst (Markdown)',
    cookiePolicy: 'Cookiebeleid',
    privacyNotice: 'Privacyverklaring',
  },
  controller: {
    intro: (legalName, tradeName) =>
      `${legalName}${tradeName ? ` (‘${tradeName}’)` : ''} is de verwerkingsverantwoordelijke voor uw persoonsgegevens: wij bepalen waarom en hoe ze worden verwerkt, en wij staan ervoor in.`,
    addressesIntro: 'Ons adres:',
    contactIntro: 'U kunt ons bereiken voor alles wat in deze verklaring staat:',
    representative: 'Onze vertegenwoordiger in de Europese Unie (art. 27 AVG):',
    group: (entities) =>
      `We maken deel uit van een groep met ${entities}. Binnen de groep delen we identificatiegegevens alleen waar deze verklaring dat vermeldt.`,
    groupOnly: (entities) => `We maken deel uit van een groep met ${entities}.`,
    centralStorage: 'De gegevens worden centraal bewaard, voor alle entiteiten van de groep.',
    joint: (entity) =>
      `We zijn gezamenlijk verwerkingsverantwoordelijke met ${entity} (art. 26 AVG): we bepalen samen waarom en hoe uw gegevens worden verwerkt.`,
    arrangement: 'De kern van onze regeling:',
    jointRights: 'U kunt uw rechten bij elk van ons uitoefenen, wat de regeling ook bepaalt (art. 26(3) AVG).',
  },
  dpo: {
    appointed:
      'We hebben een functionaris voor gegevensbescherming aangesteld, die ons adviseert en toeziet op de manier waarop we met persoonsgegevens omgaan. U kunt hem of haar rechtstreeks en vertrouwelijk contacteren:',
    none: 'We hebben geen functionaris voor gegevensbescherming aangesteld. Met vragen over uw gegevens kunt u terecht op de contactgegevens hierboven.',
  },
  purposes: {
    intro:
      'We gebruiken uw gegevens alleen voor de doeleinden hieronder. Per doel leest u om wiens gegevens het gaat, welke gegevens we gebruiken, op welke rechtsgrond, wie ze ontvangt en hoe lang we ze bewaren.',
    terms: {
      what: 'Wat we doen',
      whose: 'Van wie',
      which: 'Welke gegevens',
      basis: 'Rechtsgrond',
      interest: 'Ons gerechtvaardigd belang',
      obligation: 'De wet die het oplegt',
      source: 'Waar de gegevens vandaan komen',
      recipients: 'Wie ze ontvangt',
      retention: 'Hoe lang we ze bewaren',
    },
    basis: {
      consent:
        'Uw toestemming (art. 6, lid 1, a) AVG). U kunt ze op elk moment intrekken; dat doet geen afbreuk aan wat we vóór de intrekking deden.',
      contract:
        'Het is nodig om een overeenkomst met u uit te voeren, of om op uw verzoek stappen te zetten voordat we een overeenkomst sluiten (art. 6, lid 1, b) AVG).',
      'legal-obligation':
        'Het is nodig om te voldoen aan een wettelijke verplichting die op ons rust (art. 6, lid 1, c) AVG).',
      'vital-interests':
        'Het is nodig om uw vitale belangen of die van een andere persoon te beschermen (art. 6, lid 1, d) AVG).',
      'public-task':
        'Het is nodig voor een taak van algemeen belang of voor de uitoefening van openbaar gezag die ons is opgedragen (art. 6, lid 1, e) AVG).',
      'legitimate-interests':
        'Het is nodig voor onze gerechtvaardigde belangen, hieronder beschreven, die we hebben afgewogen tegen uw belangen en rechten (art. 6, lid 1, f) AVG).',
    },
    noRecipients: 'Niemand buiten onze organisatie.',
    source: {
      'third-party': 'We krijgen deze gegevens niet van u, maar van iemand anders:',
    },
  },
  legitimateInterests: {
    intro:
      'Voor sommige doeleinden steunen we op onze gerechtvaardigde belangen. Dat betekent dat we ons belang hebben afgewogen tegen uw belangen, rechten en redelijke verwachtingen, en besloten dat de verwerking verantwoord is.',
    none: 'Voor geen enkele verwerking in deze verklaring steunen we op gerechtvaardigde belangen.',
    caption: 'Doeleinden op basis van onze gerechtvaardigde belangen',
    columns: { purpose: 'Doel', interest: 'Ons belang' },
    objection:
      'U hebt het recht om op elk moment, om redenen die verband houden met uw specifieke situatie, bezwaar te maken tegen verwerkingen op basis van onze gerechtvaardigde belangen (art. 21, lid 1, AVG). We stoppen dan, tenzij we dwingende gerechtvaardigde gronden hebben die zwaarder wegen dan uw belangen, rechten en vrijheden, of we de gegevens nodig hebben voor de instelling, uitoefening of onderbouwing van een rechtsvordering.',
    directMarketing:
      'Gebruiken we uw gegevens voor direct marketing, dan kunt u daar op elk moment en zonder opgave van redenen bezwaar tegen maken (art. 21, leden 2 en 3, AVG). We gebruiken uw gegevens dan niet meer voor dat doel, en bewaren alleen wat nodig is om u niet opnieuw te contacteren.',
  },
  recipients: {
    intro:
      'We delen uw gegevens alleen met de ontvangers hieronder, en alleen wat ze nodig hebben voor hun taak. Verwerkers werken in onze opdracht, onder een overeenkomst die hen tot geheimhouding en beveiliging verplicht (art. 28 AVG).',
    none: 'We delen uw gegevens met niemand buiten onze organisatie.',
    caption: 'Ontvangers van uw gegevens',
    columns: {
      name: 'Ontvanger',
      role: 'Rol',
      service: 'Wat ze doen',
      country: 'Land',
      safeguard: 'Waarborg bij doorgifte',
    },
    roles: {
      processor: 'Verwerker, werkt in onze opdracht',
      'sub-processor': 'Subverwerker, werkt in onze opdracht',
      'joint-controller': 'Gezamenlijk verwerkingsverantwoordelijke',
      controller: 'Zelfstandig verwerkingsverantwoordelijke',
      'public-authority': 'Overheidsinstantie',
    },
    subProcessors: (list) => `Doet een beroep op: ${list}.`,
    noSafeguard: 'Geen vermeld',
    privacyPolicy: 'privacybeleid',
  },
  transfers: {
    intro:
      'Sommige ontvangers zijn gevestigd buiten de Europese Economische Ruimte (EER), of werken met dienstverleners daar. Uw gegevens zijn dan beschermd door de waarborg die we bij elk van hen vermelden:',
    none: 'We geven uw gegevens niet door naar landen buiten de Europese Economische Ruimte (EER).',
    item: ({ recipient, country, mechanism }) => `${recipient} (${country}): ${mechanism}.`,
    copy: 'U kunt ons een kopie van deze waarborgen vragen, of waar u ze kunt vinden, via elk van de kanalen in het deel over uw rechten.',
  },
  retention: {
    intro:
      'We bewaren uw gegevens niet langer dan nodig voor het doel waarvoor we ze verzamelden. Na de termijn hieronder wissen we de gegevens, of anonimiseren we ze zodat ze niet meer naar u te herleiden zijn.',
    introWithoutPeriods:
      'We bewaren uw gegevens niet langer dan we ze nodig hebben voor het doel waarvoor we ze verzamelden. Hieronder staat per doel hoe lang dat is, of hoe we dat bepalen.',
    caption: 'Bewaartermijnen per doel',
    columns: { purpose: 'Doel', period: 'Hoe lang we de gegevens bewaren' },
  },
  rights: {
    intro:
      'Volgens de Algemene Verordening Gegevensbescherming (AVG) hebt u de volgende rechten over uw persoonsgegevens:',
    list: {
      access: {
        name: 'Inzage',
        description:
          'U kunt vragen of we gegevens over u verwerken en er een kopie van krijgen, met de doeleinden, de ontvangers, de bewaartermijn en de herkomst van de gegevens (art. 15 AVG).',
      },
      rectification: {
        name: 'Verbetering',
        description: 'U kunt onjuiste gegevens laten verbeteren en onvolledige gegevens laten aanvullen (art. 16 AVG).',
      },
      erasure: {
        name: 'Wissing',
        description:
          'U kunt uw gegevens laten wissen, bijvoorbeeld wanneer we ze niet meer nodig hebben of u uw toestemming intrekt. Moeten we een deel bewaren omdat de wet dat vereist, dan zeggen we u welke gegevens en waarom (art. 17 AVG).',
      },
      restriction: {
        name: 'Beperking',
        description:
          'U kunt ons vragen uw gegevens tijdelijk niet meer te gebruiken, behalve om ze te bewaren (art. 18 AVG): terwijl we gegevens nagaan waarvan u de juistheid betwist; wanneer de verwerking onrechtmatig is maar u beperking verkiest boven wissing; wanneer wij de gegevens niet meer nodig hebben maar u ze nodig hebt voor een rechtsvordering; en terwijl we uw bezwaar afwegen tegen onze gerechtvaardigde gronden.',
      },
      portability: {
        name: 'Overdraagbaarheid',
        description:
          'Gegevens die u ons gaf op basis van uw toestemming of een overeenkomst, kunt u ontvangen in een gestructureerde, gangbare en machineleesbare vorm, of laten doorsturen naar een andere organisatie (art. 20 AVG).',
      },
      objection: {
        name: 'Bezwaar',
        description:
          'U kunt bezwaar maken tegen verwerkingen op basis van onze gerechtvaardigde belangen, en op elk moment tegen direct marketing (art. 21 AVG).',
      },
      automated: {
        name: 'Geen besluit door een machine alleen',
        description:
          'U hebt het recht niet te worden onderworpen aan een besluit dat uitsluitend op geautomatiseerde verwerking berust en dat rechtsgevolgen of een vergelijkbaar aanzienlijk effect voor u heeft (art. 22 AVG).',
      },
      withdrawal: {
        name: 'Intrekking van toestemming',
        description:
          'Steunen we op uw toestemming, dan kunt u ze op elk moment intrekken, even gemakkelijk als u ze gaf (art. 7, lid 3, AVG).',
      },
    },
    howIntro: 'Zo oefent u uw rechten uit:',
    web: 'online, in ons privacycentrum:',
    email: 'per e-mail:',
    post: 'per post:',
    phone: 'telefonisch:',
    deadline:
      'We antwoorden binnen een maand na ontvangst van uw verzoek. Is een verzoek complex of krijgen we er veel, dan kunnen we die termijn met twee maanden verlengen; dat laten we u dan binnen de eerste maand weten, met de redenen (art. 12, lid 3, AVG).',
    free: 'Uw rechten uitoefenen is gratis.',
    verification:
      'Om zeker te zijn dat we uw gegevens alleen aan u geven, bevestigen we uw verzoek via het e-mailadres of telefoonnummer dat we al van u hebben. We vragen daarvoor nooit een kopie van uw identiteitskaart.',
  },
  consent: {
    intro:
      'Steunen we op uw toestemming, dan kunt u ze op elk moment intrekken, even gemakkelijk als u ze gaf. Intrekken is gratis en doet geen afbreuk aan wat we daarvoor deden.',
    none: 'Voor geen enkele verwerking in deze verklaring steunen we op uw toestemming; er valt dus niets in te trekken. Uw recht van bezwaar staat hierboven beschreven.',
    howIntro: 'We vragen uw toestemming voor:',
    cookies:
      'Voor cookies en gelijkaardige technieken wijzigt u uw keuze in de cookie-instellingen op onze website; ze geldt meteen. Hoe u dat doet, leest u in ons',
    effect:
      'Voor de andere doeleinden gebruikt u de uitschrijflink in onze berichten of een van de kanalen in het deel over uw rechten.',
  },
  complaint: {
    intro:
      'Vindt u dat we niet rechtmatig met uw gegevens omgaan, dan hebt u het recht een klacht in te dienen bij een toezichthoudende autoriteit, met name in de lidstaat waar u woont, waar u werkt of waar de inbreuk plaatsvond (art. 77 AVG). Onze leidende toezichthoudende autoriteit is:',
    authority: 'Toezichthoudende autoriteit',
    website: 'Website',
    form: 'Zo dient u een klacht in',
    usFirst:
      'U kunt ons gerust eerst contacteren, zodat we het probleem kunnen proberen op te lossen, maar dat hoeft niet.',
  },
  requirements: {
    intro:
      'Voor sommige doeleinden hebben we bepaalde gegevens nodig; zonder die gegevens kunnen we niet doen wat u vraagt.',
    kinds: {
      statutory: 'De wet verplicht ons deze gegevens te verzamelen.',
      contractual: 'Onze overeenkomst met u vereist deze gegevens.',
      'contract-prerequisite': 'We hebben deze gegevens nodig om een overeenkomst met u te sluiten.',
    },
    noneRequired: 'U bent voor geen enkel doel in deze verklaring verplicht ons uw gegevens te geven: dat is uw keuze.',
    noneRequiredConsequences:
      'U bent voor geen enkel doel in deze verklaring verplicht ons uw gegevens te geven: dat is uw keuze. Voor de doeleinden hieronder heeft het wel dit gevolg als u ze niet geeft:',
    rest: 'Voor alle andere doeleinden kiest u zelf of u ons uw gegevens geeft.',
    voluntary: 'U kiest zelf of u ons deze gegevens geeft.',
  },
  automated: {
    none: 'We nemen over u geen besluiten die uitsluitend op geautomatiseerde verwerking berusten, profilering inbegrepen, en die rechtsgevolgen of een vergelijkbaar aanzienlijk effect voor u hebben (art. 22 AVG).',
    intro:
      'Voor de doeleinden hieronder nemen we besluiten met geautomatiseerde middelen. We leggen uit hoe dat werkt en wat het voor u betekent:',
    logic: 'Hoe het werkt',
    consequences: 'Wat het voor u betekent',
    safeguards:
      'U kunt altijd vragen dat een mens het besluit herbekijkt, uw standpunt geven en het besluit aanvechten.',
  },
  sources: {
    intro:
      'Voor de doeleinden hieronder verzamelen we de gegevens niet bij u, maar krijgen we ze van anderen. Dit zijn de gegevens en hun herkomst (art. 14 AVG):',
    caption: 'Gegevens die we niet van u kregen',
    columns: { purpose: 'Doel', data: 'Welke gegevens', source: 'Herkomst' },
    public: 'Openbaar toegankelijke bronnen.',
    categorySource: 'Herkomst van deze categorie',
    fromYou: 'Deze gegevens krijgen we van u.',
    of: 'van',
  },
  children: {
    ages: (entries) =>
      `Volgens de wet kan een kind zelf toestemming geven voor onlinediensten die rechtstreeks aan kinderen worden aangeboden vanaf de volgende leeftijd: ${entries}. Onder die leeftijd moet een ouder of voogd de toestemming geven of ermee instemmen (art. 8 AVG).`,
    age: (country, age) => `${age} jaar in ${country}`,
    collects:
      'Sommige van onze diensten richten zich tot kinderen. Steunen we voor een kind onder die leeftijd op toestemming, dan vragen we die aan een ouder of voogd, en doen we redelijke inspanningen om na te gaan dat die ze gaf.',
    parental:
      'Voor de doeleinden waarvoor het nodig is, vragen we een ouder of voogd om toestemming te geven voor een kind onder die leeftijd.',
    ownAges: (entries) => `Zelf hanteren we een hogere leeftijd: ${entries}.`,
  },
  statements: {
    noSpecial:
      'We vragen geen bijzondere categorieën van persoonsgegevens, zoals gegevens over uw gezondheid, godsdienst of politieke opvattingen (art. 9 AVG).',
    deleteSpecial: 'Ontvangen we zulke gegevens zonder erom te vragen, dan wissen we ze.',
    neverSold: 'We verkopen uw persoonsgegevens nooit.',
    noAdvertising: 'We gebruiken uw persoonsgegevens niet voor de reclame van andere bedrijven.',
    staysInEea: 'Al uw gegevens worden binnen de Europese Economische Ruimte bewaard en verwerkt.',
    covers: (sites) => `Deze verklaring geldt voor al onze websites: ${sites}.`,
    related: 'Deze websites hebben een eigen privacyverklaring, die daar geldt in plaats van deze:',
    optional: 'optioneel',
    notify: (whom) =>
      `Verandert deze verklaring aanzienlijk, dan laten we het weten aan ${whom} en sturen we de bijgewerkte verklaring mee.`,
    subscribers: 'iedereen die daarom vroeg (hieronder)',
    customers: 'onze klanten per e-mail',
  },
  cookies: {
    text: 'Onze website gebruikt cookies en gelijkaardige technieken. Alleen de strikt noodzakelijke plaatsen we zonder uw toestemming. Welke we gebruiken, hoe lang en hoe u uw keuze wijzigt, leest u in ons',
    link: 'cookiebeleid',
  },
  security: {
    intro:
      'We nemen technische en organisatorische maatregelen om uw gegevens te beschermen tegen verlies, misbruik en onbevoegde toegang (art. 32 AVG):',
  },
  changes: {
    text: 'We passen deze verklaring aan wanneer onze verwerkingen veranderen. Elke wijziging verschijnt als een nieuwe versie.',
    history: 'Vorige versies en wat er veranderde',
    subscribe:
      'Wilt u een bericht krijgen wanneer deze verklaring ingrijpend verandert? Laat uw e-mailadres achter. We gebruiken het alleen daarvoor, u bevestigt het eerst, en u kunt zich op elk moment uitschrijven.',
    subscribeButton: 'Houd me op de hoogte',
    subscribeEmail: 'E-mailadres',
  },
  cookiePolicy: {
    intro: ({ organisation, site }) =>
      `In dit beleid leest u welke cookies en gelijkaardige technieken ${organisation} op ${site} gebruikt, waarvoor ze dienen, hoe lang ze blijven en hoe u uw keuze kunt wijzigen.`,
    headings: {
      about: 'Wat cookies zijn',
      necessary: 'Strikt noodzakelijke cookies',
      categories: 'Cookies die we alleen met uw toestemming plaatsen',
      choice: 'Uw keuze wijzigen',
      more: 'Meer informatie',
    },
    about: [
      'Cookies zijn kleine tekstbestanden die een website in uw browser opslaat. Gelijkaardige technieken, zoals lokale opslag in de browser en trackingpixels, werken op een vergelijkbare manier; dit beleid behandelt ze allemaal en noemt ze cookies.',
      'Zonder uw toestemming plaatsen we alleen cookies die strikt noodzakelijk zijn om de website te leveren die u vraagt. Voor alle andere cookies vragen we eerst uw toestemming, en weigeren is even eenvoudig als aanvaarden.',
    ],
    necessary:
      'Deze cookies zijn nodig om de website te laten werken, bijvoorbeeld om een formulier te laten werken of uw cookiekeuze te onthouden. Ze vragen geen toestemming en kunnen niet worden uitgeschakeld.',
    noneNecessary: 'Op deze website gebruiken we geen strikt noodzakelijke cookies.',
    categoryIntro: 'Deze cookies plaatsen we alleen als u instemt met de categorie waartoe ze behoren.',
    noCategories: 'Op deze website gebruiken we geen cookies waarvoor uw toestemming nodig is.',
    caption: (category) => `Cookies in de categorie ‘${category}’`,
    columns: { name: 'Naam', vendor: 'Geplaatst door', purpose: 'Doel', duration: 'Duur', type: 'Soort' },
    firstParty: 'Wijzelf',
    types: {
      cookie: 'Cookie',
      'local-storage': 'Lokale opslag',
      'session-storage': 'Sessieopslag',
      pixel: 'Pixel',
      'indexed-db': 'Browserdatabank (IndexedDB)',
    },
    choice: [
      'U kunt uw toestemming op elk moment wijzigen of intrekken. Uw nieuwe keuze geldt meteen; cookies van een categorie die u uitschakelt, worden niet meer gebruikt.',
    ],
    button: 'Mijn cookie-instellingen wijzigen',
    buttonFallback:
      'Gebruik de link ‘Cookie-instellingen’ onderaan elke pagina van onze website om uw keuze op elk moment te wijzigen.',
    gpc: 'Stuurt uw browser het signaal Global Privacy Control, dan beschouwen we dat als een weigering van advertentiecookies.',
    expiry: (duration) => `Na ${duration} vragen we uw keuze opnieuw.`,
    more: 'U kunt cookies ook wissen in de instellingen van uw browser. Hoe we in het algemeen met uw persoonsgegevens omgaan en welke rechten u hebt, leest u in onze',
    justification: 'Waarom langer dan 13 maanden:',
    own: {
      consent: 'Onthoudt uw cookiekeuzes en het bewijs van uw toestemming.',
      visitor: 'Een willekeurig nummer dat uw toestemmingskeuzes aan hun bewijs koppelt, zonder u te identificeren.',
    },
  },
  subscription: {
    confirmSubject: (organisation) => `Graag bevestigen: berichten over de privacyverklaring van ${organisation}`,
    confirmText: ({ organisation, site, link }) =>
      `Hallo,\n\nIemand, wellicht uzelf, vroeg een bericht te krijgen wanneer de privacyverklaring van ${organisation} voor ${site} ingrijpend verandert.\n\nOm dat te bevestigen, opent u deze link en klikt u op de knop:\n${link}\n\nWas u het niet, negeer dit bericht dan: zonder bevestiging sturen we u niets en wissen we het adres binnen een week.\n`,
    changeSubject: (organisation) => `De privacyverklaring van ${organisation} is gewijzigd`,
    changeText: ({ organisation, site, version, date, changes, link, unsubscribe }) =>
      `Hallo,\n\nDe privacyverklaring van ${organisation} voor ${site} is gewijzigd. Versie ${version} geldt vanaf ${date}.\n\nWat er veranderde:\n${changes.map((c) => `- ${c}`).join('\n')}\n\nDe volledige verklaring leest u hier:\n${link}\n\nU krijgt dit bericht omdat u vroeg op de hoogte te worden gehouden van ingrijpende wijzigingen. Wilt u deze berichten niet meer:\n${unsubscribe}\n`,
    pageTitle: 'Berichten over deze privacyverklaring',
    requested:
      'Bedankt. Is het adres geldig, dan krijgt u een e-mail met de vraag om te bevestigen. Tot dan sturen we u niets anders.',
    confirmQuestion: 'Wilt u per e-mail bericht krijgen wanneer deze privacyverklaring ingrijpend verandert?',
    confirmButton: 'Ja, bevestigen',
    confirmed: 'Bevestigd. We mailen u wanneer deze verklaring ingrijpend verandert.',
    unsubscribeQuestion: 'Wilt u geen berichten meer over deze privacyverklaring?',
    unsubscribeButton: 'Uitschrijven',
    unsubscribed: 'Gebeurd. We hebben uw e-mailadres gewist en sturen u niets meer over deze verklaring.',
    invalid: 'Deze link is niet (meer) geldig. Links die niet worden bevestigd, vervallen na een week.',
    tooMany: 'Er kwamen te veel aanvragen van uw verbinding. Probeer het later opnieuw.',
    back: 'Terug naar de privacyverklaring',
  },
  history: {
    title: 'Versies van deze privacyverklaring',
    intro:
      'Telkens deze verklaring verandert, publiceren we een nieuwe versie. Hieronder vindt u alle versies en wat er telkens veranderde.',
    version: (n, date) => `Versie ${n} — ${date}`,
    significant: 'Ingrijpende wijziging',
    first: 'Eerste gepubliceerde versie.',
    noChange: 'Formulering bijgewerkt; niets veranderd aan wat we doen.',
    view: 'Deze versie lezen',
  },
};
