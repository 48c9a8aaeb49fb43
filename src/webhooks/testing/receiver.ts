/**
 * A webhook receiver on loopback for the tests (test-only module): records every request (headers and body), answers
 * each one as the test scripts it — a status, or `hang` (never answers until closed) — and dedupes by `webhook-id`
 * the way a receiver should.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedRequest {
  headers: Record<string, string>;
  body: string;
}

export type Answer = number | 'hang';

export interface TestReceiver {
  url: string;
  received: ReceivedRequest[];
  /** Ids processed once each (a repeated `webhook-id` is acknowledged and dropped). */
  processed: string[];
  /** The answers to give, in order; when none is left, 200. */
  script(...answers: Answer[]): void;
  /** Resolves when `count` requests have arrived. */
  waitFor(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<TestReceiver> {
  const received: ReceivedRequest[] = [];
  const processed: string[] = [];
  const answers: Answer[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
      received.push({ headers, body: Buffer.concat(chunks).toString('utf8') });
      for (const waiter of waiters.filter((w) => received.length >= w.count)) waiter.resolve();
      const answer = answers.shift() ?? 200;
      if (answer === 'hang') return;
      const id = headers['webhook-id'] ?? '';
      if (answer >= 200 && answer < 300 && !processed.includes(id)) processed.push(id);
      response.writeHead(answer).end();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    processed,
    script: (...next) => answers.push(...next),
    waitFor: (count) =>
      received.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
