/**
 * The mails of a request, rendered in the requester's language (officer mails in the charter's default language).
 * Plain text: readable everywhere, and nothing a mail client could load from the outside.
 */
import { authorityPages, findAuthority } from '../charter/catalogs/index.js';
import type { Charter, Language, Recipient, RequestType } from '../charter/schema.js';
import {
  describeRows,
  isKeptForOthers,
  keptForOthersReason,
  notificationLines,
  type InformingType,
  type NotificationView,
} from './recipients.js';
import type { ErasureSummary } from './results.js';
import { dateTimeWords, dateWords, fill, localText, rightsTexts, type RightsTexts } from './texts/index.js';
import type { RefusalReason } from './workflow.js';
import { organisationName as organisationNameIn } from '../charter/localized.js';

export interface RenderedMail {
  subject: string;
  text: string;
  template: string;
  /** Codes and link secrets in the text: masked in the outbox copy when the mail went out by SMTP. */
  secrets?: string[];
}

/** The secret part of a mailed link (its last path segment). */
function linkSecret(link: string): string {
  return new URL(link).pathname.split('/').pop() ?? '';
}

export interface MailContext {
  charter: Charter;
  language: Language;
  reference: string;
  type: RequestType;
}

/** The mail context of a request: its charter, language, reference and type. */
export function mailContext(
  charter: Charter,
  request: { language: string; reference: string; type: RequestType },
): MailContext {
  return { charter, language: request.language as Language, reference: request.reference, type: request.type };
}

function organisationName(charter: Charter, language: Language): string {
  return organisationNameIn(charter, language);
}

function wrap(context: MailContext, body: string, options: { notYou?: boolean } = {}): string {
  const t = rightsTexts[context.language];
  const org = organisationName(context.charter, context.language);
  return [
    t.mailGreeting,
    '',
    body,
    '',
    ...(options.notYou ? [t.mailNotYou, ''] : []),
    fill(t.mailSignature, { org }),
    context.charter.organisation.contact.email,
  ].join('\n');
}

export function remedies(charter: Charter, language: Language): string {
  const t = rightsTexts[language];
  const authority = findAuthority(charter.organisation.authority);
  const name = authority
    ? (authority.names[language] ?? authority.names.en ?? authority.shortName)
    : charter.organisation.authority;
  return fill(t.remedies, { authority: name, url: authority ? authorityPages(authority, language).complaintUrl : '' });
}

function params(context: MailContext, extra: Record<string, string | number> = {}) {
  const t = rightsTexts[context.language];
  return {
    org: organisationName(context.charter, context.language),
    ref: context.reference,
    type: t.types[context.type],
    ...extra,
  };
}

export function codeMail(context: MailContext, code: string, link: string): RenderedMail {
  const t = rightsTexts[context.language];
  const p = params(context, { code, link });
  return {
    template: 'request.code',
    subject: fill(t.codeSubject, p),
    text: wrap(context, fill(t.codeBody, p), { notYou: true }),
    secrets: [code, code.replace(' ', ''), linkSecret(link)],
  };
}

/** An erasure waits its grace period: when it happens (date and time) and the link to cancel until then. */
export function scheduledMail(context: MailContext, executeAfter: Date, link: string): RenderedMail {
  const t = rightsTexts[context.language];
  const p = params(context, { date: dateTimeWords(executeAfter, context.language), link });
  return {
    template: 'request.erasure-scheduled',
    subject: fill(t.scheduledSubject, p),
    text: wrap(context, fill(t.scheduledBody, p)),
    secrets: [linkSecret(link)],
  };
}

export function packageMail(context: MailContext, link: string, expiresOn: string): RenderedMail {
  const t = rightsTexts[context.language];
  const p = params(context, { link, date: dateWords(expiresOn, context.language) });
  return {
    template: 'request.package',
    subject: fill(t.packageSubject, p),
    text: wrap(context, fill(t.packageBody, p)),
    secrets: [linkSecret(link)],
  };
}

export function downloadCodeMail(context: MailContext, code: string): RenderedMail {
  const t = rightsTexts[context.language];
  const p = params(context, { code });
  return {
    template: 'request.download-code',
    subject: fill(t.downloadCodeSubject, p),
    text: wrap(context, fill(t.downloadCodeBody, p), { notYou: true }),
    secrets: [code, code.replace(' ', '')],
  };
}

/**
 * What was erased and kept and why (Art. 17(3)), in data categories and purposes — never store or table names — and
 * who was told and who will be (Art. 19), from the request's notification records.
 */
export function erasureLines(
  summary: ErasureSummary,
  charter: Charter,
  language: Language,
  notifications: NotificationView[] = [],
): string[] {
  const t = rightsTexts[language];
  const lines: string[] = [];
  if (summary.erased.length) {
    lines.push(`${t.resultErased}:`);
    for (const e of summary.erased) lines.push(`- ${describeRows(charter, e, language)}`);
  }
  // Kept under a legal obligation, and kept (in part) because it concerns other people too: two headings, so the
  // person never reads that the law required what only someone else's data did.
  const byLaw = summary.kept.filter((k) => !isKeptForOthers(k));
  const forOthers = summary.kept.filter(isKeptForOthers);
  if (byLaw.length) {
    lines.push(...(lines.length ? [''] : []), `${t.resultKept}:`);
    for (const k of byLaw) {
      const hold = charter.holds.find((h) => h.id === k.hold);
      const reason = hold ? localText(hold.reason, language) : '';
      const until = k.until ? ` (→ ${dateWords(k.until.slice(0, 10), language)})` : '';
      lines.push(
        `- ${describeRows(charter, k, language)} — ${hold ? localText(hold.law, language) : k.law}${until}${reason ? `. ${reason}` : ''}`,
      );
    }
  }
  if (forOthers.length) {
    lines.push(...(lines.length ? [''] : []), `${t.resultKeptForOthers}:`);
    for (const k of forOthers)
      lines.push(`- ${describeRows(charter, k, language)} — ${keptForOthersReason(k, language)}`);
  }
  const told = notificationLines(charter, notifications, language);
  if (told.length) lines.push(...(lines.length ? [''] : []), ...told);
  return lines;
}

/**
 * The Art. 19 notice to a recipient's privacy contact: the request's reference and what to do, and how to learn whom it
 * concerns through a secure channel — never the person's data or package.
 */
export function recipientNoticeMail(
  charter: Charter,
  language: Language,
  request: { reference: string; type: InformingType },
  recipient: Pick<Recipient, 'name'>,
): RenderedMail {
  const t = rightsTexts[language];
  const p = {
    org: organisationName(charter, language),
    ref: request.reference,
    recipient: localText(recipient.name, language),
    action: t.recipientActions[request.type],
    done: t.recipientDone[request.type],
    contact: charter.organisation.dpo?.email ?? charter.rights.channels.email ?? charter.organisation.contact.email,
  };
  const body = [
    t.mailGreeting,
    '',
    fill(t.recipientNoticeBody, p),
    '',
    fill(t.mailSignature, p),
    charter.organisation.contact.email,
  ].join('\n');
  return {
    template: `request.recipient-notice.${request.type}`,
    subject: fill(t.recipientNoticeSubject, p),
    text: body,
  };
}

/**
 * The first words of a completed request's mail and status page. A restriction some store could not mark never reads
 * "we no longer use your data": it says what is marked, and that the rest is kept from deletion while the privacy
 * team stops its use by hand (Art. 18; the officer's task names the store and table, the person never reads them).
 */
export function completedText(language: Language, type: RequestType, result: unknown): string {
  const t = rightsTexts[language];
  const restriction =
    type === 'restriction'
      ? (result as { restriction?: { updated?: unknown[]; unsupported?: unknown[] } } | null)?.restriction
      : undefined;
  if (!restriction?.unsupported?.length) return t.completed[type];
  return [...(restriction.updated?.length ? [t.restrictionMarked] : []), t.restrictionByHand].join(' ');
}

export function completedMail(context: MailContext, extraLines: string[] = [], result?: unknown): RenderedMail {
  const t = rightsTexts[context.language];
  const p = params(context);
  const body = [
    completedText(context.language, context.type, result),
    ...(extraLines.length ? ['', ...extraLines] : []),
    '',
    remedies(context.charter, context.language),
  ].join('\n');
  return {
    template: `request.completed.${context.type}`,
    subject: fill(t.completedSubject, p),
    text: wrap(context, body),
  };
}

export function refusedMail(context: MailContext, reason: RefusalReason, explanation: string | null): RenderedMail {
  const t = rightsTexts[context.language];
  const p = params(context, { reason: t.refusalReasons[reason] });
  const body = [
    fill(t.refusedBody, p),
    ...(explanation ? ['', explanation] : []),
    '',
    remedies(context.charter, context.language),
  ].join('\n');
  return { template: 'request.refused', subject: fill(t.refusedSubject, p), text: wrap(context, body) };
}

/** Art. 18(3): the person is told before their restriction is lifted, with the reason. */
export function restrictionLiftedMail(context: MailContext, reason: string): RenderedMail {
  const t = rightsTexts[context.language];
  const p = params(context, { reason });
  const body = [fill(t.restrictionLiftedBody, p), '', remedies(context.charter, context.language)].join('\n');
  return { template: 'request.restriction-lifted', subject: fill(t.refusedSubject, p), text: wrap(context, body) };
}

export function notVerifiableMail(context: MailContext): RenderedMail {
  const t = rightsTexts[context.language];
  const p = params(context);
  const body = [fill(t.notVerifiableBody, p), '', remedies(context.charter, context.language)].join('\n');
  return { template: 'request.not-verifiable', subject: fill(t.notVerifiableSubject, p), text: wrap(context, body) };
}

export function extensionMail(context: MailContext, reason: string, dueOn: string): RenderedMail {
  const t = rightsTexts[context.language];
  const p = params(context, { reason, date: dateWords(dueOn, context.language) });
  return {
    template: 'request.extended',
    subject: fill(t.extensionSubject, p),
    text: wrap(context, `${fill(t.extensionBody, p)}\n\n${remedies(context.charter, context.language)}`),
  };
}

export function withdrawnMail(context: MailContext): RenderedMail {
  const t = rightsTexts[context.language];
  const p = params(context);
  return {
    template: 'request.withdrawn',
    subject: fill(t.withdrawnSubject, p),
    text: wrap(context, fill(t.withdrawnBody, p)),
  };
}

/** Officer mails, in the charter's default language. Ids, kind, state, deadline and a console link: nothing of the person. */
export function officerMail(
  kind: 'reminder' | 'overdue' | 'approval' | 'failure' | 'received' | 'verified',
  context: MailContext & {
    state: string;
    dueOn: string;
    link: string;
    days?: number;
    attempts?: number;
    error?: string;
  },
): RenderedMail {
  const t: RightsTexts = rightsTexts[context.language];
  const p = params(context, {
    state: t.states[context.state as keyof RightsTexts['states']] ?? context.state,
    date: dateWords(context.dueOn, context.language),
    link: context.link,
    days: context.days ?? 0,
    attempts: context.attempts ?? 0,
    error: context.error ?? '',
  });
  switch (kind) {
    case 'reminder':
      return {
        template: 'request.officer-reminder',
        subject: fill(t.officerReminderSubject, p),
        text: fill(t.officerReminderBody, p),
      };
    case 'overdue':
      return {
        template: 'request.officer-overdue',
        subject: fill(t.officerOverdueSubject, p),
        text: fill(t.officerReminderBody, p),
      };
    case 'approval':
      return {
        template: 'request.officer-approval',
        subject: fill(t.officerApprovalSubject, p),
        text: fill(t.officerApprovalBody, p),
      };
    case 'failure':
      return {
        template: 'request.officer-failure',
        subject: fill(t.officerFailureSubject, p),
        text: fill(t.officerFailureBody, p),
      };
    case 'received':
      return {
        template: 'request.officer-received',
        subject: fill(t.officerReceivedSubject, p),
        text: fill(t.officerReceivedBody, p),
      };
    case 'verified':
      return {
        template: 'request.officer-verified',
        subject: fill(t.officerVerifiedSubject, p),
        text: fill(t.officerVerifiedBody, p),
      };
  }
}
