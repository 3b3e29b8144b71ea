import type { Hono } from 'hono';
import type { AppEnv } from '../../http/env';

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls the app in-process (no sockets) with a token, parsing JSON answers. */
export function client(app: Hono<AppEnv>, token?: string) {
  async function call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const h: Record<string, string> = { ...headers };
    if (token !== undefined) h.Authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['Content-Type'] ??= 'application/json';
    }
    const res = await app.request(path, { method, headers: h, ...(payload === undefined ? {} : { body: payload }) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON; tests that care assert on the status and the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
  return {
    call,
    get: <T = unknown>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
    post: <T = unknown>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('POST', path, body, headers),
    patch: <T = unknown>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('PATCH', path, body, headers),
    del: <T = unknown>(path: string, headers?: Record<string, string>) => call<T>('DELETE', path, undefined, headers),
  };
}
