/**
 * The audit key: a secret kept outside the database, so that a database writer cannot recompute the chain. It comes
 * from `CHARTER_AUDIT_KEY`, or else from a key file (`CHARTER_AUDIT_KEY_FILE`, by default `audit.key` beside the PGlite
 * data directory) created on first use with mode 0600. Two keys are derived from it (HKDF-SHA256, RFC 5869):
 *
 * - the chain key: every entry's hash is HMAC-SHA256 (RFC 2104) under it;
 * - an Ed25519 signing key (RFC 8032) for checkpoints of the chain head, so that whoever holds only the public key can
 *   check a checkpoint without being able to forge one.
 *
 * The key is installed once per process by the composition root (`installAuditKey`); a process that never installed
 * one resolves it from its own environment on first use.
 */
import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, readConfig, type Config } from '../platform/config.js';

export interface AuditKey {
  /** A short public fingerprint (SHA-256 of the Ed25519 public key, 16 hex), stored with each keyed entry. */
  readonly id: string;
  /** HMAC-SHA256 of a text under the chain key, hex. */
  mac(text: string): string;
  /** An Ed25519 signature of a text, base64url. */
  sign(text: string): string;
  /** The Ed25519 public key, SPKI DER in base64url: all a verifier needs. */
  readonly publicKey: string;
}

// PKCS#8 prefix of an Ed25519 private key (RFC 8410): the 32-byte seed follows.
const ed25519Pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

function derive(secret: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));
}

/** Builds the key from its secret bytes (at least 32). */
export function auditKeyFrom(secret: Buffer): AuditKey {
  if (secret.length < 32) throw new ConfigError('the audit key must hold at least 32 bytes');
  const chainKey = derive(secret, 'charter audit chain v1');
  const privateKey = createPrivateKey({
    key: Buffer.concat([ed25519Pkcs8Prefix, derive(secret, 'charter audit checkpoint v1')]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicDer = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const publicKey = publicDer.toString('base64url');
  return {
    id: fingerprint(publicKey),
    mac: (text) => createHmac('sha256', chainKey).update(text).digest('hex'),
    sign: (text) => sign(null, Buffer.from(text), privateKey).toString('base64url'),
    publicKey,
  };
}

/** The fingerprint of a public key (as in `AuditKey.id`). */
export function fingerprint(publicKey: string): string {
  return createHmac('sha256', 'charter audit key id').update(publicKey).digest('hex').slice(0, 16);
}

/** Checks an Ed25519 signature against a public key given as base64url SPKI DER; false for any malformed input. */
export function verifySignature(publicKey: string, text: string, signature: string): boolean {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(publicKey, 'base64url'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, Buffer.from(text), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/** Whether the audit key lives only in memory: an in-memory database and no key (nor key file) configured. */
export function ephemeralAuditKey(
  config: Pick<Config, 'CHARTER_AUDIT_KEY' | 'CHARTER_AUDIT_KEY_FILE' | 'CHARTER_DATA_DIR'>,
): boolean {
  return !config.CHARTER_AUDIT_KEY && !config.CHARTER_AUDIT_KEY_FILE && config.CHARTER_DATA_DIR.startsWith('memory://');
}

/** Where the key file is: `CHARTER_AUDIT_KEY_FILE`, or `audit.key` in the directory that holds the data directory. */
export function auditKeyFilePath(config: Pick<Config, 'CHARTER_AUDIT_KEY_FILE' | 'CHARTER_DATA_DIR'>): string {
  return resolve(config.CHARTER_AUDIT_KEY_FILE ?? join(dirname(resolve(config.CHARTER_DATA_DIR)), 'audit.key'));
}

function secretOf(text: string): Buffer {
  const trimmed = text.trim();
  return /^[0-9a-f]{64,}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'utf8');
}

/**
 * The configured audit key: `CHARTER_AUDIT_KEY`, or the key file, created (32 random bytes, hex, mode 0600) when
 * missing. A key file that others may read is refused, as ssh refuses such a private key.
 */
export function resolveAuditKey(
  config: Pick<Config, 'CHARTER_AUDIT_KEY' | 'CHARTER_AUDIT_KEY_FILE' | 'CHARTER_DATA_DIR'>,
): AuditKey {
  if (config.CHARTER_AUDIT_KEY) return auditKeyFrom(secretOf(config.CHARTER_AUDIT_KEY));
  // An in-memory database keeps nothing on disk, and neither does its key: a file would land in the working directory
  // (beside `memory://`) and outlive the data it keys. The key lives and dies with the process, as the trail does.
  if (ephemeralAuditKey(config)) return auditKeyFrom(randomBytes(32));
  const path = auditKeyFilePath(config);
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // 'wx': when two processes start at once, one creates the file and the other reads it.
    writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
      throw new ConfigError(`cannot create the audit key file ${path}: ${(error as Error).message}`);
  }
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new ConfigError(
      `the audit key file ${path} may be read by others (mode ${mode.toString(8)}): run chmod 600 on it`,
    );
  }
  return auditKeyFrom(secretOf(readFileSync(path, 'utf8')));
}

let installed: AuditKey | undefined;

/** Makes `key` the process's audit key (the composition root calls this with the configured key at start). */
export function installAuditKey(key: AuditKey): void {
  installed = key;
}

/** The process's audit key; resolved from the process environment on first use when none was installed. */
export function currentAuditKey(): AuditKey {
  installed ??= resolveAuditKey(readConfig(process.env));
  return installed;
}
