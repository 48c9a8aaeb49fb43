/**
 * Notice versions: every published charter revision that changes what a site's notice (or cookie policy) says, in
 * any of its languages, creates the next version of that document, dated with the revision. Versions are derived
 * from the revision history, so synchronising is idempotent and can run whenever convenient (on a page view, from the
 * job runner): the same history always gives the same versions.
 */
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/trail.js';
import type { Charter, Language } from '../charter/schema.js';
import { inOrganisation, requireScope, type OrgScope } from '../platform/db/tenancy.js';
import { acrossOrganisations } from '../platform/db/tenancy-guard.js';
import { buildCookiePolicy } from './build-cookie-policy.js';
import { buildNotice } from './build-notice.js';
import { documentHash, documentKinds, type DocumentKind, type NoticeDocument } from './document.js';
import { noticesView, type NoticesDb } from './tables.js';

export interface StoredVersion {
  siteId: string;
  kind: DocumentKind;
  version: number;
  revisionSeq: number;
  publishedAt: Date;
  languages: string[];
  significant: { markedAt: Date; markedBy: string; note: string | null } | null;
}

export const builders: Record<DocumentKind, (charter: Charter, siteId: string, language: Language) => NoticeDocument> =
  {
    'privacy-notice': buildNotice,
    'cookie-policy': buildCookiePolicy,
  };

function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Whether the organisation has charter revisions its versions do not reflect yet (a cheap read, no lock). */
async function isBehind(db: Kysely<NoticesDb>, organisationId: string): Promise<boolean> {
  const row = await inOrganisation(db, { organisationId }, (trx) =>
    trx
      .selectFrom('organisations as o')
      .leftJoin('notice_sync as s', 's.organisation_id', 'o.id')
      .select(['o.active_revision_seq as active', 's.revision_seq as synced'])
      .where('o.id', '=', organisationId)
      .executeTakeFirst(),
  );
  return Boolean(row?.active && row.active > (row.synced ?? 0));
}

/**
 * Creates the versions that charter revisions published since the last synchronisation imply. Safe to call
 * concurrently (the sync row is locked) and often (it returns at once when nothing is new).
 */
export async function syncNoticeVersions<DB extends NoticesDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
): Promise<{ created: number }> {
  const db = noticesView(anyDb);
  const organisationId = requireScope(scope);
  if (!(await isBehind(db, organisationId))) return { created: 0 };
  return inOrganisation(db, scope, async (trx) => {
    await trx
      .insertInto('notice_sync')
      .values({ organisation_id: organisationId, revision_seq: 0 })
      .onConflict((oc) => oc.column('organisation_id').doNothing())
      .execute();
    const sync = await trx
      .selectFrom('notice_sync')
      .select('revision_seq')
      .where('organisation_id', '=', organisationId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const revisions = await trx
      .selectFrom('charter_revisions')
      .select(['seq', 'charter', 'created_at'])
      .where('organisation_id', '=', organisationId)
      .where('seq', '>', sync.revision_seq)
      .orderBy('seq', 'asc')
      .execute();
    let created = 0;
    for (const revision of revisions) {
      const charter = parseJson<Charter>(revision.charter);
      for (const site of charter.sites) {
        for (const kind of documentKinds) {
          created += await recordIfChanged(trx, scope, {
            charter,
            siteId: site.id,
            kind,
            seq: revision.seq,
            publishedAt: revision.created_at,
          });
        }
      }
    }
    const last = revisions[revisions.length - 1];
    if (last)
      await trx
        .updateTable('notice_sync')
        .set({ revision_seq: last.seq })
        .where('organisation_id', '=', organisationId)
        .execute();
    return { created };
  });
}

async function recordIfChanged(
  trx: Transaction<NoticesDb>,
  scope: OrgScope,
  input: { charter: Charter; siteId: string; kind: DocumentKind; seq: number; publishedAt: Date },
): Promise<number> {
  const organisationId = requireScope(scope);
  const site = input.charter.sites.find((s) => s.id === input.siteId);
  const languages = site?.languages ?? input.charter.languages;
  const documents = languages.map((language) => {
    const document = builders[input.kind](input.charter, input.siteId, language);
    return { language, document, hash: documentHash(document) };
  });
  const latest = await trx
    .selectFrom('notice_versions')
    .select('version')
    .where('organisation_id', '=', organisationId)
    .where('site_id', '=', input.siteId)
    .where('kind', '=', input.kind)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (latest) {
    const previous = await documentsOf(trx, organisationId, input.siteId, input.kind)
      .select(['language', 'hash'])
      .where('version', '=', latest.version)
      .execute();
    const before = new Map(previous.map((row) => [row.language, row.hash]));
    const unchanged = previous.length === documents.length && documents.every((d) => before.get(d.language) === d.hash);
    if (unchanged) return 0;
  }
  const version = (latest?.version ?? 0) + 1;
  await trx
    .insertInto('notice_versions')
    .values({
      organisation_id: organisationId,
      site_id: input.siteId,
      kind: input.kind,
      version,
      revision_seq: input.seq,
      published_at: input.publishedAt,
    })
    .execute();
  await trx
    .insertInto('notice_version_documents')
    .values(
      documents.map((d) => ({
        organisation_id: organisationId,
        site_id: input.siteId,
        kind: input.kind,
        version,
        language: d.language,
        hash: d.hash,
        document: JSON.stringify(d.document),
      })),
    )
    .execute();
  await recordAudit(trx, scope, {
    actor: 'system',
    action: 'notice.version-published',
    target: `notice:${input.siteId}/${input.kind}/${version}`,
    data: {
      site: input.siteId,
      kind: input.kind,
      version,
      revisionSeq: input.seq,
      languages: documents.map((d) => d.language),
    },
  });
  return 1;
}

/** The documents (one per language) of every version of a site's document of one kind; callers pick the columns. */
function documentsOf(trx: Transaction<NoticesDb>, organisationId: string, siteId: string, kind: DocumentKind) {
  return trx
    .selectFrom('notice_version_documents')
    .where('organisation_id', '=', organisationId)
    .where('site_id', '=', siteId)
    .where('kind', '=', kind);
}

/**
 * A site's versions of one kind of document (`v`), each beside its significant-change mark (`s`; its columns are null
 * while the version is unmarked). Callers pick the columns and any further condition.
 */
export function versionsWithMark(
  trx: Transaction<NoticesDb>,
  organisationId: string,
  siteId: string,
  kind: DocumentKind,
) {
  return trx
    .selectFrom('notice_versions as v')
    .leftJoin('notice_significant_changes as s', (join) =>
      join
        .onRef('s.organisation_id', '=', 'v.organisation_id')
        .onRef('s.site_id', '=', 'v.site_id')
        .onRef('s.kind', '=', 'v.kind')
        .onRef('s.version', '=', 'v.version'),
    )
    .where('v.organisation_id', '=', organisationId)
    .where('v.site_id', '=', siteId)
    .where('v.kind', '=', kind);
}

/** Every version of a site's document, newest first, with the significant-change mark. */
export async function listVersions<DB extends NoticesDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  siteId: string,
  kind: DocumentKind,
): Promise<StoredVersion[]> {
  const db = noticesView(anyDb);
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    const rows = await versionsWithMark(trx, organisationId, siteId, kind)
      .select(['v.version', 'v.revision_seq', 'v.published_at', 's.marked_at', 's.marked_by', 's.note'])
      .orderBy('v.version', 'desc')
      .execute();
    const languages = await documentsOf(trx, organisationId, siteId, kind).select(['version', 'language']).execute();
    return rows.map((row) => ({
      siteId,
      kind,
      version: row.version,
      revisionSeq: row.revision_seq,
      publishedAt: row.published_at,
      languages: languages.filter((l) => l.version === row.version).map((l) => l.language),
      significant: row.marked_at
        ? { markedAt: row.marked_at, markedBy: row.marked_by ?? '', note: row.note ?? null }
        : null,
    }));
  });
}

export interface VersionDocument {
  version: number;
  revisionSeq: number;
  publishedAt: Date;
  language: string;
  languages: string[];
  document: NoticeDocument;
}

/**
 * A version's document in one language: the latest version when `version` is absent. When that version lacks the
 * language, `language` is undefined in the answer's request and the caller picks among `languages`.
 */
export async function versionDocument<DB extends NoticesDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  input: { siteId: string; kind: DocumentKind; version?: number | undefined; language: string },
): Promise<VersionDocument | undefined> {
  const db = noticesView(anyDb);
  const organisationId = requireScope(scope);
  return inOrganisation(db, scope, async (trx) => {
    let query = trx
      .selectFrom('notice_versions')
      .select(['version', 'revision_seq', 'published_at'])
      .where('organisation_id', '=', organisationId)
      .where('site_id', '=', input.siteId)
      .where('kind', '=', input.kind);
    query =
      input.version === undefined
        ? query.orderBy('version', 'desc').limit(1)
        : query.where('version', '=', input.version);
    const version = await query.executeTakeFirst();
    if (!version) return undefined;
    const documents = await documentsOf(trx, organisationId, input.siteId, input.kind)
      .select(['language', 'document'])
      .where('version', '=', version.version)
      .execute();
    const chosen = documents.find((d) => d.language === input.language) ?? documents[0];
    if (!chosen) return undefined;
    return {
      version: version.version,
      revisionSeq: version.revision_seq,
      publishedAt: version.published_at,
      language: chosen.language,
      languages: documents.map((d) => d.language),
      document: parseJson<NoticeDocument>(chosen.document),
    };
  });
}

/** The charter revisions a version and its predecessor were published from (for the structural diff). */
export async function versionRevisions<DB extends NoticesDb>(
  anyDb: Kysely<DB>,
  scope: OrgScope,
  input: { siteId: string; kind: DocumentKind; version: number },
): Promise<{ before: Charter | undefined; after: Charter } | undefined> {
  const db = noticesView(anyDb);
  return inOrganisation(db, scope, (trx) => revisionsOfVersion(trx, scope, input));
}

/** `versionRevisions` inside an open organisation transaction. */
export async function revisionsOfVersion<DB extends NoticesDb>(
  anyTrx: Transaction<DB>,
  scope: OrgScope,
  input: { siteId: string; kind: DocumentKind; version: number },
): Promise<{ before: Charter | undefined; after: Charter } | undefined> {
  const trx = noticesView(anyTrx);
  const organisationId = requireScope(scope);
  const rows = await trx
    .selectFrom('notice_versions as v')
    .innerJoin('charter_revisions as r', (join) =>
      join.onRef('r.organisation_id', '=', 'v.organisation_id').onRef('r.seq', '=', 'v.revision_seq'),
    )
    .select(['v.version', 'r.charter'])
    .where('v.organisation_id', '=', organisationId)
    .where('v.site_id', '=', input.siteId)
    .where('v.kind', '=', input.kind)
    .where('v.version', 'in', [input.version - 1, input.version])
    .execute();
  const after = rows.find((r) => r.version === input.version);
  if (!after) return undefined;
  const before = rows.find((r) => r.version === input.version - 1);
  return { before: before ? parseJson<Charter>(before.charter) : undefined, after: parseJson<Charter>(after.charter) };
}

/** Organisations whose versions are behind their charter (for the job runner). Installation-level read. */
export async function organisationsBehind<DB extends NoticesDb>(anyDb: Kysely<DB>): Promise<string[]> {
  const db = noticesView(anyDb);
  // Which organisations have work: only their ids leave this query; the work itself runs scoped, per organisation.
  const rows = await acrossOrganisations('find organisations whose notices are behind', () =>
    db
      .selectFrom('organisations as o')
      .leftJoin('notice_sync as s', 's.organisation_id', 'o.id')
      .select('o.id')
      .where('o.active_revision_seq', 'is not', null)
      .where((eb) =>
        eb.or([eb('s.revision_seq', 'is', null), eb('s.revision_seq', '<', eb.ref('o.active_revision_seq'))]),
      )
      .execute(),
  );
  return rows.map((r) => r.id);
}
