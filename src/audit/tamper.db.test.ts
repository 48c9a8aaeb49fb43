/**
 * Audit tamper cases against a running server (a real socket): what a database writer, an API client with the
 * audit scope, and a holder of another organisation's checkpoint can try, and what the server says.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from '../../test/support/auth.js';
import { buildCharter } from '../../test/support/charter.js';
import { serveTestApp, type ServedApp } from '../../test/support/server.js';
import { ensureOrganisation } from '../accounts/organisations.js';
import type { Database } from '../database.js';
import { declaredRoutes } from '../platform/http/routes.js';
import { inOrganisation } from '../platform/db/tenancy.js';
import { takeCheckpoint, type Checkpoint } from './checkpoint.js';
import { auditKeyFrom } from './key.js';
import { plainEntryHash, recordAudit } from './trail.js';

let served: ServedApp;
let reader: { authorization: string };
let otherOrganisation: string;

interface Report {
  ok: boolean;
  firstBreak: { kind: string; seq: number; message: string } | null;
  checkpoint: { status: string } | null;
}

async function call(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${served.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...reader, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
    ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    json: (text ? JSON.parse(text) : undefined) as Record<string, unknown> &
      Report &
      Checkpoint & { error: { code: string; details: { path: string; message: string }[] } },
  };
}

async function asDatabaseWriter(work: (trx: Kysely<Database>) => Promise<unknown>): Promise<void> {
  await served.database.db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await work(trx);
  });
}

const organisationId = () => served.organisationId!;

beforeAll(async () => {
  served = await serveTestApp({ charter: buildCharter() });
  reader = await tokenFor(served, ['audit:read']);
  const scope = { organisationId: organisationId() };
  for (let i = 1; i <= 4; i++)
    await inOrganisation(served.database.db, scope, (trx) =>
      recordAudit(trx, scope, { actor: 'system', action: `tamper.step${i}`, data: { i } }),
    );
  otherOrganisation = (await ensureOrganisation(served.database.db, 'other-co', 'Other Co')).id;
  const other = { organisationId: otherOrganisation };
  await inOrganisation(served.database.db, other, (trx) =>
    recordAudit(trx, other, { actor: 'system', action: 'other.step' }),
  );
}, 120_000);
afterAll(() => served?.close());

describe('audit tampering against a running server', () => {
  it('offers no HTTP way to change or delete entries', async () => {
    const audit = declaredRoutes(served.app).filter((spec) => spec.url.startsWith('/api/v1/audit'));
    expect(audit.map((spec) => `${spec.method} ${spec.url}`).sort()).toEqual([
      'GET /api/v1/audit',
      'GET /api/v1/audit/actions',
      'GET /api/v1/audit/checkpoint',
      'GET /api/v1/audit/export',
      'GET /api/v1/audit/verify',
      'POST /api/v1/audit/verify',
    ]);
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      for (const path of ['/api/v1/audit', '/api/v1/audit/1', '/api/v1/audit/verify']) {
        expect((await call(path, { method })).status).toBe(404);
      }
    }
    expect((await call('/api/v1/audit/checkpoint', { headers: { authorization: '' } })).status).toBe(401);
    expect((await call('/api/v1/audit/checkpoint', { headers: await tokenFor(served, ['charter:read']) })).status).toBe(
      403,
    );
  });

  it('refuses forged, foreign, other-organisation and malformed checkpoints with a 4xx naming the field', async () => {
    const checkpoint = (await call('/api/v1/audit/checkpoint')).json;
    const refused = async (body: unknown) => {
      const response = await call('/api/v1/audit/verify', { method: 'POST', body });
      expect(response.status, JSON.stringify(response.json)).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      return response.json.error?.details?.[0]?.path;
    };
    expect(await refused({ ...checkpoint, seq: 1 })).toBe('body.signature');
    expect(await refused({ ...checkpoint, entries: checkpoint.entries + 1 })).toBe('body.signature');
    // Signed by a key of the forger's own, public key included: not this installation's key. (Taken on a throwaway
    // organisation: the forger's key also leaves an entry in the chain, which the verifier would report as foreign.)
    const forger = auditKeyFrom(randomBytes(32));
    const throwaway = (await ensureOrganisation(served.database.db, 'forger-co', 'Forger Co')).id;
    const forged = await takeCheckpoint(
      served.database.db,
      { organisationId: throwaway },
      { organisationSlug: 'testco', actor: 'system', key: forger },
    );
    expect(await refused(forged)).toBe('body.publicKey');
    // Genuine, but of another organisation.
    const other = await takeCheckpoint(
      served.database.db,
      { organisationId: otherOrganisation },
      { organisationSlug: 'other-co', actor: 'system' },
    );
    expect(await refused(other)).toBe('body.organisation.id');
    expect(await refused({ ...checkpoint, headHash: 'x' })).toBe('body.headHash');
    expect(await refused({ ...checkpoint, format: 'charter-audit-checkpoint/0' })).toBe('body.format');
    // Nesting past the bound is refused before any schema, naming the body.
    expect(
      await refused(
        '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
      ),
    ).toBe('body');
    expect(await refused({ ...checkpoint, signature: 'a'.repeat(100_000) })).toBeUndefined();
  });

  it('reports an edited entry rehashed with plain SHA-256, then a head moved back against an earlier checkpoint', async () => {
    const checkpoint = (await call('/api/v1/audit/checkpoint')).json;
    expect((await call('/api/v1/audit/verify', { method: 'POST', body: checkpoint })).json).toMatchObject({
      ok: true,
      checkpoint: { status: 'matches' },
    });

    // A writer edits entry 3 and rehashes it with plain SHA-256, keeping the key id: the keyed hash no longer holds.
    const row = await served.database.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('organisation_id', '=', organisationId())
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    const original = { actor: row.actor, hash: row.hash };
    const edited = {
      seq: 3,
      at: new Date(row.at),
      actor: 'user:mallory',
      action: row.action,
      target: row.target,
      data: row.data,
    };
    await asDatabaseWriter((trx) =>
      sql`update audit_entries set actor = 'user:mallory', hash = ${plainEntryHash(row.prev_hash, edited)} where organisation_id = ${organisationId()} and seq = 3`.execute(
        trx,
      ),
    );
    const verified = (await call('/api/v1/audit/verify')).json;
    expect(verified).toMatchObject({ ok: false, firstBreak: { kind: 'edited', seq: 3 } });
    expect(verified.firstBreak?.message).toBe(
      `entry 3 (${row.action}) was edited: its content does not match its keyed hash (changed, or rehashed without the audit key)`,
    );
    await asDatabaseWriter((trx) =>
      sql`update audit_entries set actor = ${original.actor}, hash = ${original.hash} where organisation_id = ${organisationId()} and seq = 3`.execute(
        trx,
      ),
    );
    expect((await call('/api/v1/audit/verify')).json).toMatchObject({ ok: true });

    // The writer cuts the chain short and moves the head back: the chain alone looks whole, the checkpoint does not.
    await asDatabaseWriter(async (trx) => {
      const keep = checkpoint.seq - 2;
      const last = await trx
        .selectFrom('audit_entries')
        .select('hash')
        .where('organisation_id', '=', organisationId())
        .where('seq', '=', keep)
        .executeTakeFirstOrThrow();
      await sql`delete from audit_entries where organisation_id = ${organisationId()} and seq > ${keep}`.execute(trx);
      await sql`update audit_heads set seq = ${keep}, hash = ${last.hash} where organisation_id = ${organisationId()}`.execute(
        trx,
      );
    });
    expect((await call('/api/v1/audit/verify')).json).toMatchObject({ ok: true });
    const compared = (await call('/api/v1/audit/verify', { method: 'POST', body: checkpoint })).json;
    expect(compared).toMatchObject({
      ok: false,
      firstBreak: { kind: 'truncated', seq: checkpoint.seq - 1 },
      checkpoint: { status: 'broken' },
    });
    expect(compared.firstBreak?.message).toContain(`were removed and the head moved back`);
  });
});
