import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditKeyFilePath, resolveAuditKey } from '../audit/key.js';
import {
  isSealed,
  keyringFrom,
  resolveSecretsKeyring,
  SecretsKeyError,
  secretsKeyFilePath,
  writeKeyFile,
} from './secret-box.js';

const oldKey = 'a'.repeat(64);
const newKey = 'b'.repeat(64);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'charter-secrets-key-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('sealed secrets', () => {
  it('open to what was sealed, and never show the clear value', () => {
    const keyring = keyringFrom([oldKey]);
    const sealed = keyring.seal('whsec_abc', 'row:1');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('whsec_abc');
    expect(sealed).not.toBe(keyring.seal('whsec_abc', 'row:1'));
    expect(keyring.open(sealed, 'row:1')).toBe('whsec_abc');
  });

  it('refuse, with a clear error naming the key, a wrong key, an unknown key id, another row and an altered value', () => {
    const sealed = keyringFrom([oldKey]).seal('JBSWY3DPEHPK3PXP', 'user:1');
    const wrong = keyringFrom([newKey], 'CHARTER_SECRETS_KEY');
    expect(() => wrong.open(sealed, 'user:1')).toThrow(SecretsKeyError);
    expect(() => wrong.open(sealed, 'user:1')).toThrow(
      /sealed with secrets key [0-9a-f]{12}, which CHARTER_SECRETS_KEY does not hold/,
    );
    // Same key id, another secret behind it (a forged id): the tag fails, never garbage.
    const forged = sealed.replace(/^(sealed:v1:)[0-9a-f]{12}/, `$1${wrong.currentId}`);
    expect(() => wrong.open(forged, 'user:1')).toThrow(/does not open with secrets key/);
    expect(() => keyringFrom([oldKey]).open(sealed, 'user:2')).toThrow(/does not open/);
    const altered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => keyringFrom([oldKey]).open(altered, 'user:1')).toThrow(SecretsKeyError);
  });

  it('open with any key of the ring and seal with the first', () => {
    const sealedOld = keyringFrom([oldKey]).seal('s', 'c');
    const ring = keyringFrom([newKey, oldKey]);
    expect(ring.open(sealedOld, 'c')).toBe('s');
    expect(ring.seal('s', 'c')).toContain(`:${keyringFrom([newKey]).currentId}:`);
  });

  it('refuse a key shorter than 32 bytes', () => {
    expect(() => keyringFrom(['short'])).toThrow(/at least 32 bytes/);
  });
});

describe('the secrets key file', () => {
  it('is created beside the data directory, readable by its owner only, and refused when others may read it', async () => {
    const config = {
      CHARTER_DATA_DIR: join(dir, 'one', 'data'),
      CHARTER_SECRETS_KEY: undefined,
      CHARTER_SECRETS_KEY_FILE: undefined,
    };
    const first = resolveSecretsKeyring(config);
    const path = join(dir, 'one', 'secrets.key');
    expect(secretsKeyFilePath(config)).toBe(path);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readFile(path, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(resolveSecretsKeyring(config).open(first.seal('x', 'c'), 'c')).toBe('x');
    await chmod(path, 0o644);
    expect(() => resolveSecretsKeyring(config)).toThrow(/may be read by others/);
  });

  it('is followed by a running process when it is rewritten (rotation)', async () => {
    const path = join(dir, 'rotating.key');
    await writeFile(path, `${oldKey}\n`, { mode: 0o600 });
    const ring = resolveSecretsKeyring({
      CHARTER_DATA_DIR: join(dir, 'data'),
      CHARTER_SECRETS_KEY: undefined,
      CHARTER_SECRETS_KEY_FILE: path,
    });
    const before = ring.seal('s', 'c');
    writeKeyFile(path, [newKey]);
    expect(ring.currentId).toBe(keyringFrom([newKey]).currentId);
    expect(() => ring.open(before, 'c')).toThrow(SecretsKeyError);
  });
});

describe('with CHARTER_DATA_DIR=memory://', () => {
  it('keeps the secrets key and the audit key in memory: no key file is written', () => {
    const config = {
      CHARTER_DATA_DIR: 'memory://',
      CHARTER_SECRETS_KEY: undefined,
      CHARTER_SECRETS_KEY_FILE: undefined,
      CHARTER_AUDIT_KEY: undefined,
      CHARTER_AUDIT_KEY_FILE: undefined,
    };
    const secretsFile = secretsKeyFilePath(config);
    const auditFile = auditKeyFilePath(config);
    const existed = [existsSync(secretsFile), existsSync(auditFile)];
    const ring = resolveSecretsKeyring(config);
    expect(ring.ephemeral).toBe(true);
    expect(ring.open(ring.seal('s', 'c'), 'c')).toBe('s');
    const audit = resolveAuditKey(config);
    expect(audit.id).not.toBe(resolveAuditKey(config).id);
    expect([existsSync(secretsFile), existsSync(auditFile)]).toEqual(existed);
  });
});
