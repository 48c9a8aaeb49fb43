/** Vitest global setup: one real PostgreSQL for the run; each test file creates its own database in it. */
import type { TestProject } from 'vitest/node';
import { startPostgres, type PostgresServer } from '../support/postgres-server.js';

let server: PostgresServer | undefined;

export async function setup(project: TestProject) {
  server = await startPostgres({ fsync: false });
  project.provide('postgresUrl', server.url);
}

export function teardown() {
  server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
