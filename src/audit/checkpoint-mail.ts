/**
 * The daily checkpoint mail (`AUDIT_CHECKPOINT_MAIL=HH:MM`, off by default): once a day at that UTC time, every
 * organisation takes a signed checkpoint of its chain head and mails it to its owners, so that copies accumulate in
 * mailboxes a database writer cannot reach. One durable job per organisation and day (the job runner's dedupe key),
 * however many processes tick. Without SMTP the mail only reaches the outbox, which is in the database: worth little.
 */
import type { Kysely } from 'kysely';
import { listOrganisations } from '../accounts/organisations.js';
import type { AccountsDb } from '../accounts/tables.js';
import { listMembers } from '../accounts/users.js';
import { activeCharter } from '../charter/repository.js';
import type { CharterReadDb } from '../charter/views.js';
import { viewOf } from '../platform/db/view.js';
import { enqueueJob, type JobRunner, type JobTables } from '../platform/jobs.js';
import type { Logger } from '../platform/logger.js';
import type { Mailer } from '../platform/mail.js';
import { takeCheckpoint } from './checkpoint.js';
import type { AuditTables } from './tables.js';

export const checkpointMailQueue = 'audit.checkpoint-mail';

/**
 * What the checkpoint mail reads and writes: the organisations and their owners (accounts), the active charter's
 * language, the audit chain it checkpoints, and the jobs it enqueues.
 */
export type CheckpointMailDb = AccountsDb & CharterReadDb & AuditTables & JobTables;
const checkpointMailView = viewOf<CheckpointMailDb>();

export interface CheckpointMailDeps<DB extends CheckpointMailDb = CheckpointMailDb> {
  db: Kysely<DB>;
  mailer: Mailer;
  logger: Logger;
  /** `off` or a UTC time of day `HH:MM` (AUDIT_CHECKPOINT_MAIL). */
  schedule: string;
  clock?: () => Date;
}

type Language = 'en' | 'nl' | 'fr' | 'de';

const mailTexts: Record<
  Language,
  { subject: (slug: string, seq: number) => string; body: (slug: string, seq: number) => string }
> = {
  en: {
    subject: (slug, seq) => `Audit checkpoint of ${slug} (entry ${seq})`,
    body: (slug, seq) =>
      `The signed checkpoint of ${slug}'s audit trail at entry ${seq} is below. Keep this mail: saved as a file, \`charter audit verify --checkpoint file\` (or the console's audit page) shows whether the trail was cut short or rewritten since.`,
  },
  nl: {
    subject: (slug, seq) => `Controlepunt van de audittrail van ${slug} (item ${seq})`,
    body: (slug, seq) =>
      `Hieronder staat het ondertekende controlepunt van de audittrail van ${slug} bij item ${seq}. Bewaar deze mail: als bestand opgeslagen toont \`charter audit verify --checkpoint bestand\` (of de auditpagina van de console) of de trail sindsdien ingekort of herschreven werd.`,
  },
  fr: {
    subject: (slug, seq) => `Point de contrôle du journal d’audit de ${slug} (entrée ${seq})`,
    body: (slug, seq) =>
      `Voici le point de contrôle signé du journal d’audit de ${slug} à l’entrée ${seq}. Gardez ce courriel : enregistré comme fichier, \`charter audit verify --checkpoint fichier\` (ou la page d’audit de la console) montre si le journal a été raccourci ou réécrit depuis.`,
  },
  de: {
    subject: (slug, seq) => `Prüfpunkt des Audit-Protokolls von ${slug} (Eintrag ${seq})`,
    body: (slug, seq) =>
      `Unten steht der signierte Prüfpunkt des Audit-Protokolls von ${slug} bei Eintrag ${seq}. Bewahren Sie diese Mail auf: als Datei gespeichert zeigt \`charter audit verify --checkpoint datei\` (oder die Audit-Seite der Konsole), ob das Protokoll seither gekürzt oder umgeschrieben wurde.`,
  },
};

/** Today's occurrence of the schedule, or undefined when it is off or not reached yet. */
export function dueOccurrence(schedule: string, now: Date): string | undefined {
  const match = /^(\d\d):(\d\d)$/.exec(schedule);
  if (!match) return undefined;
  const occurrence = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), Number(match[1]), Number(match[2])),
  );
  return now >= occurrence ? occurrence.toISOString() : undefined;
}

/** Enqueues today's checkpoint mail of every organisation once it is due. Exported for tests. */
export async function enqueueCheckpointMails<DB extends CheckpointMailDb>(
  deps: Pick<CheckpointMailDeps<DB>, 'db' | 'schedule'>,
  now: Date,
): Promise<number> {
  const occurrence = dueOccurrence(deps.schedule, now);
  if (!occurrence) return 0;
  const db = checkpointMailView(deps.db);
  let enqueued = 0;
  for (const organisation of await listOrganisations(db)) {
    const created = await enqueueJob(
      db,
      {
        queue: checkpointMailQueue,
        key: `${organisation.id}:${occurrence}`,
        organisationId: organisation.id,
        payload: { slug: organisation.slug },
      },
      now,
    );
    if (created) enqueued++;
  }
  return enqueued;
}

/** Takes a checkpoint of one organisation and mails it to its owners; false when it has none. */
export async function mailCheckpoint<DB extends CheckpointMailDb>(
  deps: CheckpointMailDeps<DB>,
  organisationId: string,
  slug: string,
  now: Date,
): Promise<boolean> {
  const scope = { organisationId };
  const db = checkpointMailView(deps.db);
  const owners = (await listMembers(db, scope)).filter((m) => m.role === 'owner').map((m) => m.email);
  if (owners.length === 0) return false;
  const stored = await activeCharter(db, scope);
  const language: Language =
    [stored?.charter.defaultLanguage, ...(stored?.charter.languages ?? [])].find((l) => l !== undefined) ?? 'en';
  const checkpoint = await takeCheckpoint(db, scope, { organisationSlug: slug, actor: 'system', now });
  const texts = mailTexts[language];
  const text = `${texts.body(slug, checkpoint.seq)}\n\n${JSON.stringify(checkpoint, null, 2)}\n`;
  for (const to of owners) {
    await deps.mailer.send({
      organisationId,
      to,
      subject: texts.subject(slug, checkpoint.seq),
      text,
      template: 'audit.checkpoint',
      language,
    });
  }
  deps.logger.info(
    { organisation: organisationId, seq: checkpoint.seq, recipients: owners.length },
    'audit checkpoint mailed',
  );
  return true;
}

/** Registers the daily ticker and the job handler (nothing when the schedule is off). */
export function registerAuditJobs<DB extends CheckpointMailDb>(runner: JobRunner, deps: CheckpointMailDeps<DB>): void {
  if (deps.schedule === 'off') return;
  const clock = deps.clock ?? (() => new Date());
  runner.addTicker(async (now) => {
    await enqueueCheckpointMails(deps, now);
  });
  runner.register(checkpointMailQueue, async ({ job }) => {
    const { slug } = job.payload as { slug?: unknown };
    if (!job.organisationId || typeof slug !== 'string') return;
    await mailCheckpoint(deps, job.organisationId, slug, clock());
  });
}
