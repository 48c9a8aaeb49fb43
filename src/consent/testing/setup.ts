/**
 * The shared setup of the consent domain's mail tests (test-only module): a loopback SMTP server and a consent test
 * app that sends through it, started before the file's tests and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { startSmtp, type TestSmtp } from '../../../test/support/smtp.js';
import type { Charter } from '../../charter/schema.js';
import { consentApp } from '../ledger-fixtures.js';

/** What a consent mail test works against; the fields are set once the file's `beforeAll` has run. */
export interface ConsentMailApp {
  smtp: TestSmtp;
  t: Awaited<ReturnType<typeof consentApp>>;
  /** The test organisation's scope, for calling the domain's functions directly. */
  scope(): { organisationId: string };
}

/**
 * Registers the hooks that start and close the SMTP server and the app. Call it at the top level of a test file; read
 * the fields inside the tests (or in a `beforeAll` registered after this call).
 */
export function consentMailApp(charter: Charter, now: () => Date): ConsentMailApp {
  const rig = { scope: () => ({ organisationId: rig.t.organisationId }) } as ConsentMailApp;
  beforeAll(async () => {
    rig.smtp = await startSmtp();
    rig.t = await consentApp({ charter, now, env: { SMTP_URL: rig.smtp.url } });
  }, 120_000);
  afterAll(async () => {
    await rig.t.close();
    await rig.smtp.close();
  });
  return rig;
}
