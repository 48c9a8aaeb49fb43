/**
 * What the rights domain's functions work with: the database, the ports (stores, consent, officers, mail), the clock,
 * and a small background runner so that the requester's answer never waits for (or reveals) the stores and the mail.
 */
import type { Kysely } from 'kysely';
import { activeCharter } from '../charter/repository.js';
import type { Charter, Language } from '../charter/schema.js';
import type { OrgScope } from '../platform/db/tenancy.js';
import { notFound } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import type { Mailer } from '../platform/mail.js';
import { safeMessage } from '../platform/safe-message.js';
import type { RenderedMail } from './mails.js';
import type { ConsentPort, OfficerPort } from './ports.js';
import { loadRightsKey, type RightsKey } from './secrets.js';
import { subjectStores, type StorePool, type SubjectStores } from './subject-stores.js';
import type { RightsDb } from './tables.js';

export interface RightsDeps {
  db: Kysely<RightsDb>;
  mailer: Mailer;
  logger: Logger;
  clock: () => Date;
  /** Base URL of links in mails (`PUBLIC_URL`). */
  publicUrl: string;
  /** CHARTER_SECRET, mixed into the rights key when set. */
  secret?: string | undefined;
  stores: StorePool;
  consent: ConsentPort;
  officers: OfficerPort;
}

export class RightsContext {
  readonly #pending = new Set<Promise<void>>();
  readonly #byLabel = new Map<string, Promise<void>>();

  constructor(readonly deps: RightsDeps) {}

  get db() {
    return this.deps.db;
  }

  now(): Date {
    return this.deps.clock();
  }

  async charter(scope: OrgScope): Promise<Charter> {
    const stored = await activeCharter(this.deps.db, scope);
    if (!stored) throw notFound('charter');
    return stored.charter;
  }

  key(scope: OrgScope): Promise<RightsKey> {
    return loadRightsKey(this.deps.db, scope, this.deps.secret);
  }

  /** Borrows the charter's store connectors for one piece of work. */
  async withStores<T>(scope: OrgScope, charter: Charter, work: (stores: SubjectStores) => Promise<T>): Promise<T> {
    const lease = await this.deps.stores.acquire(scope, charter);
    try {
      // Changes go through resumable store jobs: a request executed again after a crash skips the stores done.
      return await work(subjectStores(lease.connectors, { db: this.deps.db, scope, actor: 'system' }));
    } finally {
      lease.release();
    }
  }

  /**
   * Sends a mail on behalf of an organisation; a failure is logged (without the recipient) and reported as false, and
   * so is a mail the mailer suppressed (recipient over its hourly cap; the mailer recorded and logged it).
   */
  async send(
    scope: OrgScope,
    to: string,
    mail: RenderedMail,
    language: Language,
    options: { hourlyCap?: number } = {},
  ): Promise<boolean> {
    try {
      const sent = await this.deps.mailer.send({
        organisationId: scope.organisationId,
        to,
        subject: mail.subject,
        text: mail.text,
        template: mail.template,
        language,
        ...(mail.secrets ? { secrets: mail.secrets } : {}),
        ...options,
      });
      return sent.suppressed !== true;
    } catch (error) {
      this.deps.logger.error({ template: mail.template, err: { name: (error as Error).name } }, 'mail not sent');
      return false;
    }
  }

  /** Runs work after the answer was sent; errors are logged, never thrown at the caller. */
  background(label: string, work: () => Promise<unknown>): void {
    const task: Promise<void> = work()
      .then(() => undefined)
      .catch((error: unknown) => {
        this.deps.logger.error(
          { task: label, err: { name: (error as Error).name, message: safeMessage(error) } },
          'rights background task failed',
        );
      })
      .finally(() => {
        this.#pending.delete(task);
        if (this.#byLabel.get(label) === task) this.#byLabel.delete(label);
      });
    this.#pending.add(task);
    this.#byLabel.set(label, task);
  }

  /** Resolves when the background task with this label (e.g. `advance <request id>`) is done; at once if none runs. */
  async settled(label: string): Promise<void> {
    await this.#byLabel.get(label);
  }

  /** Resolves once no background work is pending (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  link(path: string): string {
    return `${this.deps.publicUrl.replace(/\/$/, '')}${path}`;
  }
}

/** Kept as an export of the rights context for its callers; the rule lives in platform/safe-message.ts. */
export { safeMessage };
