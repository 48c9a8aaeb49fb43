/** The notice and the cookie policy in English. */
import type { NoticeTexts } from './types.js';

export const en: NoticeTexts = {
  language: 'en',
  languageName: 'English',
  noticeTitle: (organisation) => `Privacy notice of ${organisation}`,
  cookieTitle: (organisation) => `Cookie policy of ${organisation}`,
  noticeIntro: ({ organisation, site, domain }) =>
    `This notice explains how ${organisation} handles your personal data when you use ${site} (${domain}) or deal with us otherwise, and what rights you have.`,
  noticeIntroQuestions: 'If anything in it is unclear, ask us: our contact details are in the first section.',
  headings: {
    controller: 'Who is responsible for your data',
    dpo: 'Data protection officer',
    purposes: 'What we use your data for, and on what legal basis',
    'legitimate-interests': 'Our legitimate interests and your right to object',
    recipients: 'Who receives your data',
    transfers: 'Transfers outside the European Economic Area',
    retention: 'How long we keep your data',
    rights: 'Your rights and how to exercise them',
    consent: 'Withdrawing your consent',
    complaint: 'Complaints to the supervisory authority',
    requirements: 'Do you have to give us your data?',
    'automated-decisions': 'Automated decisions and profiling',
    sources: 'Data we do not receive from you',
    children: 'Children',
    cookies: 'Cookies',
    security: 'How we protect your data',
    changes: 'Changes to this notice',
  },
  labels: {
    email: 'Email',
    phone: 'Telephone',
    website: 'Website',
    companyNumber: 'Enterprise number',
    version: 'Version',
    lastUpdated: 'Last updated',
    contents: 'Contents',
    languages: 'Other languages',
    skip: 'Skip to content',
    formats: 'Also available as',
    pdf: 'PDF',
    markdown: 'text (Markdown)',
    cookiePolicy: 'Cookie policy',
    privacyNotice: 'Privacy notice',
  },
  controller: {
    intro: (legalName, tradeName) =>
      `${legalName}${tradeName ? ` (“${tradeName}”)` : ''} is the controller of your personal data: we decide why and how it is processed, and we answer for it.`,
    addressesIntro: 'Our address:',
    contactIntro: 'You can reach us about anything in this notice:',
    representative: 'Our representative in the European Union (Art. 27 GDPR):',
    group: (entities) =>
      `We belong to a group with ${entities}. We share identification data within the group only where this notice says so.`,
    groupOnly: (entities) => `We belong to a group with ${entities}.`,
    centralStorage: 'The data is stored centrally, for all entities of the group.',
    joint: (entity) =>
      `We are joint controllers with ${entity} (Art. 26 GDPR): we decide together why and how your data is processed.`,
    arrangement: 'The essence of our arrangement:',
    jointRights: 'You can exercise your rights with each of us, whatever the arrangement says (Art. 26(3) GDPR).',
  },
  dpo: {
    appointed:
      'We have appointed a data protection officer, who advises us and monitors how we handle personal data. You can contact our data protection officer directly, in confidence:',
    none: 'We have not appointed a data protection officer. Questions about your data go to the contact details above.',
  },
  purposes: {
    intro:
      'We only use your data for the purposes below. For each purpose we tell you whose data it concerns, which data we use, on what legal basis, who receives it and how long we keep it.',
    terms: {
      what: 'What we do',
      whose: 'Whose data',
      which: 'Which data',
      basis: 'Legal basis',
      interest: 'Our legitimate interest',
      obligation: 'The law that requires it',
      source: 'Where the data comes from',
      recipients: 'Who receives it',
      retention: 'How long we keep it',
    },
    basis: {
      consent:
        'Your consent (Art. 6(1)(a) GDPR). You can withdraw it at any time; this does not affect what we did before you withdrew it.',
      contract:
        'It is necessary to perform a contract with you, or to take steps you ask for before entering into one (Art. 6(1)(b) GDPR).',
      'legal-obligation': 'It is necessary to comply with a legal obligation that applies to us (Art. 6(1)(c) GDPR).',
      'vital-interests':
        'It is necessary to protect your vital interests or those of another person (Art. 6(1)(d) GDPR).',
      'public-task':
        'It is necessary for a task we carry out in the public interest or in the exercise of official authority (Art. 6(1)(e) GDPR).',
      'legitimate-interests':
        'It is necessary for our legitimate interests, described below, which we have weighed against your interests and rights (Art. 6(1)(f) GDPR).',
    },
    noRecipients: 'No one outside our organisation.',
    source: {
      'third-party': 'We do not receive this data from you, but from someone else:',
    },
  },
  legitimateInterests: {
    intro:
      'For some purposes we rely on our legitimate interests. This means we have weighed our interest against your interests, rights and reasonable expectations, and concluded that the processing is justified.',
    none: 'We do not rely on legitimate interests for any processing described in this notice.',
    caption: 'Purposes based on our legitimate interests',
    columns: { purpose: 'Purpose', interest: 'Our interest' },
    objection:
      'You have the right to object at any time, on grounds relating to your particular situation, to processing based on our legitimate interests (Art. 21(1) GDPR). We will then stop, unless we have compelling legitimate grounds that override your interests, rights and freedoms, or we need the data to establish, exercise or defend legal claims.',
    directMarketing:
      'Where we use your data for direct marketing, you can object at any time and without giving a reason (Art. 21(2) and (3) GDPR). We will then stop using your data for that purpose, and we keep only what we need to make sure we do not contact you again.',
  },
  recipients: {
    intro:
      'We share your data only with the recipients below, and only what they need for the task they carry out. Processors work on our instructions under a contract that binds them to confidentiality and security (Art. 28 GDPR).',
    none: 'We do not share your data with anyone outside our organisation.',
    caption: 'Recipients of your data',
    columns: {
      name: 'Recipient',
      role: 'Role',
      service: 'What they do',
      country: 'Country',
      safeguard: 'Safeguard for transfers',
    },
    roles: {
      processor: 'Processor, working on our instructions',
      'sub-processor': 'Sub-processor, working on our instructions',
      'joint-controller': 'Joint controller',
      controller: 'Independent controller',
      'public-authority': 'Public authority',
    },
    subProcessors: (list) => `Uses: ${list}.`,
    noSafeguard: 'None declared',
    privacyPolicy: 'privacy policy',
  },
  transfers: {
    intro:
      'Some recipients are located outside the European Economic Area (EEA), or use service providers there. Your data then enjoys the protection of the safeguard named for each of them:',
    none: 'We do not transfer your data outside the European Economic Area (EEA).',
    item: ({ recipient, country, mechanism }) => `${recipient} (${country}): ${mechanism}.`,
    copy: 'You can ask us for a copy of these safeguards, or where to find them, through any of the channels in the section on your rights.',
  },
  retention: {
    intro:
      'We keep your data no longer than we need it for the purpose we collected it for. When the period below has passed, we delete the data or anonymise it so that it can no longer be linked to you.',
    introWithoutPeriods:
      'We keep your data no longer than we need it for the purpose we collected it for. Below, per purpose, is how long that is, or how we determine it.',
    caption: 'Retention periods per purpose',
    columns: { purpose: 'Purpose', period: 'How long we keep the data' },
  },
  rights: {
    intro: 'Under the General Data Protection Regulation you have the following rights regarding your personal data:',
    list: {
      access: {
        name: 'Access',
        description:
          'You can ask whether we process data about you and receive a copy, with the purposes, the recipients, the retention period and where the data comes from (Art. 15 GDPR).',
      },
      rectification: {
        name: 'Rectification',
        description: 'You can have inaccurate data corrected and incomplete data completed (Art. 16 GDPR).',
      },
      erasure: {
        name: 'Erasure',
        description:
          'You can have your data erased, for example when we no longer need it or you withdraw your consent. If the law requires us to keep some of it, we tell you which data and why (Art. 17 GDPR).',
      },
      restriction: {
        name: 'Restriction',
        description:
          'You can ask us to stop using your data for a while, except to store it (Art. 18 GDPR): while we check data you contest as inaccurate; when the processing is unlawful but you prefer restriction to erasure; when we no longer need the data but you need it to establish, exercise or defend a legal claim; and while we weigh your objection against our legitimate grounds.',
      },
      portability: {
        name: 'Data portability',
        description:
          'For data you gave us on the basis of your consent or a contract, you can receive it in a structured, commonly used, machine-readable format, or have it sent to another organisation (Art. 20 GDPR).',
      },
      objection: {
        name: 'Objection',
        description:
          'You can object to processing based on our legitimate interests, and to direct marketing at any time (Art. 21 GDPR).',
      },
      automated: {
        name: 'No decision by a machine alone',
        description:
          'You have the right not to be subject to a decision based solely on automated processing that has legal or similarly significant effects on you (Art. 22 GDPR).',
      },
      withdrawal: {
        name: 'Withdrawal of consent',
        description:
          'Where we rely on your consent, you can withdraw it at any time, as easily as you gave it (Art. 7(3) GDPR).',
      },
    },
    howIntro: 'How to exercise your rights:',
    web: 'online, in our privacy center:',
    email: 'by email:',
    post: 'by post:',
    phone: 'by telephone:',
    deadline:
      'We answer within one month of receiving your request. If a request is complex or we receive many, we may extend this by two further months; we then tell you within the first month, with the reasons (Art. 12(3) GDPR).',
    free: 'Exercising your rights is free of charge.',
    verification:
      'To make sure we give your data only to you, we confirm your request through the email address or telephone number we already have for you. We never ask for a copy of your identity card for this.',
  },
  consent: {
    intro:
      'Where we rely on your consent, you can withdraw it at any time, as easily as you gave it. Withdrawing is free and does not affect the lawfulness of what we did before.',
    none: 'We do not rely on your consent for any processing described in this notice, so there is no consent to withdraw. Your right to object is described above.',
    howIntro: 'We ask your consent for:',
    cookies:
      'For cookies and similar technologies, change your choice in the cookie settings on our website; it applies immediately. How to do so is explained in our',
    effect:
      'For the other purposes, use the unsubscribe link in our messages or any of the channels in the section on your rights.',
  },
  complaint: {
    intro:
      'If you believe we do not handle your data lawfully, you have the right to lodge a complaint with a supervisory authority, in particular in the member state where you live, where you work or where the infringement took place (Art. 77 GDPR). Our lead supervisory authority is:',
    authority: 'Supervisory authority',
    website: 'Website',
    form: 'How to lodge a complaint',
    usFirst: 'You are welcome to contact us first, so that we can try to solve the problem, but you do not have to.',
  },
  requirements: {
    intro: 'For some purposes we need certain data; without it we cannot do what you ask.',
    kinds: {
      statutory: 'The law requires us to collect this data.',
      contractual: 'Our contract with you requires this data.',
      'contract-prerequisite': 'We need this data to enter into a contract with you.',
    },
    noneRequired:
      'You are not obliged to give us your data for any of the purposes in this notice: giving it is your choice.',
    noneRequiredConsequences:
      'You are not obliged to give us your data for any of the purposes in this notice: giving it is your choice. For the purposes below, not giving it has this consequence:',
    rest: 'For all other purposes, giving us your data is your choice.',
    voluntary: 'Giving us this data is your choice.',
  },
  automated: {
    none: 'We do not take decisions about you based solely on automated processing, including profiling, that have legal effects on you or affect you similarly significantly (Art. 22 GDPR).',
    intro:
      'For the purposes below we take decisions by automated means. We explain how they work and what they mean for you:',
    logic: 'How it works',
    consequences: 'What it means for you',
    safeguards:
      'You can always ask for a person to review the decision, give your point of view and contest the decision.',
  },
  sources: {
    intro:
      'For the purposes below we do not collect the data from you, but receive it from others. Here is which data and where it comes from (Art. 14 GDPR):',
    caption: 'Data not obtained from you',
    columns: { purpose: 'Purpose', data: 'Which data', source: 'Source' },
    public: 'Publicly accessible sources.',
    categorySource: 'Source of this category',
    fromYou: 'We receive this data from you.',
    of: 'of',
  },
  children: {
    ages: (entries) =>
      `Under the law, a child can consent on their own to online services offered directly to them from the following age: ${entries}. Below that age, a parent or guardian must give or authorise consent (Art. 8 GDPR).`,
    age: (country, age) => `${age} in ${country}`,
    collects:
      'Some of our services are offered to children. Where we rely on consent for a child below this age, we ask a parent or guardian, and make reasonable efforts to verify that they did.',
    parental:
      'For the purposes that need it, we ask a parent or guardian to consent on behalf of a child below this age.',
    ownAges: (entries) => `We apply a higher age ourselves: ${entries}.`,
  },
  statements: {
    noSpecial:
      'We do not ask for special categories of personal data, such as data about your health, religion or political opinions (Art. 9 GDPR).',
    deleteSpecial: 'If we receive such data without asking for it, we delete it.',
    neverSold: 'We never sell your personal data.',
    noAdvertising: 'We do not use your personal data for the advertising of other companies.',
    staysInEea: 'All your data is stored and processed within the European Economic Area.',
    covers: (sites) => `This notice applies to all our websites: ${sites}.`,
    related: 'These websites have their own privacy notice, which applies there instead of this one:',
    optional: 'optional',
    notify: (whom) => `If this notice changes significantly, we tell ${whom} and send the updated notice.`,
    subscribers: 'everyone who asked to be notified (below)',
    customers: 'our customers by email',
  },
  cookies: {
    text: 'Our website uses cookies and similar technologies. Only those that are strictly necessary are placed without your consent. Which ones we use, for how long and how to change your choice is explained in our',
    link: 'cookie policy',
  },
  security: {
    intro:
      'We take technical and organisational measures to protect your data against loss, misuse and unauthorised access (Art. 32 GDPR):',
  },
  changes: {
    text: 'We update this notice when our processing changes. Each change is published as a new version.',
    history: 'Earlier versions and what changed',
    subscribe:
      'Would you like to be told when this notice changes significantly? Leave your email address. We use it only for that, you confirm it first, and you can unsubscribe at any time.',
    subscribeButton: 'Notify me',
    subscribeEmail: 'Email address',
  },
  cookiePolicy: {
    intro: ({ organisation, site }) =>
      `This policy explains which cookies and similar technologies ${organisation} uses on ${site}, what they are for, how long they last and how you can change your choice.`,
    headings: {
      about: 'What cookies are',
      necessary: 'Strictly necessary cookies',
      categories: 'Cookies we place only with your consent',
      choice: 'Changing your choice',
      more: 'More information',
    },
    about: [
      'Cookies are small text files that a website stores in your browser. Similar technologies, such as local storage in the browser and tracking pixels, work in comparable ways; this policy covers them all and calls them cookies.',
      'We only place cookies that are strictly necessary to provide the website you ask for without your consent. For all other cookies we ask your consent first, and you can refuse as easily as accept.',
    ],
    necessary:
      'These cookies are needed for the website to work, for example to keep a form working or to remember your cookie choice. They do not need your consent and cannot be switched off.',
    noneNecessary: 'We do not use any strictly necessary cookies on this website.',
    categoryIntro: 'We place these cookies only if you agree to the category they belong to.',
    noCategories: 'We do not use cookies that need your consent on this website.',
    caption: (category) => `Cookies in the category “${category}”`,
    columns: { name: 'Name', vendor: 'Placed by', purpose: 'Purpose', duration: 'Duration', type: 'Type' },
    firstParty: 'Ourselves',
    types: {
      cookie: 'Cookie',
      'local-storage': 'Local storage',
      'session-storage': 'Session storage',
      pixel: 'Pixel',
      'indexed-db': 'Browser database (IndexedDB)',
    },
    choice: [
      'You can change or withdraw your consent at any time. Your new choice applies immediately; cookies of a category you switch off are no longer used.',
    ],
    button: 'Change my cookie settings',
    buttonFallback:
      'Use the “Cookie settings” link at the bottom of every page of our website to change your choice at any time.',
    gpc: 'If your browser sends the Global Privacy Control signal, we treat it as a refusal of advertising cookies.',
    expiry: (duration) => `We ask for your choice again after ${duration}.`,
    more: 'You can also delete cookies in your browser settings. How we handle your personal data in general, and your rights, are explained in our',
    justification: 'Why longer than 13 months:',
    own: {
      consent: 'Remembers your cookie choices and the receipt of your consent.',
      visitor: 'A random number that links your consent choices to their receipts, without identifying you.',
    },
  },
  subscription: {
    confirmSubject: (organisation) => `Please confirm: notifications about the privacy notice of ${organisation}`,
    confirmText: ({ organisation, site, link }) =>
      `Hello,\n\nSomeone, probably you, asked to be told when the privacy notice of ${organisation} for ${site} changes significantly.\n\nTo confirm, open this link and press the button:\n${link}\n\nIf it was not you, ignore this message: without confirmation we send you nothing and delete the address within a week.\n`,
    changeSubject: (organisation) => `The privacy notice of ${organisation} has changed`,
    changeText: ({ organisation, site, version, date, changes, link, unsubscribe }) =>
      `Hello,\n\nThe privacy notice of ${organisation} for ${site} has changed. Version ${version} applies from ${date}.\n\nWhat changed:\n${changes.map((c) => `- ${c}`).join('\n')}\n\nRead the full notice:\n${link}\n\nYou receive this message because you asked to be told of significant changes. To stop these messages:\n${unsubscribe}\n`,
    pageTitle: 'Notifications about this privacy notice',
    requested:
      'Thank you. If the address is valid, you will receive an email asking you to confirm. We send nothing else until you do.',
    confirmQuestion: 'Do you want to be told by email when this privacy notice changes significantly?',
    confirmButton: 'Yes, confirm',
    confirmed: 'Confirmed. We will email you when this notice changes significantly.',
    unsubscribeQuestion: 'Do you want to stop receiving notifications about this privacy notice?',
    unsubscribeButton: 'Unsubscribe',
    unsubscribed: 'Done. We have deleted your email address and will send you nothing more about this notice.',
    invalid: 'This link is not valid (any more). Links expire after a week if they are not confirmed.',
    tooMany: 'Too many requests came from your connection. Please try again later.',
    back: 'Back to the privacy notice',
  },
  history: {
    title: 'Versions of this privacy notice',
    intro: 'Every time this notice changes, we publish a new version. Below are all versions and what changed in each.',
    version: (n, date) => `Version ${n} — ${date}`,
    significant: 'Significant change',
    first: 'First published version.',
    noChange: 'Wording updated; no change in what we do.',
    view: 'Read this version',
  },
};
