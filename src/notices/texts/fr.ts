/** La déclaration de confidentialité et la politique en matière de cookies, en français. */
import type { NoticeTexts } from './types.js';

// Typographie française : espace insécable avant « ; : ? ! » et à l'intérieur des guillemets.
const nbsp = '\u00a0';

export const fr: NoticeTexts = {
  language: 'fr',
  languageName: 'Français',
  noticeTitle: (organisation) => `Déclaration de confidentialité de ${organisation}`,
  cookieTitle: (organisation) => `Politique en matière de cookies de ${organisation}`,
  noticeIntro: ({ organisation, site, domain }) =>
    `Cette déclaration explique comment ${organisation} traite vos données à caractère personnel lorsque vous utilisez ${site} (${domain}) ou que vous êtes en relation avec nous d’une autre manière, et quels sont vos droits.`,
  noticeIntroQuestions: `Si quelque chose n’est pas clair, n’hésitez pas à nous le demander${nbsp}: nos coordonnées figurent dans la première partie.`,
  headings: {
    controller: 'Qui est responsable de vos données',
    dpo: 'Délégué à la protection des données',
    purposes: 'Pourquoi nous utilisons vos données et sur quelle base juridique',
    'legitimate-interests': 'Nos intérêts légitimes et votre droit d’opposition',
    recipients: 'Qui reçoit vos données',
    transfers: 'Transferts hors de l’Espace économique européen',
    retention: 'Combien de temps nous conservons vos données',
    rights: 'Vos droits et comment les exercer',
    consent: 'Retirer votre consentement',
    complaint: 'Réclamation auprès de l’autorité de contrôle',
    requirements: `Devez-vous nous fournir vos données${nbsp}?`,
    'automated-decisions': 'Décisions automatisées et profilage',
    sources: 'Données que nous ne recevons pas de vous',
    children: 'Enfants',
    cookies: 'Cookies',
    security: 'Comment nous protégeons vos données',
    changes: 'Modifications de cette déclaration',
  },
  labels: {
    email: 'E-mail',
    phone: 'Téléphone',
    website: 'Site web',
    companyNumber: 'Numéro d’entreprise',
    version: 'Version',
    lastUpdated: 'Dernière mise à jour',
    contents: 'Sommaire',
    languages: 'Autres langues',
    skip: 'Aller au contenu',
    formats: 'Également disponible en',
    pdf: 'PDF',
    markdown: 'texte (Markdown)',
    cookiePolicy: 'Politique en matière de cookies',
    privacyNotice: 'Déclaration de confidentialité',
  },
  controller: {
    intro: (legalName, tradeName) =>
      `${legalName}${tradeName ? ` («${nbsp}${tradeName}${nbsp}»)` : ''} est le responsable du traitement de vos données à caractère personnel${nbsp}: nous décidons pourquoi et comment elles sont traitées, et nous en répondons.`,
    addressesIntro: `Notre adresse${nbsp}:`,
    contactIntro: `Vous pouvez nous joindre pour toute question relative à cette déclaration${nbsp}:`,
    representative: `Notre représentant dans l’Union européenne (art. 27 RGPD)${nbsp}:`,
    group: (entities) =>
      `Nous faisons partie d’un groupe avec ${entities}. Au sein du groupe, nous ne partageons des données d’identification que lorsque cette déclaration le mentionne.`,
    groupOnly: (entities) => `Nous faisons partie d’un groupe avec ${entities}.`,
    centralStorage: 'Les données sont conservées de manière centralisée, pour toutes les entités du groupe.',
    joint: (entity) =>
      `Nous sommes responsables conjoints du traitement avec ${entity} (art. 26 RGPD)${nbsp}: nous déterminons ensemble pourquoi et comment vos données sont traitées.`,
    arrangement: `Les grandes lignes de notre accord${nbsp}:`,
    jointRights:
      'Vous pouvez exercer vos droits auprès de chacun de nous, quel que soit le contenu de l’accord (art. 26(3) RGPD).',
  },
  dpo: {
    appointed: `Nous avons désigné un délégué à la protection des données, qui nous conseille et contrôle la manière dont nous traitons les données à caractère personnel. Vous pouvez le contacter directement et en toute confidentialité${nbsp}:`,
    none: 'Nous n’avons pas désigné de délégué à la protection des données. Vos questions sur vos données peuvent être adressées aux coordonnées ci-dessus.',
  },
  purposes: {
    intro:
      'Nous n’utilisons vos données que pour les finalités ci-dessous. Pour chacune, nous indiquons qui est concerné, quelles données nous utilisons, sur quelle base juridique, qui les reçoit et combien de temps nous les conservons.',
    terms: {
      what: 'Ce que nous faisons',
      whose: 'Personnes concernées',
      which: 'Données utilisées',
      basis: 'Base juridique',
      interest: 'Notre intérêt légitime',
      obligation: 'La loi qui l’impose',
      source: 'Origine des données',
      recipients: 'Destinataires',
      retention: 'Durée de conservation',
    },
    basis: {
      consent: `Votre consentement (art. 6, § 1er, a) RGPD). Vous pouvez le retirer à tout moment${nbsp}; cela n’affecte pas ce que nous avons fait avant le retrait.`,
      contract:
        'Le traitement est nécessaire à l’exécution d’un contrat conclu avec vous, ou à des mesures que vous avez demandées avant de le conclure (art. 6, § 1er, b) RGPD).',
      'legal-obligation':
        'Le traitement est nécessaire au respect d’une obligation légale à laquelle nous sommes soumis (art. 6, § 1er, c) RGPD).',
      'vital-interests':
        'Le traitement est nécessaire à la sauvegarde de vos intérêts vitaux ou de ceux d’une autre personne (art. 6, § 1er, d) RGPD).',
      'public-task':
        'Le traitement est nécessaire à l’exécution d’une mission d’intérêt public ou relevant de l’exercice de l’autorité publique dont nous sommes investis (art. 6, § 1er, e) RGPD).',
      'legitimate-interests':
        'Le traitement est nécessaire à nos intérêts légitimes, décrits ci-dessous, que nous avons mis en balance avec vos intérêts et vos droits (art. 6, § 1er, f) RGPD).',
    },
    noRecipients: 'Personne en dehors de notre organisation.',
    source: {
      'third-party': `Nous ne recevons pas ces données de vous, mais d’un tiers${nbsp}:`,
    },
  },
  legitimateInterests: {
    intro:
      'Pour certaines finalités, nous nous fondons sur nos intérêts légitimes. Cela signifie que nous avons mis en balance notre intérêt avec vos intérêts, vos droits et vos attentes raisonnables, et conclu que le traitement est justifié.',
    none: 'Aucun traitement décrit dans cette déclaration ne repose sur nos intérêts légitimes.',
    caption: 'Finalités fondées sur nos intérêts légitimes',
    columns: { purpose: 'Finalité', interest: 'Notre intérêt' },
    objection:
      'Vous avez le droit de vous opposer à tout moment, pour des raisons tenant à votre situation particulière, aux traitements fondés sur nos intérêts légitimes (art. 21, § 1er, RGPD). Nous y mettons alors fin, à moins d’avoir des motifs légitimes et impérieux qui prévalent sur vos intérêts, droits et libertés, ou d’avoir besoin des données pour la constatation, l’exercice ou la défense de droits en justice.',
    directMarketing:
      'Lorsque nous utilisons vos données à des fins de prospection, vous pouvez vous y opposer à tout moment et sans devoir vous justifier (art. 21, §§ 2 et 3, RGPD). Nous cessons alors de les utiliser à cette fin, et ne gardons que ce qui est nécessaire pour ne plus vous contacter.',
  },
  recipients: {
    intro:
      'Nous ne partageons vos données qu’avec les destinataires ci-dessous, et uniquement ce dont ils ont besoin pour leur mission. Les sous-traitants agissent sur nos instructions, dans le cadre d’un contrat qui les oblige à la confidentialité et à la sécurité (art. 28 RGPD).',
    none: 'Nous ne partageons vos données avec personne en dehors de notre organisation.',
    caption: 'Destinataires de vos données',
    columns: {
      name: 'Destinataire',
      role: 'Rôle',
      service: 'Ce qu’il fait',
      country: 'Pays',
      safeguard: 'Garantie en cas de transfert',
    },
    roles: {
      processor: 'Sous-traitant, agit sur nos instructions',
      'sub-processor': 'Sous-traitant ultérieur, agit sur nos instructions',
      'joint-controller': 'Responsable conjoint du traitement',
      controller: 'Responsable du traitement indépendant',
      'public-authority': 'Autorité publique',
    },
    subProcessors: (list) => `Fait appel à${nbsp}: ${list}.`,
    noSafeguard: 'Aucune indiquée',
    privacyPolicy: 'politique de confidentialité',
  },
  transfers: {
    intro: `Certains destinataires sont établis hors de l’Espace économique européen (EEE) ou y font appel à des prestataires. Vos données sont alors protégées par la garantie indiquée pour chacun d’eux${nbsp}:`,
    none: 'Nous ne transférons pas vos données hors de l’Espace économique européen (EEE).',
    item: ({ recipient, country, mechanism }) => `${recipient} (${country})${nbsp}: ${mechanism}.`,
    copy: 'Vous pouvez nous demander une copie de ces garanties, ou l’endroit où elles sont disponibles, par l’un des canaux indiqués dans la partie consacrée à vos droits.',
  },
  retention: {
    intro:
      'Nous ne conservons vos données que le temps nécessaire à la finalité pour laquelle nous les avons collectées. Une fois la durée ci-dessous écoulée, nous les supprimons ou les anonymisons de sorte qu’elles ne puissent plus être reliées à vous.',
    introWithoutPeriods:
      'Nous ne conservons pas vos données plus longtemps que nécessaire pour la finalité pour laquelle nous les avons collectées. Vous trouverez ci-dessous, pour chaque finalité, cette durée ou la manière dont nous la déterminons.',
    caption: 'Durées de conservation par finalité',
    columns: { purpose: 'Finalité', period: 'Durée de conservation' },
  },
  rights: {
    intro: `Le règlement général sur la protection des données (RGPD) vous donne les droits suivants sur vos données à caractère personnel${nbsp}:`,
    list: {
      access: {
        name: 'Accès',
        description:
          'Vous pouvez demander si nous traitons des données vous concernant et en recevoir une copie, avec les finalités, les destinataires, la durée de conservation et l’origine des données (art. 15 RGPD).',
      },
      rectification: {
        name: 'Rectification',
        description:
          'Vous pouvez faire corriger des données inexactes et compléter des données incomplètes (art. 16 RGPD).',
      },
      erasure: {
        name: 'Effacement',
        description:
          'Vous pouvez faire effacer vos données, par exemple lorsque nous n’en avons plus besoin ou que vous retirez votre consentement. Si la loi nous oblige à en conserver une partie, nous vous disons lesquelles et pourquoi (art. 17 RGPD).',
      },
      restriction: {
        name: 'Limitation',
        description: `Vous pouvez nous demander de ne plus utiliser vos données pendant un temps, sauf pour les conserver (art. 18 RGPD)${nbsp}: pendant que nous vérifions des données dont vous contestez l’exactitude${nbsp}; lorsque le traitement est illicite mais que vous préférez la limitation à l’effacement${nbsp}; lorsque nous n’avons plus besoin des données mais qu’elles vous sont nécessaires pour la constatation, l’exercice ou la défense de droits en justice${nbsp}; et pendant que nous mettons en balance votre opposition et nos motifs légitimes.`,
      },
      portability: {
        name: 'Portabilité',
        description:
          'Les données que vous nous avez fournies sur la base de votre consentement ou d’un contrat peuvent vous être remises dans un format structuré, couramment utilisé et lisible par machine, ou être transmises à une autre organisation (art. 20 RGPD).',
      },
      objection: {
        name: 'Opposition',
        description:
          'Vous pouvez vous opposer aux traitements fondés sur nos intérêts légitimes, et à tout moment à la prospection (art. 21 RGPD).',
      },
      automated: {
        name: 'Pas de décision prise par une machine seule',
        description:
          'Vous avez le droit de ne pas faire l’objet d’une décision fondée exclusivement sur un traitement automatisé produisant des effets juridiques vous concernant ou vous affectant de manière significative de façon similaire (art. 22 RGPD).',
      },
      withdrawal: {
        name: 'Retrait du consentement',
        description:
          'Lorsque nous nous fondons sur votre consentement, vous pouvez le retirer à tout moment, aussi facilement que vous l’avez donné (art. 7, § 3, RGPD).',
      },
    },
    howIntro: `Pour exercer vos droits${nbsp}:`,
    web: `en ligne, dans notre centre de confidentialité${nbsp}:`,
    email: `par e-mail${nbsp}:`,
    post: `par courrier${nbsp}:`,
    phone: `par téléphone${nbsp}:`,
    deadline: `Nous répondons dans un délai d’un mois à compter de la réception de votre demande. Si la demande est complexe ou si nous en recevons beaucoup, nous pouvons prolonger ce délai de deux mois${nbsp}; nous vous en informons alors dans le premier mois, avec les motifs (art. 12, § 3, RGPD).`,
    free: 'L’exercice de vos droits est gratuit.',
    verification:
      'Pour être sûrs de ne remettre vos données qu’à vous, nous confirmons votre demande par l’adresse e-mail ou le numéro de téléphone dont nous disposons déjà. Nous ne demandons jamais de copie de votre carte d’identité à cette fin.',
  },
  consent: {
    intro:
      'Lorsque nous nous fondons sur votre consentement, vous pouvez le retirer à tout moment, aussi facilement que vous l’avez donné. Le retrait est gratuit et n’affecte pas la licéité de ce que nous avons fait auparavant.',
    none: `Aucun traitement décrit dans cette déclaration ne repose sur votre consentement${nbsp}; il n’y a donc rien à retirer. Votre droit d’opposition est décrit plus haut.`,
    howIntro: `Nous vous demandons votre consentement pour${nbsp}:`,
    cookies: `Pour les cookies et technologies similaires, modifiez votre choix dans les paramètres des cookies de notre site${nbsp}; il s’applique immédiatement. La marche à suivre est expliquée dans notre`,
    effect:
      'Pour les autres finalités, utilisez le lien de désinscription de nos messages ou l’un des canaux indiqués dans la partie consacrée à vos droits.',
  },
  complaint: {
    intro: `Si vous estimez que nous ne traitons pas vos données de manière licite, vous avez le droit d’introduire une réclamation auprès d’une autorité de contrôle, en particulier dans l’État membre de votre résidence habituelle, de votre lieu de travail ou du lieu où la violation a été commise (art. 77 RGPD). Notre autorité de contrôle chef de file est${nbsp}:`,
    authority: 'Autorité de contrôle',
    website: 'Site web',
    form: 'Introduire une réclamation',
    usFirst:
      'Vous pouvez d’abord nous contacter pour que nous tentions de résoudre le problème, mais vous n’y êtes pas obligé.',
  },
  requirements: {
    intro: `Pour certaines finalités, nous avons besoin de certaines données${nbsp}; sans elles, nous ne pouvons pas donner suite à votre demande.`,
    kinds: {
      statutory: 'La loi nous impose de collecter ces données.',
      contractual: 'Notre contrat avec vous requiert ces données.',
      'contract-prerequisite': 'Nous avons besoin de ces données pour conclure un contrat avec vous.',
    },
    noneRequired: `Vous n’êtes obligé de nous fournir vos données pour aucune des finalités de cette déclaration${nbsp}: c’est votre choix.`,
    noneRequiredConsequences: `Vous n’êtes obligé de nous fournir vos données pour aucune des finalités de cette déclaration${nbsp}: c’est votre choix. Pour les finalités ci-dessous, ne pas les fournir a la conséquence suivante${nbsp}:`,
    rest: 'Pour toutes les autres finalités, nous fournir vos données relève de votre choix.',
    voluntary: 'Nous fournir ces données relève de votre choix.',
  },
  automated: {
    none: 'Nous ne prenons à votre égard aucune décision fondée exclusivement sur un traitement automatisé, y compris le profilage, qui produise des effets juridiques vous concernant ou vous affecte de manière significative de façon similaire (art. 22 RGPD).',
    intro: `Pour les finalités ci-dessous, nous prenons des décisions par des moyens automatisés. Voici comment elles fonctionnent et ce qu’elles signifient pour vous${nbsp}:`,
    logic: 'Fonctionnement',
    consequences: 'Conséquences pour vous',
    safeguards:
      'Vous pouvez toujours demander qu’une personne réexamine la décision, exprimer votre point de vue et contester la décision.',
  },
  sources: {
    intro: `Pour les finalités ci-dessous, nous ne collectons pas les données auprès de vous, mais les recevons de tiers. Voici lesquelles et leur origine (art. 14 RGPD)${nbsp}:`,
    caption: 'Données qui ne proviennent pas de vous',
    columns: { purpose: 'Finalité', data: 'Données', source: 'Origine' },
    public: 'Des sources accessibles au public.',
    categorySource: 'Origine de cette catégorie',
    fromYou: 'Ces données, nous les recevons de vous.',
    of: 'de',
  },
  children: {
    ages: (entries) =>
      `Selon la loi, un enfant peut consentir seul aux services en ligne qui lui sont directement proposés à partir de l’âge suivant${nbsp}: ${entries}. En dessous de cet âge, le consentement doit être donné ou autorisé par un parent ou un tuteur (art. 8 RGPD).`,
    age: (country, age) => `${age}${nbsp}ans en ${country}`,
    collects:
      'Certains de nos services s’adressent aux enfants. Lorsque nous nous fondons sur le consentement pour un enfant n’ayant pas atteint cet âge, nous le demandons à un parent ou à un tuteur et nous efforçons raisonnablement de vérifier qu’il l’a donné.',
    parental:
      'Pour les finalités qui le requièrent, nous demandons à un parent ou à un tuteur de consentir pour un enfant n’ayant pas atteint cet âge.',
    ownAges: (entries) => `Nous appliquons nous-mêmes un âge plus élevé${nbsp}: ${entries}.`,
  },
  statements: {
    noSpecial:
      'Nous ne demandons pas de catégories particulières de données personnelles, comme des données sur votre santé, votre religion ou vos opinions politiques (art. 9 RGPD).',
    deleteSpecial: 'Si nous recevons de telles données sans les avoir demandées, nous les supprimons.',
    neverSold: 'Nous ne vendons jamais vos données personnelles.',
    noAdvertising: 'Nous n’utilisons pas vos données personnelles pour la publicité d’autres entreprises.',
    staysInEea: 'Toutes vos données sont conservées et traitées dans l’Espace économique européen.',
    covers: (sites) => `Cette déclaration s’applique à tous nos sites${nbsp}: ${sites}.`,
    related: `Ces sites ont leur propre déclaration de confidentialité, qui s’y applique à la place de celle-ci${nbsp}:`,
    optional: 'facultatif',
    notify: (whom) =>
      `Si cette déclaration change de manière importante, nous en informons ${whom} et leur envoyons la déclaration mise à jour.`,
    subscribers: 'toutes les personnes qui l’ont demandé (ci-dessous)',
    customers: 'nos clients par e-mail',
  },
  cookies: {
    text: 'Notre site utilise des cookies et des technologies similaires. Seuls ceux qui sont strictement nécessaires sont déposés sans votre consentement. Lesquels nous utilisons, pour combien de temps et comment modifier votre choix, tout cela est expliqué dans notre',
    link: 'politique en matière de cookies',
  },
  security: {
    intro: `Nous prenons des mesures techniques et organisationnelles pour protéger vos données contre la perte, l’usage abusif et l’accès non autorisé (art. 32 RGPD)${nbsp}:`,
  },
  changes: {
    text: 'Nous adaptons cette déclaration lorsque nos traitements changent. Chaque modification est publiée sous la forme d’une nouvelle version.',
    history: 'Versions précédentes et modifications',
    subscribe: `Souhaitez-vous être prévenu lorsque cette déclaration change de manière importante${nbsp}? Laissez votre adresse e-mail. Nous ne l’utilisons qu’à cette fin, vous la confirmez d’abord et vous pouvez vous désinscrire à tout moment.`,
    subscribeButton: 'Me prévenir',
    subscribeEmail: 'Adresse e-mail',
  },
  cookiePolicy: {
    intro: ({ organisation, site }) =>
      `Cette politique explique quels cookies et technologies similaires ${organisation} utilise sur ${site}, à quoi ils servent, combien de temps ils restent actifs et comment vous pouvez modifier votre choix.`,
    headings: {
      about: 'Ce que sont les cookies',
      necessary: 'Cookies strictement nécessaires',
      categories: 'Cookies que nous déposons uniquement avec votre consentement',
      choice: 'Modifier votre choix',
      more: 'En savoir plus',
    },
    about: [
      `Les cookies sont de petits fichiers texte qu’un site enregistre dans votre navigateur. Des technologies similaires, comme le stockage local du navigateur et les pixels de suivi, fonctionnent de manière comparable${nbsp}; cette politique les couvre toutes et les appelle cookies.`,
      'Sans votre consentement, nous ne déposons que les cookies strictement nécessaires pour fournir le site que vous demandez. Pour tous les autres, nous demandons d’abord votre consentement, et refuser est aussi simple qu’accepter.',
    ],
    necessary:
      'Ces cookies sont indispensables au fonctionnement du site, par exemple pour qu’un formulaire fonctionne ou pour mémoriser votre choix en matière de cookies. Ils ne nécessitent pas de consentement et ne peuvent pas être désactivés.',
    noneNecessary: 'Nous n’utilisons aucun cookie strictement nécessaire sur ce site.',
    categoryIntro: 'Nous ne déposons ces cookies que si vous acceptez la catégorie à laquelle ils appartiennent.',
    noCategories: 'Nous n’utilisons sur ce site aucun cookie nécessitant votre consentement.',
    caption: (category) => `Cookies de la catégorie «${nbsp}${category}${nbsp}»`,
    columns: { name: 'Nom', vendor: 'Déposé par', purpose: 'Finalité', duration: 'Durée', type: 'Type' },
    firstParty: 'Nous-mêmes',
    types: {
      cookie: 'Cookie',
      'local-storage': 'Stockage local',
      'session-storage': 'Stockage de session',
      pixel: 'Pixel',
      'indexed-db': 'Base de données du navigateur (IndexedDB)',
    },
    choice: [
      `Vous pouvez modifier ou retirer votre consentement à tout moment. Votre nouveau choix s’applique immédiatement${nbsp}; les cookies d’une catégorie que vous désactivez ne sont plus utilisés.`,
    ],
    button: 'Modifier mes paramètres de cookies',
    buttonFallback: `Utilisez le lien «${nbsp}Paramètres des cookies${nbsp}» en bas de chaque page de notre site pour modifier votre choix à tout moment.`,
    gpc: 'Si votre navigateur envoie le signal Global Privacy Control, nous le traitons comme un refus des cookies publicitaires.',
    expiry: (duration) => `Nous vous redemandons votre choix après ${duration}.`,
    more: 'Vous pouvez aussi supprimer les cookies dans les paramètres de votre navigateur. La manière dont nous traitons vos données en général, et vos droits, sont expliqués dans notre',
    justification: `Pourquoi plus de 13${nbsp}mois${nbsp}:`,
    own: {
      consent: 'Mémorise vos choix en matière de cookies et la preuve de votre consentement.',
      visitor: 'Un numéro aléatoire qui relie vos choix de consentement à leur preuve, sans vous identifier.',
    },
  },
  subscription: {
    confirmSubject: (organisation) =>
      `Merci de confirmer${nbsp}: notifications sur la déclaration de confidentialité de ${organisation}`,
    confirmText: ({ organisation, site, link }) =>
      `Bonjour,\n\nQuelqu’un, probablement vous, a demandé à être prévenu lorsque la déclaration de confidentialité de ${organisation} pour ${site} change de manière importante.\n\nPour confirmer, ouvrez ce lien et cliquez sur le bouton${nbsp}:\n${link}\n\nSi ce n’était pas vous, ignorez ce message${nbsp}: sans confirmation, nous ne vous envoyons rien et supprimons l’adresse dans la semaine.\n`,
    changeSubject: (organisation) => `La déclaration de confidentialité de ${organisation} a changé`,
    changeText: ({ organisation, site, version, date, changes, link, unsubscribe }) =>
      `Bonjour,\n\nLa déclaration de confidentialité de ${organisation} pour ${site} a changé. La version ${version} s’applique depuis le ${date}.\n\nCe qui a changé${nbsp}:\n${changes.map((c) => `- ${c}`).join('\n')}\n\nLire la déclaration complète${nbsp}:\n${link}\n\nVous recevez ce message parce que vous avez demandé à être prévenu des modifications importantes. Pour ne plus recevoir ces messages${nbsp}:\n${unsubscribe}\n`,
    pageTitle: 'Notifications sur cette déclaration de confidentialité',
    requested:
      'Merci. Si l’adresse est valable, vous recevrez un e-mail vous demandant de confirmer. D’ici là, nous ne vous envoyons rien d’autre.',
    confirmQuestion: `Souhaitez-vous être prévenu par e-mail lorsque cette déclaration de confidentialité change de manière importante${nbsp}?`,
    confirmButton: 'Oui, je confirme',
    confirmed: 'C’est confirmé. Nous vous écrirons lorsque cette déclaration changera de manière importante.',
    unsubscribeQuestion: `Souhaitez-vous ne plus recevoir de notifications sur cette déclaration de confidentialité${nbsp}?`,
    unsubscribeButton: 'Me désinscrire',
    unsubscribed:
      'C’est fait. Nous avons supprimé votre adresse e-mail et ne vous enverrons plus rien au sujet de cette déclaration.',
    invalid: 'Ce lien n’est pas (ou plus) valable. Les liens non confirmés expirent après une semaine.',
    tooMany: 'Trop de demandes sont venues de votre connexion. Veuillez réessayer plus tard.',
    back: 'Retour à la déclaration de confidentialité',
  },
  history: {
    title: 'Versions de cette déclaration de confidentialité',
    intro:
      'Chaque fois que cette déclaration change, nous publions une nouvelle version. Vous trouverez ci-dessous toutes les versions et ce qui a changé dans chacune.',
    version: (n, date) => `Version ${n} — ${date}`,
    significant: 'Modification importante',
    first: 'Première version publiée.',
    noChange: `Formulation mise à jour${nbsp}; rien ne change dans ce que nous faisons.`,
    view: 'Lire cette version',
  },
};
