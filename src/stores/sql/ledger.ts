/**
 * The sweep ledger: one row per retention run (job) in the store, holding its last batch's effect, written in the
 * batch's own transaction, so a batch that committed before a crash is recounted, not repeated.
 */
import type { SweepResult, SweptBatch } from '../connector.js';
import type { StoreModel } from '../plan.js';
import { Statement, type SqlDriver, type SqlSession } from './driver.js';
import { tableName } from './traverse.js';

/** The table of the sweep ledger in the store (in the store's schema on PostgreSQL). */
function ledgerName(statement: Statement, model: StoreModel): string {
  return tableName(statement, model, 'charter_retention_ledger');
}

export interface SweepLedger {
  /** Creates the table once per connector; false when the store refuses (sweeps then go on without it). */
  ready(): Promise<boolean>;
  record(session: SqlSession, jobId: string, batchId: string, result: SweepResult): Promise<void>;
  /** The effect of the run's last batch, if it was `batchId`. */
  swept(jobId: string, batchId: string): Promise<SweptBatch | undefined>;
}

export function createSweepLedger(model: StoreModel, driver: SqlDriver): SweepLedger {
  // Created outside any transaction (DDL commits implicitly on MySQL).
  let ledger: Promise<boolean> | undefined;
  return {
    ready: () =>
      (ledger ??= (async () => {
        const statement = new Statement(driver.dialect);
        const engine = driver.dialect === 'mysql' ? ' engine=InnoDB' : '';
        try {
          await driver.query(
            `create table if not exists ${ledgerName(statement, model)} (job_id varchar(64) primary key, batch_id varchar(64) not null, deleted bigint not null, anonymised bigint not null, reduced varchar(4000) not null)${engine}`,
          );
          return true;
        } catch {
          // A role without CREATE: sweeps go on without the ledger (a crash between commit and record is then not recounted).
          return false;
        }
      })()),

    async record(session, jobId, batchId, result) {
      const statement = new Statement(session.dialect);
      const values = [jobId, batchId, result.deleted, result.anonymised, JSON.stringify(result.reduced)].map((v) =>
        statement.param(v),
      );
      const columns = '(job_id, batch_id, deleted, anonymised, reduced)';
      const update =
        session.dialect === 'postgres'
          ? 'on conflict (job_id) do update set batch_id = excluded.batch_id, deleted = excluded.deleted, anonymised = excluded.anonymised, reduced = excluded.reduced'
          : 'on duplicate key update batch_id = values(batch_id), deleted = values(deleted), anonymised = values(anonymised), reduced = values(reduced)';
      await session.query(
        `insert into ${ledgerName(statement, model)} ${columns} values (${values.join(', ')}) ${update}`,
        statement.params,
      );
    },

    async swept(jobId, batchId) {
      const statement = new Statement(driver.dialect);
      try {
        const { rows } = await driver.query(
          `select batch_id, deleted, anonymised, reduced from ${ledgerName(statement, model)} where job_id = ${statement.param(jobId)}`,
          statement.params,
        );
        const row = rows[0];
        if (!row || row.batch_id !== batchId) return undefined;
        return {
          deleted: Number(row.deleted ?? 0),
          anonymised: Number(row.anonymised ?? 0),
          reduced: JSON.parse(typeof row.reduced === 'string' ? row.reduced : '{}') as Record<string, number>,
        };
      } catch {
        // No ledger table (never swept with one, or the store refused to create it): no batch to recount.
        return undefined;
      }
    },
  };
}
