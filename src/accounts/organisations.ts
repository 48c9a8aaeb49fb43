/**
 * Organisations: the tenants of an installation. Created by the first-run setup, from a charter's `organisation.id`
 * the first time it is applied, or by an installation operator on a running installation (API, console, CLI), who
 * may also archive one: its rows are kept, its public pages answer 410 Gone and its jobs stop, until it is
 * unarchived. This table is the root of tenancy and is itself looked up by slug or id.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/trail.js';
import { type AccountsDb, accountsView } from './tables.js';
import { enterOrganisation, type OrgScope } from '../platform/db/tenancy.js';
import { AppError, conflict, notFound } from '../platform/errors.js';
import type { Role } from './caller.js';
import { addMembership, ensureUser } from './users.js';

export interface Organisation {
  id: string;
  slug: string;
  name: string;
}

export async function findOrganisationBySlug<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  slug: string,
): Promise<Organisation | undefined> {
  const db = accountsView(anyDb);
  return db.selectFrom('organisations').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
}

export async function findOrganisation<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  scope: OrgScope,
): Promise<Organisation | undefined> {
  const db = accountsView(anyDb);
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name'])
    .where('id', '=', scope.organisationId)
    .executeTakeFirst();
}

export async function listOrganisations<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
): Promise<Organisation[]> {
  const db = accountsView(anyDb);
  return db.selectFrom('organisations').select(['id', 'slug', 'name']).orderBy('slug').execute();
}

/** Finds the organisation with this slug, creating it when absent. */
export async function ensureOrganisation<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  slug: string,
  name: string,
): Promise<Organisation> {
  const db = accountsView(anyDb);
  await db
    .insertInto('organisations')
    .values({ id: randomUUID(), slug, name, active_revision_seq: null })
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
  const organisation = await findOrganisationBySlug(db, slug);
  if (!organisation) throw new Error('organisation vanished after insert');
  return organisation;
}

/** An organisation as an operator sees it in the list of the installation's organisations. */
export interface OrganisationEntry extends Organisation {
  createdAt: Date;
  archivedAt: Date | null;
  /** Site ids of its active charter, from the public site index (no organisation rows are read). */
  sites: string[];
}

/** Installation-level: every organisation with its sites, archived ones included (for operators). */
export async function listOrganisationEntries<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
): Promise<OrganisationEntry[]> {
  const db = accountsView(anyDb);
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'created_at', 'archived_at'])
    .orderBy('slug')
    .execute();
  const sites = await db.selectFrom('sites').select(['site_id', 'organisation_id']).orderBy('site_id').execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    createdAt: new Date(r.created_at),
    archivedAt: r.archived_at === null ? null : new Date(r.archived_at),
    sites: sites.filter((s) => s.organisation_id === r.id).map((s) => s.site_id),
  }));
}

/** The answer of an archived organisation's public pages and banner: 410 Gone, said plainly in every language. */
export function organisationArchived(): AppError {
  return new AppError('organisation_archived', 410, archivedTexts.en, [], archivedPage);
}

const archivedTexts = {
  en: "This organisation's privacy pages are no longer published here.",
  nl: 'De privacypagina’s van deze organisatie worden hier niet meer gepubliceerd.',
  fr: 'Les pages de confidentialité de cette organisation ne sont plus publiées ici.',
  de: 'Die Datenschutzseiten dieser Organisation werden hier nicht mehr veröffentlicht.',
} as const;

/** One page in the four languages: the visitor's language is not known from an archived site's charter any more. */
const archivedPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>410 Gone</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}</style></head>
<body><main><h1>410 Gone</h1>
<p lang="en">${archivedTexts.en}</p>
<p lang="nl">${archivedTexts.nl}</p>
<p lang="fr">${archivedTexts.fr}</p>
<p lang="de">${archivedTexts.de}</p>
</main></body></html>
`;

/** Whether the organisation is archived (its public face answers 410, its jobs do not run). */
export async function isArchived<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  organisationId: string,
): Promise<boolean> {
  const db = accountsView(anyDb);
  const row = await db
    .selectFrom('organisations')
    .select('archived_at')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row?.archived_at !== null && row?.archived_at !== undefined;
}

/**
 * Creates an organisation with its first owner (by address; a new user gets a password link from the caller). Audited
 * in the new organisation's trail (`organisation.created`, `member.added`) in the same transaction. A slug already
 * taken is a 409 on `body.slug`.
 */
export async function createOrganisation<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  input: { slug: string; name: string; ownerEmail: string; actor: string },
  now: Date,
): Promise<{ organisation: Organisation; owner: { userId: string; created: boolean; hasPassword: boolean } }> {
  const db = accountsView(anyDb);
  return db.transaction().execute(async (trx) => {
    const id = randomUUID();
    const inserted = await trx
      .insertInto('organisations')
      .values({ id, slug: input.slug, name: input.name, active_revision_seq: null })
      .onConflict((oc) => oc.column('slug').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted)
      throw conflict(`An organisation "${input.slug}" exists already.`, [{ path: 'body.slug', message: 'taken' }]);
    const user = await ensureUser(trx, input.ownerEmail);
    const scope = { organisationId: id };
    await enterOrganisation(trx, scope);
    await recordAudit(
      trx,
      scope,
      { actor: input.actor, action: 'organisation.created', target: `organisation:${id}`, data: { slug: input.slug } },
      now,
    );
    await addMembership(trx, scope, user.id, 'owner' satisfies Role, input.actor, now);
    return {
      organisation: { id, slug: input.slug, name: input.name },
      owner: { userId: user.id, created: user.created, hasPassword: user.hasPassword },
    };
  });
}

/**
 * Archives (or unarchives) an organisation by slug. Nothing is deleted. Audited in its own trail; archiving what is
 * archived already (or the reverse) changes nothing and writes nothing.
 */
export async function setOrganisationArchived<DB extends AccountsDb>(
  anyDb: Kysely<DB> | Transaction<DB>,
  input: { slug: string; archived: boolean; actor: string },
  now: Date,
): Promise<{ organisation: Organisation; archivedAt: Date | null; changed: boolean }> {
  const db = accountsView(anyDb);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('organisations')
      .select(['id', 'slug', 'name', 'archived_at'])
      .where('slug', '=', input.slug)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('organisation');
    const organisation = { id: row.id, slug: row.slug, name: row.name };
    const wasArchived = row.archived_at !== null;
    if (wasArchived === input.archived)
      return { organisation, archivedAt: row.archived_at === null ? null : new Date(row.archived_at), changed: false };
    const archivedAt = input.archived ? now : null;
    await trx.updateTable('organisations').set({ archived_at: archivedAt }).where('id', '=', row.id).execute();
    await enterOrganisation(trx, { organisationId: row.id });
    await recordAudit(
      trx,
      { organisationId: row.id },
      {
        actor: input.actor,
        action: input.archived ? 'organisation.archived' : 'organisation.unarchived',
        target: `organisation:${row.id}`,
      },
      now,
    );
    return { organisation, archivedAt, changed: true };
  });
}
