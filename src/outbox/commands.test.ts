import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';

describe('charter outbox (arguments)', () => {
  it('refuses a limit outside 1–200 as wrong usage, before opening any database', async () => {
    for (const limit of ['0', '201', 'ten']) {
      const result = await runCli(['outbox', '--limit', limit]);
      expect(result.code).toBe(2);
      expect(result.err).toContain('--limit takes a number from 1 to 200');
    }
  });

  it('explains itself with --help', async () => {
    const result = await runCli(['outbox', '--help']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Usage: charter outbox [--org slug] [--id mail] [--limit N] [--json]');
    expect(result.out).toContain('mail.read');
  });
});
