/**
 * The OpenAPI 3.1 document, generated from the declared routes' zod schemas (JSON Schema 2020-12, which OpenAPI 3.1
 * uses as is). Protected operations carry their security requirement so clients see what each route needs.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { declaredRoutes, type RouteSpec } from './routes.js';

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

const errorSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: {
            type: 'object',
            properties: { path: { type: 'string' }, message: { type: 'string' } },
            required: ['message'],
          },
        },
      },
    },
  },
};

const errorDescriptions: Record<number, string> = {
  400: 'Malformed request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body too large',
  415: 'Unsupported content type',
  422: 'Invalid fields',
  429: 'Rate limited',
};

function operation(spec: RouteSpec) {
  const parameters: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue;
    const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      parameters.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  const status = String(spec.status ?? 200);
  const success = spec.response
    ? { description: 'OK', content: { 'application/json': { schema: toSchema(spec.response, 'output') } } }
    : spec.produces
      ? { description: 'OK', content: { [spec.produces]: { schema: { type: 'string' } } } }
      : { description: 'OK' };
  const responses: Record<string, unknown> = { [status]: success };
  const errorStatuses = new Set<number>(spec.errors ?? []);
  if (spec.body || spec.query || spec.params) errorStatuses.add(422);
  if (spec.body) [400, 413, 415].forEach((s) => errorStatuses.add(s));
  if (spec.auth !== 'public') [401, 403].forEach((s) => errorStatuses.add(s));
  for (const code of [...errorStatuses].sort()) {
    responses[String(code)] = {
      description: errorDescriptions[code] ?? 'Error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  const op: Record<string, unknown> = {
    summary: spec.summary,
    tags: spec.tags,
    operationId: `${spec.method.toLowerCase()}${spec.url.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    responses,
  };
  if (parameters.length) op.parameters = parameters;
  if (spec.body) {
    const content: Record<string, unknown> = { 'application/json': { schema: toSchema(spec.body, 'input') } };
    for (const type of spec.consumes ?? []) content[type] = { schema: { type: 'string' } };
    op.requestBody = { required: true, content };
  } else if (spec.consumes?.length) {
    // A form post (the privacy center, a mail's confirm button): flat text fields, checked by the handler.
    const content: Record<string, unknown> = {};
    for (const type of spec.consumes)
      content[type] = {
        schema:
          type === 'application/x-www-form-urlencoded'
            ? { type: 'object', additionalProperties: { type: 'string' } }
            : { type: 'string' },
      };
    op.requestBody = { required: false, content };
  }
  op.security = spec.auth === 'public' ? [] : [{ session: [] }, { bearer: spec.auth.scopes }];
  return op;
}

export function buildOpenApi(app: FastifyInstance, info: { title: string; version: string; serverUrl?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of declaredRoutes(app)) {
    const path = spec.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][spec.method.toLowerCase()] = operation(spec);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: info.version,
      description: 'The HTTP API of Charter. Every error answers {"error":{"code","message","details"}}.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'charter_session', description: 'Console session cookie' },
        bearer: { type: 'http', scheme: 'bearer', description: 'Organisation API token with scopes' },
      },
    },
  };
}
