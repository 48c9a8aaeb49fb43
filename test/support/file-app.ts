/**
 * One test app for a whole test file: started before the file's tests with the default test charter and closed after
 * them. The hooks and the holder live here so a test file says it in one line instead of repeating them.
 */
import { afterAll, beforeAll } from 'vitest';
import { buildTestApp, type TestApp } from './app.js';
import { buildCharter } from './charter.js';

/**
 * Registers the hooks that start and close the app. Call it at the top level of a test file; the returned app
 * answers from inside hooks and tests (reading it before the file's `beforeAll` has run is a mistake and throws).
 */
export function testAppForFile(): TestApp {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await buildTestApp({ charter: buildCharter() });
  }, 120_000);
  afterAll(() => started?.close());
  const current = (): TestApp => {
    if (!started) throw new Error('the test app is started in beforeAll: read it inside hooks and tests');
    return started;
  };
  return {
    get app() {
      return current().app;
    },
    get database() {
      return current().database;
    },
    get organisationId() {
      return current().organisationId;
    },
    close: () => current().close(),
  };
}
