/**
 * Everything the notice and the cookie policy say in their own words, per language. Each language file is written,
 * not translated mechanically: sentences may be structured differently, as long as they say the same thing.
 */
import type { LegalBasis, Language } from '../../charter/schema.js';

export type NoticeSectionId =
  | 'controller'
  | 'dpo'
  | 'purposes'
  | 'legitimate-interests'
  | 'recipients'
  | 'transfers'
  | 'retention'
  | 'rights'
  | 'consent'
  | 'complaint'
  | 'requirements'
  | 'automated-decisions'
  | 'sources'
  | 'children'
  | 'cookies'
  | 'security'
  | 'changes';

export type CookieSectionId = 'about' | 'necessary' | 'categories' | 'choice' | 'more';

export type RecipientRole = 'processor' | 'sub-processor' | 'joint-controller' | 'controller' | 'public-authority';
export type RequirementKind = 'none' | 'statutory' | 'contractual' | 'contract-prerequisite';
export type RightId =
  'access' | 'rectification' | 'erasure' | 'restriction' | 'portability' | 'objection' | 'automated' | 'withdrawal';
export type CookieType = 'cookie' | 'local-storage' | 'session-storage' | 'pixel' | 'indexed-db';

export interface NoticeTexts {
  language: Language;
  /** Name of the language in itself, for the language switcher. */
  languageName: string;
  noticeTitle(organisation: string): string;
  cookieTitle(organisation: string): string;
  noticeIntro(p: { organisation: string; site: string; domain: string }): string;
  noticeIntroQuestions: string;
  headings: Record<NoticeSectionId, string>;
  labels: {
    email: string;
    phone: string;
    website: string;
    companyNumber: string;
    version: string;
    lastUpdated: string;
    contents: string;
    languages: string;
    skip: string;
    formats: string;
    pdf: string;
    markdown: string;
    cookiePolicy: string;
    privacyNotice: string;
  };
  controller: {
    intro(legalName: string, tradeName?: string): string;
    addressesIntro: string;
    contactIntro: string;
    representative: string;
    group(entities: string): string;
    /** The group, without the default sentence on sharing (the charter says how it shares). */
    groupOnly(entities: string): string;
    centralStorage: string;
    joint(entity: string): string;
    arrangement: string;
    jointRights: string;
  };
  dpo: {
    appointed: string;
    none: string;
  };
  purposes: {
    intro: string;
    terms: {
      what: string;
      whose: string;
      which: string;
      basis: string;
      interest: string;
      obligation: string;
      source: string;
      recipients: string;
      retention: string;
    };
    basis: Record<LegalBasis, string>;
    noRecipients: string;
    source: { 'third-party': string };
  };
  legitimateInterests: {
    intro: string;
    none: string;
    caption: string;
    columns: { purpose: string; interest: string };
    objection: string;
    directMarketing: string;
  };
  recipients: {
    intro: string;
    none: string;
    caption: string;
    columns: { name: string; role: string; service: string; country: string; safeguard: string };
    roles: Record<RecipientRole, string>;
    subProcessors(list: string): string;
    noSafeguard: string;
    privacyPolicy: string;
  };
  transfers: {
    intro: string;
    none: string;
    item(p: { recipient: string; country: string; mechanism: string }): string;
    copy: string;
  };
  retention: {
    intro: string;
    /** When some purpose states criteria or no decision instead of a period. */
    introWithoutPeriods: string;
    caption: string;
    columns: { purpose: string; period: string };
  };
  rights: {
    intro: string;
    list: Record<RightId, { name: string; description: string }>;
    howIntro: string;
    web: string;
    email: string;
    post: string;
    phone: string;
    deadline: string;
    free: string;
    verification: string;
  };
  consent: {
    intro: string;
    none: string;
    howIntro: string;
    cookies: string;
    effect: string;
  };
  complaint: {
    intro: string;
    authority: string;
    website: string;
    form: string;
    usFirst: string;
  };
  requirements: {
    intro: string;
    kinds: Record<Exclude<RequirementKind, 'none'>, string>;
    noneRequired: string;
    /** Nothing is required, and some purposes say what happens without the data (listed after it). */
    noneRequiredConsequences: string;
    rest: string;
    voluntary: string;
  };
  automated: {
    none: string;
    intro: string;
    logic: string;
    consequences: string;
    safeguards: string;
  };
  sources: {
    intro: string;
    caption: string;
    columns: { purpose: string; data: string; source: string };
    public: string;
    categorySource: string;
    /** With several sources: the part of the data that the person gives us themselves. */
    fromYou: string;
    /** With several sources: introduces the subjects whose data one source covers ("of …"). */
    of: string;
  };
  children: {
    ages(entries: string): string;
    age(country: string, age: number): string;
    collects: string;
    parental: string;
    /** The organisation's own limit, higher than the law's (`children.minimumAge`). */
    ownAges(entries: string): string;
  };
  /** What the charter's `statements` declare, and the sites and related statements the notice covers. */
  statements: {
    noSpecial: string;
    deleteSpecial: string;
    neverSold: string;
    noAdvertising: string;
    staysInEea: string;
    covers(sites: string): string;
    related: string;
    optional: string;
    notify(whom: string): string;
    subscribers: string;
    customers: string;
  };
  cookies: { text: string; link: string };
  security: { intro: string };
  changes: {
    text: string;
    history: string;
    subscribe: string;
    subscribeButton: string;
    subscribeEmail: string;
  };
  cookiePolicy: {
    intro(p: { organisation: string; site: string }): string;
    headings: Record<CookieSectionId, string>;
    about: string[];
    necessary: string;
    noneNecessary: string;
    categoryIntro: string;
    noCategories: string;
    caption(category: string): string;
    columns: { name: string; vendor: string; purpose: string; duration: string; type: string };
    firstParty: string;
    types: Record<CookieType, string>;
    choice: string[];
    button: string;
    buttonFallback: string;
    gpc: string;
    expiry(duration: string): string;
    more: string;
    justification: string;
    /** The consent banner's own cookies, for charters that do not declare them. */
    own: { consent: string; visitor: string };
  };
  subscription: {
    confirmSubject(organisation: string): string;
    confirmText(p: { organisation: string; site: string; link: string }): string;
    changeSubject(organisation: string): string;
    changeText(p: {
      organisation: string;
      site: string;
      version: number;
      date: string;
      changes: string[];
      link: string;
      unsubscribe: string;
    }): string;
    pageTitle: string;
    requested: string;
    confirmQuestion: string;
    confirmButton: string;
    confirmed: string;
    unsubscribeQuestion: string;
    unsubscribeButton: string;
    unsubscribed: string;
    invalid: string;
    tooMany: string;
    back: string;
  };
  history: {
    title: string;
    intro: string;
    version(n: number, date: string): string;
    significant: string;
    first: string;
    noChange: string;
    view: string;
  };
}
