/** Migrations of the stores domain (0300–0399). Every table is organisation-owned: `organisation_id` leads. */
import type { Kysely, Migration } from 'kysely';
import { createOrganisationTable } from '../platform/db/ddl.js';
import { enableOrganisationRls } from '../platform/db/rls.js';

export const storeMigrations: Record<string, Migration> = {
  '0300-store-jobs': {
    async up(db: Kysely<unknown>) {
      // A job acting on the organisation's stores for one subject (erasure, rectification, restriction). The
      // identities are never stored: only a digest, so a re-run can prove it is the same job.
      await createOrganisationTable(db, 'store_jobs', { rls: false })`
          id text not null,
          kind text not null check (kind in ('erasure', 'rectification', 'restriction')),
          identity_digest text not null,
          dry_run boolean not null default false,
          status text not null check (status in ('running', 'completed', 'failed')),
          actor text not null,
          created_at timestamptz not null,
          updated_at timestamptz not null,
          completed_at timestamptz,
          primary key (organisation_id, id)`;
      // One step per store: done steps are never repeated when the job runs again after a crash.
      await createOrganisationTable(db, 'store_job_steps', { rls: false })`
          job_id text not null,
          store_id text not null,
          status text not null check (status in ('pending', 'done', 'failed')),
          attempts integer not null default 0,
          result jsonb,
          error text,
          updated_at timestamptz not null,
          primary key (organisation_id, job_id, store_id),
          foreign key (organisation_id, job_id) references store_jobs (organisation_id, id)`;
      await enableOrganisationRls(db, 'store_jobs');
      await enableOrganisationRls(db, 'store_job_steps');
    },
  },
};
