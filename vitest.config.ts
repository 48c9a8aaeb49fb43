// Test projects: pure unit tests once; integration tests (*.db.test.ts) on PGlite and on a real PostgreSQL;
// browser tests (test/e2e) in Debian's Chromium against a served app. Each project extends the root options (timeouts
// sized for a loaded 2-core machine; they bound hangs, they measure nothing).
import { defineConfig } from 'vitest/config';

// One audit key for every test process and the CLI runs they start (cliTestDatabase passes it on), so that a chain
// written in-process verifies through the CLI; without it each would create a key file of its own.
// The same for the secrets key (webhook and TOTP secrets at rest), so no test writes a secrets.key in the worktree.
const auditKey = {
  CHARTER_AUDIT_KEY: 'test-audit-key-0123456789abcdef0123456789abcdef',
  CHARTER_SECRETS_KEY: 'test-secrets-key-0123456789abcdef0123456789abcdef',
};

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          env: auditKey,
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          exclude: ['src/**/*.db.test.ts', 'src/**/*.contract.test.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'pglite', include: ['src/**/*.db.test.ts'], env: { CHARTER_TEST_DB: 'pglite', ...auditKey } },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['src/**/*.db.test.ts'],
          env: { CHARTER_TEST_DB: 'postgres', ...auditKey },
          globalSetup: ['test/setup/postgres.ts'],
        },
      },
      {
        // Store connectors against real PostgreSQL and MariaDB servers (one contract suite for every connector).
        extends: true,
        test: {
          name: 'stores',
          include: ['src/**/*.contract.test.ts'],
          env: { CHARTER_TEST_DB: 'postgres', ...auditKey },
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
          env: { CHARTER_TEST_DB: 'pglite', ...auditKey },
          globalSetup: ['test/setup/postgres.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
