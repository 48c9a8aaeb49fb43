/**
 * The organisation's stores as one subject-facing whole: what Rights asks of every connected store for one person
 * (contacts on file, collect, erase, rectify, restrict), fanned out over the store connectors of the charter
 * (src/stores/connector.ts). Rights never speaks SQL or HTTP to a store itself.
 */
import type { Kysely } from 'kysely';
import type { StoresDb } from '../stores/tables.js';
import type { Charter } from '../charter/schema.js';
import { checkAddress, maskRefused, type ContactProblem } from '../platform/contact.js';
import type { OrgScope } from '../platform/db/tenancy.js';
import {
  StoreError,
  type AccessRecord,
  type AccessSummary,
  type ColumnChange,
  type ErasureResult,
  type Identity,
  type RectificationResult,
  type RestrictionResult,
  type StoreConnector,
} from '../stores/connector.js';
import { eraseSubject, rectifySubject, restrictSubject, type StoreJobReport } from '../stores/jobs.js';

/** The connectors of a charter's stores, borrowed for one piece of work. */
export interface StoreLease {
  connectors: StoreConnector[];
  release(): void;
}

/** Where Rights borrows store connectors from (the stores domain builds them). */
export interface StorePool {
  acquire(scope: OrgScope, charter: Charter): Promise<StoreLease>;
  /** Closes every connector (at shutdown). */
  close(): Promise<void>;
}

export interface ContactLookup {
  /** Some store holds rows for the identity. */
  known: boolean;
  /** Distinct email addresses on file for it (lowercased), in a stable order: each exactly one plain address. */
  emails: string[];
  /** Values on file that are not one plain address: never used, shown to the privacy officer masked, by reason. */
  refused: RefusedContacts;
}

/** What a request's timeline shows of the contact values that were refused: a count, the reasons, masked starts. */
export interface RefusedContacts {
  count: number;
  reasons: Partial<Record<ContactProblem, number>>;
  masked: string[];
}

/**
 * Splits the contact values read from the stores into usable addresses and refused ones. A store value is data: a
 * list (`erin@shop.test, mallory@evil.test`), a header after CR LF, a display name or brackets would add a recipient.
 */
export function screenContacts(values: readonly string[]): { emails: string[]; refused: RefusedContacts } {
  const emails = new Set<string>();
  const refused: RefusedContacts = { count: 0, reasons: {}, masked: [] };
  for (const value of values) {
    const checked = checkAddress(value);
    if (checked.ok) {
      emails.add(checked.value.toLowerCase());
      continue;
    }
    refused.count++;
    refused.reasons[checked.problem] = (refused.reasons[checked.problem] ?? 0) + 1;
    if (refused.masked.length < maxContacts) refused.masked.push(maskRefused(value));
  }
  return { emails: [...emails], refused };
}

/** At most this many addresses receive a code: a person with many addresses on file still gets a short list. */
const maxContacts = 5;

export interface SubjectStores {
  contacts(identities: Identity[]): Promise<ContactLookup>;
  collect(identities: Identity[], sink: (records: AccessRecord[]) => Promise<void> | void): Promise<AccessSummary[]>;
  erase(jobId: string, identities: Identity[], dryRun: boolean): Promise<ErasureResult[]>;
  /** `changes` grouped by store id. */
  rectify(
    jobId: string,
    identities: Identity[],
    changes: Record<string, ColumnChange[]>,
  ): Promise<RectificationResult[]>;
  restrict(jobId: string, identities: Identity[], restricted: boolean): Promise<RestrictionResult[]>;
}

/**
 * Where the changes a request makes in the stores are journalled: each store one resumable step of a store job
 * (src/stores/jobs.ts), recorded with its audit entry in Charter's database. A request executed again after a crash
 * skips the stores already done.
 */
export interface StoreJournal<DB extends StoresDb = StoresDb> {
  db: Kysely<DB>;
  scope: OrgScope;
  actor: string;
}

/** The results of a store job's steps; a failed step fails the whole (the request is executed again later). */
function resultsOf<R>(report: StoreJobReport<R>): R[] {
  const failed = report.steps.find((s) => s.status === 'failed');
  if (failed)
    throw new StoreError(
      failed.store,
      `the ${report.kind} did not complete in this store (${failed.error ?? 'store_failed'})`,
      failed.error ?? 'store_failed',
    );
  return report.steps.flatMap((s) => (s.result === undefined ? [] : [s.result]));
}

/**
 * The subject-facing operations over a list of connectors (one per store). Erasures, rectifications and restrictions
 * go through resumable store jobs in the journal; dry runs (plans) write nothing and are not journalled.
 */
export function subjectStores<DB extends StoresDb>(
  connectors: StoreConnector[],
  journal: StoreJournal<DB>,
): SubjectStores {
  return {
    async contacts(identities) {
      const answers = await Promise.all(connectors.map((c) => c.contacts(identities)));
      const values: string[] = [];
      // An email identity that a store matched is itself on file (the store found rows by it).
      if (answers.some((a) => a.found)) {
        for (const identity of identities) if (identity.type === 'email') values.push(identity.value);
      }
      for (const answer of answers) {
        for (const contact of answer.contacts) if (contact.type === 'email') values.push(contact.value);
      }
      const { emails, refused } = screenContacts(values);
      return { known: answers.some((a) => a.found), emails: emails.slice(0, maxContacts), refused };
    },
    async collect(identities, sink) {
      const summaries: AccessSummary[] = [];
      // One store after the other: the sink writes into one package, and memory stays bounded.
      for (const connector of connectors)
        summaries.push(await connector.access({ identities, includeSecrets: false }, sink));
      return summaries;
    },
    async erase(jobId, identities, dryRun) {
      if (!dryRun)
        return resultsOf(
          await eraseSubject(journal.db, journal.scope, connectors, {
            jobId: `${jobId}:erasure`,
            identities,
            actor: journal.actor,
          }),
        );
      const results: ErasureResult[] = [];
      for (const connector of connectors)
        results.push(await connector.erase({ jobId: `${jobId}:${connector.id}`, identities, dryRun }));
      return results;
    },
    async rectify(jobId, identities, changes) {
      return resultsOf(
        await rectifySubject(journal.db, journal.scope, connectors, {
          jobId: `${jobId}:rectification`,
          identities,
          actor: journal.actor,
          changes,
        }),
      );
    },
    async restrict(jobId, identities, restricted) {
      const job = `${jobId}:restriction-${restricted ? 'on' : 'off'}`;
      return resultsOf(
        await restrictSubject(journal.db, journal.scope, connectors, {
          jobId: job,
          identities,
          actor: journal.actor,
          restricted,
        }),
      );
    },
  };
}
