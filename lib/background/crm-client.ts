import type { z } from 'zod';
import { ApiError, ENDPOINTS, IDEMPOTENCY_HEADER } from '../api';
import { isSafeApiUrl } from '../config/loopback';
import type { Connection } from '../config/settings';
import type { Problem } from '../messaging/problem';
import { ProblemError, issuePath } from '../messaging/problem-error';
import { retryAtFrom } from './retry-after';

export type EndpointName = keyof typeof ENDPOINTS;
export type EndpointAnswer<K extends EndpointName> = z.output<(typeof ENDPOINTS)[K]['response']>;

export interface CallOptions {
  /** Values for `{name}` segments of the path. */
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  idempotencyKey?: string;
}

export interface CrmClientOptions {
  fetch?: typeof fetch;
  /** Per request; a slow CRM should not keep the sidebar spinning forever. */
  timeoutMs?: number;
  /** The clock a `Retry-After` is read against. */
  now?: () => number;
}

export type CrmClient = <K extends EndpointName>(name: K, options?: CallOptions) => Promise<EndpointAnswer<K>>;

/**
 * Calls the CRM over the lib/api contract. Every answer is checked with the endpoint's schema;
 * every failure is thrown as a ProblemError whose Problem a salesperson can act on.
 */
export function createCrmClient(connection: Connection, options: CrmClientOptions = {}): CrmClient {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const now = options.now ?? Date.now;

  return async (name, call = {}) => {
    // Checked again here, whatever the caller checked: the token goes in the first request.
    if (!isSafeApiUrl(connection.apiUrl)) throw new ProblemError({ kind: 'insecure-url', url: connection.apiUrl });
    const endpoint = ENDPOINTS[name];
    const url = buildUrl(connection.apiUrl, endpoint.path, call);
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${connection.token}` };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    if (call.idempotencyKey) headers[IDEMPOTENCY_HEADER] = call.idempotencyKey;

    let response: Response;
    try {
      response = await doFetch(url, {
        method: endpoint.method.toUpperCase(),
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(timeoutMs),
        // Only the saved address gets our requests: a redirect elsewhere (possibly plain http) fails
        // as unreachable, and the outbox keeps the write.
        redirect: 'error',
      });
    } catch (error) {
      throw new ProblemError({ kind: 'unreachable', url: connection.apiUrl, detail: networkDetail(error, timeoutMs) });
    }

    const text = await response.text().catch(() => '');
    const json = parseJson(text);
    if (!response.ok) {
      // Only these two statuses give Retry-After the meaning of "when to ask again".
      const wait = response.status === 429 || response.status === 503 ? retryAtFrom(response.headers.get('Retry-After'), now()) : null;
      throw new ProblemError(statusProblem(response.status, json, connection.apiUrl, wait));
    }
    if (json === undefined) {
      throw new ProblemError({ kind: 'bad-format', path: '(body)', detail: 'the answer is not JSON' });
    }
    const parsed = endpoint.response.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ProblemError({ kind: 'bad-format', path: issuePath(parsed.error), detail: issue?.message ?? '' });
    }
    return parsed.data as EndpointAnswer<typeof name>;
  };
}

export function buildUrl(base: string, path: string, call: CallOptions): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = call.params?.[key];
    if (value === undefined) throw new Error(`missing path parameter ${key} for ${path}`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(call.query ?? {})) {
    if (value !== undefined) query.set(key, String(value));
  }
  const search = query.toString();
  return `${base.replace(/\/+$/, '')}${filled}${search ? `?${search}` : ''}`;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function networkDetail(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Maps an error status and the server's ApiError body (if it sent one) to a Problem; `retryAt`
 * is when the server said to come back (429, 503), null when it did not say.
 */
export function statusProblem(status: number, json: unknown, apiUrl: string, retryAt: number | null = null): Problem {
  const body = ApiError.safeParse(json);
  const message = body.success ? body.data.error.message : `HTTP ${status}`;
  const wait = retryAt === null ? {} : { retryAt };
  if (status === 401) return { kind: 'unauthorized', url: apiUrl };
  if (status === 429) return { kind: 'rate-limited', message, ...wait };
  if (status === 409) {
    const field = body.success ? body.data.error.field : undefined;
    const details = body.success ? body.data.error.details : undefined;
    return field === undefined ? { kind: 'conflict', message, details } : { kind: 'conflict', message, details, field };
  }
  if (status === 400 || status === 422) {
    const field = body.success ? body.data.error.field : undefined;
    return field === undefined ? { kind: 'rejected', status, message } : { kind: 'rejected', status, message, field };
  }
  return { kind: 'server', status, message, ...wait };
}
