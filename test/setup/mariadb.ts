/** Vitest global setup: one real MariaDB for the run; each test file creates its own database in it. */
import type { TestProject } from 'vitest/node';
import { startMariaDb, type MariaDbServer } from '../support/mariadb-server.js';

let server: MariaDbServer | undefined;

export async function setup(project: TestProject) {
  server = await startMariaDb();
  project.provide('mariadbUrl', server.url);
}

export function teardown() {
  server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    mariadbUrl: string;
  }
}
