/**
 * The in-memory directory of public sites for the consent hot path: which organisation a site belongs to, its current
 * consent revision, categories, languages and origins. Loaded at start; every second one small query compares each
 * organisation's active revision number with the cached one and reloads only the organisations that changed. So a
 * consent post costs no lookup query, and a new charter takes effect within a second (or at once after
 * `invalidate()`). Loading a revision also stores its texts (what the visitor saw) once, for receipts.
 */
import type { Kysely } from 'kysely';
import type { ConsentDb } from './tables.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { activeCharter } from '../charter/repository.js';
import { charterRevision, consentRevision, consentScope } from '../charter/revision.js';
import type { Charter, Site } from '../charter/schema.js';
import type { Logger } from '../platform/logger.js';
import { siteOrigins } from './ledger-rules.js';

export interface SiteEntry {
  siteId: string;
  organisationId: string;
  /** The consent revision currently shown on this site. */
  revision: string;
  charterSeq: number;
  categoryIds: readonly string[];
  /** Categories a Global Privacy Control signal denies (`gpc: true`), when the charter honours it; else none. */
  gpcCategoryIds: readonly string[];
  languages: ReadonlySet<string>;
  origins: ReadonlySet<string>;
}

interface OrganisationEntry {
  seq: number;
  siteIds: string[];
}

export class SiteDirectory {
  readonly #sites = new Map<string, SiteEntry>();
  readonly #organisations = new Map<string, OrganisationEntry>();
  #origins = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  #refreshing: Promise<void> | undefined;

  constructor(
    private readonly db: Kysely<ConsentDb>,
    private readonly logger: Logger,
    private readonly refreshMs = 1000,
  ) {}

  /** Loads every organisation and starts the periodic check. */
  async start(): Promise<void> {
    await this.refresh();
    this.#timer = setInterval(() => {
      this.refresh().catch((error: unknown) =>
        this.logger.warn(
          { err: { type: (error as Error).name, message: (error as Error).message } },
          'consent site directory refresh failed',
        ),
      );
    }, this.refreshMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  site(siteId: string): SiteEntry | undefined {
    return this.#sites.get(siteId);
  }

  /** Whether `origin` serves any known site (for CORS preflights, which carry no site). */
  hasOrigin(origin: string): boolean {
    return this.#origins.has(origin);
  }

  /** Forgets what is cached and reloads now (after applying a charter in this process). */
  async invalidate(): Promise<void> {
    await this.#refreshing;
    this.#organisations.clear();
    await this.refresh();
  }

  /** Reloads the organisations whose active revision changed. One query when nothing changed. */
  refresh(): Promise<void> {
    this.#refreshing ??= this.reloadChanged().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  private async reloadChanged(): Promise<void> {
    const rows = await this.db
      .selectFrom('organisations')
      .select(['id', 'active_revision_seq'])
      .where('active_revision_seq', 'is not', null)
      .execute();
    let changed = false;
    const present = new Set<string>();
    for (const row of rows) {
      present.add(row.id);
      if (this.#organisations.get(row.id)?.seq === row.active_revision_seq) continue;
      await this.loadOrganisation(row.id);
      changed = true;
    }
    for (const id of [...this.#organisations.keys()]) {
      if (!present.has(id)) {
        this.dropOrganisation(id);
        changed = true;
      }
    }
    if (changed) this.#origins = new Set([...this.#sites.values()].flatMap((site) => [...site.origins]));
  }

  private async loadOrganisation(organisationId: string): Promise<void> {
    const stored = await activeCharter(this.db, { organisationId });
    this.dropOrganisation(organisationId);
    if (!stored) return;
    const { charter } = stored;
    const entries = charter.sites.map((site) => this.siteEntry(organisationId, stored.seq, charter, site));
    await inOrganisation(this.db, { organisationId }, (trx) =>
      trx
        .insertInto('consent_texts')
        .values(
          charter.sites.map((site, i) => ({
            organisation_id: organisationId,
            site_id: site.id,
            revision: entries[i]?.revision ?? '',
            charter_seq: stored.seq,
            texts: JSON.stringify(consentTexts(charter, site, stored.seq)),
          })),
        )
        .onConflict((oc) => oc.columns(['organisation_id', 'site_id', 'revision']).doNothing())
        .execute(),
    );
    for (const entry of entries) this.#sites.set(entry.siteId, entry);
    this.#organisations.set(organisationId, { seq: stored.seq, siteIds: entries.map((e) => e.siteId) });
  }

  private dropOrganisation(organisationId: string) {
    for (const siteId of this.#organisations.get(organisationId)?.siteIds ?? []) this.#sites.delete(siteId);
    this.#organisations.delete(organisationId);
  }

  private siteEntry(organisationId: string, seq: number, charter: Charter, site: Site): SiteEntry {
    return {
      siteId: site.id,
      organisationId,
      revision: consentRevision(charter, site.id),
      charterSeq: seq,
      categoryIds: charter.consent.categories.map((c) => c.id),
      gpcCategoryIds: charter.consent.honourGpc ? charter.consent.categories.filter((c) => c.gpc).map((c) => c.id) : [],
      languages: new Set(site.languages ?? charter.languages),
      origins: new Set(siteOrigins(site)),
    };
  }
}

/**
 * What a visitor of `site` saw, as stored once per consent revision and shown on receipts: the consent scope
 * (categories, cookies, vendors, expiry, GPC) plus the controller's identity and contact, which a receipt names.
 */
export function consentTexts(charter: Charter, site: Site, charterSeq: number) {
  const organisation = charter.organisation;
  return {
    scope: consentScope(charter, site.id),
    controller: {
      legalName: organisation.legalName,
      tradeName: organisation.tradeName,
      companyNumber: organisation.companyNumber,
      address: organisation.addresses[0],
      email: site.contact?.email ?? organisation.contact.email,
      phone: site.contact?.phone ?? organisation.contact.phone,
      web: organisation.contact.web,
      dpoEmail: organisation.dpo?.email,
      authority: organisation.authority,
    },
    site: { id: site.id, name: site.name, domain: site.domain },
    languages: site.languages ?? charter.languages,
    charterSeq,
    charterRevision: charterRevision(charter),
  };
}

export type ConsentTexts = ReturnType<typeof consentTexts>;
