/**
 * The Fastify instance every Charter app starts from: JSON logs without personal data, one error shape for every
 * failure, YAML and text bodies accepted where a route declares them, 404 in the same shape. Knows no domain.
 */
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { parseJsonBody } from './json-body.js';
import { zodDetails } from './routes.js';

export interface ServerOptions {
  logger: Logger;
  /** Default maximum request body in bytes (1 MiB). */
  bodyLimit?: number;
  trustProxy?: boolean;
}

export interface RegisteredRoute {
  method: string;
  url: string;
}

const registeredRoutesOf = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Every route registered on an app made by `createHttpServer`, with its method (HEAD routes Fastify adds included). */
export function registeredRoutes(app: FastifyInstance): readonly RegisteredRoute[] {
  return registeredRoutesOf.get(app) ?? [];
}

export function createHttpServer(options: ServerOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    requestIdHeader: false,
    return503OnClosing: true,
    childLoggerFactory: (logger, bindings, childOptions) =>
      childOptions.level || childOptions.serializers
        ? logger.child(bindings, childOptions)
        : lazyChild(logger, bindings),
  }) as unknown as FastifyInstance;

  // Every route as Fastify registers it (encapsulated scopes included), so a test can hold the OpenAPI document to it.
  const registered: RegisteredRoute[] = [];
  registeredRoutesOf.set(app, registered);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) registered.push({ method: String(method), url: route.url });
  });

  // JSON within bounds of depth, array length and keys (src/platform/http/json-body.ts), for every route.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  // YAML and plain text arrive as strings; routes that accept them declare it.
  app.addContentTypeParser(
    ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'],
    { parseAs: 'string' },
    (_request, body, done) => done(null, body),
  );

  app.setErrorHandler((error: FastifyError | AppError | ZodError | Error, request, reply) => {
    if (error instanceof AppError) {
      // A person following a link to a page that is gone reads a page, not JSON; scripts still get the JSON error.
      if (error.page && /\btext\/html\b/.test(request.headers.accept ?? ''))
        return reply.code(error.status).type('text/html; charset=utf-8').send(error.page);
      return reply
        .code(error.status)
        .send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (error instanceof ZodError) {
      return reply.code(422).send({
        error: { code: 'invalid_input', message: 'The request has invalid fields.', details: zodDetails(error) },
      });
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      const { code, message } = clientError(error as FastifyError, status);
      return reply.code(status).send({ error: { code, message, details: [] } });
    }
    // Unknown: log the error class and stack (no request data), answer generically.
    request.log.error({ err: { type: error.name, message: error.message, stack: error.stack } }, 'unhandled error');
    return reply
      .code(500)
      .send({ error: { code: 'internal', message: 'Something went wrong on our side.', details: [] } });
  });

  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: { code: 'not_found', message: 'No such resource.', details: [] } }),
  );
  return app;
}

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * A request's logger, made on first use. Fastify gives every request a child logger bound to its id; pino builds one
 * (bindings serialised, redaction prepared) even when nothing will be logged at the configured level, and with
 * LOG_LEVEL=warn most requests log nothing. A message at a disabled level costs a level check here.
 */
class LazyChildLogger {
  #child: Logger | undefined;

  constructor(
    private readonly parent: Logger,
    private readonly bindings: Record<string, unknown>,
  ) {}

  #real(): Logger {
    return (this.#child ??= this.parent.child(this.bindings));
  }

  #log(level: Level, args: unknown[]) {
    if (!this.#child && !this.parent.isLevelEnabled(level)) return;
    const logger = this.#real();
    Reflect.apply(logger[level], logger, args);
  }

  get level(): string {
    return (this.#child ?? this.parent).level;
  }

  set level(value: string) {
    this.#real().level = value;
  }

  fatal(...args: unknown[]) {
    this.#log('fatal', args);
  }
  error(...args: unknown[]) {
    this.#log('error', args);
  }
  warn(...args: unknown[]) {
    this.#log('warn', args);
  }
  info(...args: unknown[]) {
    this.#log('info', args);
  }
  debug(...args: unknown[]) {
    this.#log('debug', args);
  }
  trace(...args: unknown[]) {
    this.#log('trace', args);
  }
  silent() {}

  child(bindings: Record<string, unknown>, options?: Record<string, unknown>) {
    return this.#real().child(bindings, options);
  }
}

function lazyChild(parent: FastifyBaseLogger, bindings: Record<string, unknown>): FastifyBaseLogger {
  return new LazyChildLogger(parent as Logger, bindings);
}

function clientError(error: FastifyError, status: number): { code: string; message: string } {
  switch (status) {
    case 400:
      return error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? { code: 'bad_request', message: 'The body is empty; send a JSON document.' }
        : error.code?.startsWith('FST_ERR_CTP')
          ? { code: 'malformed_body', message: 'The body is not valid JSON.' }
          : { code: 'bad_request', message: 'The request is malformed.' };
    case 413:
      return { code: 'payload_too_large', message: 'The request body is too large.' };
    case 415:
      return { code: 'unsupported_media_type', message: 'Unsupported content type; send application/json.' };
    case 429:
      return { code: 'rate_limited', message: 'Too many requests; try again later.' };
    default:
      return { code: 'bad_request', message: 'The request could not be handled.' };
  }
}
