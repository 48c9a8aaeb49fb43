// Test projects: pure unit tests once; integration tests (*.db.test.ts) on PGlite and on a real PostgreSQL;
// browser tests (test/e2e) in Debian's Chromium against a served app. Each project extends the root options (timeouts
// sized for a loaded 2-core machine; they bound hangs, they measure nothing).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'], exclude: ['src/**/*.db.test.ts', 'src/**/*.contract.test.ts'] } },
      { extends: true, test: { name: 'pglite', include: ['src/**/*.db.test.ts'], env: { CHARTER_TEST_DB: 'pglite' } } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['src/**/*.db.test.ts'],
          env: { CHARTER_TEST_DB: 'postgres' },
          globalSetup: ['test/setup/postgres.ts'],
        },
      },
      {
        // Store connectors against real PostgreSQL and MariaDB servers (one contract suite for every connector).
        extends: true,
        test: {
          name: 'stores',
          include: ['src/**/*.contract.test.ts'],
          env: { CHARTER_TEST_DB: 'postgres' },
          globalSetup: ['test/setup/postgres.ts', 'test/setup/mariadb.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          env: { CHARTER_TEST_DB: 'pglite' },
          globalSetup: ['test/setup/postgres.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
