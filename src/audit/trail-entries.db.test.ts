/**
 * Several audit entries written under one lock of the chain (`recordAuditEntries`): in order, each chained to the one
 * before it, the head moved to the last, and the verifier content — also when several writers append at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/support/database.js';
import { ensureOrganisation } from '../accounts/organisations.js';
import type { Database } from '../database.js';
import type { OpenDatabase } from '../platform/db/database.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { recordAudit, recordAuditEntries } from './trail.js';
import { verifyChain } from './verify.js';

let database: OpenDatabase<Database>;
let scope: { organisationId: string };

beforeAll(async () => {
  database = await testDatabase();
  scope = { organisationId: (await ensureOrganisation(database.db, 'entries-test', 'Entries Test')).id };
}, 60_000);
afterAll(() => database?.close());

const entry = (action: string) => ({ actor: 'system', action, target: 'request:r1', data: { n: action } });

describe('several audit entries under one lock', () => {
  it('writes them in order, each chained to the previous one, and moves the head to the last', async () => {
    await inOrganisation(database.db, scope, (trx) => recordAudit(trx, scope, entry('first')));
    const written = await inOrganisation(database.db, scope, (trx) =>
      recordAuditEntries(trx, scope, [entry('second'), entry('third'), entry('fourth')]),
    );
    expect(written.map((e) => [e.seq, e.action])).toEqual([
      [2, 'second'],
      [3, 'third'],
      [4, 'fourth'],
    ]);
    expect(written[1]!.prevHash).toBe(written[0]!.hash);
    expect(written[2]!.prevHash).toBe(written[1]!.hash);
    const stored = await inOrganisation(database.db, scope, (trx) =>
      trx
        .selectFrom('audit_entries')
        .select(['seq', 'action', 'prev_hash', 'hash'])
        .where('organisation_id', '=', scope.organisationId)
        .orderBy('seq')
        .execute(),
    );
    expect(stored.map((e) => e.action)).toEqual(['first', 'second', 'third', 'fourth']);
    for (let i = 1; i < stored.length; i++) expect(stored[i]!.prev_hash).toBe(stored[i - 1]!.hash);
    const head = await inOrganisation(database.db, scope, (trx) =>
      trx
        .selectFrom('audit_heads')
        .select(['seq', 'hash'])
        .where('organisation_id', '=', scope.organisationId)
        .executeTakeFirstOrThrow(),
    );
    expect(head).toEqual({ seq: 4, hash: stored[3]!.hash });
    expect((await verifyChain(database.db, scope)).ok).toBe(true);
  });

  it('writes nothing and leaves the head alone for no entries', async () => {
    const before = await verifyChain(database.db, scope);
    expect(await inOrganisation(database.db, scope, (trx) => recordAuditEntries(trx, scope, []))).toEqual([]);
    const after = await verifyChain(database.db, scope);
    expect(after.headSeq).toBe(before.headSeq);
    expect(after.ok).toBe(true);
  });

  it('keeps one unbroken chain when single and batched writers append at the same time', async () => {
    const before = await verifyChain(database.db, scope);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        inOrganisation(database.db, scope, async (trx) => {
          if (i % 2) await recordAudit(trx, scope, entry(`single-${i}`));
          else await recordAuditEntries(trx, scope, [entry(`batch-${i}-a`), entry(`batch-${i}-b`)]);
        }),
      ),
    );
    const after = await verifyChain(database.db, scope);
    expect(after.ok).toBe(true);
    expect(after.headSeq).toBe(before.headSeq + 6 + 12);
    expect(after.entries).toBe(before.entries + 18);
  });
});
