/**
 * Reminders of the 72-hour clock, on the platform job runner: a ticker finds open breaches that reached a milestone
 * (24 hours left, 6 hours left, overdue, notified late without reasons) and enqueues one job per breach and milestone
 * (the dedupe key makes it once, however many processes tick); the job mails the organisation's owners and privacy
 * officers (else the DPO or privacy contact of the charter) and records the reminder in the audit trail. The same
 * ticker announces each newly recorded breach to them once (`records.breach-recorded`).
 */
import { listMembers } from '../accounts/users.js';
import { listOrganisations } from '../accounts/organisations.js';
import { emitWebhookEvent } from '../webhooks/events.js';
import { recordAudit } from '../audit/trail.js';
import { activeCharter } from '../charter/repository.js';
import type { Charter } from '../charter/schema.js';
import type { Kysely } from 'kysely';
import type { AccountsDb } from '../accounts/tables.js';
import { viewOf } from '../platform/db/view.js';
import { inOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import { enqueueJob, type JobRunner, type JobTables } from '../platform/jobs.js';
import type { Logger } from '../platform/logger.js';
import { staffRecipientHourlyCap, type Mailer, type MailMessage } from '../platform/mail.js';
import { formatInstant } from './breach-drafts.js';
import { findBreach, listBreaches } from './breach-repository.js';
import { toBreachView, type BreachView } from './breach-views.js';
import type { RecordLanguage } from './i18n.js';
import { recordLanguage } from './record-language.js';
import type { RecordsDb } from './tables.js';

export const breachReminderQueue = 'records.breach-reminder';

export const reminderMilestones = ['24h-left', '6h-left', 'overdue', 'reasons-missing'] as const;
export type ReminderMilestone = (typeof reminderMilestones)[number];

const hour = 3_600_000;

/** The milestones a breach has reached at `now` (only while the authority is still to be told, or told late without reasons). */
export function reachedMilestones(view: Pick<BreachView, 'clock' | 'content'>): ReminderMilestone[] {
  if (view.content.status !== 'open') return [];
  const { clock } = view;
  if (clock.state === 'notified-late') return clock.reasonsMissing ? ['reasons-missing'] : [];
  if (clock.state !== 'running' && clock.state !== 'due-soon' && clock.state !== 'overdue') return [];
  const reached: ReminderMilestone[] = [];
  if (clock.remainingMs <= 24 * hour) reached.push('24h-left');
  if (clock.remainingMs <= 6 * hour) reached.push('6h-left');
  if (clock.remainingMs < 0) reached.push('overdue');
  return reached;
}

const mailTexts: Record<
  RecordLanguage,
  {
    subject: (ref: string, m: ReminderMilestone, hours: number) => string;
    body: (p: { ref: string; title: string; deadline: string; url: string; m: ReminderMilestone }) => string;
  }
> = {
  en: {
    subject: (ref, m, hours) =>
      m === 'overdue'
        ? `Breach ${ref}: the 72 hours to notify the authority have passed`
        : m === 'reasons-missing'
          ? `Breach ${ref}: give the reasons for the late notification`
          : `Breach ${ref}: about ${hours} hours left to notify the authority`,
    body: (p) =>
      `Breach ${p.ref} (${p.title}) must be notified to the supervisory authority within 72 hours of becoming aware of it (GDPR Art. 33(1)).\n\nDeadline: ${p.deadline}\n\n${p.m === 'overdue' ? 'The deadline has passed. Notify now, and record the reasons for the delay.\n\n' : p.m === 'reasons-missing' ? 'The notification was late; the reasons for the delay are not recorded yet.\n\n' : ''}The register, the draft notification and the countdown: ${p.url}\n`,
  },
  nl: {
    subject: (ref, m, hours) =>
      m === 'overdue'
        ? `Lek ${ref}: de 72 uur om de autoriteit in te lichten zijn verstreken`
        : m === 'reasons-missing'
          ? `Lek ${ref}: geef de redenen voor de laattijdige melding`
          : `Lek ${ref}: nog ongeveer ${hours} uur om de autoriteit in te lichten`,
    body: (p) =>
      `Lek ${p.ref} (${p.title}) moet binnen 72 uur na kennisname aan de toezichthoudende autoriteit worden gemeld (art. 33, lid 1, AVG).\n\nUiterste datum: ${p.deadline}\n\n${p.m === 'overdue' ? 'De termijn is verstreken. Meld nu en registreer de redenen voor de vertraging.\n\n' : p.m === 'reasons-missing' ? 'De melding was laattijdig; de redenen voor de vertraging zijn nog niet geregistreerd.\n\n' : ''}Het register, het ontwerp van melding en de aftelling: ${p.url}\n`,
  },
  fr: {
    subject: (ref, m, hours) =>
      m === 'overdue'
        ? `Violation ${ref} : le délai de 72 heures pour notifier l'autorité est dépassé`
        : m === 'reasons-missing'
          ? `Violation ${ref} : indiquez les motifs du retard de notification`
          : `Violation ${ref} : il reste environ ${hours} heures pour notifier l'autorité`,
    body: (p) =>
      `La violation ${p.ref} (${p.title}) doit être notifiée à l'autorité de contrôle dans les 72 heures après en avoir pris connaissance (art. 33.1 RGPD).\n\nÉchéance : ${p.deadline}\n\n${p.m === 'overdue' ? 'Le délai est dépassé. Notifiez maintenant et consignez les motifs du retard.\n\n' : p.m === 'reasons-missing' ? 'La notification a été tardive ; les motifs du retard ne sont pas encore consignés.\n\n' : ''}Le registre, le projet de notification et le compte à rebours : ${p.url}\n`,
  },
  de: {
    subject: (ref, m, hours) =>
      m === 'overdue'
        ? `Verletzung ${ref}: die 72 Stunden für die Meldung an die Behörde sind abgelaufen`
        : m === 'reasons-missing'
          ? `Verletzung ${ref}: Gründe für die verspätete Meldung angeben`
          : `Verletzung ${ref}: noch etwa ${hours} Stunden für die Meldung an die Behörde`,
    body: (p) =>
      `Die Verletzung ${p.ref} (${p.title}) ist der Aufsichtsbehörde binnen 72 Stunden nach Bekanntwerden zu melden (Art. 33 Abs. 1 DSGVO).\n\nFrist: ${p.deadline}\n\n${p.m === 'overdue' ? 'Die Frist ist abgelaufen. Melden Sie jetzt und halten Sie die Gründe für die Verzögerung fest.\n\n' : p.m === 'reasons-missing' ? 'Die Meldung erfolgte verspätet; die Gründe für die Verzögerung sind noch nicht festgehalten.\n\n' : ''}Register, Entwurf der Meldung und Countdown: ${p.url}\n`,
  },
};

const recordedTexts: Record<
  RecordLanguage,
  {
    subject: (ref: string) => string;
    body: (p: { ref: string; title: string; deadline: string | null; url: string }) => string;
  }
> = {
  en: {
    subject: (ref) => `Breach ${ref} was recorded`,
    body: (p) =>
      `Breach ${p.ref} (${p.title}) was recorded in the register.\n\n${p.deadline ? `The supervisory authority must be notified within 72 hours of becoming aware of it (GDPR Art. 33(1)). Deadline: ${p.deadline}\n\n` : ''}The register, the draft notification and the countdown: ${p.url}\n`,
  },
  nl: {
    subject: (ref) => `Lek ${ref} is geregistreerd`,
    body: (p) =>
      `Lek ${p.ref} (${p.title}) is in het register opgenomen.\n\n${p.deadline ? `De toezichthoudende autoriteit moet binnen 72 uur na kennisname worden ingelicht (art. 33, lid 1, AVG). Uiterste datum: ${p.deadline}\n\n` : ''}Het register, het ontwerp van melding en de aftelling: ${p.url}\n`,
  },
  fr: {
    subject: (ref) => `La violation ${ref} a été enregistrée`,
    body: (p) =>
      `La violation ${p.ref} (${p.title}) a été inscrite au registre.\n\n${p.deadline ? `L'autorité de contrôle doit être notifiée dans les 72 heures après en avoir pris connaissance (art. 33.1 RGPD). Échéance : ${p.deadline}\n\n` : ''}Le registre, le projet de notification et le compte à rebours : ${p.url}\n`,
  },
  de: {
    subject: (ref) => `Verletzung ${ref} wurde erfasst`,
    body: (p) =>
      `Die Verletzung ${p.ref} (${p.title}) wurde in das Register aufgenommen.\n\n${p.deadline ? `Sie ist der Aufsichtsbehörde binnen 72 Stunden nach Bekanntwerden zu melden (Art. 33 Abs. 1 DSGVO). Frist: ${p.deadline}\n\n` : ''}Register, Entwurf der Meldung und Countdown: ${p.url}\n`,
  },
};

/** The officers hear of a breach recorded this recently (a breach recorded before this feature, or long ago, is not announced). */
const announceWithinMs = 3 * 24 * hour;
export const breachRecordedQueue = 'records.breach-recorded';

/** The records' tables, the members and organisations the officers are found in, and the jobs the reminders are. */
export type BreachReminderDb = RecordsDb & AccountsDb & JobTables;
const reminderView = viewOf<BreachReminderDb>();

export interface ReminderDeps<DB extends BreachReminderDb = BreachReminderDb> {
  db: Kysely<DB>;
  mailer: Mailer;
  logger: Logger;
  /** Base URL of the console links in the mails. */
  publicUrl: string;
  clock?: () => Date;
  /** How often the ticker looks (default once a minute; every poll in tests with 0). */
  tickEveryMs?: number;
}

async function reminderRecipients(db: Kysely<BreachReminderDb>, scope: OrgScope, charter: Charter): Promise<string[]> {
  const members = (await listMembers(db, scope))
    .filter((m) => m.role === 'owner' || m.role === 'privacy-officer')
    .map((m) => m.email);
  return members.length > 0 ? members : [charter.organisation.dpo?.email ?? charter.organisation.contact.email];
}

/** Enqueues the reminders that became due. Exported for tests; the runner calls it on its polls. */
export async function enqueueDueReminders(deps: Pick<ReminderDeps, 'db'>, now: Date): Promise<number> {
  let enqueued = 0;
  for (const organisation of await listOrganisations(deps.db)) {
    const scope = { organisationId: organisation.id };
    for (const breach of await listBreaches(deps.db, scope)) {
      // Once per breach: the officers hear that it was recorded and how long the clock runs.
      if (now.getTime() - Date.parse(breach.createdAt) < announceWithinMs) {
        const created = await enqueueJob(
          deps.db,
          {
            queue: breachRecordedQueue,
            key: `${breach.id}:recorded`,
            organisationId: organisation.id,
            payload: { breachId: breach.id },
          },
          now,
        );
        if (created) enqueued++;
      }
      for (const milestone of reachedMilestones(toBreachView(breach, now))) {
        const created = await enqueueJob(
          deps.db,
          {
            queue: breachReminderQueue,
            key: `${breach.id}:${milestone}`,
            organisationId: organisation.id,
            payload: { breachId: breach.id, milestone },
          },
          now,
        );
        if (created) enqueued++;
      }
    }
  }
  return enqueued;
}

/** A breach to tell the staff about, with its clock, the language of the records and who to tell; none if gone. */
async function breachToTell(deps: ReminderDeps, scope: OrgScope, breachId: string, now: Date) {
  const breach = await findBreach(deps.db, scope, breachId);
  if (!breach) return undefined;
  const stored = await activeCharter(deps.db, scope);
  if (!stored) return undefined;
  const language = recordLanguage(stored.charter);
  const recipients = await reminderRecipients(deps.db, scope, stored.charter);
  return { breach, view: toBreachView(breach, now), language, recipients };
}

/** Sends the same mail to each recipient, one by one (each address its own mail, none sees the others). */
async function mailEach(
  deps: ReminderDeps,
  scope: OrgScope,
  recipients: readonly string[],
  mail: Omit<MailMessage, 'organisationId' | 'to'>,
): Promise<void> {
  for (const to of recipients) await deps.mailer.send({ organisationId: scope.organisationId, to, ...mail });
}

/** Sends one reminder, unless the breach no longer needs it (notified meanwhile, closed). */
export async function sendReminder(
  deps: ReminderDeps,
  scope: OrgScope,
  breachId: string,
  milestone: ReminderMilestone,
  now: Date,
): Promise<boolean> {
  const found = await breachToTell(deps, scope, breachId, now);
  if (!found || !reachedMilestones(found.view).includes(milestone)) return false;
  const { breach, view, language, recipients } = found;
  const texts = mailTexts[language];
  const deadline = formatInstant(view.clock.deadline, language, 'UTC');
  const subject = texts.subject(breach.reference, milestone, Math.max(0, Math.round(view.clock.remainingMs / hour)));
  const text = texts.body({
    ref: breach.reference,
    title: breach.content.title,
    deadline,
    url: `${deps.publicUrl}/console/breaches/${breach.id}`,
    m: milestone,
  });
  await mailEach(deps, scope, recipients, { subject, text, template: `breach.reminder.${milestone}`, language });
  await inOrganisation(deps.db, scope, async (trx) => {
    await recordAudit(
      trx,
      scope,
      {
        actor: 'system',
        action: 'breach.reminder-sent',
        target: `breach:${breach.id}`,
        data: { milestone, recipients: recipients.length },
      },
      now,
    );
    await emitWebhookEvent(
      trx,
      scope,
      'breach.deadline',
      {
        breachId: breach.id,
        number: breach.number,
        notifyAuthorityBy: new Date(view.clock.deadline).toISOString(),
        hoursLeft: Math.round(view.clock.remainingMs / hour),
      },
      now,
    );
  });
  deps.logger.info({ breach: breach.id, milestone, recipients: recipients.length }, 'breach reminder sent');
  return true;
}

/** Tells the owners and privacy officers that a breach was recorded, with the deadline while the clock runs. */
export async function sendRecorded(deps: ReminderDeps, scope: OrgScope, breachId: string, now: Date): Promise<boolean> {
  const found = await breachToTell(deps, scope, breachId, now);
  if (!found) return false;
  const { breach, view, language, recipients } = found;
  const running = view.clock.state === 'running' || view.clock.state === 'due-soon' || view.clock.state === 'overdue';
  const deadline = running ? formatInstant(view.clock.deadline, language, 'UTC') : null;
  const texts = recordedTexts[language];
  const subject = texts.subject(breach.reference);
  const text = texts.body({
    ref: breach.reference,
    title: breach.content.title,
    deadline,
    url: `${deps.publicUrl}/console/breaches/${breach.id}`,
  });
  await mailEach(deps, scope, recipients, {
    subject,
    text,
    template: 'breach.recorded',
    language,
    hourlyCap: staffRecipientHourlyCap,
  });
  await inOrganisation(deps.db, scope, (trx) =>
    recordAudit(
      trx,
      scope,
      {
        actor: 'system',
        action: 'breach.officers-told',
        target: `breach:${breach.id}`,
        data: { recipients: recipients.length },
      },
      now,
    ),
  );
  return true;
}

/** Registers the reminder ticker and its job handler on a runner. */
export function registerRecordsJobs<DB extends BreachReminderDb>(runner: JobRunner, anyDeps: ReminderDeps<DB>): void {
  const deps: ReminderDeps = { ...anyDeps, db: reminderView(anyDeps.db) };
  const clock = deps.clock ?? (() => new Date());
  const every = deps.tickEveryMs ?? 60_000;
  let last = 0;
  runner.addTicker(async (now) => {
    if (every > 0 && now.getTime() - last < every) return;
    last = now.getTime();
    await enqueueDueReminders(deps, now);
  });
  runner.register(breachReminderQueue, async ({ job }) => {
    const { breachId, milestone } = job.payload as { breachId?: unknown; milestone?: unknown };
    if (
      !job.organisationId ||
      typeof breachId !== 'string' ||
      !(reminderMilestones as readonly unknown[]).includes(milestone)
    )
      return;
    await sendReminder(deps, { organisationId: job.organisationId }, breachId, milestone as ReminderMilestone, clock());
  });
  runner.register(breachRecordedQueue, async ({ job }) => {
    const { breachId } = job.payload as { breachId?: unknown };
    if (!job.organisationId || typeof breachId !== 'string') return;
    await sendRecorded(deps, { organisationId: job.organisationId }, breachId, clock());
  });
}
