import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LiveColumn } from './connector.js';
import { hashLength, hashValue, hmacPads, isHashed, strategyProblems } from './strategies.js';

const key = Buffer.from('k'.repeat(32));
const column = (over: Partial<LiveColumn>): LiveColumn => ({
  name: 'c',
  rawType: 'text',
  family: 'text',
  nullable: true,
  unique: false,
  ...over,
});

describe('hashValue', () => {
  it('is keyed, stable and recognisable, and never hashes twice', () => {
    const once = hashValue('alice@example.be', key);
    expect(once).toHaveLength(hashLength);
    expect(isHashed(once)).toBe(true);
    expect(hashValue('alice@example.be', key)).toBe(once);
    expect(hashValue(once, key)).toBe(once);
    expect(hashValue('alice@example.be', Buffer.from('other-key'))).not.toBe(once);
    expect(hashValue(null, key)).toBeNull();
  });

  it('does not take an ordinary value for a hash', () => {
    expect(isHashed('h:not-a-hash')).toBe(false);
    expect(isHashed('alice@example.be')).toBe(false);
  });
});

describe('strategyProblems', () => {
  it('refuses null on a NOT NULL column', () => {
    expect(strategyProblems('null', column({ nullable: false })).map((p) => p.code)).toEqual(['not_null']);
  });
  it('refuses hash and redact into a number or date column', () => {
    expect(strategyProblems('hash', column({ family: 'integer', rawType: 'integer' })).map((p) => p.code)).toEqual([
      'strategy_type',
    ]);
    expect(
      strategyProblems('redact', column({ family: 'timestamp', rawType: 'timestamp' })).map((p) => p.code),
    ).toEqual(['strategy_type']);
  });
  it('refuses a redact token on a unique column and a hash into a short column', () => {
    expect(strategyProblems('redact', column({ unique: true })).map((p) => p.code)).toEqual(['unique_redact']);
    expect(strategyProblems('hash', column({ maxLength: 20, rawType: 'varchar(20)' })).map((p) => p.code)).toEqual([
      'too_short',
    ]);
    expect(strategyProblems('hash', column({ maxLength: 255, unique: true }))).toEqual([]);
  });
  it('accepts delete and keep on anything', () => {
    expect(strategyProblems('delete', column({ nullable: false, family: 'integer', unique: true }))).toEqual([]);
    expect(strategyProblems('keep', column({ nullable: false }))).toEqual([]);
  });
});

describe('hmacPads', () => {
  it('gives the pads with which SHA-256 alone reproduces hashValue, for short and long keys', () => {
    for (const key of [Buffer.from('short key'), Buffer.alloc(100, 7)]) {
      const { inner, outer } = hmacPads(key);
      const innerDigest = createHash('sha256')
        .update(Buffer.concat([inner, Buffer.from('anne@example.be', 'utf8')]))
        .digest();
      const mac = createHash('sha256')
        .update(Buffer.concat([outer, innerDigest]))
        .digest('hex');
      expect(`h:${mac.slice(0, 32)}`).toBe(hashValue('anne@example.be', key));
    }
  });
});
