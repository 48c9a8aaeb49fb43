/**
 * Secrets Charter must read back (webhook signing secrets, TOTP seeds) are kept encrypted in the database, under a key
 * kept outside it — so a copy of the database, a backup or a read-only SQL injection does not hand them out.
 *
 * The key comes from `CHARTER_SECRETS_KEY` (one key, or several separated by commas: the first encrypts, all decrypt,
 * which is how an operator rotates a key given by the environment), or else from a key file (`CHARTER_SECRETS_KEY_FILE`,
 * by default `secrets.key` beside the PGlite data directory) created on first use with mode 0600; one key per line,
 * the first current. A key file that others may read is refused, as for the audit key (src/audit/key.ts). With
 * `CHARTER_DATA_DIR=memory://` and no key configured, the key is ephemeral: made in memory, gone with the process,
 * like the database itself.
 *
 * A sealed value is `sealed:v1:<key id>:<base64url(iv ‖ tag ‖ ciphertext)>`: AES-256-GCM (NIST SP 800-38D) under a key
 * derived with HKDF-SHA256 (RFC 5869), a 96-bit random IV, and the row it belongs to as additional data, so a sealed
 * value copied into another row does not open. The key id says which key to use; an unknown id or a failed tag is a
 * `SecretsKeyError` naming the key id — never garbage.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, readConfig, type Config } from './config.js';

type KeyConfig = Pick<Config, 'CHARTER_SECRETS_KEY' | 'CHARTER_SECRETS_KEY_FILE' | 'CHARTER_DATA_DIR'>;

/** A sealed value that cannot be opened with the configured keys (a wrong, missing or rotated-away key, or tampering). */
export class SecretsKeyError extends ConfigError {
  override name = 'SecretsKeyError';
}

export interface SecretsKeyring {
  /** Id of the key that seals. */
  readonly currentId: string;
  /** Ids of every key that opens. */
  readonly ids: readonly string[];
  /** Where the keys come from, for messages: `CHARTER_SECRETS_KEY`, a file path, or `memory`. */
  readonly source: string;
  /** Whether the key lives only in this process (memory:// data). */
  readonly ephemeral: boolean;
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
}

const prefix = 'sealed:v1:';

/** Whether a stored value is sealed (else it is a clear value from before encryption at rest, to be sealed at start). */
export function isSealed(value: string): boolean {
  return value.startsWith(prefix);
}

/** The key id a sealed value names. */
export function sealedKeyId(value: string): string | undefined {
  return isSealed(value) ? value.slice(prefix.length).split(':')[0] : undefined;
}

function keyIdOf(secret: Buffer): string {
  return createHmac('sha256', secret).update('charter secrets key id').digest('hex').slice(0, 12);
}

function secretOf(text: string): Buffer {
  const trimmed = text.trim();
  const bytes = /^[0-9a-f]{64,}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'utf8');
  if (bytes.length < 32) throw new ConfigError('a secrets key must hold at least 32 bytes (64 hex characters)');
  return bytes;
}

/** A keyring from key texts (hex or at least 32 characters), the first one current. */
export function keyringFrom(texts: readonly string[], source = 'given keys', ephemeral = false): SecretsKeyring {
  if (texts.length === 0) throw new ConfigError('no secrets key');
  const keys = new Map<string, Buffer>();
  for (const text of texts) {
    const secret = secretOf(text);
    keys.set(
      keyIdOf(secret),
      Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'charter secrets aes-256-gcm v1', 32)),
    );
  }
  const currentId = keyIdOf(secretOf(texts[0]!));
  return {
    currentId,
    ids: [...keys.keys()],
    source,
    ephemeral,
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keys.get(currentId)!, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${prefix}${currentId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    open(sealed, context) {
      if (!isSealed(sealed)) throw new SecretsKeyError('the stored secret is not sealed');
      const [id, data] = sealed.slice(prefix.length).split(':');
      const key = id ? keys.get(id) : undefined;
      if (!key || !data) {
        throw new SecretsKeyError(
          `a stored secret is sealed with secrets key ${id ?? '?'}, which ${source} does not hold (it holds ${[...keys.keys()].join(', ')}): configure the key it was sealed with`,
        );
      }
      const bytes = Buffer.from(data, 'base64url');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(bytes.subarray(12, 28));
        return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretsKeyError(
          `a stored secret does not open with secrets key ${id}: the key is not the one it was sealed with, or the value was altered`,
        );
      }
    },
  };
}

/** Where the key file is: `CHARTER_SECRETS_KEY_FILE`, or `secrets.key` in the directory that holds the data directory. */
export function secretsKeyFilePath(config: Pick<KeyConfig, 'CHARTER_SECRETS_KEY_FILE' | 'CHARTER_DATA_DIR'>): string {
  return resolve(config.CHARTER_SECRETS_KEY_FILE ?? join(dirname(resolve(config.CHARTER_DATA_DIR)), 'secrets.key'));
}

function newKeyText(): string {
  return randomBytes(32).toString('hex');
}

function readKeyFile(path: string): string[] {
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0)
    throw new ConfigError(
      `the secrets key file ${path} may be read by others (mode ${mode.toString(8)}): run chmod 600 on it`,
    );
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (lines.length === 0) throw new ConfigError(`the secrets key file ${path} holds no key`);
  return lines;
}

/** Writes the key file (0600) by a rename, so a reader sees the old or the new file, never half of one. */
export function writeKeyFile(path: string, keys: readonly string[]): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${keys.join('\n')}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}

/** Whether the configuration keeps its secrets key in memory only (an in-memory database and no key configured). */
export function ephemeralSecretsKey(config: KeyConfig): boolean {
  return (
    !config.CHARTER_SECRETS_KEY && !config.CHARTER_SECRETS_KEY_FILE && config.CHARTER_DATA_DIR.startsWith('memory://')
  );
}

/** The key texts of a key file, the file created (one random key, mode 0600) when missing. */
export function keyFileTexts(path: string): string[] {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // 'wx': when two processes start at once, one creates the file and the other reads it.
    writeFileSync(path, `${newKeyText()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
      throw new ConfigError(`cannot create the secrets key file ${path}: ${(error as Error).message}`);
  }
  return readKeyFile(path);
}

/**
 * The configured keyring. A keyring read from a file follows the file: after `charter secrets rotate` rewrites it,
 * a running process seals with the new key and opens with it (the file's modification time is looked at on each use,
 * a stat, and the file read again when it changed).
 */
export function resolveSecretsKeyring(config: KeyConfig): SecretsKeyring {
  if (config.CHARTER_SECRETS_KEY) return keyringFrom(config.CHARTER_SECRETS_KEY.split(','), 'CHARTER_SECRETS_KEY');
  if (ephemeralSecretsKey(config)) return keyringFrom([newKeyText()], 'the in-memory key', true);
  const path = secretsKeyFilePath(config);
  let ring = keyringFrom(keyFileTexts(path), path);
  let loadedAt = statSync(path).mtimeMs;
  const fresh = (): SecretsKeyring => {
    let mtime: number;
    try {
      mtime = statSync(path).mtimeMs;
    } catch (error) {
      throw new SecretsKeyError(
        `the secrets key file ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): restore it from the backup kept apart from the database`,
      );
    }
    if (mtime !== loadedAt) {
      ring = keyringFrom(readKeyFile(path), path);
      loadedAt = mtime;
    }
    return ring;
  };
  return {
    get currentId() {
      return fresh().currentId;
    },
    get ids() {
      return fresh().ids;
    },
    source: path,
    ephemeral: false,
    seal: (plain, context) => fresh().seal(plain, context),
    open: (sealed, context) => fresh().open(sealed, context),
  };
}

let installed: SecretsKeyring | undefined;

/** Makes `keyring` the process's secrets key (the composition root calls this with the configured key at start). */
export function installSecretsKeyring(keyring: SecretsKeyring): void {
  installed = keyring;
}

/** The process's secrets keyring; resolved from the process environment on first use when none was installed. */
export function currentSecretsKeyring(): SecretsKeyring {
  installed ??= resolveSecretsKeyring(readConfig(process.env));
  return installed;
}

/** Seals with the process's keyring. */
export function sealSecret(plain: string, context: string): string {
  return currentSecretsKeyring().seal(plain, context);
}

/** Opens with the process's keyring; a clear value from before encryption at rest is returned as it is. */
export function openSecret(stored: string, context: string): string {
  return isSealed(stored) ? currentSecretsKeyring().open(stored, context) : stored;
}
