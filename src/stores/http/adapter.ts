/**
 * The adapter side of the HTTP store protocol as a plain `node:http` request handler: verifies the signature and
 * the replay window, validates the body, and answers from any `StoreConnector` (for an in-house app: the SQL
 * connector over its own database). examples/http-adapter/ serves it; the contract suite runs against it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodType } from 'zod';
import { StoreError, type AccessRecord, type StoreConnector } from '../connector.js';
import {
  accessBodySchema,
  contactsBodySchema,
  dueBodySchema,
  eraseBodySchema,
  rectifyBodySchema,
  restrictBodySchema,
  nonceHeader,
  signatureHeader,
  timestampHeader,
  verifySignature,
} from './protocol.js';

export interface HttpStoreHandlerOptions {
  secret: string;
  connector: StoreConnector;
  /** Largest accepted body (default 1 MiB). */
  maxBodyBytes?: number;
  /** Clock in seconds (tests move it). */
  nowSeconds?: () => number;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

function answer(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}

function fail(response: ServerResponse, status: number, code: string, message: string, details: unknown[] = []) {
  answer(response, status, { error: { code, message, details } });
}

async function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined;
    parts.push(chunk);
  }
  return Buffer.concat(parts).toString('utf8');
}

export function createHttpStoreHandler(options: HttpStoreHandlerOptions): Handler {
  const seen = new Map<string, number>();
  const now = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const { connector } = options;

  const parse = <T>(schema: ZodType<T>, value: unknown, response: ServerResponse): T | undefined => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    fail(
      response,
      422,
      'invalid_input',
      'The request has invalid fields.',
      parsed.error.issues.map((issue) => ({
        path: ['body', ...issue.path.map(String)].join('.'),
        message: issue.message,
      })),
    );
    return undefined;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const operation = (request.url ?? '').split('?')[0]?.split('/').filter(Boolean).pop() ?? '';
    if (request.method !== 'POST') return fail(response, 405, 'method_not_allowed', 'Use POST.');
    const body = await readBody(request, options.maxBodyBytes ?? 1024 * 1024);
    if (body === undefined) return fail(response, 413, 'payload_too_large', 'The request body is too large.');
    const check = verifySignature(
      options.secret,
      {
        timestamp: request.headers[timestampHeader] as string | undefined,
        nonce: request.headers[nonceHeader] as string | undefined,
        signature: request.headers[signatureHeader] as string | undefined,
      },
      body,
      now(),
      seen,
    );
    if (!check.ok) return fail(response, 401, 'unauthorized', `The request signature was refused (${check.reason}).`);
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return fail(response, 400, 'bad_request', 'The body is not JSON.');
    }
    switch (operation) {
      case 'access': {
        const input = parse(accessBodySchema, value, response);
        if (!input) return;
        response.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' });
        const write = (line: unknown) =>
          new Promise<void>((resolve) => {
            if (response.write(`${JSON.stringify(line)}\n`)) resolve();
            else response.once('drain', resolve);
          });
        try {
          const summary = await connector.access(input, (records: AccessRecord[]) => write({ records }));
          await write({ summary: { tables: summary.tables, queries: summary.queries } });
        } catch (error) {
          await write({
            error: { code: 'store_error', message: error instanceof StoreError ? error.message : 'the store failed' },
          });
        }
        response.end();
        return;
      }
      case 'contacts': {
        const input = parse(contactsBodySchema, value, response);
        if (input) answer(response, 200, await connector.contacts(input.identities));
        return;
      }
      case 'erase': {
        const input = parse(eraseBodySchema, value, response);
        if (input) answer(response, 200, await connector.erase(input));
        return;
      }
      case 'rectify': {
        const input = parse(rectifyBodySchema, value, response);
        if (input) answer(response, 200, await connector.rectify(input as Parameters<StoreConnector['rectify']>[0]));
        return;
      }
      case 'restrict': {
        const input = parse(restrictBodySchema, value, response);
        if (input) answer(response, 200, await connector.restrict(input));
        return;
      }
      case 'due': {
        const input = parse(dueBodySchema, value, response);
        if (!input) return;
        if (input.mode === 'count') {
          const { mode: _mode, ...query } = input;
          answer(response, 200, await connector.countDue(query));
        } else {
          const { mode: _mode, ...sweep } = input;
          answer(response, 200, await connector.sweep(sweep));
        }
        return;
      }
      default:
        return fail(response, 404, 'not_found', 'No such operation.');
    }
  };

  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.end();
        return;
      }
      if (error instanceof StoreError)
        fail(
          response,
          error.code === 'unknown_table' || error.code === 'unknown_column' || error.code === 'no_anchor' ? 422 : 500,
          error.code,
          error.message,
        );
      else fail(response, 500, 'internal', 'The adapter failed.');
    });
  };
}
