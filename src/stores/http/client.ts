/**
 * The HTTP store connector: each operation is a signed POST to the adapter (docs/http-store-protocol.md). Access
 * answers stream as NDJSON and reach the sink batch by batch.
 */
import {
  StoreError,
  type AccessRecord,
  type AccessRequest,
  type AccessSink,
  type AccessSummary,
  type ContactsOnFile,
  type DueCount,
  type DueQuery,
  type ErasureRequest,
  type ErasureResult,
  type Identity,
  type LiveSchema,
  type RectificationRequest,
  type RectificationResult,
  type RestrictionRequest,
  type RestrictionResult,
  type StoreConnector,
  type SweepRequest,
  type SweepResult,
} from '../connector.js';
import { randomBytes } from 'node:crypto';
import {
  nonceHeader,
  protocolVersion,
  sign,
  signatureHeader,
  timestampHeader,
  versionHeader,
  type Operation,
} from './protocol.js';

export interface HttpConnectorOptions {
  id: string;
  /** Base URL of the adapter, e.g. https://crm.example/charter. */
  url: string;
  secret: string;
  /** Milliseconds before a call is abandoned (default 60 s). */
  timeoutMs?: number;
}

export function createHttpConnector(options: HttpConnectorOptions): StoreConnector {
  const base = options.url.replace(/\/+$/, '');
  const id = options.id;

  const timeoutMs = options.timeoutMs ?? 60_000;
  /** A call that got no (complete) answer: past its bound, or the adapter unreachable (worth a retry). */
  const failedCall = (operation: Operation, error: unknown): StoreError => {
    if (error instanceof StoreError) return error;
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError')
      return new StoreError(
        id,
        `the adapter did not answer /${operation} within ${Math.round(timeoutMs / 100) / 10} s`,
        'statement_timeout',
      );
    return new StoreError(id, `the adapter did not answer /${operation}: ${(error as Error).message}`, 'unreachable');
  };

  async function post(operation: Operation, body: unknown): Promise<Response> {
    const text = JSON.stringify(body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(16).toString('base64url');
    let response: Response;
    try {
      response = await fetch(`${base}/${operation}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [timestampHeader]: timestamp,
          [nonceHeader]: nonce,
          [signatureHeader]: sign(options.secret, timestamp, nonce, text),
          [versionHeader]: protocolVersion,
        },
        body: text,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw failedCall(operation, error);
    }
    if (!response.ok) {
      let message = `HTTP ${response.status}`;
      try {
        const payload = (await response.json()) as { error?: { code?: string; message?: string } };
        if (payload.error?.message) message = `${payload.error.code ?? 'error'}: ${payload.error.message}`;
      } catch {
        // Not JSON: the status says enough.
      }
      throw new StoreError(
        id,
        `/${operation} failed: ${message}`,
        response.status === 401 ? 'unauthorized' : 'adapter_error',
      );
    }
    return response;
  }

  async function json<T>(operation: Operation, body: unknown): Promise<T> {
    const response = await post(operation, body);
    return { ...((await response.json()) as T), store: id };
  }

  return {
    id,
    kind: 'http',
    capabilities: { introspect: false, sample: false },

    async access(request: AccessRequest, sink: AccessSink): Promise<AccessSummary> {
      const response = await post('access', request);
      if (!response.body) throw new StoreError(id, '/access answered without a body', 'adapter_error');
      const decoder = new TextDecoder();
      let buffer = '';
      let summary: AccessSummary | undefined;
      const handle = async (line: string) => {
        if (!line.trim()) return;
        const message = JSON.parse(line) as {
          records?: AccessRecord[];
          summary?: Omit<AccessSummary, 'store'>;
          error?: { message?: string };
        };
        if (message.records) await sink(message.records.map((r) => ({ ...r, store: id })));
        if (message.summary) summary = { ...message.summary, store: id };
        if (message.error)
          throw new StoreError(id, `/access failed: ${message.error.message ?? 'error'}`, 'adapter_error');
      };
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let newline = buffer.indexOf('\n');
          while (newline >= 0) {
            await handle(buffer.slice(0, newline));
            buffer = buffer.slice(newline + 1);
            newline = buffer.indexOf('\n');
          }
        }
      } catch (error) {
        // The answer stopped mid-stream (the bound covers the body too): not a complete access answer.
        throw failedCall('access', error);
      }
      await handle(buffer + decoder.decode());
      if (!summary)
        throw new StoreError(id, '/access ended without its summary line (truncated answer)', 'adapter_error');
      return summary;
    },

    contacts: (identities: Identity[]) => json<ContactsOnFile>('contacts', { identities }),
    erase: ({ onBatch: _onBatch, ...request }: ErasureRequest) => json<ErasureResult>('erase', request),
    rectify: (request: RectificationRequest) => json<RectificationResult>('rectify', request),
    restrict: (request: RestrictionRequest) => json<RestrictionResult>('restrict', request),
    countDue: (query: DueQuery) => json<DueCount>('due', { mode: 'count', ...query }),
    sweep: (request: SweepRequest) => json<SweepResult>('due', { mode: 'sweep', ...request }),
    async introspect(): Promise<LiveSchema> {
      throw new StoreError(id, 'an HTTP store does not describe its schema', 'unsupported');
    },
    async sample(): Promise<Record<string, unknown>[]> {
      throw new StoreError(id, 'an HTTP store does not give samples', 'unsupported');
    },
    close: async () => {},
  };
}
