/**
 * Declared routes: one zod schema per request part and response, used both to validate input (422 with field paths)
 * and to generate the OpenAPI 3.1 document. Handlers receive the parsed values, never the raw body.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { z } from 'zod';
import { invalidInput, type ErrorDetail } from '../errors.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: anyone, or a signed-in user / API token holding one of the scopes. */
export type RouteAuth = 'public' | { scopes: string[]; roles?: string[] };

export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  url: string;
  summary: string;
  tags: string[];
  auth: RouteAuth;
  params?: P;
  query?: Q;
  body?: B;
  /** Schema of the 200/201 JSON answer. */
  response?: R;
  /** Status of a successful answer; 200 by default. */
  status?: number;
  /** Non-JSON answer type for the OpenAPI document, e.g. text/html. */
  produces?: string;
  /** Request content types other than JSON that the route accepts (e.g. application/yaml). */
  consumes?: string[];
  bodyLimit?: number;
  /** Extra documented error statuses. */
  errors?: number[];
  /** Checks of this route only that run before its body is read (origin, content type, rate limit of public posts). */
  onRequest?: onRequestHookHandler;
}

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
}

const registries = new WeakMap<object, RouteSpec[]>();

/** Hooks the app factory installs (authentication), run before validation of a declared route. */
export type RouteGuard = (request: FastifyRequest, reply: FastifyReply, spec: RouteSpec) => Promise<void>;
const guards = new WeakMap<object, RouteGuard>();

export function setRouteGuard(app: FastifyInstance, guard: RouteGuard) {
  guards.set(app, guard);
}

/** Declared routes of an app, for the OpenAPI document and for route-walking tests. */
export function declaredRoutes(app: FastifyInstance): readonly RouteSpec[] {
  return registries.get(app) ?? [];
}

/**
 * Adds a route to an app's declared routes (its OpenAPI document) without registering it: for a route registered in
 * an encapsulated child scope (e.g. with its own body parser), which the root's document would not see otherwise.
 */
export function documentRoute(app: FastifyInstance, spec: RouteSpec): void {
  const list = registries.get(app) ?? [];
  list.push(spec);
  registries.set(app, list);
}

/** Declares and registers a route. The handler returns the response body (validated shape) or sends itself. */
export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  app: FastifyInstance,
  spec: RouteSpec<P, Q, B, R>,
  handler: (input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>) => Promise<z.input<R> | undefined | void>,
) {
  documentRoute(app, spec);
  app.route({
    method: spec.method,
    url: spec.url,
    ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
    ...(spec.onRequest ? { onRequest: spec.onRequest } : {}),
    handler: async (request, reply) => {
      const guard = spec.auth === 'public' ? undefined : guards.get(app);
      if (guard) await guard(request, reply, spec);
      const details: ErrorDetail[] = [];
      const params = parsePart(spec.params, request.params, 'params', details);
      const query = parsePart(spec.query, request.query, 'query', details);
      const body = parsePart(spec.body, request.body, 'body', details);
      if (details.length > 0) throw invalidInput(details);
      const result = await handler({
        params: params as z.output<P>,
        query: query as z.output<Q>,
        body: body as z.output<B>,
        request,
        reply,
      });
      if (reply.sent) return reply;
      if (spec.status) reply.code(spec.status);
      return result ?? reply.send();
    },
  });
}

function parsePart(schema: z.ZodType | undefined, value: unknown, part: string, details: ErrorDetail[]): unknown {
  if (!schema) return value;
  const parsed = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (parsed.success) return parsed.data;
  details.push(...zodDetails(parsed.error, part));
  return undefined;
}

/** Turns zod issues into error details with dotted paths (`body.categories.analytics`). */
export function zodDetails(error: z.ZodError, prefix?: string): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
    code: issue.code,
  }));
}
