/**
 * A test app listening on a loopback port, for browser tests and clients that need a real socket.
 */
import type { Charter } from '../../src/charter/schema.js';
import { buildTestApp, type TestApp } from './app.js';

export interface ServedApp extends TestApp {
  url: string;
}

export async function serveTestApp(options: { charter?: Charter; now?: () => Date; env?: Record<string, string> } = {}): Promise<ServedApp> {
  const testApp = await buildTestApp(options);
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const address = testApp.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { ...testApp, url: `http://127.0.0.1:${port}` };
}
