/**
 * The shape of the rights domain's texts: one language's texts are a `RightsTexts`, so a language file that misses a
 * key (or has one too many) does not compile. Placeholders are `{name}`; `fill` in ./index.ts substitutes them.
 */
import type { Charter, RequestType, RetentionAnchor } from '../../charter/schema.js';
import type { RestrictionGround } from '../workflow.js';

type IdentityTypeName = 'email' | 'phone' | 'customer-number' | 'account-id';
type StateName =
  | 'received'
  | 'awaiting-verification'
  | 'verified'
  | 'in-progress'
  | 'awaiting-approval'
  | 'completed'
  | 'refused'
  | 'withdrawn';
type LegalBasisName = Charter['purposes'][number]['legalBasis'];
type AnchorName = RetentionAnchor;
type RefusalName = 'unfounded' | 'excessive' | 'not-verifiable' | 'compelling-grounds' | 'other';

export interface RightsTexts {
  skip: string;
  language: string;
  centerTitle: string;
  centerIntro: string;
  noticeLink: string;
  cookiesLink: string;
  consentHeading: string;
  consentIntro: string;
  consentButton: string;
  purposeConsentsIntro: string;
  requestHeading: string;
  requestIntro: string;
  typeLegend: string;
  types: Record<RequestType, string>;
  typeHints: Record<RequestType, string>;
  identityLegend: string;
  identityTypeLabel: string;
  identityTypes: Record<IdentityTypeName, string>;
  identityValueLabel: string;
  identityHint: string;
  contactLabel: string;
  contactHint: string;
  detailsLegend: string;
  rectificationCategoryLabel: string;
  rectificationCategoryAny: string;
  rectificationDesiredLabel: string;
  restrictionGroundLabel: string;
  restrictionGrounds: Record<RestrictionGround, string>;
  objectionKindLabel: string;
  objectionDirectMarketing: string;
  objectionLegitimateInterest: string;
  objectionPurposeLabel: string;
  objectionExplanationLabel: string;
  withdrawalPurposeLabel: string;
  messageLabel: string;
  submit: string;
  rightsHeading: string;
  rightsList: string[];
  complaint: string;
  contactHeading: string;
  dpoLabel: string;
  otherChannels: string;
  // Status page
  statusTitle: string;
  reference: string;
  typeLabel: string;
  stateLabel: string;
  receivedLabel: string;
  dueLabel: string;
  states: Record<StateName, string>;
  codeSent: string;
  codeHelp: string;
  codeLabel: string;
  verifyButton: string;
  codeInvalid: string;
  staffVerification: string;
  confirmHeading: string;
  confirmErasure: string;
  /** `erasureGracePeriod: P0D`: executed as soon as confirmed, nothing to cancel afterwards. */
  confirmErasureNow: string;
  confirmOther: string;
  confirmButton: string;
  scheduled: string;
  cancelButton: string;
  cancelHint: string;
  inProgress: string;
  awaitingApproval: string;
  completed: Record<RequestType, string>;
  /** A restriction some store could not mark: the part that is marked (only when some is). */
  restrictionMarked: string;
  /** …and the part that is not: kept from deletion by Charter, the privacy team tasked to stop its use by hand. */
  restrictionByHand: string;
  /** Console (the officer's task, never the person): restrict by hand in a store's table; {store}, {table}. */
  restrictionTask: string;
  refused: string;
  withdrawn: string;
  extended: string;
  notVerifiable: string;
  refusalReasons: Record<RefusalName, string>;
  resultErased: string;
  resultKept: string;
  /** Heading for rows kept because they concern other people too (not a legal obligation). */
  resultKeptForOthers: string;
  /** A row of the person someone else's record still refers to: kept, their details in it erased. */
  keptReferenced: string;
  /** A record shared with someone else: only the person's details in it erased. */
  keptShared: string;
  resultNotified: string;
  /** Recipients not (yet) told: a task for the privacy officer (Art. 19). Never worded as done. */
  resultWillNotify: string;
  /** What was erased or kept, per purpose: "{categories}, for {purpose}: {count}". */
  resultLine: string;
  resultYourData: string;
  records: [string, string];
  notFoundTitle: string;
  notFound: string;
  tooMany: string;
  fixFields: string;
  fieldRequired: string;
  fieldEmail: string;
  fieldChoose: string;
  backToCenter: string;
  consentsHeading: string;
  consentsIntro: string;
  consentGivenSince: string;
  consentWithdrawnSince: string;
  withdrawConsentButton: string;
  consentWithdrawnNotice: string;
  // Links
  linkTitle: string;
  linkVerify: string;
  linkVerifyButton: string;
  linkCancel: string;
  linkCancelButton: string;
  linkInvalid: string;
  /** On the page of a verify link: where the person continues, and that the filing browser gets nothing. */
  linkVerifyHere: string;
  linkUsed: string;
  linkExpired: string;
  linkClosed: string;
  /** The filing browser's status page once the mailbox owner verified in another browser. */
  provenElsewhere: string;
  /** A step that needs the code or link from the mail, tried from a browser that did not use them. */
  proofNeeded: string;
  /** A form posted from another website (cross-site), refused. */
  foreignForm: string;
  // Download
  downloadTitle: string;
  downloadIntro: string;
  sendCodeButton: string;
  downloadCodeSent: string;
  downloadButton: string;
  /** The proven browser's status page: the package can be taken here, once. */
  downloadHere: string;
  // Mails
  mailGreeting: string;
  mailSignature: string;
  mailNotYou: string;
  codeSubject: string;
  codeBody: string;
  scheduledSubject: string;
  scheduledBody: string;
  packageSubject: string;
  packageBody: string;
  downloadCodeSubject: string;
  downloadCodeBody: string;
  /** Art. 19 notice to a recipient's privacy contact: the reference and what to do, never the person's data. */
  recipientNoticeSubject: string;
  recipientNoticeBody: string;
  recipientActions: { erasure: string; rectification: string; restriction: string };
  recipientDone: { erasure: string; rectification: string; restriction: string };
  completedSubject: string;
  refusedSubject: string;
  /** Art. 18(3): told before a restriction is lifted; {ref}, {reason}. */
  restrictionLiftedBody: string;
  refusedBody: string;
  notVerifiableSubject: string;
  notVerifiableBody: string;
  extensionSubject: string;
  extensionBody: string;
  withdrawnSubject: string;
  withdrawnBody: string;
  remedies: string;
  // Report
  reportTitle: string;
  reportIntro: string;
  reportGenerated: string;
  reportDataHeading: string;
  reportNoData: string;
  reportStore: string;
  reportRows: string;
  reportColumn: string;
  reportCategory: string;
  reportValue: string;
  reportRestricted: string;
  /** A record that concerns another person too: their data in it is left out (Art. 15(4)). */
  reportShared: string;
  reportPurposesHeading: string;
  reportPurposesIntro: string;
  reportLegalBasis: string;
  reportLegitimateInterest: string;
  reportRecipients: string;
  reportNoRecipients: string;
  reportRetention: string;
  reportSource: string;
  reportSourceSubject: string;
  reportSourceOther: string;
  reportAutomated: string;
  reportNoAutomated: string;
  /** A retention stated by criteria (Art. 15(1)(d) "or the criteria used to determine that period"). */
  reportRetentionCriteria: string;
  reportRetentionNotDecided: string;
  reportTransfer: string;
  reportConsentsHeading: string;
  reportNoConsents: string;
  reportConsentPurpose: string;
  reportConsentState: string;
  reportConsentGiven: string;
  reportConsentWithdrawn: string;
  reportConsentAt: string;
  reportRightsHeading: string;
  reportFilesHeading: string;
  reportFilesText: string;
  legalBases: Record<LegalBasisName, string>;
  anchors: Record<AnchorName, string>;
  units: {
    year: [string, string];
    month: [string, string];
    week: [string, string];
    day: [string, string];
    and: string;
  };
  // Officer mails (language of the charter)
  officerReminderSubject: string;
  officerReminderBody: string;
  officerOverdueSubject: string;
  officerApprovalSubject: string;
  officerApprovalBody: string;
  officerFailureSubject: string;
  officerFailureBody: string;
  officerReceivedSubject: string;
  officerReceivedBody: string;
  officerVerifiedSubject: string;
  officerVerifiedBody: string;
}
