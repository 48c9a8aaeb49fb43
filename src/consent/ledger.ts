/**
 * The consent ledger service: the hot path of `POST /api/v1/consent`. It ties the in-memory site directory, the IP
 * hash keys, the rate limiter and the group-commit writer together; `record` checks a posted choice against the site's
 * current consent revision and resolves once the record is committed. One instance per HTTP app.
 */
import type { Kysely } from 'kysely';
import type { DatabaseKind } from '../platform/db/database.js';
import { conflict, invalidInput } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import { SiteDirectory, type SiteEntry } from './ledger-directory.js';
import { ConsentKeys } from './ledger-keys.js';
import { RateLimiter } from './ledger-rate-limit.js';
import { checkChoices, newReceiptId, userAgentFamily, type ConsentPost } from './ledger-rules.js';
import { LedgerWriter, type LedgerWriterOptions } from './ledger-writer.js';
import { ShownCounter } from './statistics.js';
import type { ConsentDb } from './tables.js';

/** Purpose-consent form posts per IP hash and minute (each may send a confirmation mail). */
export const formLimitPerMinute = 20;

export interface ConsentLedgerOptions {
  db: Kysely<ConsentDb>;
  dbKind: DatabaseKind;
  logger: Logger;
  clock: () => Date;
  secret?: string | undefined;
  /** Consent posts allowed per IP hash and minute. */
  rateLimitPerMinute: number;
  writer?: LedgerWriterOptions;
}

/** What the HTTP layer knows about the request beyond its body. */
export interface RequestFacts {
  /** The Origin header, when the browser sent one. */
  origin: string | undefined;
  /** The origin is Charter's own (the demo page and the console post from there). */
  sameOrigin: boolean;
  ipHash: string;
  userAgent: string | undefined;
  /** The browser sent `Sec-GPC: 1` (Global Privacy Control), whatever the body says. */
  gpc?: boolean | undefined;
}

export class ConsentLedger {
  readonly directory: SiteDirectory;
  readonly keys: ConsentKeys;
  readonly writer: LedgerWriter;
  readonly limiter: RateLimiter;
  /** Stricter limit for the purpose-consent form, which sends mail. */
  readonly formLimiter: RateLimiter;
  readonly shown: ShownCounter;

  constructor(private readonly options: ConsentLedgerOptions) {
    this.directory = new SiteDirectory(options.db, options.logger);
    this.keys = new ConsentKeys(options.db, options.secret);
    // PGlite is one session: batches take turns anyway, so one in flight and larger batches.
    this.writer = new LedgerWriter(options.db, options.logger, {
      ...(options.dbKind === 'pglite' ? { maxInFlight: 1, maxBatch: 1000 } : {}),
      ...options.writer,
    });
    this.limiter = new RateLimiter(options.rateLimitPerMinute, 60_000);
    this.formLimiter = new RateLimiter(
      Math.min(formLimitPerMinute, options.rateLimitPerMinute),
      60_000,
      Date.now,
      1 << 16,
    );
    this.shown = new ShownCounter(options.db, options.logger);
  }

  async start(): Promise<void> {
    const now = this.options.clock();
    await this.writer.prepare(now);
    await this.keys.hashIp('0.0.0.0', now);
    await this.directory.start();
    this.shown.start();
  }

  /** Flushes what is queued, then stops the timers. */
  async close(): Promise<void> {
    this.directory.stop();
    await this.writer.close();
    await this.shown.stop();
  }

  /** The IP hash of the day for `ip`, loading the day's key when needed. */
  hashIp(ip: string): Promise<string> {
    return this.keys.hashIp(ip, this.options.clock());
  }

  /** The IP hash of the day for `ip`, or undefined until the day's key is loaded (the hot path's synchronous form). */
  hashIpIfReady(ip: string): string | undefined {
    return this.keys.hashIpIfReady(ip, this.options.clock());
  }

  /** Checks the site (and that `origin` serves it), returning its directory entry. */
  siteFor(siteId: string, facts: Pick<RequestFacts, 'origin' | 'sameOrigin'>): SiteEntry {
    const site = this.directory.site(siteId);
    if (!site) throw invalidInput([{ path: 'body.site', message: 'unknown site' }]);
    if (facts.origin && !facts.sameOrigin && !site.origins.has(facts.origin)) {
      throw invalidInput([{ path: 'body.site', message: 'this site is not served from the requesting origin' }]);
    }
    return site;
  }

  /**
   * Records one visitor's choice. Throws 422 (unknown site, wrong origin, unknown or missing category, language,
   * inconsistent method) or 409 (stale revision) before anything is queued; resolves after the commit.
   */
  async record(post: ConsentPost, facts: RequestFacts): Promise<{ receipt: string; recordedAt: string }> {
    const site = this.siteFor(post.site, facts);
    if (post.revision !== site.revision) {
      throw conflict('The consent texts changed since the banner loaded them: ask the visitor again.', [
        { path: 'body.revision', message: 'stale consent revision', current: site.revision },
      ]);
    }
    const problems = checkChoices(site.categoryIds, post);
    if (!site.languages.has(post.language)) {
      problems.push({
        path: 'body.language',
        message: `not a language of this site (${[...site.languages].join(', ')})`,
      });
    }
    if (problems.length > 0) throw invalidInput(problems);
    const recordedAt = this.options.clock();
    const receipt = newReceiptId(recordedAt);
    const agent = userAgentFamily(facts.userAgent);
    // Global Privacy Control: the `Sec-GPC: 1` header counts as the signal even when the page did not report it, and
    // the categories it covers are recorded denied when the charter honours it (a banner without the JavaScript
    // property, or a script posting directly, cannot record advertising granted against the browser's signal).
    const gpc = post.gpc || facts.gpc === true;
    const denied = new Set(gpc ? site.gpcCategoryIds : []);
    // Store the choices in the revision's category order, whatever order the banner sent them in.
    const choices: Record<string, boolean> = {};
    for (const id of site.categoryIds) choices[id] = post.choices[id] === true && !denied.has(id);
    await this.writer.append({
      organisationId: site.organisationId,
      recordedAt,
      receiptId: receipt,
      siteId: site.siteId,
      visitorId: post.visitor,
      revision: post.revision,
      method: post.method,
      language: post.language,
      choices,
      gpc,
      pageUrl: post.url,
      ipHash: facts.ipHash,
      userAgent: agent.family,
      mobile: agent.mobile,
    });
    return { receipt, recordedAt: recordedAt.toISOString() };
  }

  /** Counts one display of the banner's first layer (422 for an unknown site; a stale revision is not counted). */
  countShown(siteId: string, revision: string, facts: Pick<RequestFacts, 'origin' | 'sameOrigin'>): void {
    const site = this.siteFor(siteId, facts);
    if (revision === site.revision) this.shown.add(site.organisationId, site.siteId, this.options.clock());
  }
}
