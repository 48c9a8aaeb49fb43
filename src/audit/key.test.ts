import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditKeyFilePath, auditKeyFrom, resolveAuditKey, verifySignature } from './key.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'charter-audit-key-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the audit key', () => {
  it('lives beside the data directory by default', () => {
    expect(auditKeyFilePath({ CHARTER_DATA_DIR: '/srv/charter/data', CHARTER_AUDIT_KEY_FILE: undefined })).toBe(
      '/srv/charter/audit.key',
    );
    expect(
      auditKeyFilePath({ CHARTER_DATA_DIR: '/srv/charter/data', CHARTER_AUDIT_KEY_FILE: '/etc/charter/audit.key' }),
    ).toBe('/etc/charter/audit.key');
  });

  it('creates the key file once, readable by its owner only, and reads the same key after', async () => {
    const config = {
      CHARTER_DATA_DIR: join(dir, 'first', 'data'),
      CHARTER_AUDIT_KEY: undefined,
      CHARTER_AUDIT_KEY_FILE: undefined,
    };
    const created = resolveAuditKey(config);
    const path = join(dir, 'first', 'audit.key');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readFile(path, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(resolveAuditKey(config).id).toBe(created.id);
    expect(created.mac('x')).toBe(resolveAuditKey(config).mac('x'));
  });

  it('refuses a key file that others may read', async () => {
    const config = {
      CHARTER_DATA_DIR: join(dir, 'open', 'data'),
      CHARTER_AUDIT_KEY: undefined,
      CHARTER_AUDIT_KEY_FILE: undefined,
    };
    resolveAuditKey(config);
    await chmod(join(dir, 'open', 'audit.key'), 0o644);
    expect(() => resolveAuditKey(config)).toThrow(/may be read by others \(mode 644\): run chmod 600 on it/);
  });

  it('prefers CHARTER_AUDIT_KEY, and different secrets give different keys', () => {
    const secret = randomBytes(32).toString('hex');
    const fromEnv = resolveAuditKey({
      CHARTER_DATA_DIR: join(dir, 'unused', 'data'),
      CHARTER_AUDIT_KEY: secret,
      CHARTER_AUDIT_KEY_FILE: undefined,
    });
    expect(fromEnv.id).toBe(auditKeyFrom(Buffer.from(secret, 'hex')).id);
    expect(auditKeyFrom(randomBytes(32)).mac('x')).not.toBe(fromEnv.mac('x'));
    expect(() => auditKeyFrom(randomBytes(16))).toThrow(/at least 32 bytes/);
  });

  it('signs with Ed25519: the public key alone verifies, and refuses another text or key', () => {
    const key = auditKeyFrom(randomBytes(32));
    const signature = key.sign('head 42');
    expect(verifySignature(key.publicKey, 'head 42', signature)).toBe(true);
    expect(verifySignature(key.publicKey, 'head 41', signature)).toBe(false);
    expect(verifySignature(auditKeyFrom(randomBytes(32)).publicKey, 'head 42', signature)).toBe(false);
    expect(verifySignature('not a key', 'head 42', signature)).toBe(false);
  });
});
