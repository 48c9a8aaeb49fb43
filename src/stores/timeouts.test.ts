import { describe, expect, it } from 'vitest';
import { StoreError } from './connector.js';
import {
  classifyDriverError,
  defaultStoreTimeouts,
  retryDelayMs,
  storeTimeouts,
  withStoreRetries,
} from './timeouts.js';

describe('store timeouts', () => {
  it("takes the charter's seconds and fills the rest with the defaults", () => {
    expect(storeTimeouts({ timeouts: { lock: 2, retries: 0 } })).toEqual({
      ...defaultStoreTimeouts,
      lockMs: 2_000,
      retries: 0,
    });
    expect(storeTimeouts({})).toEqual(defaultStoreTimeouts);
  });

  it("names the bound a driver error reached, and keeps none of the driver's own text", () => {
    const lock = Object.assign(new Error('canceling statement due to lock timeout while locking "customers"'), {
      code: '55P03',
    });
    const classified = classifyDriverError('crm', lock, defaultStoreTimeouts) as StoreError;
    expect(classified).toMatchObject({
      code: 'lock_timeout',
      message: 'store crm: gave up waiting for a lock held by another session after 5 s',
    });
    expect(
      (classifyDriverError('crm', Object.assign(new Error('x'), { errno: 1205 }), defaultStoreTimeouts) as StoreError)
        .code,
    ).toBe('lock_timeout');
    expect(
      (classifyDriverError('crm', Object.assign(new Error('x'), { code: '57014' }), defaultStoreTimeouts) as StoreError)
        .code,
    ).toBe('statement_timeout');
    expect(
      (
        classifyDriverError(
          'crm',
          Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
          defaultStoreTimeouts,
        ) as StoreError
      ).code,
    ).toBe('unreachable');
    const other = Object.assign(new Error('duplicate key'), { code: '23505' });
    expect(classifyDriverError('crm', other, defaultStoreTimeouts)).toBe(other);
  });

  it('tries a lock timeout again with back-off, and gives up after its retries', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    let calls = 0;
    const answer = await withStoreRetries(
      2,
      async () => {
        if (++calls < 3) throw new StoreError('crm', 'locked', 'lock_timeout');
        return 'rows';
      },
      () => true,
      sleep,
    );
    expect(answer).toBe('rows');
    expect(waits).toEqual([retryDelayMs(1), retryDelayMs(2)]);
    calls = 0;
    await expect(
      withStoreRetries(
        1,
        async () => {
          calls++;
          throw new StoreError('crm', 'locked', 'lock_timeout');
        },
        () => true,
        sleep,
      ),
    ).rejects.toThrow('locked');
    expect(calls).toBe(2);
  });

  it('does not repeat a statement that timed out, nor an access call whose rows already reached the sink', async () => {
    let calls = 0;
    await expect(
      withStoreRetries(3, async () => {
        calls++;
        throw new StoreError('crm', 'slow', 'statement_timeout');
      }),
    ).rejects.toThrow('slow');
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      withStoreRetries(
        3,
        async () => {
          calls++;
          throw new StoreError('crm', 'gone', 'unreachable');
        },
        () => false,
      ),
    ).rejects.toThrow('gone');
    expect(calls).toBe(1);
  });
});
