/**
 * JSON logs through pino. Personal data never reaches a log: request bodies and headers that can carry it are not
 * logged at all, and known personal fields are redacted if a caller passes them by mistake.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

/** Field names that may hold personal data anywhere in a logged object. */
export const redactedPaths = [
  'email',
  '*.email',
  'phone',
  '*.phone',
  'name',
  '*.name',
  'ip',
  '*.ip',
  'password',
  '*.password',
  'token',
  '*.token',
  'code',
  '*.code',
  'identity',
  '*.identity',
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-forwarded-for"]',
  'req.remoteAddress',
  'req.query',
  'res.headers["set-cookie"]',
];

export function createLogger(level: string = 'info', destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'charter' },
      redact: { paths: redactedPaths, censor: '[redacted]' },
      serializers: {
        // Only method, route and status: URLs may carry identities in their query strings.
        req: (req: { method?: string; routeOptions?: { url?: string }; url?: string }) => ({
          method: req.method,
          route: req.routeOptions?.url ?? stripQuery(req.url),
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
    },
    destination as pino.DestinationStream | undefined,
  );
}

export function stripQuery(url: string | undefined): string | undefined {
  return url?.split('?')[0];
}
