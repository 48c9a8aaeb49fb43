/**
 * Charter revisions: the full history of every organisation's declaration, the active one, and the public site
 * registry derived from it. Applying a charter is one transaction: new revision, sites, audit entry.
 */
import type { Kysely, Transaction } from 'kysely';
import { emitWebhookEvent } from '../webhooks/events.js';
import { recordAudit } from '../audit/trail.js';
import { type CharterDb, type CharterReadDb, charterReadView, charterView } from './views.js';
import { conflict } from '../platform/errors.js';
import { organisationArchived } from '../accounts/organisations.js';
import { inOrganisation, requireScope, withinOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import { charterRevision } from './revision.js';
import type { Charter } from './schema.js';
import { defaultText } from './localized.js';

export interface StoredRevision {
  seq: number;
  revision: string;
  charter: Charter;
  source: string;
  format: 'yaml' | 'json';
  createdAt: Date;
  createdBy: string;
  restoredFrom: number | null;
}

export interface ApplyResult {
  seq: number;
  revision: string;
  changed: boolean;
}

/** Stores `charter` as the organisation's active revision unless it is already active. */
export async function applyCharter<DB extends CharterDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  input: {
    charter: Charter;
    source: string;
    format: 'yaml' | 'json';
    actor: string;
    restoredFrom?: number;
    /** The active revision the text was edited from (0: none yet); another one active by now refuses with a conflict. */
    baseSeq?: number;
  },
): Promise<ApplyResult> {
  const db = charterView(anyDb);
  const organisationId = requireScope(scope);
  const revision = charterRevision(input.charter);
  return inOrganisation(db, scope, async (trx) => {
    const organisation = await trx
      .selectFrom('organisations')
      .select(['active_revision_seq'])
      .where('id', '=', organisationId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const active = organisation.active_revision_seq
      ? await trx
          .selectFrom('charter_revisions')
          .select(['revision', 'seq'])
          .where('organisation_id', '=', organisationId)
          .where('seq', '=', organisation.active_revision_seq)
          .executeTakeFirst()
      : undefined;
    if (active?.revision === revision) return { seq: active.seq, revision, changed: false };
    if (input.baseSeq !== undefined && input.baseSeq !== (organisation.active_revision_seq ?? 0)) {
      // Two people editing at once: the later publish would silently undo the other's revision.
      throw conflict(
        `Revision ${organisation.active_revision_seq ?? 0} was published since this text was opened (from revision ${input.baseSeq}); nothing was applied.`,
        [{ path: 'body.baseSeq', message: `the active revision is ${organisation.active_revision_seq ?? 0}` }],
      );
    }

    const siteIds = input.charter.sites.map((s) => s.id);
    const taken = await trx
      .selectFrom('sites')
      .select('site_id')
      .where('site_id', 'in', siteIds)
      .where('organisation_id', '!=', organisationId)
      .execute();
    if (taken.length > 0) {
      throw conflict(
        'Site ids must be unique in this installation.',
        taken.map((t) => ({ path: 'sites', message: `site id "${t.site_id}" belongs to another organisation` })),
      );
    }

    const last = await trx
      .selectFrom('charter_revisions')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    const seq = (last?.seq ?? 0) + 1;
    await trx
      .insertInto('charter_revisions')
      .values({
        organisation_id: organisationId,
        seq,
        revision,
        source: input.source,
        format: input.format,
        charter: JSON.stringify(input.charter),
        created_by: input.actor,
        restored_from: input.restoredFrom ?? null,
      })
      .execute();
    await trx
      .updateTable('organisations')
      .set({ active_revision_seq: seq, name: defaultText(input.charter.organisation.legalName, input.charter) })
      .where('id', '=', organisationId)
      .execute();
    await trx.deleteFrom('sites').where('organisation_id', '=', organisationId).execute();
    await trx
      .insertInto('sites')
      .values(input.charter.sites.map((s) => ({ site_id: s.id, organisation_id: organisationId, domain: s.domain })))
      .execute();
    await recordAudit(trx, scope, {
      actor: input.actor,
      action: input.restoredFrom === undefined ? 'charter.applied' : 'charter.rolled-back',
      target: `charter:${seq}`,
      data: {
        seq,
        revision,
        previous: active?.revision ?? null,
        ...(input.restoredFrom === undefined ? {} : { restoredFrom: input.restoredFrom }),
      },
    });
    await emitWebhookEvent(trx, scope, 'charter.applied', { seq, revision }, new Date());
    return { seq, revision, changed: true };
  });
}

/** The active charter of an organisation, or undefined before the first apply. */
export async function activeCharter<DB extends CharterReadDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
): Promise<StoredRevision | undefined> {
  const db = charterReadView(anyDb);
  const organisationId = requireScope(scope);
  return withinOrganisation(db, scope, async (db) => {
    const row = await db
      .selectFrom('charter_revisions as r')
      .innerJoin('organisations as o', (join) =>
        join.onRef('o.id', '=', 'r.organisation_id').onRef('o.active_revision_seq', '=', 'r.seq'),
      )
      .select([
        'r.seq',
        'r.revision',
        'r.charter',
        'r.source',
        'r.format',
        'r.created_at',
        'r.created_by',
        'r.restored_from',
      ])
      .where('r.organisation_id', '=', organisationId)
      .executeTakeFirst();
    return row ? toStored(row) : undefined;
  });
}

/** One revision by sequence number. */
export async function charterRevisionBySeq<DB extends CharterReadDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
  seq: number,
): Promise<StoredRevision | undefined> {
  const db = charterReadView(anyDb);
  const organisationId = requireScope(scope);
  return withinOrganisation(db, scope, async (db) => {
    const row = await db
      .selectFrom('charter_revisions')
      .select(['seq', 'revision', 'charter', 'source', 'format', 'created_at', 'created_by', 'restored_from'])
      .where('organisation_id', '=', organisationId)
      .where('seq', '=', seq)
      .executeTakeFirst();
    return row ? toStored(row) : undefined;
  });
}

/** The history of revisions, newest first, without their content. */
export async function listRevisions<DB extends CharterReadDb>(anyDb: Kysely<DB> | Transaction<DB>, scope: OrgScope) {
  const db = charterReadView(anyDb);
  const organisationId = requireScope(scope);
  return withinOrganisation(db, scope, async (db) => {
    return db
      .selectFrom('charter_revisions')
      .select([
        'seq',
        'revision',
        'created_at as createdAt',
        'created_by as createdBy',
        'restored_from as restoredFrom',
      ])
      .where('organisation_id', '=', organisationId)
      .orderBy('seq', 'desc')
      .execute();
  });
}

/**
 * The organisation a public site id belongs to (banner, privacy center, notices). A site of an archived organisation
 * throws 410 Gone here, the one place every public route resolves a site, so none of them can forget it.
 */
export async function findSite<DB extends CharterReadDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  siteId: string,
): Promise<{ organisationId: string } | undefined> {
  const db = charterReadView(anyDb);
  const row = await db
    .selectFrom('sites as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.organisation_id', 'o.archived_at'])
    .where('s.site_id', '=', siteId)
    .executeTakeFirst();
  if (row && row.archived_at !== null) throw organisationArchived();
  return row ? { organisationId: row.organisation_id } : undefined;
}

function toStored(row: {
  seq: number;
  revision: string;
  charter: unknown;
  source: string;
  format: 'yaml' | 'json';
  created_at: Date;
  created_by: string;
  restored_from: number | null;
}): StoredRevision {
  const charter = (typeof row.charter === 'string' ? JSON.parse(row.charter) : row.charter) as Charter;
  return {
    seq: row.seq,
    revision: row.revision,
    charter,
    source: row.source,
    format: row.format,
    createdAt: row.created_at,
    createdBy: row.created_by,
    restoredFrom: row.restored_from,
  };
}

/** The parts of a charter that may be shown to anyone: everything but the store wiring. */
export function publicCharter(charter: Charter): Omit<Charter, 'stores'> {
  const { stores: _stores, ...rest } = charter;
  return rest;
}
