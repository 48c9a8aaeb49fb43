/** Migrations of the rights domain (0400–0499). Every table is organisation-owned and under row-level security. */
import { sql, type Kysely, type Migration } from 'kysely';
import { createOrganisationTable } from '../platform/db/ddl.js';

/** 0400: Requests, with the inbox and the per-identity indexes. */
async function createRequests(db: Kysely<unknown>) {
  await createOrganisationTable(db, 'rights_requests')`
        id uuid not null,
        reference text not null,
        site_id text not null,
        type text not null check (type in ('access', 'portability', 'rectification', 'erasure', 'restriction', 'objection', 'withdrawal')),
        state text not null check (state in ('received', 'awaiting-verification', 'verified', 'in-progress', 'awaiting-approval', 'completed', 'refused', 'withdrawn')),
        channel text not null check (channel in ('web', 'email', 'post', 'phone', 'counter', 'api')),
        language text not null,
        identity_type text not null,
        identity_value text not null,
        identity_hash text not null,
        declared_contact text,
        details jsonb not null default '{}',
        verification_level text not null,
        identity_known boolean,
        contacts jsonb not null default '[]',
        received_at timestamptz not null,
        due_on text not null,
        due_at timestamptz not null,
        extended_at timestamptz,
        extension_reason text,
        dispatched_at timestamptz,
        code_verified_at timestamptz,
        verified_at timestamptz,
        verified_by text,
        confirmed_at timestamptz,
        execute_after timestamptz,
        approved_at timestamptz,
        approved_by text,
        closed_at timestamptz,
        refusal_reason text,
        refusal_explanation text,
        override_requested_by text,
        override_requested_at timestamptz,
        override_reason text,
        plan jsonb,
        result jsonb,
        changes jsonb,
        attempts integer not null default 0,
        last_error text,
        next_attempt_at timestamptz,
        created_by text not null,
        updated_at timestamptz not null,
        primary key (organisation_id, id),
        unique (organisation_id, reference)`;
  await sql`create index rights_requests_inbox on rights_requests (organisation_id, state, due_at)`.execute(db);
  await sql`create index rights_requests_identity on rights_requests (organisation_id, identity_hash, received_at)`.execute(
    db,
  );
}

/** 0400: The timeline of each request. */
async function createEvents(db: Kysely<unknown>) {
  await createOrganisationTable(db, 'rights_events')`
        id bigint generated always as identity,
        request_id uuid not null,
        at timestamptz not null,
        actor text not null,
        kind text not null,
        from_state text,
        to_state text,
        data jsonb not null default '{}',
        primary key (organisation_id, id),
        foreign key (organisation_id, request_id) references rights_requests (organisation_id, id)`;
  await sql`create index rights_events_request on rights_events (organisation_id, request_id, id)`.execute(db);
}

/** 0400: Export packages (their content is dropped at expiry). */
async function createPackages(db: Kysely<unknown>) {
  await createOrganisationTable(db, 'rights_packages')`
        id uuid not null,
        request_id uuid not null,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        file_name text not null,
        size integer not null,
        sha256 text not null,
        content bytea,
        link_hash text not null,
        downloaded_at timestamptz,
        deleted_at timestamptz,
        primary key (organisation_id, id),
        unique (organisation_id, link_hash),
        foreign key (organisation_id, request_id) references rights_requests (organisation_id, id)`;
  await sql`create index rights_packages_expiry on rights_packages (organisation_id, expires_at) where content is not null`.execute(
    db,
  );
}

/** 0400: One-time codes and mailed links, stored as keyed hashes. */
async function createCodes(db: Kysely<unknown>) {
  await createOrganisationTable(db, 'rights_codes')`
        id uuid not null,
        request_id uuid not null,
        purpose text not null check (purpose in ('verify', 'cancel', 'download')),
        code_hash text,
        link_hash text,
        package_id uuid,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        used_at timestamptz,
        attempts integer not null default 0,
        locked_at timestamptz,
        primary key (organisation_id, id),
        foreign key (organisation_id, request_id) references rights_requests (organisation_id, id)`;
  await sql`create index rights_codes_request on rights_codes (organisation_id, request_id, purpose, created_at)`.execute(
    db,
  );
  await sql`create unique index rights_codes_link on rights_codes (organisation_id, link_hash) where link_hash is not null`.execute(
    db,
  );
}

/** 0400: Reminders sent to the privacy officer, one per request and kind. */
async function createReminders(db: Kysely<unknown>) {
  await createOrganisationTable(db, 'rights_reminders')`
        request_id uuid not null,
        kind text not null,
        sent_at timestamptz not null,
        primary key (organisation_id, request_id, kind),
        foreign key (organisation_id, request_id) references rights_requests (organisation_id, id)`;
}

/** 0400: Throttle counters of the first version (no code reads them now: platform/throttle.ts counts in throttle_counts). */
async function createThrottle(db: Kysely<unknown>) {
  await createOrganisationTable(db, 'rights_throttle')`
        key text not null,
        at timestamptz not null`;
  await sql`create index rights_throttle_key on rights_throttle (organisation_id, key, at)`.execute(db);
}

/** 0400: The organisation's key for keyed hashes. */
async function createKeys(db: Kysely<unknown>) {
  await createOrganisationTable(db, 'rights_keys', { key: 'one-per-organisation' })`
        key bytea not null,
        created_at timestamptz not null default now()`;
}

export const rightsMigrations: Record<string, Migration> = {
  '0400-rights-requests': {
    async up(db: Kysely<unknown>) {
      await createRequests(db);
      await createEvents(db);
      await createPackages(db);
      await createCodes(db);
      await createReminders(db);
      await createThrottle(db);
      await createKeys(db);
    },
  },
  '0401-rights-sessions': {
    async up(db: Kysely<unknown>) {
      // A browser's hold on one request: the filing browser's (proven_at null: it may see the status and type the
      // code), or the browser that presented the code or the link from the mail (proven_at set: it may confirm and
      // manage consents). Only a keyed hash of the cookie is kept.
      await createOrganisationTable(db, 'rights_sessions')`
          token_hash text not null,
          request_id uuid not null,
          created_at timestamptz not null,
          proven_at timestamptz,
          expires_at timestamptz not null,
          primary key (organisation_id, token_hash),
          foreign key (organisation_id, request_id) references rights_requests (organisation_id, id)`;
      await sql`create index rights_sessions_request on rights_sessions (organisation_id, request_id)`.execute(db);
      // Throttling moved to the atomic counters of throttle_counts (platform/throttle.ts).
      await sql`drop table rights_throttle`.execute(db);
    },
  },
  '0410-rights-notifications': {
    async up(db: Kysely<unknown>) {
      await createOrganisationTable(db, 'rights_notifications')`
          id uuid not null,
          request_id uuid not null,
          recipient text not null,
          channel text not null check (channel in ('store', 'mail', 'officer')),
          state text not null check (state in ('done', 'pending')),
          detail jsonb not null default '{}',
          created_at timestamptz not null,
          done_at timestamptz,
          done_by text,
          primary key (organisation_id, id),
          unique (organisation_id, request_id, recipient),
          foreign key (organisation_id, request_id) references rights_requests (organisation_id, id)`;
      // The officer's open Art. 19 tasks across requests.
      await sql`create index rights_notifications_pending on rights_notifications (organisation_id, state) where state = 'pending'`.execute(
        db,
      );
    },
  },
  '0420-rights-restricted-identities': {
    async up(db: Kysely<unknown>) {
      // Art. 18: the identities of restricted people, remembered by Charter where a store cannot mark the restriction
      // itself (a table without a restrictColumn): retention keeps every row they match, in every store. Stored like
      // the request's own identity (same table protection: organisation-scoped, row-level security); removed when the
      // restriction is lifted.
      await createOrganisationTable(db, 'rights_restricted_identities')`
          request_id uuid not null,
          identity_type text not null,
          identity_value text not null,
          created_at timestamptz not null,
          primary key (organisation_id, request_id, identity_type, identity_value),
          foreign key (organisation_id, request_id) references rights_requests (organisation_id, id)`;
    },
  },
};
