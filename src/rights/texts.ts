/**
 * Every text of the privacy center, the requester's mails and the access report, in English, Dutch, French and
 * German (written for Charter, not machine-translated). Placeholders are `{name}`; `fill` substitutes them. Charter's
 * own content (purpose names, holds, recipients) comes from the charter in the requester's language.
 */
import type { Charter, Language, RequestType, RetentionAnchor, Text } from '../charter/schema.js';
import type { RestrictionGround } from './workflow.js';

export const uiLanguages = ['en', 'nl', 'fr', 'de'] as const satisfies readonly Language[];

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

const en: RightsTexts = {
  skip: 'Skip to content',
  language: 'Language',
  centerTitle: 'Privacy center',
  centerIntro:
    'See how {org} handles your personal data, change your consent choices and exercise your rights under the GDPR.',
  noticeLink: 'Privacy notice',
  cookiesLink: 'Cookie policy',
  consentHeading: 'Your consent choices',
  consentIntro: 'You can change the choices you made in the cookie banner at any time.',
  consentButton: 'Change my cookie choices',
  purposeConsentsIntro:
    'Consents you gave us with your email address (for example for a newsletter) are shown after we have verified that it is you: choose “Withdraw a consent” below, or any other request.',
  requestHeading: 'Make a request',
  requestIntro: 'Tell us what you would like us to do. It is free, and we answer within one month.',
  typeLegend: 'What would you like us to do?',
  types: {
    access: 'Show me my data (access)',
    portability: 'Give me my data in a reusable format (portability)',
    rectification: 'Correct my data (rectification)',
    erasure: 'Erase my data (erasure)',
    restriction: 'Stop using my data for now (restriction)',
    objection: 'Object to a use of my data (objection)',
    withdrawal: 'Withdraw a consent',
  },
  typeHints: {
    access:
      'You receive a copy of the data we hold about you, with why we use it, who receives it and how long we keep it.',
    portability: 'You receive the data you gave us in JSON and CSV files, to take to another service.',
    rectification: 'Tell us which data is wrong and what it should be.',
    erasure: 'We erase your data, except what the law obliges us to keep. You can cancel during a waiting period.',
    restriction: 'We keep your data but do not use it while the reason below applies.',
    objection: 'We stop direct marketing at once. For other uses we weigh your reasons against ours.',
    withdrawal: 'We stop the processing you consented to. What we did before stays lawful.',
  },
  identityLegend: 'Who are you?',
  identityTypeLabel: 'I identify myself with my',
  identityTypes: {
    email: 'email address',
    phone: 'phone number',
    'customer-number': 'customer number',
    'account-id': 'account id',
  },
  identityValueLabel: 'Your email address, phone number, customer number or account id',
  identityHint:
    'We send a one-time code to the contact details we already hold for you — never to an address typed here — so nobody else can obtain your data.',
  contactLabel: 'Email address where we can ask you questions (optional)',
  contactHint: 'Only for questions about your request. Codes and your data go only to the contact details we hold.',
  detailsLegend: 'Details of your request',
  rectificationCategoryLabel: 'Which data is wrong?',
  rectificationCategoryAny: 'Other (describe it below)',
  rectificationDesiredLabel: 'What should it be?',
  restrictionGroundLabel: 'Why should we stop using your data for now? (Art. 18)',
  restrictionGrounds: {
    'accuracy-contested': 'I contest that my data is correct, while you check it',
    'unlawful-processing': 'The processing is unlawful, but I do not want my data erased',
    'legal-claims': 'You no longer need my data, but I need it for a legal claim',
    'objection-pending': 'I objected, while you weigh your reasons against mine',
  },
  objectionKindLabel: 'What do you object to?',
  objectionDirectMarketing: 'Direct marketing (newsletters, offers, advertising)',
  objectionLegitimateInterest: 'Another use based on our legitimate interests',
  objectionPurposeLabel: 'Which use?',
  objectionExplanationLabel: 'Your reasons, related to your particular situation',
  withdrawalPurposeLabel: 'Which consent do you withdraw?',
  messageLabel: 'Anything else we should know? (optional)',
  submit: 'Send my request',
  rightsHeading: 'Your rights',
  rightsList: [
    'Access: know whether we process your data and receive a copy (Art. 15).',
    'Rectification of incorrect data (Art. 16).',
    'Erasure, when there is no longer a reason to keep your data (Art. 17).',
    'Restriction of processing in the cases of Art. 18.',
    'Portability of the data you gave us (Art. 20).',
    'Objection to processing based on our legitimate interests, and to direct marketing at any time (Art. 21).',
    'Withdrawal of a consent at any time, without affecting what was done before (Art. 7(3)).',
  ],
  complaint: 'You may also lodge a complaint with the supervisory authority: {authority} ({url}).',
  contactHeading: 'Contact',
  dpoLabel: 'Data protection officer',
  otherChannels: 'You can also make a request by email to {email}, or by post.',
  statusTitle: 'Your request',
  reference: 'Reference',
  typeLabel: 'Request',
  stateLabel: 'Status',
  receivedLabel: 'Received on',
  dueLabel: 'We answer by',
  states: {
    received: 'Received',
    'awaiting-verification': 'Waiting for your confirmation',
    verified: 'Confirmed',
    'in-progress': 'Being handled',
    'awaiting-approval': 'Being checked by our privacy team',
    completed: 'Completed',
    refused: 'Closed without action',
    withdrawn: 'Withdrawn',
  },
  codeSent:
    'If we hold data about this {identity}, we have sent a one-time code to the contact details we have on file for it. Enter the code below. It is valid for 30 minutes.',
  codeHelp:
    'No code? Check your spam folder. If we do not hold data about you, no code is sent; your request then closes after the deadline.',
  codeLabel: 'One-time code (8 digits)',
  verifyButton: 'Confirm',
  codeInvalid: 'This code is not valid. Check it and try again, or make a new request if it has expired.',
  staffVerification:
    'For this request our privacy team verifies your identity. They will contact you through the details we hold.',
  confirmHeading: 'Please confirm',
  confirmErasure:
    'We will erase your personal data, except what the law obliges us to keep, {grace} after you confirm: on {date} if you confirm now. Until then you can cancel, here or with the link we mail you.',
  confirmErasureNow:
    'We will erase your personal data, except what the law obliges us to keep, as soon as you confirm. This cannot be cancelled afterwards.',
  confirmOther: 'Please confirm that you want us to handle this request.',
  confirmButton: 'Yes, go ahead',
  scheduled: 'Your data will be erased on {date}. Until then, you can cancel.',
  cancelButton: 'Cancel my request',
  cancelHint: 'Cancelling closes the request; nothing is changed.',
  inProgress: 'We are handling your request.',
  awaitingApproval: 'A member of our privacy team is checking your request.',
  completed: {
    access: 'Your data is ready. We have sent you an email with a download link.',
    portability: 'Your data is ready. We have sent you an email with a download link.',
    rectification: 'Your data has been corrected.',
    erasure: 'Your data has been erased.',
    restriction: 'We no longer use your data, apart from storing it.',
    objection: 'We have stopped the processing you objected to.',
    withdrawal: 'Your consent has been withdrawn.',
  },
  restrictionMarked:
    'The restriction is recorded in those of our systems that can record it: there your data is kept and not otherwise used.',
  restrictionByHand:
    'Part of your data is in a system that cannot record the restriction itself. We keep that data from deletion, and our privacy team has been given the task of stopping its use there by hand.',
  restrictionTask:
    'Restrict by hand: store {store}, table {table} (no restriction column; Charter keeps these rows from retention meanwhile)',
  refused: 'We closed your request without action. Reason: {reason}',
  withdrawn: 'This request was cancelled. Nothing was changed.',
  extended: 'We need more time for this request, for this reason: {reason}. We will answer by {date}.',
  notVerifiable:
    'We could not verify that you are the person the data is about, so we could not act on this request (GDPR Art. 11(2) and 12(2)). You may make a new request or send us information that helps us identify you.',
  refusalReasons: {
    unfounded: 'the request is manifestly unfounded (Art. 12(5)).',
    excessive: 'the request is manifestly excessive, in particular because it is repetitive (Art. 12(5)).',
    'not-verifiable': 'we could not verify your identity (Art. 11(2) and 12(2)).',
    'compelling-grounds':
      'we have compelling legitimate grounds for the processing that override your interests, or need it for legal claims (Art. 21(1)).',
    other: 'see the explanation below.',
  },
  resultErased: 'Erased',
  resultKept: 'Kept, because the law requires it',
  resultKeptForOthers: 'Kept in part, because it concerns other people too',
  keptReferenced: 'another person’s record still refers to it, so the record stays, with your details in it erased',
  keptShared: 'it is shared with another person, so only your details in it were erased',
  resultNotified: 'Recipients we have informed (Art. 19)',
  resultWillNotify: 'Recipients we will inform (Art. 19)',
  resultLine: '{categories}, for {purpose}: {count}',
  resultYourData: 'your personal data',
  records: ['record', 'records'],
  notFoundTitle: 'Not available',
  notFound: 'This page does not exist or is no longer available.',
  tooMany: 'Too many attempts. Please try again later.',
  fixFields: 'Please check the fields marked below.',
  fieldRequired: 'Please fill this in.',
  fieldEmail: 'Please give an email address such as name@example.be.',
  fieldChoose: 'Please choose one of the options.',
  backToCenter: 'Back to the privacy center',
  consentsHeading: 'Your consents',
  consentsIntro:
    'Consents given with your email address. You can withdraw each at any time; what was done before stays lawful.',
  consentGivenSince: 'given since {date}',
  consentWithdrawnSince: 'withdrawn since {date}',
  withdrawConsentButton: 'Withdraw this consent',
  consentWithdrawnNotice: 'Your consent has been withdrawn.',
  linkTitle: 'Confirm',
  linkVerify: 'Confirm that you made request {ref} and that this mailbox is yours.',
  linkVerifyButton: 'Yes, it was me',
  linkCancel: 'Do you want to cancel request {ref}? Nothing will be erased.',
  linkCancelButton: 'Cancel the request',
  linkInvalid: 'This link is not valid any more. Links work once and expire.',
  linkVerifyHere:
    'You continue in this browser. The browser in which the request was made gets no access through this confirmation.',
  linkUsed:
    'This link has already been used: links and codes from our mails work once. Continue in the browser where it was used; news about the request goes to the mailbox it was sent to.',
  linkExpired: 'This link has expired. If you still want this, make a new request or contact us.',
  linkClosed:
    'This link no longer works: its request has moved on or is closed, or its code was blocked after too many wrong tries.',
  provenElsewhere:
    'This request was confirmed with the code or the link from our mail, in another browser. To protect the person it concerns, its progress and any further steps are shown only in that browser; news about it goes to the mailbox on file.',
  proofNeeded: 'This step needs the code or the link from our mail, used in this browser.',
  foreignForm: 'This form was sent from another website and was not accepted. Please use the form on our own page.',
  downloadTitle: 'Download your data',
  downloadIntro:
    'To protect your data, we send a new one-time code to the address this link was sent to. Then you can download your data, once.',
  sendCodeButton: 'Send me a code',
  downloadCodeSent: 'We have sent you a code. Enter it to download your data. It is valid for 30 minutes.',
  downloadButton: 'Download my data',
  downloadHere:
    'This browser used the link or code from our mail, so you can download your data here, once, until {date}. The link in our mail works too.',
  mailGreeting: 'Hello,',
  mailSignature: 'The privacy team of {org}',
  mailNotYou: 'If you did not make this request, ignore this email: nothing happens without the code.',
  codeSubject: 'Your code for your privacy request {ref}',
  codeBody:
    'We received a request to {org}: {type} (reference {ref}).\n\nYour one-time code: {code}\n\nOr confirm with this link: {link}\n\nThe code and the link are valid for 30 minutes.',
  scheduledSubject: 'Your data will be erased on {date}',
  scheduledBody:
    'You confirmed your request {ref} to erase your data. We will erase it on {date}.\n\nChanged your mind? Cancel with this link before then: {link}',
  packageSubject: 'Your data from {org} is ready',
  packageBody:
    'The copy of your data (request {ref}) is ready: {link}\n\nThe link works once and expires on {date}. To protect your data, we will ask you for a new one-time code, which we send to this address.',
  downloadCodeSubject: 'Your download code',
  downloadCodeBody: 'Your one-time code to download your data: {code}\n\nIt is valid for 30 minutes.',
  recipientNoticeSubject: '{org}: a data-subject request to pass on ({ref}, Art. 19 GDPR)',
  recipientNoticeBody:
    'We {done} the personal data of a person at their request (reference {ref}). We shared personal data of this person with {recipient}, so Article 19 GDPR asks us to tell you: please {action}.\n\nThis mail deliberately holds no personal data. To learn whom it concerns, reply to {contact} quoting reference {ref}; we will answer through a secure channel. Please confirm to the same address once it is done.',
  recipientActions: {
    erasure: 'erase the personal data of this person you received from us',
    rectification:
      'correct the personal data of this person you received from us (we send the correction with the identity)',
    restriction:
      'restrict the processing of the personal data of this person you received from us (keep it, but do not use it otherwise)',
  },
  recipientDone: { erasure: 'erased', rectification: 'rectified', restriction: 'restricted the processing of' },
  completedSubject: 'Your request {ref} is completed',
  refusedSubject: 'Your request {ref}',
  restrictionLiftedBody:
    'We are lifting the restriction of your data under request {ref}, for this reason: {reason}. From now on we may use your data again as our privacy notice describes.',
  refusedBody: 'We closed your request {ref} without action. Reason: {reason}',
  notVerifiableSubject: 'Your request {ref} could not be verified',
  notVerifiableBody:
    'We received your request {ref} but could not verify that you are the person the data is about (GDPR Art. 11(2) and 12(2)). We have therefore not acted on it. You may make a new request, or reply with information that helps us identify you.',
  extensionSubject: 'Your request {ref}: we need more time',
  extensionBody:
    'We need more time to handle your request {ref} (GDPR Art. 12(3)), for this reason: {reason}\n\nWe will answer by {date} at the latest.',
  withdrawnSubject: 'Your request {ref} is cancelled',
  withdrawnBody: 'Your request {ref} was cancelled. Nothing was changed.',
  remedies:
    'You may lodge a complaint with the supervisory authority, {authority} ({url}), and seek a judicial remedy (Art. 12(4), 77 and 79).',
  reportTitle: 'Your personal data at {org}',
  reportIntro:
    'This is a copy of the personal data {org} holds about you, in answer to your request {ref} (GDPR Art. 15). The files {json} and the CSV files in this package hold the same data in machine-readable form.',
  reportGenerated: 'Prepared on {date}.',
  reportDataHeading: 'The data we hold',
  reportNoData: 'We hold no personal data about you in our systems.',
  reportStore: 'System',
  reportRows: '{count} record(s)',
  reportColumn: 'Field',
  reportCategory: 'Kind of data',
  reportValue: 'Value',
  reportRestricted: 'restricted (Art. 18): stored only',
  reportShared: 'shared with another person: their data in it is left out (Art. 15(4))',
  reportPurposesHeading: 'Why we use it',
  reportPurposesIntro:
    'For each purpose: the legal basis, who receives the data, how long we keep it and where it comes from.',
  reportLegalBasis: 'Legal basis',
  reportLegitimateInterest: 'Our legitimate interest',
  reportRecipients: 'Recipients',
  reportNoRecipients: 'No one outside our organisation.',
  reportRetention: 'How long we keep it',
  reportSource: 'Source',
  reportSourceSubject: 'You gave it to us.',
  reportSourceOther: 'Not from you: {source}',
  reportAutomated: 'Automated decisions',
  reportNoAutomated: 'None: no decision about you is taken by automated means alone.',
  reportRetentionCriteria: 'No fixed period; it depends on these criteria: {criteria}',
  reportRetentionNotDecided: 'Not decided yet',
  reportTransfer: 'outside the EEA, under: {mechanism}',
  reportConsentsHeading: 'Your consents',
  reportNoConsents: 'We hold no record of consents given with your email address.',
  reportConsentPurpose: 'Purpose',
  reportConsentState: 'Choice',
  reportConsentGiven: 'given',
  reportConsentWithdrawn: 'withdrawn',
  reportConsentAt: 'When',
  reportRightsHeading: 'Your rights',
  reportFilesHeading: 'Files in this package',
  reportFilesText:
    'report.html (this page), data.json (all data), one CSV file per table, consents.json (your consents).',
  legalBases: {
    consent: 'your consent (Art. 6(1)(a))',
    contract: 'a contract with you, or steps before one (Art. 6(1)(b))',
    'legal-obligation': 'a legal obligation (Art. 6(1)(c))',
    'vital-interests': 'vital interests (Art. 6(1)(d))',
    'public-task': 'a task in the public interest (Art. 6(1)(e))',
    'legitimate-interests': 'our legitimate interests (Art. 6(1)(f))',
  },
  anchors: {
    collection: 'from collection',
    'end-of-contract': 'after the end of the contract',
    'last-contact': 'after the last contact',
    receipt: 'from receipt',
    'end-of-legal-period': 'after the end of the legal period',
    'consent-withdrawn': 'after the consent is withdrawn',
    event: 'after the event',
  },
  units: {
    year: ['year', 'years'],
    month: ['month', 'months'],
    week: ['week', 'weeks'],
    day: ['day', 'days'],
    and: 'and',
  },
  officerReminderSubject: 'Request {ref} is due in {days} days',
  officerReminderBody:
    'Data-subject request {ref} ({type}, {state}) must be answered by {date}. Open it in the console: {link}',
  officerOverdueSubject: 'Request {ref} is overdue',
  officerApprovalSubject: 'Request {ref} waits for your approval',
  officerApprovalBody:
    'Data-subject request {ref} ({type}) is verified and waits for approval before it is executed. Review the plan in the console: {link}',
  officerFailureSubject: 'Request {ref} could not be executed',
  officerFailureBody:
    'Executing data-subject request {ref} ({type}) failed {attempts} times; Charter keeps retrying. Last error: {error}. Console: {link}',
  officerReceivedSubject: 'New request {ref} ({type})',
  officerReceivedBody:
    'Data-subject request {ref} ({type}) was received. It must be answered by {date}. Open it in the console: {link}',
  officerVerifiedSubject: 'Request {ref} ({type}) is verified',
  officerVerifiedBody:
    'Data-subject request {ref} ({type}) is verified: the requester proved control of the contact on file. It must be answered by {date}. Open it in the console: {link}',
};

const nl: RightsTexts = {
  skip: 'Naar de inhoud',
  language: 'Taal',
  centerTitle: 'Privacycentrum',
  centerIntro:
    'Bekijk hoe {org} met uw persoonsgegevens omgaat, wijzig uw toestemmingen en oefen uw rechten onder de AVG uit.',
  noticeLink: 'Privacyverklaring',
  cookiesLink: 'Cookiebeleid',
  consentHeading: 'Uw toestemmingen',
  consentIntro: 'U kunt de keuzes die u in de cookiebanner maakte altijd wijzigen.',
  consentButton: 'Mijn cookiekeuzes wijzigen',
  purposeConsentsIntro:
    'Toestemmingen die u met uw e-mailadres gaf (bijvoorbeeld voor een nieuwsbrief) tonen we nadat we hebben nagegaan dat u het bent: kies hieronder “Een toestemming intrekken” of een ander verzoek.',
  requestHeading: 'Een verzoek indienen',
  requestIntro: 'Zeg ons wat we voor u moeten doen. Het is gratis en we antwoorden binnen een maand.',
  typeLegend: 'Wat wilt u dat we doen?',
  types: {
    access: 'Mijn gegevens inzien (inzage)',
    portability: 'Mijn gegevens in een herbruikbaar formaat krijgen (overdraagbaarheid)',
    rectification: 'Mijn gegevens verbeteren (rectificatie)',
    erasure: 'Mijn gegevens wissen (wissing)',
    restriction: 'Mijn gegevens voorlopig niet gebruiken (beperking)',
    objection: 'Bezwaar maken tegen een gebruik van mijn gegevens',
    withdrawal: 'Een toestemming intrekken',
  },
  typeHints: {
    access:
      'U krijgt een kopie van de gegevens die we over u hebben, met waarom we ze gebruiken, wie ze krijgt en hoe lang we ze bewaren.',
    portability:
      'U krijgt de gegevens die u ons gaf in JSON- en CSV-bestanden, om mee te nemen naar een andere dienst.',
    rectification: 'Zeg ons welke gegevens fout zijn en wat ze moeten zijn.',
    erasure:
      'We wissen uw gegevens, behalve wat de wet ons verplicht te bewaren. Tijdens een wachttijd kunt u nog annuleren.',
    restriction: 'We bewaren uw gegevens maar gebruiken ze niet zolang de reden hieronder geldt.',
    objection: 'Direct marketing stoppen we meteen. Voor ander gebruik wegen we uw redenen af tegen de onze.',
    withdrawal: 'We stoppen de verwerking waarvoor u toestemming gaf. Wat we eerder deden, blijft rechtmatig.',
  },
  identityLegend: 'Wie bent u?',
  identityTypeLabel: 'Ik identificeer me met mijn',
  identityTypes: {
    email: 'e-mailadres',
    phone: 'telefoonnummer',
    'customer-number': 'klantnummer',
    'account-id': 'accountnummer',
  },
  identityValueLabel: 'Uw e-mailadres, telefoonnummer, klantnummer of accountnummer',
  identityHint:
    'We sturen een eenmalige code naar de contactgegevens die we al van u hebben — nooit naar een adres dat hier wordt ingetypt — zodat niemand anders uw gegevens kan krijgen.',
  contactLabel: 'E-mailadres waarop we u vragen kunnen stellen (optioneel)',
  contactHint:
    'Alleen voor vragen over uw verzoek. Codes en uw gegevens gaan alleen naar de contactgegevens die we van u hebben.',
  detailsLegend: 'Details van uw verzoek',
  rectificationCategoryLabel: 'Welke gegevens zijn fout?',
  rectificationCategoryAny: 'Andere (beschrijf hieronder)',
  rectificationDesiredLabel: 'Wat moet het zijn?',
  restrictionGroundLabel: 'Waarom moeten we uw gegevens voorlopig niet gebruiken? (art. 18)',
  restrictionGrounds: {
    'accuracy-contested': 'Ik betwist dat mijn gegevens juist zijn, terwijl u dat nagaat',
    'unlawful-processing': 'De verwerking is onrechtmatig, maar ik wil mijn gegevens niet laten wissen',
    'legal-claims': 'U hebt mijn gegevens niet meer nodig, maar ik heb ze nodig voor een rechtsvordering',
    'objection-pending': 'Ik maakte bezwaar, terwijl u uw redenen afweegt tegen de mijne',
  },
  objectionKindLabel: 'Waartegen maakt u bezwaar?',
  objectionDirectMarketing: 'Direct marketing (nieuwsbrieven, aanbiedingen, reclame)',
  objectionLegitimateInterest: 'Een ander gebruik op grond van ons gerechtvaardigd belang',
  objectionPurposeLabel: 'Welk gebruik?',
  objectionExplanationLabel: 'Uw redenen, die verband houden met uw specifieke situatie',
  withdrawalPurposeLabel: 'Welke toestemming trekt u in?',
  messageLabel: 'Moeten we nog iets weten? (optioneel)',
  submit: 'Mijn verzoek versturen',
  rightsHeading: 'Uw rechten',
  rightsList: [
    'Inzage: weten of we uw gegevens verwerken en er een kopie van krijgen (art. 15).',
    'Rectificatie van onjuiste gegevens (art. 16).',
    'Wissing, wanneer er geen reden meer is om uw gegevens te bewaren (art. 17).',
    'Beperking van de verwerking in de gevallen van art. 18.',
    'Overdraagbaarheid van de gegevens die u ons gaf (art. 20).',
    'Bezwaar tegen verwerking op grond van ons gerechtvaardigd belang, en altijd tegen direct marketing (art. 21).',
    'Een toestemming op elk moment intrekken, zonder dat dit afdoet aan wat eerder gebeurde (art. 7, lid 3).',
  ],
  complaint: 'U kunt ook een klacht indienen bij de toezichthoudende autoriteit: {authority} ({url}).',
  contactHeading: 'Contact',
  dpoLabel: 'Functionaris voor gegevensbescherming',
  otherChannels: 'U kunt een verzoek ook per e-mail naar {email} of per post indienen.',
  statusTitle: 'Uw verzoek',
  reference: 'Referentie',
  typeLabel: 'Verzoek',
  stateLabel: 'Stand van zaken',
  receivedLabel: 'Ontvangen op',
  dueLabel: 'We antwoorden uiterlijk op',
  states: {
    received: 'Ontvangen',
    'awaiting-verification': 'Wacht op uw bevestiging',
    verified: 'Bevestigd',
    'in-progress': 'In behandeling',
    'awaiting-approval': 'Wordt nagekeken door ons privacyteam',
    completed: 'Afgehandeld',
    refused: 'Afgesloten zonder gevolg',
    withdrawn: 'Ingetrokken',
  },
  codeSent:
    'Als we gegevens over dit {identity} hebben, hebben we een eenmalige code gestuurd naar de contactgegevens die we ervan hebben. Vul de code hieronder in. Ze is 30 minuten geldig.',
  codeHelp:
    'Geen code gekregen? Kijk in uw map met ongewenste e-mail. Als we geen gegevens over u hebben, sturen we geen code; uw verzoek wordt dan na de termijn afgesloten.',
  codeLabel: 'Eenmalige code (8 cijfers)',
  verifyButton: 'Bevestigen',
  codeInvalid:
    'Deze code is niet geldig. Controleer ze en probeer opnieuw, of dien een nieuw verzoek in als ze verlopen is.',
  staffVerification:
    'Voor dit verzoek gaat ons privacyteam uw identiteit na. Het neemt contact met u op via de gegevens die we van u hebben.',
  confirmHeading: 'Bevestig alstublieft',
  confirmErasure:
    'We wissen uw persoonsgegevens, behalve wat de wet ons verplicht te bewaren, {grace} nadat u bevestigt: op {date} als u nu bevestigt. Tot dan kunt u annuleren, hier of met de link die we u mailen.',
  confirmErasureNow:
    'We wissen uw persoonsgegevens, behalve wat de wet ons verplicht te bewaren, zodra u bevestigt. Annuleren kan daarna niet meer.',
  confirmOther: 'Bevestig dat we dit verzoek moeten behandelen.',
  confirmButton: 'Ja, ga verder',
  scheduled: 'Uw gegevens worden gewist op {date}. Tot dan kunt u annuleren.',
  cancelButton: 'Mijn verzoek annuleren',
  cancelHint: 'Annuleren sluit het verzoek af; er wordt niets gewijzigd.',
  inProgress: 'We behandelen uw verzoek.',
  awaitingApproval: 'Een lid van ons privacyteam kijkt uw verzoek na.',
  completed: {
    access: 'Uw gegevens staan klaar. We hebben u een e-mail gestuurd met een downloadlink.',
    portability: 'Uw gegevens staan klaar. We hebben u een e-mail gestuurd met een downloadlink.',
    rectification: 'Uw gegevens zijn verbeterd.',
    erasure: 'Uw gegevens zijn gewist.',
    restriction: 'We gebruiken uw gegevens niet meer; we bewaren ze alleen.',
    objection: 'We hebben de verwerking waartegen u bezwaar maakte gestopt.',
    withdrawal: 'Uw toestemming is ingetrokken.',
  },
  restrictionMarked:
    'De beperking is vastgelegd in die van onze systemen die haar kunnen vastleggen: daar worden uw gegevens bewaard en niet anders gebruikt.',
  restrictionByHand:
    'Een deel van uw gegevens staat in een systeem dat de beperking zelf niet kan vastleggen. Die gegevens beschermen we tegen verwijdering, en ons privacyteam heeft de taak gekregen het gebruik ervan daar met de hand te stoppen.',
  restrictionTask:
    'Met de hand beperken: opslag {store}, tabel {table} (geen beperkingskolom; Charter houdt deze rijen intussen buiten de bewaartermijnen)',
  refused: 'We hebben uw verzoek zonder gevolg afgesloten. Reden: {reason}',
  withdrawn: 'Dit verzoek is geannuleerd. Er is niets gewijzigd.',
  extended: 'We hebben meer tijd nodig voor dit verzoek, om deze reden: {reason}. We antwoorden uiterlijk op {date}.',
  notVerifiable:
    'We konden niet nagaan dat u de persoon bent over wie de gegevens gaan, dus konden we niet op dit verzoek ingaan (AVG art. 11, lid 2, en 12, lid 2). U kunt een nieuw verzoek indienen of ons informatie sturen waarmee we u kunnen identificeren.',
  refusalReasons: {
    unfounded: 'het verzoek is kennelijk ongegrond (art. 12, lid 5).',
    excessive: 'het verzoek is buitensporig, met name door het repetitieve karakter (art. 12, lid 5).',
    'not-verifiable': 'we konden uw identiteit niet nagaan (art. 11, lid 2, en 12, lid 2).',
    'compelling-grounds':
      'we hebben dwingende gerechtvaardigde gronden voor de verwerking die zwaarder wegen dan uw belangen, of hebben ze nodig voor een rechtsvordering (art. 21, lid 1).',
    other: 'zie de toelichting hieronder.',
  },
  resultErased: 'Gewist',
  resultKept: 'Bewaard, omdat de wet het vereist',
  resultKeptForOthers: 'Gedeeltelijk bewaard, omdat het ook andere personen betreft',
  keptReferenced:
    'het gegeven van een andere persoon verwijst ernaar, dus het blijft bestaan, met uw gegevens erin gewist',
  keptShared: 'het wordt gedeeld met een andere persoon, dus alleen uw gegevens erin zijn gewist',
  resultNotified: 'Ontvangers die we op de hoogte brachten (art. 19)',
  resultWillNotify: 'Ontvangers die we op de hoogte zullen brengen (art. 19)',
  resultLine: '{categories}, voor {purpose}: {count}',
  resultYourData: 'uw persoonsgegevens',
  records: ['record', 'records'],
  notFoundTitle: 'Niet beschikbaar',
  notFound: 'Deze pagina bestaat niet of is niet meer beschikbaar.',
  tooMany: 'Te veel pogingen. Probeer het later opnieuw.',
  fixFields: 'Controleer de velden die hieronder zijn aangeduid.',
  fieldRequired: 'Vul dit in.',
  fieldEmail: 'Geef een e-mailadres zoals naam@voorbeeld.be.',
  fieldChoose: 'Kies een van de mogelijkheden.',
  backToCenter: 'Terug naar het privacycentrum',
  consentsHeading: 'Uw toestemmingen',
  consentsIntro:
    'Toestemmingen die u met uw e-mailadres gaf. U kunt elk ervan altijd intrekken; wat eerder gebeurde, blijft rechtmatig.',
  consentGivenSince: 'gegeven sinds {date}',
  consentWithdrawnSince: 'ingetrokken sinds {date}',
  withdrawConsentButton: 'Deze toestemming intrekken',
  consentWithdrawnNotice: 'Uw toestemming is ingetrokken.',
  linkTitle: 'Bevestigen',
  linkVerify: 'Bevestig dat u verzoek {ref} hebt ingediend en dat deze mailbox van u is.',
  linkVerifyButton: 'Ja, dat was ik',
  linkCancel: 'Wilt u verzoek {ref} annuleren? Er wordt dan niets gewist.',
  linkCancelButton: 'Het verzoek annuleren',
  linkInvalid: 'Deze link is niet meer geldig. Links werken één keer en verlopen.',
  linkVerifyHere:
    'U gaat verder in deze browser. De browser waarin het verzoek werd ingediend, krijgt door deze bevestiging geen toegang.',
  linkUsed:
    'Deze link werd al gebruikt: links en codes uit onze mails werken één keer. Ga verder in de browser waarin hij werd gebruikt; nieuws over het verzoek gaat naar de mailbox waarnaar hij werd gestuurd.',
  linkExpired: 'Deze link is verlopen. Wilt u dit nog, dien dan een nieuw verzoek in of neem contact met ons op.',
  linkClosed:
    'Deze link werkt niet meer: het verzoek is intussen verder behandeld of afgesloten, of de code werd geblokkeerd na te veel foute pogingen.',
  provenElsewhere:
    'Dit verzoek werd bevestigd met de code of de link uit onze mail, in een andere browser. Om de betrokkene te beschermen, zijn de voortgang en verdere stappen alleen in die browser te zien; nieuws erover gaat naar de bekende mailbox.',
  proofNeeded: 'Voor deze stap is de code of de link uit onze mail nodig, gebruikt in deze browser.',
  foreignForm:
    'Dit formulier werd vanaf een andere website verstuurd en niet aanvaard. Gebruik het formulier op onze eigen pagina.',
  downloadTitle: 'Uw gegevens downloaden',
  downloadIntro:
    'Om uw gegevens te beschermen, sturen we een nieuwe eenmalige code naar het adres waarnaar deze link werd gestuurd. Daarna kunt u uw gegevens één keer downloaden.',
  sendCodeButton: 'Stuur me een code',
  downloadCodeSent: 'We hebben u een code gestuurd. Vul ze in om uw gegevens te downloaden. Ze is 30 minuten geldig.',
  downloadButton: 'Mijn gegevens downloaden',
  downloadHere:
    'Deze browser gebruikte de link of code uit onze e-mail: u kunt uw gegevens hier downloaden, eenmaal, tot {date}. De link in onze e-mail werkt ook.',
  mailGreeting: 'Beste,',
  mailSignature: 'Het privacyteam van {org}',
  mailNotYou: 'Hebt u dit verzoek niet ingediend? Negeer dan deze e-mail: zonder de code gebeurt er niets.',
  codeSubject: 'Uw code voor uw privacyverzoek {ref}',
  codeBody:
    'We ontvingen een verzoek aan {org}: {type} (referentie {ref}).\n\nUw eenmalige code: {code}\n\nOf bevestig met deze link: {link}\n\nDe code en de link zijn 30 minuten geldig.',
  scheduledSubject: 'Uw gegevens worden gewist op {date}',
  scheduledBody:
    'U bevestigde uw verzoek {ref} om uw gegevens te wissen. We wissen ze op {date}.\n\nBedacht? Annuleer voordien met deze link: {link}',
  packageSubject: 'Uw gegevens bij {org} staan klaar',
  packageBody:
    'De kopie van uw gegevens (verzoek {ref}) staat klaar: {link}\n\nDe link werkt één keer en verloopt op {date}. Om uw gegevens te beschermen vragen we een nieuwe eenmalige code, die we naar dit adres sturen.',
  downloadCodeSubject: 'Uw downloadcode',
  downloadCodeBody: 'Uw eenmalige code om uw gegevens te downloaden: {code}\n\nZe is 30 minuten geldig.',
  recipientNoticeSubject: '{org}: een verzoek van een betrokkene om door te geven ({ref}, art. 19 AVG)',
  recipientNoticeBody:
    'Op verzoek van een persoon hebben we diens persoonsgegevens {done} (referentie {ref}). We deelden persoonsgegevens van deze persoon met {recipient}; artikel 19 AVG vraagt ons u daarvan op de hoogte te brengen. Gelieve {action}.\n\nDeze mail bevat bewust geen persoonsgegevens. Om te weten om wie het gaat, antwoordt u aan {contact} met vermelding van referentie {ref}; we antwoorden via een beveiligd kanaal. Bevestig ons op hetzelfde adres wanneer het gebeurd is.',
  recipientActions: {
    erasure: 'de persoonsgegevens van deze persoon die u van ons ontving te wissen',
    rectification:
      'de persoonsgegevens van deze persoon die u van ons ontving te verbeteren (we sturen de verbetering mee met de identiteit)',
    restriction:
      'de verwerking van de persoonsgegevens van deze persoon die u van ons ontving te beperken (bewaren, maar niet anders gebruiken)',
  },
  recipientDone: { erasure: 'gewist', rectification: 'verbeterd', restriction: 'in verwerking beperkt' },
  completedSubject: 'Uw verzoek {ref} is afgehandeld',
  refusedSubject: 'Uw verzoek {ref}',
  restrictionLiftedBody:
    'We heffen de beperking van uw gegevens onder verzoek {ref} op, om deze reden: {reason}. Vanaf nu mogen we uw gegevens weer gebruiken zoals onze privacyverklaring beschrijft.',
  refusedBody: 'We hebben uw verzoek {ref} zonder gevolg afgesloten. Reden: {reason}',
  notVerifiableSubject: 'Uw verzoek {ref} kon niet worden geverifieerd',
  notVerifiableBody:
    'We ontvingen uw verzoek {ref}, maar konden niet nagaan dat u de persoon bent over wie de gegevens gaan (AVG art. 11, lid 2, en 12, lid 2). Daarom zijn we er niet op ingegaan. U kunt een nieuw verzoek indienen of antwoorden met informatie waarmee we u kunnen identificeren.',
  extensionSubject: 'Uw verzoek {ref}: we hebben meer tijd nodig',
  extensionBody:
    'We hebben meer tijd nodig om uw verzoek {ref} te behandelen (AVG art. 12, lid 3), om deze reden: {reason}\n\nWe antwoorden uiterlijk op {date}.',
  withdrawnSubject: 'Uw verzoek {ref} is geannuleerd',
  withdrawnBody: 'Uw verzoek {ref} is geannuleerd. Er is niets gewijzigd.',
  remedies:
    'U kunt een klacht indienen bij de toezichthoudende autoriteit, {authority} ({url}), en naar de rechter stappen (art. 12, lid 4, 77 en 79).',
  reportTitle: 'Uw persoonsgegevens bij {org}',
  reportIntro:
    'Dit is een kopie van de persoonsgegevens die {org} over u heeft, als antwoord op uw verzoek {ref} (AVG art. 15). Het bestand {json} en de CSV-bestanden in dit pakket bevatten dezelfde gegevens in machineleesbare vorm.',
  reportGenerated: 'Opgesteld op {date}.',
  reportDataHeading: 'De gegevens die we hebben',
  reportNoData: 'We hebben geen persoonsgegevens over u in onze systemen.',
  reportStore: 'Systeem',
  reportRows: '{count} record(s)',
  reportColumn: 'Veld',
  reportCategory: 'Soort gegevens',
  reportValue: 'Waarde',
  reportRestricted: 'beperkt (art. 18): alleen bewaard',
  reportShared: 'gedeeld met een andere persoon: diens gegevens erin zijn weggelaten (art. 15, lid 4)',
  reportPurposesHeading: 'Waarom we ze gebruiken',
  reportPurposesIntro:
    'Per doel: de rechtsgrond, wie de gegevens krijgt, hoe lang we ze bewaren en waar ze vandaan komen.',
  reportLegalBasis: 'Rechtsgrond',
  reportLegitimateInterest: 'Ons gerechtvaardigd belang',
  reportRecipients: 'Ontvangers',
  reportNoRecipients: 'Niemand buiten onze organisatie.',
  reportRetention: 'Hoe lang we ze bewaren',
  reportSource: 'Bron',
  reportSourceSubject: 'U gaf ze ons.',
  reportSourceOther: 'Niet van u: {source}',
  reportAutomated: 'Geautomatiseerde besluiten',
  reportNoAutomated: 'Geen: er wordt geen besluit over u genomen uitsluitend op basis van geautomatiseerde verwerking.',
  reportRetentionCriteria: 'Geen vaste termijn; die hangt af van deze criteria: {criteria}',
  reportRetentionNotDecided: 'Nog niet bepaald',
  reportTransfer: 'buiten de EER, op grond van: {mechanism}',
  reportConsentsHeading: 'Uw toestemmingen',
  reportNoConsents: 'We hebben geen toestemmingen geregistreerd die met uw e-mailadres werden gegeven.',
  reportConsentPurpose: 'Doel',
  reportConsentState: 'Keuze',
  reportConsentGiven: 'gegeven',
  reportConsentWithdrawn: 'ingetrokken',
  reportConsentAt: 'Wanneer',
  reportRightsHeading: 'Uw rechten',
  reportFilesHeading: 'Bestanden in dit pakket',
  reportFilesText:
    'report.html (deze pagina), data.json (alle gegevens), een CSV-bestand per tabel, consents.json (uw toestemmingen).',
  legalBases: {
    consent: 'uw toestemming (art. 6, lid 1, a)',
    contract: 'een overeenkomst met u, of stappen daarvoor (art. 6, lid 1, b)',
    'legal-obligation': 'een wettelijke verplichting (art. 6, lid 1, c)',
    'vital-interests': 'vitale belangen (art. 6, lid 1, d)',
    'public-task': 'een taak van algemeen belang (art. 6, lid 1, e)',
    'legitimate-interests': 'ons gerechtvaardigd belang (art. 6, lid 1, f)',
  },
  anchors: {
    collection: 'vanaf de verzameling',
    'end-of-contract': 'na het einde van de overeenkomst',
    'last-contact': 'na het laatste contact',
    receipt: 'vanaf de ontvangst',
    'end-of-legal-period': 'na het einde van de wettelijke termijn',
    'consent-withdrawn': 'na het intrekken van de toestemming',
    event: 'na de gebeurtenis',
  },
  units: {
    year: ['jaar', 'jaar'],
    month: ['maand', 'maanden'],
    week: ['week', 'weken'],
    day: ['dag', 'dagen'],
    and: 'en',
  },
  officerReminderSubject: 'Verzoek {ref} vervalt over {days} dagen',
  officerReminderBody:
    'Verzoek van een betrokkene {ref} ({type}, {state}) moet uiterlijk op {date} beantwoord zijn. Open het in de console: {link}',
  officerOverdueSubject: 'Verzoek {ref} is te laat',
  officerApprovalSubject: 'Verzoek {ref} wacht op uw goedkeuring',
  officerApprovalBody:
    'Verzoek van een betrokkene {ref} ({type}) is geverifieerd en wacht op goedkeuring voor het wordt uitgevoerd. Bekijk het plan in de console: {link}',
  officerFailureSubject: 'Verzoek {ref} kon niet worden uitgevoerd',
  officerFailureBody:
    'Het uitvoeren van verzoek {ref} ({type}) mislukte {attempts} keer; Charter blijft het proberen. Laatste fout: {error}. Console: {link}',
  officerReceivedSubject: 'Nieuw verzoek {ref} ({type})',
  officerReceivedBody:
    'Verzoek van een betrokkene {ref} ({type}) is ontvangen. Het moet uiterlijk op {date} beantwoord zijn. Open het in de console: {link}',
  officerVerifiedSubject: 'Verzoek {ref} ({type}) is geverifieerd',
  officerVerifiedBody:
    'Verzoek van een betrokkene {ref} ({type}) is geverifieerd: de verzoeker toonde aan dat hij over het gekende contactadres beschikt. Het moet uiterlijk op {date} beantwoord zijn. Open het in de console: {link}',
};

const fr: RightsTexts = {
  skip: 'Aller au contenu',
  language: 'Langue',
  centerTitle: 'Centre de confidentialité',
  centerIntro:
    'Découvrez comment {org} traite vos données personnelles, modifiez vos choix de consentement et exercez vos droits prévus par le RGPD.',
  noticeLink: 'Déclaration de confidentialité',
  cookiesLink: 'Politique en matière de cookies',
  consentHeading: 'Vos choix de consentement',
  consentIntro: 'Vous pouvez modifier à tout moment les choix faits dans le bandeau cookies.',
  consentButton: 'Modifier mes choix de cookies',
  purposeConsentsIntro:
    'Les consentements donnés avec votre adresse e-mail (par exemple pour une lettre d’information) s’affichent une fois que nous avons vérifié qu’il s’agit bien de vous : choisissez « Retirer un consentement » ci-dessous, ou toute autre demande.',
  requestHeading: 'Faire une demande',
  requestIntro: 'Dites-nous ce que vous souhaitez. C’est gratuit, et nous répondons dans un délai d’un mois.',
  typeLegend: 'Que souhaitez-vous ?',
  types: {
    access: 'Voir mes données (accès)',
    portability: 'Recevoir mes données dans un format réutilisable (portabilité)',
    rectification: 'Corriger mes données (rectification)',
    erasure: 'Effacer mes données (effacement)',
    restriction: 'Suspendre l’utilisation de mes données (limitation)',
    objection: 'M’opposer à une utilisation de mes données (opposition)',
    withdrawal: 'Retirer un consentement',
  },
  typeHints: {
    access:
      'Vous recevez une copie des données que nous détenons sur vous, avec la raison de leur utilisation, leurs destinataires et leur durée de conservation.',
    portability:
      'Vous recevez les données que vous nous avez fournies en fichiers JSON et CSV, à emporter vers un autre service.',
    rectification: 'Indiquez-nous quelles données sont inexactes et ce qu’elles devraient être.',
    erasure:
      'Nous effaçons vos données, sauf celles que la loi nous oblige à conserver. Vous pouvez annuler pendant un délai d’attente.',
    restriction: 'Nous conservons vos données mais ne les utilisons pas tant que le motif ci-dessous s’applique.',
    objection:
      'Nous arrêtons immédiatement la prospection. Pour les autres utilisations, nous mettons vos raisons en balance avec les nôtres.',
    withdrawal: 'Nous arrêtons le traitement auquel vous aviez consenti. Ce qui a été fait auparavant reste licite.',
  },
  identityLegend: 'Qui êtes-vous ?',
  identityTypeLabel: 'Je m’identifie avec mon',
  identityTypes: {
    email: 'adresse e-mail',
    phone: 'numéro de téléphone',
    'customer-number': 'numéro de client',
    'account-id': 'identifiant de compte',
  },
  identityValueLabel: 'Votre adresse e-mail, numéro de téléphone, numéro de client ou identifiant de compte',
  identityHint:
    'Nous envoyons un code à usage unique aux coordonnées que nous détenons déjà — jamais à une adresse saisie ici — pour que personne d’autre ne puisse obtenir vos données.',
  contactLabel: 'Adresse e-mail où vous poser des questions (facultatif)',
  contactHint:
    'Uniquement pour des questions sur votre demande. Les codes et vos données ne sont envoyés qu’aux coordonnées que nous détenons.',
  detailsLegend: 'Détails de votre demande',
  rectificationCategoryLabel: 'Quelles données sont inexactes ?',
  rectificationCategoryAny: 'Autre (décrivez ci-dessous)',
  rectificationDesiredLabel: 'Que devraient-elles être ?',
  restrictionGroundLabel: 'Pourquoi devons-nous suspendre l’utilisation de vos données ? (art. 18)',
  restrictionGrounds: {
    'accuracy-contested': 'Je conteste l’exactitude de mes données, pendant que vous la vérifiez',
    'unlawful-processing': 'Le traitement est illicite, mais je ne veux pas que mes données soient effacées',
    'legal-claims': 'Vous n’avez plus besoin de mes données, mais elles me sont nécessaires pour une action en justice',
    'objection-pending': 'Je me suis opposé(e), pendant que vous mettez vos motifs en balance avec les miens',
  },
  objectionKindLabel: 'À quoi vous opposez-vous ?',
  objectionDirectMarketing: 'La prospection (lettres d’information, offres, publicité)',
  objectionLegitimateInterest: 'Une autre utilisation fondée sur notre intérêt légitime',
  objectionPurposeLabel: 'Quelle utilisation ?',
  objectionExplanationLabel: 'Vos raisons, tenant à votre situation particulière',
  withdrawalPurposeLabel: 'Quel consentement retirez-vous ?',
  messageLabel: 'Autre chose à nous dire ? (facultatif)',
  submit: 'Envoyer ma demande',
  rightsHeading: 'Vos droits',
  rightsList: [
    'Accès : savoir si nous traitons vos données et en recevoir une copie (art. 15).',
    'Rectification des données inexactes (art. 16).',
    'Effacement, lorsqu’il n’y a plus de raison de conserver vos données (art. 17).',
    'Limitation du traitement dans les cas de l’art. 18.',
    'Portabilité des données que vous nous avez fournies (art. 20).',
    'Opposition au traitement fondé sur notre intérêt légitime, et à tout moment à la prospection (art. 21).',
    'Retrait d’un consentement à tout moment, sans remettre en cause ce qui a été fait auparavant (art. 7, par. 3).',
  ],
  complaint: 'Vous pouvez aussi introduire une réclamation auprès de l’autorité de contrôle : {authority} ({url}).',
  contactHeading: 'Contact',
  dpoLabel: 'Délégué à la protection des données',
  otherChannels: 'Vous pouvez aussi faire une demande par e-mail à {email} ou par courrier.',
  statusTitle: 'Votre demande',
  reference: 'Référence',
  typeLabel: 'Demande',
  stateLabel: 'État',
  receivedLabel: 'Reçue le',
  dueLabel: 'Nous répondons au plus tard le',
  states: {
    received: 'Reçue',
    'awaiting-verification': 'En attente de votre confirmation',
    verified: 'Confirmée',
    'in-progress': 'En cours de traitement',
    'awaiting-approval': 'En cours de vérification par notre équipe vie privée',
    completed: 'Traitée',
    refused: 'Clôturée sans suite',
    withdrawn: 'Retirée',
  },
  codeSent:
    'Si nous détenons des données liées à ce {identity}, nous avons envoyé un code à usage unique aux coordonnées que nous avons pour lui. Saisissez le code ci-dessous. Il est valable 30 minutes.',
  codeHelp:
    'Pas de code ? Vérifiez vos courriers indésirables. Si nous ne détenons pas de données sur vous, aucun code n’est envoyé ; votre demande est alors clôturée à l’échéance.',
  codeLabel: 'Code à usage unique (8 chiffres)',
  verifyButton: 'Confirmer',
  codeInvalid: 'Ce code n’est pas valide. Vérifiez-le et réessayez, ou faites une nouvelle demande s’il a expiré.',
  staffVerification:
    'Pour cette demande, notre équipe vie privée vérifie votre identité. Elle vous contactera par les coordonnées que nous détenons.',
  confirmHeading: 'Veuillez confirmer',
  confirmErasure:
    'Nous effacerons vos données personnelles, sauf celles que la loi nous oblige à conserver, {grace} après votre confirmation : le {date} si vous confirmez maintenant. D’ici là, vous pouvez annuler, ici ou avec le lien que nous vous envoyons.',
  confirmErasureNow:
    'Nous effacerons vos données personnelles, sauf celles que la loi nous oblige à conserver, dès votre confirmation. Il ne sera plus possible d’annuler ensuite.',
  confirmOther: 'Veuillez confirmer que vous souhaitez que nous traitions cette demande.',
  confirmButton: 'Oui, continuer',
  scheduled: 'Vos données seront effacées le {date}. D’ici là, vous pouvez annuler.',
  cancelButton: 'Annuler ma demande',
  cancelHint: 'Annuler clôture la demande ; rien n’est modifié.',
  inProgress: 'Nous traitons votre demande.',
  awaitingApproval: 'Un membre de notre équipe vie privée vérifie votre demande.',
  completed: {
    access: 'Vos données sont prêtes. Nous vous avons envoyé un e-mail avec un lien de téléchargement.',
    portability: 'Vos données sont prêtes. Nous vous avons envoyé un e-mail avec un lien de téléchargement.',
    rectification: 'Vos données ont été corrigées.',
    erasure: 'Vos données ont été effacées.',
    restriction: 'Nous n’utilisons plus vos données ; nous les conservons seulement.',
    objection: 'Nous avons arrêté le traitement auquel vous vous êtes opposé(e).',
    withdrawal: 'Votre consentement a été retiré.',
  },
  restrictionMarked:
    'La limitation est enregistrée dans ceux de nos systèmes qui peuvent l’enregistrer : vos données y sont conservées et ne sont pas utilisées autrement.',
  restrictionByHand:
    'Une partie de vos données se trouve dans un système qui ne peut pas enregistrer la limitation lui-même. Nous protégeons ces données contre l’effacement, et notre équipe chargée de la protection des données a reçu la tâche d’en arrêter l’utilisation manuellement.',
  restrictionTask:
    'Limiter manuellement : stockage {store}, table {table} (pas de colonne de limitation ; Charter soustrait entre-temps ces lignes à la conservation)',
  refused: 'Nous avons clôturé votre demande sans suite. Motif : {reason}',
  withdrawn: 'Cette demande a été annulée. Rien n’a été modifié.',
  extended:
    'Nous avons besoin de plus de temps pour cette demande, pour la raison suivante : {reason}. Nous répondrons au plus tard le {date}.',
  notVerifiable:
    'Nous n’avons pas pu vérifier que vous êtes la personne concernée par les données ; nous n’avons donc pas pu donner suite à cette demande (RGPD art. 11, par. 2, et 12, par. 2). Vous pouvez faire une nouvelle demande ou nous envoyer des informations permettant de vous identifier.',
  refusalReasons: {
    unfounded: 'la demande est manifestement infondée (art. 12, par. 5).',
    excessive:
      'la demande est manifestement excessive, notamment en raison de son caractère répétitif (art. 12, par. 5).',
    'not-verifiable': 'nous n’avons pas pu vérifier votre identité (art. 11, par. 2, et 12, par. 2).',
    'compelling-grounds':
      'nous avons des motifs légitimes et impérieux pour le traitement qui prévalent sur vos intérêts, ou il est nécessaire à une action en justice (art. 21, par. 1).',
    other: 'voir l’explication ci-dessous.',
  },
  resultErased: 'Effacé',
  resultKept: 'Conservé, parce que la loi l’exige',
  resultKeptForOthers: 'Conservé en partie, parce que cela concerne aussi d’autres personnes',
  keptReferenced: 'une donnée d’une autre personne y fait référence : elle reste, avec vos données effacées',
  keptShared: 'elle est partagée avec une autre personne : seules vos données y ont été effacées',
  resultNotified: 'Destinataires que nous avons informés (art. 19)',
  resultWillNotify: 'Destinataires que nous informerons (art. 19)',
  resultLine: '{categories}, pour {purpose} : {count}',
  resultYourData: 'vos données personnelles',
  records: ['enregistrement', 'enregistrements'],
  notFoundTitle: 'Indisponible',
  notFound: 'Cette page n’existe pas ou n’est plus disponible.',
  tooMany: 'Trop de tentatives. Veuillez réessayer plus tard.',
  fixFields: 'Veuillez vérifier les champs signalés ci-dessous.',
  fieldRequired: 'Veuillez compléter ce champ.',
  fieldEmail: 'Veuillez indiquer une adresse e-mail comme nom@exemple.be.',
  fieldChoose: 'Veuillez choisir une des options.',
  backToCenter: 'Retour au centre de confidentialité',
  consentsHeading: 'Vos consentements',
  consentsIntro:
    'Les consentements donnés avec votre adresse e-mail. Vous pouvez retirer chacun à tout moment ; ce qui a été fait auparavant reste licite.',
  consentGivenSince: 'donné depuis le {date}',
  consentWithdrawnSince: 'retiré depuis le {date}',
  withdrawConsentButton: 'Retirer ce consentement',
  consentWithdrawnNotice: 'Votre consentement a été retiré.',
  linkTitle: 'Confirmer',
  linkVerify: 'Confirmez que vous avez fait la demande {ref} et que cette boîte e-mail est la vôtre.',
  linkVerifyButton: 'Oui, c’était moi',
  linkCancel: 'Voulez-vous annuler la demande {ref} ? Rien ne sera effacé.',
  linkCancelButton: 'Annuler la demande',
  linkInvalid: 'Ce lien n’est plus valide. Les liens ne fonctionnent qu’une fois et expirent.',
  linkVerifyHere:
    'Vous continuez dans ce navigateur. Le navigateur dans lequel la demande a été faite n’obtient aucun accès par cette confirmation.',
  linkUsed:
    'Ce lien a déjà été utilisé : les liens et codes de nos e-mails ne fonctionnent qu’une fois. Continuez dans le navigateur où il a été utilisé ; les nouvelles de la demande sont envoyées à la boîte e-mail qui l’a reçu.',
  linkExpired: 'Ce lien a expiré. Si vous le souhaitez toujours, faites une nouvelle demande ou contactez-nous.',
  linkClosed:
    'Ce lien ne fonctionne plus : sa demande a avancé ou est clôturée, ou son code a été bloqué après trop d’essais erronés.',
  provenElsewhere:
    'Cette demande a été confirmée avec le code ou le lien de notre e-mail, dans un autre navigateur. Pour protéger la personne concernée, son avancement et les étapes suivantes ne sont affichés que dans ce navigateur ; les nouvelles sont envoyées à la boîte e-mail connue.',
  proofNeeded: 'Cette étape demande le code ou le lien de notre e-mail, utilisé dans ce navigateur.',
  foreignForm:
    'Ce formulaire a été envoyé depuis un autre site web et n’a pas été accepté. Veuillez utiliser le formulaire de notre propre page.',
  downloadTitle: 'Télécharger vos données',
  downloadIntro:
    'Pour protéger vos données, nous envoyons un nouveau code à usage unique à l’adresse à laquelle ce lien a été envoyé. Vous pourrez ensuite télécharger vos données, une seule fois.',
  sendCodeButton: 'M’envoyer un code',
  downloadCodeSent:
    'Nous vous avons envoyé un code. Saisissez-le pour télécharger vos données. Il est valable 30 minutes.',
  downloadButton: 'Télécharger mes données',
  downloadHere:
    'Ce navigateur a utilisé le lien ou le code de notre e-mail : vous pouvez télécharger vos données ici, une seule fois, jusqu’au {date}. Le lien de notre e-mail fonctionne aussi.',
  mailGreeting: 'Bonjour,',
  mailSignature: 'L’équipe vie privée de {org}',
  mailNotYou: 'Si vous n’avez pas fait cette demande, ignorez cet e-mail : rien ne se passe sans le code.',
  codeSubject: 'Votre code pour votre demande {ref}',
  codeBody:
    'Nous avons reçu une demande adressée à {org} : {type} (référence {ref}).\n\nVotre code à usage unique : {code}\n\nOu confirmez avec ce lien : {link}\n\nLe code et le lien sont valables 30 minutes.',
  scheduledSubject: 'Vos données seront effacées le {date}',
  scheduledBody:
    'Vous avez confirmé votre demande {ref} d’effacement de vos données. Nous les effacerons le {date}.\n\nVous avez changé d’avis ? Annulez avant cette date avec ce lien : {link}',
  packageSubject: 'Vos données chez {org} sont prêtes',
  packageBody:
    'La copie de vos données (demande {ref}) est prête : {link}\n\nLe lien ne fonctionne qu’une fois et expire le {date}. Pour protéger vos données, nous vous demanderons un nouveau code à usage unique, envoyé à cette adresse.',
  downloadCodeSubject: 'Votre code de téléchargement',
  downloadCodeBody: 'Votre code à usage unique pour télécharger vos données : {code}\n\nIl est valable 30 minutes.',
  recipientNoticeSubject: '{org} : une demande d’une personne concernée à répercuter ({ref}, art. 19 RGPD)',
  recipientNoticeBody:
    'À la demande d’une personne, nous avons {done} ses données personnelles (référence {ref}). Nous avons communiqué des données personnelles de cette personne à {recipient} ; l’article 19 du RGPD nous demande de vous en informer. Merci de {action}.\n\nCe courriel ne contient volontairement aucune donnée personnelle. Pour savoir de qui il s’agit, répondez à {contact} en citant la référence {ref} ; nous répondrons par un canal sécurisé. Merci de nous confirmer à la même adresse une fois que c’est fait.',
  recipientActions: {
    erasure: 'effacer les données personnelles de cette personne que vous avez reçues de nous',
    rectification:
      'rectifier les données personnelles de cette personne que vous avez reçues de nous (nous envoyons la rectification avec l’identité)',
    restriction:
      'limiter le traitement des données personnelles de cette personne que vous avez reçues de nous (les conserver sans les utiliser autrement)',
  },
  recipientDone: { erasure: 'effacé', rectification: 'rectifié', restriction: 'limité le traitement de' },
  completedSubject: 'Votre demande {ref} est traitée',
  refusedSubject: 'Votre demande {ref}',
  restrictionLiftedBody:
    'Nous levons la limitation de vos données au titre de la demande {ref}, pour ce motif : {reason}. Désormais, nous pouvons à nouveau utiliser vos données comme le décrit notre déclaration de confidentialité.',
  refusedBody: 'Nous avons clôturé votre demande {ref} sans suite. Motif : {reason}',
  notVerifiableSubject: 'Votre demande {ref} n’a pas pu être vérifiée',
  notVerifiableBody:
    'Nous avons reçu votre demande {ref} mais n’avons pas pu vérifier que vous êtes la personne concernée par les données (RGPD art. 11, par. 2, et 12, par. 2). Nous n’y avons donc pas donné suite. Vous pouvez faire une nouvelle demande, ou répondre avec des informations permettant de vous identifier.',
  extensionSubject: 'Votre demande {ref} : nous avons besoin de plus de temps',
  extensionBody:
    'Nous avons besoin de plus de temps pour traiter votre demande {ref} (RGPD art. 12, par. 3), pour la raison suivante : {reason}\n\nNous répondrons au plus tard le {date}.',
  withdrawnSubject: 'Votre demande {ref} est annulée',
  withdrawnBody: 'Votre demande {ref} a été annulée. Rien n’a été modifié.',
  remedies:
    'Vous pouvez introduire une réclamation auprès de l’autorité de contrôle, {authority} ({url}), et former un recours juridictionnel (art. 12, par. 4, 77 et 79).',
  reportTitle: 'Vos données personnelles chez {org}',
  reportIntro:
    'Voici une copie des données personnelles que {org} détient sur vous, en réponse à votre demande {ref} (RGPD art. 15). Le fichier {json} et les fichiers CSV de ce paquet contiennent les mêmes données sous une forme lisible par machine.',
  reportGenerated: 'Établi le {date}.',
  reportDataHeading: 'Les données que nous détenons',
  reportNoData: 'Nous ne détenons aucune donnée personnelle vous concernant dans nos systèmes.',
  reportStore: 'Système',
  reportRows: '{count} enregistrement(s)',
  reportColumn: 'Champ',
  reportCategory: 'Type de données',
  reportValue: 'Valeur',
  reportRestricted: 'limité (art. 18) : seulement conservé',
  reportShared: 'partagé avec une autre personne : ses données y sont omises (art. 15, par. 4)',
  reportPurposesHeading: 'Pourquoi nous les utilisons',
  reportPurposesIntro:
    'Pour chaque finalité : la base juridique, les destinataires, la durée de conservation et l’origine des données.',
  reportLegalBasis: 'Base juridique',
  reportLegitimateInterest: 'Notre intérêt légitime',
  reportRecipients: 'Destinataires',
  reportNoRecipients: 'Personne en dehors de notre organisation.',
  reportRetention: 'Durée de conservation',
  reportSource: 'Origine',
  reportSourceSubject: 'Vous nous les avez fournies.',
  reportSourceOther: 'Pas de vous : {source}',
  reportAutomated: 'Décisions automatisées',
  reportNoAutomated:
    'Aucune : aucune décision vous concernant n’est prise sur le seul fondement d’un traitement automatisé.',
  reportRetentionCriteria: 'Pas de durée fixe ; elle dépend des critères suivants : {criteria}',
  reportRetentionNotDecided: 'Pas encore fixée',
  reportTransfer: 'hors de l’EEE, sur la base de : {mechanism}',
  reportConsentsHeading: 'Vos consentements',
  reportNoConsents: 'Nous n’avons enregistré aucun consentement donné avec votre adresse e-mail.',
  reportConsentPurpose: 'Finalité',
  reportConsentState: 'Choix',
  reportConsentGiven: 'donné',
  reportConsentWithdrawn: 'retiré',
  reportConsentAt: 'Quand',
  reportRightsHeading: 'Vos droits',
  reportFilesHeading: 'Fichiers de ce paquet',
  reportFilesText:
    'report.html (cette page), data.json (toutes les données), un fichier CSV par table, consents.json (vos consentements).',
  legalBases: {
    consent: 'votre consentement (art. 6, par. 1, a)',
    contract: 'un contrat avec vous, ou des mesures précontractuelles (art. 6, par. 1, b)',
    'legal-obligation': 'une obligation légale (art. 6, par. 1, c)',
    'vital-interests': 'des intérêts vitaux (art. 6, par. 1, d)',
    'public-task': 'une mission d’intérêt public (art. 6, par. 1, e)',
    'legitimate-interests': 'notre intérêt légitime (art. 6, par. 1, f)',
  },
  anchors: {
    collection: 'à partir de la collecte',
    'end-of-contract': 'après la fin du contrat',
    'last-contact': 'après le dernier contact',
    receipt: 'à partir de la réception',
    'end-of-legal-period': 'après la fin du délai légal',
    'consent-withdrawn': 'après le retrait du consentement',
    event: 'après l’événement',
  },
  units: {
    year: ['an', 'ans'],
    month: ['mois', 'mois'],
    week: ['semaine', 'semaines'],
    day: ['jour', 'jours'],
    and: 'et',
  },
  officerReminderSubject: 'La demande {ref} arrive à échéance dans {days} jours',
  officerReminderBody:
    'La demande de personne concernée {ref} ({type}, {state}) doit recevoir une réponse au plus tard le {date}. Ouvrez-la dans la console : {link}',
  officerOverdueSubject: 'La demande {ref} est en retard',
  officerApprovalSubject: 'La demande {ref} attend votre approbation',
  officerApprovalBody:
    'La demande de personne concernée {ref} ({type}) est vérifiée et attend une approbation avant son exécution. Examinez le plan dans la console : {link}',
  officerFailureSubject: 'La demande {ref} n’a pas pu être exécutée',
  officerFailureBody:
    'L’exécution de la demande {ref} ({type}) a échoué {attempts} fois ; Charter continue d’essayer. Dernière erreur : {error}. Console : {link}',
  officerReceivedSubject: 'Nouvelle demande {ref} ({type})',
  officerReceivedBody:
    'La demande de personne concernée {ref} ({type}) a été reçue. Elle doit recevoir une réponse au plus tard le {date}. Ouvrez-la dans la console : {link}',
  officerVerifiedSubject: 'La demande {ref} ({type}) est vérifiée',
  officerVerifiedBody:
    'La demande de personne concernée {ref} ({type}) est vérifiée : le demandeur a prouvé qu’il dispose du contact enregistré. Elle doit recevoir une réponse au plus tard le {date}. Ouvrez-la dans la console : {link}',
};

const de: RightsTexts = {
  skip: 'Zum Inhalt springen',
  language: 'Sprache',
  centerTitle: 'Datenschutzcenter',
  centerIntro:
    'Erfahren Sie, wie {org} mit Ihren personenbezogenen Daten umgeht, ändern Sie Ihre Einwilligungen und üben Sie Ihre Rechte nach der DSGVO aus.',
  noticeLink: 'Datenschutzerklärung',
  cookiesLink: 'Cookie-Richtlinie',
  consentHeading: 'Ihre Einwilligungen',
  consentIntro: 'Sie können die im Cookie-Banner getroffene Auswahl jederzeit ändern.',
  consentButton: 'Meine Cookie-Auswahl ändern',
  purposeConsentsIntro:
    'Einwilligungen, die Sie mit Ihrer E-Mail-Adresse erteilt haben (zum Beispiel für einen Newsletter), zeigen wir, nachdem wir geprüft haben, dass Sie es sind: Wählen Sie unten „Eine Einwilligung widerrufen“ oder eine andere Anfrage.',
  requestHeading: 'Eine Anfrage stellen',
  requestIntro: 'Sagen Sie uns, was wir tun sollen. Es ist kostenlos, und wir antworten innerhalb eines Monats.',
  typeLegend: 'Was sollen wir tun?',
  types: {
    access: 'Meine Daten einsehen (Auskunft)',
    portability: 'Meine Daten in einem weiterverwendbaren Format erhalten (Datenübertragbarkeit)',
    rectification: 'Meine Daten berichtigen (Berichtigung)',
    erasure: 'Meine Daten löschen (Löschung)',
    restriction: 'Meine Daten vorläufig nicht verwenden (Einschränkung)',
    objection: 'Einer Verwendung meiner Daten widersprechen (Widerspruch)',
    withdrawal: 'Eine Einwilligung widerrufen',
  },
  typeHints: {
    access:
      'Sie erhalten eine Kopie der Daten, die wir über Sie haben, mit dem Zweck, den Empfängern und der Speicherdauer.',
    portability:
      'Sie erhalten die Daten, die Sie uns gegeben haben, als JSON- und CSV-Dateien, um sie zu einem anderen Dienst mitzunehmen.',
    rectification: 'Sagen Sie uns, welche Daten falsch sind und wie sie lauten sollen.',
    erasure:
      'Wir löschen Ihre Daten, außer was wir gesetzlich aufbewahren müssen. Während einer Wartefrist können Sie noch abbrechen.',
    restriction: 'Wir bewahren Ihre Daten auf, verwenden sie aber nicht, solange der unten genannte Grund besteht.',
    objection: 'Direktwerbung stellen wir sofort ein. Bei anderen Verwendungen wägen wir Ihre Gründe gegen unsere ab.',
    withdrawal: 'Wir beenden die Verarbeitung, in die Sie eingewilligt haben. Was vorher geschah, bleibt rechtmäßig.',
  },
  identityLegend: 'Wer sind Sie?',
  identityTypeLabel: 'Ich weise mich aus mit meiner/meinem',
  identityTypes: {
    email: 'E-Mail-Adresse',
    phone: 'Telefonnummer',
    'customer-number': 'Kundennummer',
    'account-id': 'Konto-ID',
  },
  identityValueLabel: 'Ihre E-Mail-Adresse, Telefonnummer, Kundennummer oder Konto-ID',
  identityHint:
    'Wir senden einen Einmalcode an die Kontaktdaten, die wir bereits von Ihnen haben — nie an eine hier eingegebene Adresse —, damit niemand sonst Ihre Daten erhält.',
  contactLabel: 'E-Mail-Adresse für Rückfragen (freiwillig)',
  contactHint:
    'Nur für Rückfragen zu Ihrer Anfrage. Codes und Ihre Daten gehen nur an die Kontaktdaten, die wir von Ihnen haben.',
  detailsLegend: 'Einzelheiten Ihrer Anfrage',
  rectificationCategoryLabel: 'Welche Daten sind falsch?',
  rectificationCategoryAny: 'Andere (unten beschreiben)',
  rectificationDesiredLabel: 'Wie sollen sie lauten?',
  restrictionGroundLabel: 'Warum sollen wir Ihre Daten vorläufig nicht verwenden? (Art. 18)',
  restrictionGrounds: {
    'accuracy-contested': 'Ich bestreite die Richtigkeit meiner Daten, während Sie sie prüfen',
    'unlawful-processing': 'Die Verarbeitung ist unrechtmäßig, aber ich möchte keine Löschung',
    'legal-claims': 'Sie brauchen meine Daten nicht mehr, ich aber für Rechtsansprüche',
    'objection-pending': 'Ich habe widersprochen, während Sie Ihre Gründe gegen meine abwägen',
  },
  objectionKindLabel: 'Wogegen widersprechen Sie?',
  objectionDirectMarketing: 'Direktwerbung (Newsletter, Angebote, Werbung)',
  objectionLegitimateInterest: 'Eine andere Verwendung auf Grundlage unseres berechtigten Interesses',
  objectionPurposeLabel: 'Welche Verwendung?',
  objectionExplanationLabel: 'Ihre Gründe, die sich aus Ihrer besonderen Situation ergeben',
  withdrawalPurposeLabel: 'Welche Einwilligung widerrufen Sie?',
  messageLabel: 'Sollen wir noch etwas wissen? (freiwillig)',
  submit: 'Anfrage senden',
  rightsHeading: 'Ihre Rechte',
  rightsList: [
    'Auskunft: wissen, ob wir Ihre Daten verarbeiten, und eine Kopie erhalten (Art. 15).',
    'Berichtigung unrichtiger Daten (Art. 16).',
    'Löschung, wenn es keinen Grund mehr gibt, Ihre Daten aufzubewahren (Art. 17).',
    'Einschränkung der Verarbeitung in den Fällen des Art. 18.',
    'Übertragbarkeit der Daten, die Sie uns gegeben haben (Art. 20).',
    'Widerspruch gegen Verarbeitungen auf Grundlage unseres berechtigten Interesses und jederzeit gegen Direktwerbung (Art. 21).',
    'Widerruf einer Einwilligung jederzeit, ohne dass dies die bisherige Verarbeitung berührt (Art. 7 Abs. 3).',
  ],
  complaint: 'Sie können sich auch bei der Aufsichtsbehörde beschweren: {authority} ({url}).',
  contactHeading: 'Kontakt',
  dpoLabel: 'Datenschutzbeauftragte(r)',
  otherChannels: 'Sie können eine Anfrage auch per E-Mail an {email} oder per Post stellen.',
  statusTitle: 'Ihre Anfrage',
  reference: 'Referenz',
  typeLabel: 'Anfrage',
  stateLabel: 'Stand',
  receivedLabel: 'Eingegangen am',
  dueLabel: 'Wir antworten spätestens am',
  states: {
    received: 'Eingegangen',
    'awaiting-verification': 'Wartet auf Ihre Bestätigung',
    verified: 'Bestätigt',
    'in-progress': 'In Bearbeitung',
    'awaiting-approval': 'Wird von unserem Datenschutzteam geprüft',
    completed: 'Erledigt',
    refused: 'Ohne Maßnahme abgeschlossen',
    withdrawn: 'Zurückgezogen',
  },
  codeSent:
    'Wenn wir Daten zu dieser Angabe ({identity}) haben, haben wir einen Einmalcode an die dazu gespeicherten Kontaktdaten gesendet. Geben Sie den Code unten ein. Er ist 30 Minuten gültig.',
  codeHelp:
    'Kein Code? Sehen Sie im Spam-Ordner nach. Wenn wir keine Daten über Sie haben, wird kein Code gesendet; Ihre Anfrage wird dann nach Ablauf der Frist geschlossen.',
  codeLabel: 'Einmalcode (8 Ziffern)',
  verifyButton: 'Bestätigen',
  codeInvalid:
    'Dieser Code ist nicht gültig. Prüfen Sie ihn und versuchen Sie es erneut, oder stellen Sie eine neue Anfrage, wenn er abgelaufen ist.',
  staffVerification:
    'Bei dieser Anfrage prüft unser Datenschutzteam Ihre Identität. Es meldet sich über die Kontaktdaten, die wir von Ihnen haben.',
  confirmHeading: 'Bitte bestätigen Sie',
  confirmErasure:
    'Wir löschen Ihre personenbezogenen Daten, außer was wir gesetzlich aufbewahren müssen, {grace} nach Ihrer Bestätigung: am {date}, wenn Sie jetzt bestätigen. Bis dahin können Sie abbrechen, hier oder mit dem Link, den wir Ihnen mailen.',
  confirmErasureNow:
    'Wir löschen Ihre personenbezogenen Daten, außer was wir gesetzlich aufbewahren müssen, sobald Sie bestätigen. Danach ist kein Abbruch mehr möglich.',
  confirmOther: 'Bitte bestätigen Sie, dass wir diese Anfrage bearbeiten sollen.',
  confirmButton: 'Ja, fortfahren',
  scheduled: 'Ihre Daten werden am {date} gelöscht. Bis dahin können Sie abbrechen.',
  cancelButton: 'Meine Anfrage zurückziehen',
  cancelHint: 'Das Zurückziehen schließt die Anfrage; nichts wird geändert.',
  inProgress: 'Wir bearbeiten Ihre Anfrage.',
  awaitingApproval: 'Ein Mitglied unseres Datenschutzteams prüft Ihre Anfrage.',
  completed: {
    access: 'Ihre Daten liegen bereit. Wir haben Ihnen eine E-Mail mit einem Download-Link gesendet.',
    portability: 'Ihre Daten liegen bereit. Wir haben Ihnen eine E-Mail mit einem Download-Link gesendet.',
    rectification: 'Ihre Daten wurden berichtigt.',
    erasure: 'Ihre Daten wurden gelöscht.',
    restriction: 'Wir verwenden Ihre Daten nicht mehr, sondern speichern sie nur.',
    objection: 'Wir haben die Verarbeitung, der Sie widersprochen haben, eingestellt.',
    withdrawal: 'Ihre Einwilligung wurde widerrufen.',
  },
  restrictionMarked:
    'Die Einschränkung ist in denjenigen unserer Systeme vermerkt, die sie vermerken können: Dort werden Ihre Daten aufbewahrt und nicht anders verwendet.',
  restrictionByHand:
    'Ein Teil Ihrer Daten liegt in einem System, das die Einschränkung nicht selbst vermerken kann. Diese Daten schützen wir vor dem Löschen, und unser Datenschutzteam hat die Aufgabe erhalten, ihre Verwendung dort von Hand zu beenden.',
  restrictionTask:
    'Von Hand einschränken: Speicher {store}, Tabelle {table} (keine Einschränkungsspalte; Charter nimmt diese Zeilen bis dahin von der Aufbewahrungslöschung aus)',
  refused: 'Wir haben Ihre Anfrage ohne Maßnahme abgeschlossen. Grund: {reason}',
  withdrawn: 'Diese Anfrage wurde zurückgezogen. Nichts wurde geändert.',
  extended:
    'Wir brauchen mehr Zeit für diese Anfrage, aus folgendem Grund: {reason}. Wir antworten spätestens am {date}.',
  notVerifiable:
    'Wir konnten nicht prüfen, dass Sie die Person sind, um deren Daten es geht, und konnten daher nicht tätig werden (DSGVO Art. 11 Abs. 2 und 12 Abs. 2). Sie können eine neue Anfrage stellen oder uns Angaben senden, mit denen wir Sie identifizieren können.',
  refusalReasons: {
    unfounded: 'die Anfrage ist offenkundig unbegründet (Art. 12 Abs. 5).',
    excessive: 'die Anfrage ist exzessiv, insbesondere wegen häufiger Wiederholung (Art. 12 Abs. 5).',
    'not-verifiable': 'wir konnten Ihre Identität nicht prüfen (Art. 11 Abs. 2 und 12 Abs. 2).',
    'compelling-grounds':
      'wir haben zwingende schutzwürdige Gründe für die Verarbeitung, die Ihre Interessen überwiegen, oder brauchen sie für Rechtsansprüche (Art. 21 Abs. 1).',
    other: 'siehe die Erläuterung unten.',
  },
  resultErased: 'Gelöscht',
  resultKept: 'Aufbewahrt, weil das Gesetz es verlangt',
  resultKeptForOthers: 'Teilweise aufbewahrt, weil es auch andere Personen betrifft',
  keptReferenced:
    'ein Datensatz einer anderen Person verweist darauf, daher bleibt er bestehen, Ihre Angaben darin gelöscht',
  keptShared: 'er wird mit einer anderen Person geteilt, daher wurden nur Ihre Angaben darin gelöscht',
  resultNotified: 'Empfänger, die wir informiert haben (Art. 19)',
  resultWillNotify: 'Empfänger, die wir informieren werden (Art. 19)',
  resultLine: '{categories}, für {purpose}: {count}',
  resultYourData: 'Ihre personenbezogenen Daten',
  records: ['Datensatz', 'Datensätze'],
  notFoundTitle: 'Nicht verfügbar',
  notFound: 'Diese Seite gibt es nicht oder nicht mehr.',
  tooMany: 'Zu viele Versuche. Bitte versuchen Sie es später erneut.',
  fixFields: 'Bitte prüfen Sie die unten markierten Felder.',
  fieldRequired: 'Bitte füllen Sie dieses Feld aus.',
  fieldEmail: 'Bitte geben Sie eine E-Mail-Adresse wie name@beispiel.de an.',
  fieldChoose: 'Bitte wählen Sie eine der Möglichkeiten.',
  backToCenter: 'Zurück zum Datenschutzcenter',
  consentsHeading: 'Ihre Einwilligungen',
  consentsIntro:
    'Mit Ihrer E-Mail-Adresse erteilte Einwilligungen. Sie können jede jederzeit widerrufen; die bisherige Verarbeitung bleibt rechtmäßig.',
  consentGivenSince: 'erteilt seit {date}',
  consentWithdrawnSince: 'widerrufen seit {date}',
  withdrawConsentButton: 'Diese Einwilligung widerrufen',
  consentWithdrawnNotice: 'Ihre Einwilligung wurde widerrufen.',
  linkTitle: 'Bestätigen',
  linkVerify: 'Bestätigen Sie, dass Sie die Anfrage {ref} gestellt haben und dass dieses Postfach Ihnen gehört.',
  linkVerifyButton: 'Ja, das war ich',
  linkCancel: 'Möchten Sie die Anfrage {ref} zurückziehen? Dann wird nichts gelöscht.',
  linkCancelButton: 'Anfrage zurückziehen',
  linkInvalid: 'Dieser Link ist nicht mehr gültig. Links funktionieren einmal und laufen ab.',
  linkVerifyHere:
    'Sie machen in diesem Browser weiter. Der Browser, in dem die Anfrage gestellt wurde, erhält durch diese Bestätigung keinen Zugang.',
  linkUsed:
    'Dieser Link wurde bereits verwendet: Links und Codes aus unseren E-Mails funktionieren einmal. Machen Sie in dem Browser weiter, in dem er verwendet wurde; Neuigkeiten zur Anfrage gehen an das Postfach, an das er gesendet wurde.',
  linkExpired:
    'Dieser Link ist abgelaufen. Wenn Sie das weiterhin möchten, stellen Sie eine neue Anfrage oder kontaktieren Sie uns.',
  linkClosed:
    'Dieser Link funktioniert nicht mehr: Die Anfrage ist inzwischen weiter bearbeitet oder abgeschlossen, oder ihr Code wurde nach zu vielen Fehlversuchen gesperrt.',
  provenElsewhere:
    'Diese Anfrage wurde mit dem Code oder dem Link aus unserer E-Mail in einem anderen Browser bestätigt. Zum Schutz der betroffenen Person sind ihr Fortschritt und weitere Schritte nur in diesem Browser zu sehen; Neuigkeiten gehen an das hinterlegte Postfach.',
  proofNeeded: 'Für diesen Schritt braucht es den Code oder den Link aus unserer E-Mail, in diesem Browser verwendet.',
  foreignForm:
    'Dieses Formular wurde von einer anderen Website gesendet und nicht angenommen. Bitte verwenden Sie das Formular auf unserer eigenen Seite.',
  downloadTitle: 'Ihre Daten herunterladen',
  downloadIntro:
    'Zum Schutz Ihrer Daten senden wir einen neuen Einmalcode an die Adresse, an die dieser Link ging. Danach können Sie Ihre Daten einmal herunterladen.',
  sendCodeButton: 'Code senden',
  downloadCodeSent:
    'Wir haben Ihnen einen Code gesendet. Geben Sie ihn ein, um Ihre Daten herunterzuladen. Er ist 30 Minuten gültig.',
  downloadButton: 'Meine Daten herunterladen',
  downloadHere:
    'Dieser Browser hat den Link oder Code aus unserer E-Mail verwendet: Sie können Ihre Daten hier einmal herunterladen, bis {date}. Der Link in unserer E-Mail funktioniert ebenfalls.',
  mailGreeting: 'Guten Tag,',
  mailSignature: 'Das Datenschutzteam von {org}',
  mailNotYou:
    'Wenn Sie diese Anfrage nicht gestellt haben, ignorieren Sie diese E-Mail: Ohne den Code geschieht nichts.',
  codeSubject: 'Ihr Code für Ihre Datenschutzanfrage {ref}',
  codeBody:
    'Wir haben eine Anfrage an {org} erhalten: {type} (Referenz {ref}).\n\nIhr Einmalcode: {code}\n\nOder bestätigen Sie mit diesem Link: {link}\n\nCode und Link sind 30 Minuten gültig.',
  scheduledSubject: 'Ihre Daten werden am {date} gelöscht',
  scheduledBody:
    'Sie haben Ihre Anfrage {ref} zur Löschung Ihrer Daten bestätigt. Wir löschen sie am {date}.\n\nSie haben es sich anders überlegt? Ziehen Sie die Anfrage vorher mit diesem Link zurück: {link}',
  packageSubject: 'Ihre Daten bei {org} liegen bereit',
  packageBody:
    'Die Kopie Ihrer Daten (Anfrage {ref}) liegt bereit: {link}\n\nDer Link funktioniert einmal und läuft am {date} ab. Zum Schutz Ihrer Daten fragen wir nach einem neuen Einmalcode, den wir an diese Adresse senden.',
  downloadCodeSubject: 'Ihr Download-Code',
  downloadCodeBody: 'Ihr Einmalcode zum Herunterladen Ihrer Daten: {code}\n\nEr ist 30 Minuten gültig.',
  recipientNoticeSubject: '{org}: eine Anfrage einer betroffenen Person zur Weitergabe ({ref}, Art. 19 DSGVO)',
  recipientNoticeBody:
    'Auf Wunsch einer Person haben wir deren personenbezogene Daten {done} (Referenz {ref}). Wir haben personenbezogene Daten dieser Person an {recipient} übermittelt; Artikel 19 DSGVO verlangt, dass wir Sie darüber informieren. Bitte {action}.\n\nDiese Mail enthält bewusst keine personenbezogenen Daten. Um zu erfahren, um wen es geht, antworten Sie an {contact} unter Angabe der Referenz {ref}; wir antworten über einen sicheren Kanal. Bitte bestätigen Sie uns an dieselbe Adresse, sobald es erledigt ist.',
  recipientActions: {
    erasure: 'löschen Sie die personenbezogenen Daten dieser Person, die Sie von uns erhalten haben',
    rectification:
      'berichtigen Sie die personenbezogenen Daten dieser Person, die Sie von uns erhalten haben (wir senden die Berichtigung mit der Identität)',
    restriction:
      'schränken Sie die Verarbeitung der personenbezogenen Daten dieser Person ein, die Sie von uns erhalten haben (aufbewahren, aber nicht anders verwenden)',
  },
  recipientDone: { erasure: 'gelöscht', rectification: 'berichtigt', restriction: 'in der Verarbeitung eingeschränkt' },
  completedSubject: 'Ihre Anfrage {ref} ist erledigt',
  refusedSubject: 'Ihre Anfrage {ref}',
  restrictionLiftedBody:
    'Wir heben die Einschränkung Ihrer Daten aus der Anfrage {ref} auf, aus diesem Grund: {reason}. Ab jetzt dürfen wir Ihre Daten wieder so verwenden, wie es unsere Datenschutzerklärung beschreibt.',
  refusedBody: 'Wir haben Ihre Anfrage {ref} ohne Maßnahme abgeschlossen. Grund: {reason}',
  notVerifiableSubject: 'Ihre Anfrage {ref} konnte nicht bestätigt werden',
  notVerifiableBody:
    'Wir haben Ihre Anfrage {ref} erhalten, konnten aber nicht prüfen, dass Sie die Person sind, um deren Daten es geht (DSGVO Art. 11 Abs. 2 und 12 Abs. 2). Wir sind daher nicht tätig geworden. Sie können eine neue Anfrage stellen oder mit Angaben antworten, mit denen wir Sie identifizieren können.',
  extensionSubject: 'Ihre Anfrage {ref}: wir brauchen mehr Zeit',
  extensionBody:
    'Wir brauchen mehr Zeit, um Ihre Anfrage {ref} zu bearbeiten (DSGVO Art. 12 Abs. 3), aus folgendem Grund: {reason}\n\nWir antworten spätestens am {date}.',
  withdrawnSubject: 'Ihre Anfrage {ref} ist zurückgezogen',
  withdrawnBody: 'Ihre Anfrage {ref} wurde zurückgezogen. Nichts wurde geändert.',
  remedies:
    'Sie können sich bei der Aufsichtsbehörde, {authority} ({url}), beschweren und einen gerichtlichen Rechtsbehelf einlegen (Art. 12 Abs. 4, 77 und 79).',
  reportTitle: 'Ihre personenbezogenen Daten bei {org}',
  reportIntro:
    'Dies ist eine Kopie der personenbezogenen Daten, die {org} über Sie hat, als Antwort auf Ihre Anfrage {ref} (DSGVO Art. 15). Die Datei {json} und die CSV-Dateien in diesem Paket enthalten dieselben Daten in maschinenlesbarer Form.',
  reportGenerated: 'Erstellt am {date}.',
  reportDataHeading: 'Die Daten, die wir haben',
  reportNoData: 'Wir haben in unseren Systemen keine personenbezogenen Daten über Sie.',
  reportStore: 'System',
  reportRows: '{count} Datensatz/Datensätze',
  reportColumn: 'Feld',
  reportCategory: 'Art der Daten',
  reportValue: 'Wert',
  reportRestricted: 'eingeschränkt (Art. 18): nur gespeichert',
  reportShared: 'mit einer anderen Person geteilt: deren Daten darin sind weggelassen (Art. 15 Abs. 4)',
  reportPurposesHeading: 'Wofür wir sie verwenden',
  reportPurposesIntro:
    'Für jeden Zweck: die Rechtsgrundlage, die Empfänger, die Speicherdauer und die Herkunft der Daten.',
  reportLegalBasis: 'Rechtsgrundlage',
  reportLegitimateInterest: 'Unser berechtigtes Interesse',
  reportRecipients: 'Empfänger',
  reportNoRecipients: 'Niemand außerhalb unserer Organisation.',
  reportRetention: 'Speicherdauer',
  reportSource: 'Herkunft',
  reportSourceSubject: 'Sie haben sie uns gegeben.',
  reportSourceOther: 'Nicht von Ihnen: {source}',
  reportAutomated: 'Automatisierte Entscheidungen',
  reportNoAutomated: 'Keine: Keine Entscheidung über Sie beruht ausschließlich auf einer automatisierten Verarbeitung.',
  reportRetentionCriteria: 'Keine feste Frist; sie hängt von diesen Kriterien ab: {criteria}',
  reportRetentionNotDecided: 'Noch nicht festgelegt',
  reportTransfer: 'außerhalb des EWR, auf Grundlage von: {mechanism}',
  reportConsentsHeading: 'Ihre Einwilligungen',
  reportNoConsents: 'Wir haben keine mit Ihrer E-Mail-Adresse erteilten Einwilligungen gespeichert.',
  reportConsentPurpose: 'Zweck',
  reportConsentState: 'Entscheidung',
  reportConsentGiven: 'erteilt',
  reportConsentWithdrawn: 'widerrufen',
  reportConsentAt: 'Wann',
  reportRightsHeading: 'Ihre Rechte',
  reportFilesHeading: 'Dateien in diesem Paket',
  reportFilesText:
    'report.html (diese Seite), data.json (alle Daten), eine CSV-Datei je Tabelle, consents.json (Ihre Einwilligungen).',
  legalBases: {
    consent: 'Ihre Einwilligung (Art. 6 Abs. 1 lit. a)',
    contract: 'ein Vertrag mit Ihnen oder vorvertragliche Maßnahmen (Art. 6 Abs. 1 lit. b)',
    'legal-obligation': 'eine rechtliche Verpflichtung (Art. 6 Abs. 1 lit. c)',
    'vital-interests': 'lebenswichtige Interessen (Art. 6 Abs. 1 lit. d)',
    'public-task': 'eine Aufgabe im öffentlichen Interesse (Art. 6 Abs. 1 lit. e)',
    'legitimate-interests': 'unser berechtigtes Interesse (Art. 6 Abs. 1 lit. f)',
  },
  anchors: {
    collection: 'ab der Erhebung',
    'end-of-contract': 'nach Vertragsende',
    'last-contact': 'nach dem letzten Kontakt',
    receipt: 'ab Eingang',
    'end-of-legal-period': 'nach Ablauf der gesetzlichen Frist',
    'consent-withdrawn': 'nach Widerruf der Einwilligung',
    event: 'nach dem Ereignis',
  },
  units: {
    year: ['Jahr', 'Jahre'],
    month: ['Monat', 'Monate'],
    week: ['Woche', 'Wochen'],
    day: ['Tag', 'Tage'],
    and: 'und',
  },
  officerReminderSubject: 'Anfrage {ref} ist in {days} Tagen fällig',
  officerReminderBody:
    'Die Betroffenenanfrage {ref} ({type}, {state}) muss bis {date} beantwortet sein. Öffnen Sie sie in der Konsole: {link}',
  officerOverdueSubject: 'Anfrage {ref} ist überfällig',
  officerApprovalSubject: 'Anfrage {ref} wartet auf Ihre Freigabe',
  officerApprovalBody:
    'Die Betroffenenanfrage {ref} ({type}) ist bestätigt und wartet vor der Ausführung auf Freigabe. Prüfen Sie den Plan in der Konsole: {link}',
  officerFailureSubject: 'Anfrage {ref} konnte nicht ausgeführt werden',
  officerFailureBody:
    'Die Ausführung der Anfrage {ref} ({type}) ist {attempts}-mal fehlgeschlagen; Charter versucht es weiter. Letzter Fehler: {error}. Konsole: {link}',
  officerReceivedSubject: 'Neue Anfrage {ref} ({type})',
  officerReceivedBody:
    'Die Betroffenenanfrage {ref} ({type}) ist eingegangen. Sie muss bis {date} beantwortet sein. Öffnen Sie sie in der Konsole: {link}',
  officerVerifiedSubject: 'Anfrage {ref} ({type}) ist bestätigt',
  officerVerifiedBody:
    'Die Betroffenenanfrage {ref} ({type}) ist bestätigt: die anfragende Person hat nachgewiesen, dass sie über den hinterlegten Kontakt verfügt. Sie muss bis {date} beantwortet sein. Öffnen Sie sie in der Konsole: {link}',
};

export const rightsTexts: Record<Language, RightsTexts> = { en, nl, fr, de };

/** Substitutes `{name}` placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A charter text in a language, falling back to the charter's default language, then to any language. */
export function localText(text: Text | undefined, language: Language, fallback: Language = 'en'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[language] ?? text[fallback] ?? Object.values(text).find(Boolean) ?? '';
}

/** A duration such as P10Y or P1Y6M in words. */
export function durationWords(
  value: { years: number; months: number; weeks: number; days: number },
  language: Language,
): string {
  const u = rightsTexts[language].units;
  const parts: string[] = [];
  const unit = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;
  if (value.years) parts.push(unit(value.years, u.year));
  if (value.months) parts.push(unit(value.months, u.month));
  if (value.weeks) parts.push(unit(value.weeks, u.week));
  if (value.days) parts.push(unit(value.days, u.day));
  if (parts.length <= 1) return parts[0] ?? unit(0, u.day);
  return `${parts.slice(0, -1).join(', ')} ${u.and} ${parts[parts.length - 1]}`;
}

const locales: Record<Language, string> = { en: 'en-GB', nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE' };

// Formatters are costly to build; one per language and kind is kept.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: Language, kind: 'date' | 'date-time'): Intl.DateTimeFormat {
  const key = `${language}:${kind}`;
  let format = dateFormats.get(key);
  if (!format) {
    format =
      kind === 'date'
        ? new Intl.DateTimeFormat(locales[language], {
            day: 'numeric',
            month: 'long',
            year: 'numeric',
            timeZone: 'UTC',
          })
        : new Intl.DateTimeFormat(locales[language], {
            day: 'numeric',
            month: 'long',
            year: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            timeZone: 'Europe/Brussels',
          });
    dateFormats.set(key, format);
  }
  return format;
}

/** A calendar date (`YYYY-MM-DD`) in words, e.g. "28 February 2025". */
export function dateWords(isoDate: string, language: Language): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return dateFormat(language, 'date').format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant as a date and time in Brussels, e.g. "3 April 2025, 10:00". */
export function dateTimeWords(instant: Date, language: Language): string {
  return dateFormat(language, 'date-time').format(instant);
}
