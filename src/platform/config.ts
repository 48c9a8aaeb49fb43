/**
 * Configuration from the environment, validated once at start. Every variable is documented in the README.
 */
import { z } from 'zod';

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4300),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// URL')
    .optional(),
  CHARTER_DATA_DIR: z.string().default('./.charter/data'),
  CHARTER_FILE: z.string().optional(),
  CHARTER_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  CHARTER_HASH_KEY: z.string().min(16, 'at least 16 characters').optional(),
  CHARTER_AUDIT_KEY: z.string().min(32, 'at least 32 characters').optional(),
  CHARTER_AUDIT_KEY_FILE: z.string().optional(),
  /** Key(s) that encrypt webhook and TOTP secrets at rest: hex (64+) or 32+ characters; several comma-separated, the first current. */
  CHARTER_SECRETS_KEY: z
    .string()
    .regex(/^[^,]{32,}(,[^,]{32,})*$/, 'one or more keys of at least 32 characters, separated by commas')
    .optional(),
  CHARTER_SECRETS_KEY_FILE: z.string().optional(),
  AUDIT_CHECKPOINT_MAIL: z
    .string()
    .regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, '"off" or a UTC time of day HH:MM')
    .default('off'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().default('Charter <privacy@localhost>'),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Webhook targets on loopback, private and link-local addresses: refused unless `true` (SSRF). */
  WEBHOOKS_ALLOW_PRIVATE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  CHARTER_DPA_REVIEW_AFTER: z
    .string()
    .regex(/^P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/, 'an ISO 8601 duration such as P3Y')
    .default('P3Y'),
  CONSENT_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  CONSENT_BATCH_DELAY_MS: z.coerce.number().int().min(0).max(1000).default(2),
  RETENTION_SCHEDULE: z
    .string()
    .regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, '"off" or a UTC time of day HH:MM')
    .default('02:30'),
  RETENTION_APPROVAL_SHARE: z.coerce.number().min(0).max(1).default(0.1),
  RETENTION_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(2000),
  RETENTION_MAIL_OUTBOX: z
    .string()
    .regex(/^(forever|P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?)$/, '"forever" or an ISO 8601 duration')
    .default('P90D'),
  RETENTION_AUDIT: z
    .string()
    .regex(/^(forever|P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?)$/, '"forever" or an ISO 8601 duration')
    .default('forever'),
  RETENTION_CONSENT_RECORDS: z
    .string()
    .regex(/^(forever|P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?)$/, '"forever" or an ISO 8601 duration')
    .default('P5Y'),
  RETENTION_REQUESTS: z
    .string()
    .regex(/^(forever|P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?)$/, '"forever" or an ISO 8601 duration')
    .default('P5Y'),
});
export type Config = z.infer<typeof configSchema> & {
  /** OpenID Connect providers (`OIDC_PROVIDERS` and `OIDC_<ID>_*`); none when absent. */
  oidcProviders?: OidcProviderConfig[];
};

/** One OpenID Connect provider people may sign in with. */
export interface OidcProviderConfig {
  /** Lowercase id, used in URLs and stored on sessions and mappings. */
  id: string;
  /** Shown on the button: "Sign in with <name>". */
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Extra scopes beyond `openid email profile` (e.g. `groups`). */
  scopes: string[];
}

const providerIdPattern = /^[a-z][a-z0-9-]{0,30}$/;

/**
 * Providers are named in `OIDC_PROVIDERS=corp,partner`; each has `OIDC_<ID>_ISSUER`, `_CLIENT_ID`, `_CLIENT_SECRET`, and
 * optionally `_NAME` and `_SCOPES` (the id upper-cased, dashes as underscores). Every problem is reported at once.
 */
export function readOidcProviders(present: Record<string, string | undefined>): {
  providers: OidcProviderConfig[];
  problems: string[];
} {
  const ids = (present.OIDC_PROVIDERS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const providers: OidcProviderConfig[] = [];
  const problems: string[] = [];
  for (const id of ids) {
    if (!providerIdPattern.test(id)) {
      problems.push(`OIDC_PROVIDERS: "${id}" is not a provider id (lowercase letters, digits, dashes)`);
      continue;
    }
    const prefix = `OIDC_${id.toUpperCase().replace(/-/g, '_')}_`;
    const issuer = present[`${prefix}ISSUER`];
    const clientId = present[`${prefix}CLIENT_ID`];
    const clientSecret = present[`${prefix}CLIENT_SECRET`];
    if (!issuer || !z.url().safeParse(issuer).success)
      problems.push(`${prefix}ISSUER: the issuer URL of provider "${id}" is required`);
    if (!clientId) problems.push(`${prefix}CLIENT_ID: required for provider "${id}"`);
    if (!clientSecret) problems.push(`${prefix}CLIENT_SECRET: required for provider "${id}"`);
    if (issuer && clientId && clientSecret) {
      const scopes = (present[`${prefix}SCOPES`] ?? '').split(/[\s,]+/).filter(Boolean);
      providers.push({ id, name: present[`${prefix}NAME`] ?? id, issuer, clientId, clientSecret, scopes });
    }
  }
  return { providers, problems };
}

/** Reads the configuration; a bad value is reported with the variable's name. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set" (e.g. DATABASE_URL= to fall back to PGlite).
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(present);
  const oidc = readOidcProviders(present);
  if (!parsed.success || oidc.problems.length > 0) {
    const lines = [
      ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)),
      ...oidc.problems,
    ];
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return { ...parsed.data, oidcProviders: oidc.providers };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * The URL people reach this server at: the only source of every link Charter mails or prints. The request's Host
 * and X-Forwarded-Host headers are never used for a link — whoever sends the request chooses them, so a password
 * reset asked with `Host: evil.test` would mail the owner a link to the attacker's server.
 */
export function publicUrl(config: Config): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/$/, '');
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  return `http://${host === '127.0.0.1' ? 'localhost' : host}:${config.PORT}`;
}

/** Loopback interfaces: only this machine reaches them, so the derived `http://localhost:PORT` is right. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/**
 * Refuses to serve on a non-loopback interface without PUBLIC_URL: links would otherwise point at whatever name the
 * server guesses for itself, which is not where people reach it.
 */
export function requirePublicUrl(config: Config): void {
  if (config.PUBLIC_URL || isLoopbackHost(config.HOST)) return;
  throw new ConfigError(
    `Invalid configuration:\n  PUBLIC_URL: required when HOST (${config.HOST}) is not a loopback address; set it to the URL people reach Charter at (e.g. https://privacy.example.com), which every link in mails and pages uses`,
  );
}
