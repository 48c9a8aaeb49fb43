/**
 * `charter retention run` as an operator types it: the exit code says whether due rows stayed. A run waiting for
 * approval, and a run that left due rows in place (blocked by rows that reference them), exit 1; a run that did all
 * its work exits 0. The store is a real PostgreSQL; Charter's database is PGlite or PostgreSQL.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliTestDatabase } from '../../test/support/database.js';
import { runCli } from '../../test/support/cli.js';
import type { SqlDriver } from '../stores/sql/driver.js';
import { newStoreDatabase, storeDriver, storeServers, testHashKey, type StoreServers } from './testing/crm.js';
import { ledgerShopYaml, seedLedgerShop } from './testing/ledger-shop.js';

let servers: StoreServers;
let driver: SqlDriver;
let dir: string;
let env: NodeJS.ProcessEnv;
let removeDatabase: () => Promise<void>;

beforeAll(async () => {
  servers = await storeServers({ mariadb: false });
  const url = await newStoreDatabase(servers, 'postgres');
  driver = storeDriver('postgres', url);
  // The CLI runs at the real clock: the rows are dated from now.
  await seedLedgerShop(driver, 'postgres', new Date());
  dir = await mkdtemp(join(tmpdir(), 'charter-retention-cli-'));
  await writeFile(join(dir, 'charter.yaml'), ledgerShopYaml({ connection: 'SHOP_URL', kind: 'postgres' }));
  const database = await cliTestDatabase('charter-retention-cli');
  removeDatabase = database.remove;
  env = { ...database.env, SHOP_URL: url, CHARTER_HASH_KEY: testHashKey };
}, 180_000);
afterAll(async () => {
  await driver?.close();
  await removeDatabase?.();
  if (dir) await rm(dir, { recursive: true, force: true });
  servers?.stop();
});

/** The output with the lines that wrapped at 80 columns joined again, for checks of a whole sentence. */
const unwrapped = (text: string) => text.replace(/\n {2,}/g, ' ');

describe('charter retention run', () => {
  it('exits 1 while the run waits for approval, 1 when due rows stayed, 0 once everything due is done', async () => {
    const waiting = await runCli(['retention', 'run', '--charter', 'charter.yaml'], { env, cwd: dir });
    expect(waiting.err).toMatch(/^charter: database (PGlite|PostgreSQL) \S+$/);
    expect(unwrapped(waiting.out)).toContain(': awaiting-approval');
    expect(waiting.code).toBe(1);

    const partial = await runCli(['retention', 'run', '--approve'], { env, cwd: dir });
    expect(unwrapped(partial.out)).toContain(': partial');
    expect(unwrapped(partial.out)).toContain(
      'shop/vouchers: blocked by 1 row in redemptions (no rule deletes them); 1 stayed with their personal data',
    );
    expect(unwrapped(partial.out)).toContain(
      'shop/customers: blocked by 1 row in invoices (hold vat-invoices), 1 row in notes (no rule deletes them); 2 anonymised instead of deleted',
    );
    expect(unwrapped(partial.out)).toContain('Not done: 1 due row(s) stayed with their personal data.');
    expect(partial.code).toBe(1);

    // Once the redemption is gone, the voucher goes too (the whole rest of the table: approved) and the run has done
    // all it had to.
    await driver.query('delete from redemptions');
    const done = await runCli(['retention', 'run', '--approve'], { env, cwd: dir });
    expect(unwrapped(done.out)).toContain(': completed');
    expect(done.code).toBe(0);
    const vouchers = await driver.query('select id from vouchers order by id');
    expect(vouchers.rows).toEqual([]);
  }, 180_000);
});
