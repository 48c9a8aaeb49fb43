import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { createHttpServer } from './server.js';

function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger(level, stream) };
}

describe('request loggers', () => {
  it('log nothing at a disabled level, and bind the request id when a message is written', async () => {
    const { lines, logger } = capture('warn');
    const app = createHttpServer({ logger });
    app.get('/quiet', async (request) => {
      request.log.info('not written at warn');
      return { ok: true };
    });
    app.get('/loud', async (request) => {
      request.log.warn({ step: 'check' }, 'written at warn');
      expect(request.log.level).toBe('warn');
      return { ok: true };
    });
    await app.inject({ method: 'GET', url: '/quiet' });
    expect(lines).toEqual([]);
    await app.inject({ method: 'GET', url: '/loud' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, msg: 'written at warn', step: 'check', service: 'charter' });
    expect(typeof lines[0]?.reqId).toBe('string');
    await app.close();
  });

  it('write the request lines at info, with the request id', async () => {
    const { lines, logger } = capture('info');
    const app = createHttpServer({ logger });
    app.get('/hello', async () => ({ ok: true }));
    await app.inject({ method: 'GET', url: '/hello?email=someone@example.org' });
    const messages = lines.map((line) => line.msg);
    expect(messages).toEqual(['incoming request', 'request completed']);
    expect(lines[0]?.reqId).toBe(lines[1]?.reqId);
    expect(JSON.stringify(lines)).not.toContain('someone@example.org');
    await app.close();
  });
});
