export interface RecordedCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

export type Reply = { status?: number; json?: unknown; text?: string } | 'network-error' | 'timeout';
export type Route = (call: RecordedCall) => Reply | Promise<Reply>;

/**
 * A `fetch` that plays the CRM: routes are `"GET /v1/me"`-style keys (path params as `*`), and
 * every call is recorded so tests can check what the extension sent (or didn't).
 */
export function fakeCrm(routes: Record<string, Route>) {
  const calls: RecordedCall[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const call: RecordedCall = {
      method: (init.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    calls.push(call);
    const key = Object.keys(routes).find((k) => matches(k, call));
    if (!key) return json(404, { error: { code: 'not_found', message: `no route ${call.method} ${call.path}` } });
    const reply = await (routes[key] as Route)(call);
    if (reply === 'network-error') throw new TypeError('Failed to fetch');
    if (reply === 'timeout') throw new DOMException('The operation timed out.', 'TimeoutError');
    if (reply.text !== undefined) return new Response(reply.text, { status: reply.status ?? 200 });
    return json(reply.status ?? 200, reply.json);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls, callsTo: (path: string) => calls.filter((c) => c.path.startsWith(path)) };
}

function matches(key: string, call: RecordedCall): boolean {
  const [method, pattern] = key.split(' ');
  if (method !== call.method || !pattern) return false;
  const re = new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]+')}$`);
  return re.test(call.path);
}

function json(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

export function apiError(status: number, code: string, message: string, extra: { field?: string; details?: unknown } = {}): Reply {
  return { status, json: { error: { code, message, ...extra } } };
}
