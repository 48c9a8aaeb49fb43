/**
 * A test app listening on a loopback port, for browser tests and clients that need a real socket.
 */
import type { Charter } from '../../src/charter/schema.js';
import { buildTestApp, type TestApp } from './app.js';
import { freePort } from './postgres-server.js';

export interface ServedApp extends TestApp {
  url: string;
}

/** Links in mails come from PUBLIC_URL only, so the port is chosen first and named in it (unless `env` sets one). */
export async function serveTestApp(
  options: { charter?: Charter; now?: () => Date; env?: Record<string, string> } = {},
): Promise<ServedApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const testApp = await buildTestApp({ ...options, env: { PUBLIC_URL: url, PORT: String(port), ...options.env } });
  await testApp.app.listen({ port, host: '127.0.0.1' });
  return { ...testApp, url };
}
