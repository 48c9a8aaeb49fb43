/**
 * The SQL store connector: access, erasure, rectification, restriction and retention sweeps over any `SqlDriver`
 * (PostgreSQL, PGlite, MySQL/MariaDB), driven by the store's declaration in the charter. A thin composition: each
 * operation lives in its own module and receives the shared `SqlContext` (context.ts).
 *
 * lookup.ts (contacts by identity) · person-rows.ts (traversal and ownership) · access.ts (export) · erase.ts and
 * erase-decide.ts (erasure) · rectify.ts · restrict.ts (restriction and its lifting) · count-due.ts and sweep.ts
 * (retention, with retention-sql.ts and ledger.ts) · schema-cache.ts (live schema) · write.ts (writes by key).
 */
import type { LiveSchema, StoreConnector } from '../connector.js';
import { accessRows } from './access.js';
import { createSqlContext, type SqlConnectorOptions } from './context.js';
import { countDueRows } from './count-due.js';
import { Statement } from './driver.js';
import { eraseRows } from './erase.js';
import { createSweepLedger } from './ledger.js';
import { contactsOnFile } from './lookup.js';
import { rectifyRows } from './rectify.js';
import { restrictRows } from './restrict.js';
import { sweepBatch } from './sweep.js';
import { tableName } from './traverse.js';

export type { SqlConnectorOptions } from './context.js';
export { rowHold, toJson, writtenColumns } from './rows.js';

/** A `StoreConnector` over a SQL driver. */
export function createSqlConnector(options: SqlConnectorOptions): StoreConnector {
  const ctx = createSqlContext(options);
  const ledger = createSweepLedger(ctx.model, ctx.driver);
  return {
    id: ctx.id,
    kind: ctx.kind,
    capabilities: { introspect: true, sample: true },
    access: (request, sink) => accessRows(ctx, request, sink),
    contacts: (identities) => contactsOnFile(ctx, identities),
    erase: (request) => eraseRows(ctx, request),
    rectify: (request) => rectifyRows(ctx, request),
    restrict: (request) => restrictRows(ctx, request),
    countDue: (query) => countDueRows(ctx, query),
    sweptBatch: (jobId, batchId) => ledger.swept(jobId, batchId),
    sweep: (request) => sweepBatch(ctx, ledger, request),
    introspect: (): Promise<LiveSchema> => ctx.driver.introspect(ctx.model.schema),
    async sample(name: string, limit: number) {
      const statement = new Statement(ctx.driver.dialect);
      const { rows } = await ctx.driver.query(
        `select * from ${tableName(statement, ctx.model, name)} limit ${Math.max(1, Math.floor(limit))}`,
      );
      return rows;
    },
    close: () => ctx.driver.close(),
  };
}
