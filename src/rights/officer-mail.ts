/**
 * Mail to the people who handle requests (owners and privacy officers): reminders, overdue notices, plans awaiting
 * their approval, and executions that keep failing.
 */
import type { Charter, Language } from '../charter/schema.js';
import type { OrgScope } from '../platform/db/tenancy.js';
import { staffRecipientHourlyCap } from '../platform/mail.js';
import type { RightsContext } from './context.js';
import { mailContext, officerMail } from './mails.js';
import type { RightsRequest } from './request-row.js';

/**
 * A mail to an officer about a request, in the charter's default language (the console language of each person is
 * kept in their browser only), linking to the request in the console.
 */
export function officerMailOf(
  context: RightsContext,
  charter: Charter,
  request: RightsRequest,
  kind: Parameters<typeof officerMail>[0],
  extra: { days?: number; attempts?: number; error?: string } = {},
): { language: Language; mail: ReturnType<typeof officerMail> } {
  const language: Language = charter.defaultLanguage ?? charter.languages[0] ?? 'en';
  const mail = officerMail(kind, {
    ...mailContext(charter, request),
    language,
    state: request.state,
    dueOn: request.dueOn,
    link: context.link(`/console/requests/${request.id}`),
    ...extra,
  });
  return { language, mail };
}

/** Mails the privacy officers about a request, in the charter's default language. */
export async function mailOfficers(
  context: RightsContext,
  scope: OrgScope,
  charter: Charter,
  request: RightsRequest,
  kind: 'reminder' | 'overdue' | 'approval' | 'failure',
  extra: { days?: number; attempts?: number; error?: string } = {},
): Promise<void> {
  const { language, mail } = officerMailOf(context, charter, request, kind, extra);
  // Staff mail: the higher cap, so that a day's reminders for a full inbox all arrive.
  for (const email of await context.deps.officers.emails(scope, charter))
    await context.send(scope, email, mail, language, { hourlyCap: staffRecipientHourlyCap });
}
