/**
 * Organisations: the tenants of an installation. Created from a charter's `organisation.id` the first time it is
 * applied, or by the console. This table is the root of tenancy and is itself looked up by slug or id.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { OrgScope } from '../platform/db/tenancy.js';

export interface Organisation {
  id: string;
  slug: string;
  name: string;
}

export async function findOrganisationBySlug(db: Kysely<Database>, slug: string): Promise<Organisation | undefined> {
  return db.selectFrom('organisations').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
}

export async function findOrganisation(db: Kysely<Database>, scope: OrgScope): Promise<Organisation | undefined> {
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name'])
    .where('id', '=', scope.organisationId)
    .executeTakeFirst();
}

export async function listOrganisations(db: Kysely<Database>): Promise<Organisation[]> {
  return db.selectFrom('organisations').select(['id', 'slug', 'name']).orderBy('slug').execute();
}

/** Finds the organisation with this slug, creating it when absent. */
export async function ensureOrganisation(db: Kysely<Database>, slug: string, name: string): Promise<Organisation> {
  await db
    .insertInto('organisations')
    .values({ id: randomUUID(), slug, name, active_revision_seq: null })
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
  const organisation = await findOrganisationBySlug(db, slug);
  if (!organisation) throw new Error('organisation vanished after insert');
  return organisation;
}
