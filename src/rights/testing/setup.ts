/**
 * The shared setup of the rights domain's database tests (test-only module): a small shop behind the HTTP store
 * protocol, a loopback SMTP server and a test app whose charter names that shop, started before the file's tests and
 * closed after them. One place, so the tests of the privacy center start the same world.
 */
import { afterAll, beforeAll } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/support/app.js';
import { startSmtp, type TestSmtp } from '../../../test/support/smtp.js';
import type { Charter } from '../../charter/schema.js';
import { rightsCharter, startHttpShop, type HttpShop } from './fixtures.js';

/** What a rights test works against; the fields are set once the file's `beforeAll` has run. */
export interface RightsTestApp {
  shop: HttpShop;
  smtp: TestSmtp;
  t: TestApp;
  charter: Charter;
}

export interface RightsTestAppOptions {
  /** The app's clock; tests move the time it returns. */
  now: () => Date;
  /** Changes to the charter before the app starts. */
  customise?: (charter: Charter) => void;
  /** The time the shop's seed data is written at (default: the real time). */
  shopNow?: Date;
}

/**
 * Registers the `beforeAll`/`afterAll` hooks that start and close the shop, the SMTP server and the app. Call it at
 * the top level of a test file; read the fields in a `beforeAll` registered after this call, or inside the tests.
 */
export function rightsTestApp(options: RightsTestAppOptions): RightsTestApp {
  const rig = {} as RightsTestApp;
  beforeAll(async () => {
    rig.shop = await startHttpShop('shop', options.shopNow);
    rig.smtp = await startSmtp();
    rig.charter = rightsCharter([rig.shop.store], options.customise);
    rig.t = await buildTestApp({
      charter: rig.charter,
      now: options.now,
      env: { SMTP_URL: rig.smtp.url, PUBLIC_URL: 'http://charter.test' },
    });
  }, 180_000);
  afterAll(async () => {
    await rig.t?.close();
    await rig.smtp?.close();
    await rig.shop?.close();
  }, 60_000);
  return rig;
}
