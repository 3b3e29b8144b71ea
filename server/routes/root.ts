import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../http/env';

const STYLE = [
  'body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1d2733}',
  'code,pre{font:14px ui-monospace,monospace;background:#eef1f4;border-radius:4px}',
  'code{padding:0 .25em}pre{padding:.6em .8em;overflow-x:auto}h1 small{font-weight:normal;color:#5b6673}',
].join('');

/** The page loads nothing and runs nothing: the one inline style is allowed by its hash alone. */
const CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * What someone who opens the server's address in a browser sees: what runs here and how to
 * connect the extension to it. The same for every caller, made once: it names no team, user or
 * record, and says nothing of demo data.
 */
export function rootPage(version: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CRM API</title>
<style>${STYLE}</style>
</head>
<body>
<h1>CRM API <small>version ${escapeHtml(version)}</small></h1>
<p>This is the CRM server of <em>Client Context for Webmail</em>, the browser extension that shows
client history, commitments and risk beside email in Gmail and Outlook on the web. There is
nothing to use here in a browser: the extension talks to this server.</p>
<h2>Connect the extension</h2>
<ol>
<li>Install the extension in Chrome, Edge or Firefox.</li>
<li>Open its options page.</li>
<li>Enter this server's URL (this page's address, without any path) and your API token, press
<em>Test connection</em>, then <em>Save</em>.</li>
</ol>
<h2>Get a token</h2>
<p>Tokens are personal. Whoever runs this server issues one from its command line, in the
server's folder, and gives it to you; it is shown once:</p>
<pre><code>npm run crm -- token issue --email you@example.com</code></pre>
<h2>For developers</h2>
<ul>
<li><a href="/v1/health">/v1/health</a>: whether the server is up, its version and database kind</li>
<li><a href="/v1/openapi.json">/v1/openapi.json</a>: the API, described in OpenAPI 3.1</li>
</ul>
</body>
</html>
`;
}

/** `GET /` (and `HEAD /`, which Hono answers from the GET route without the body). */
export function rootRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const page = rootPage(deps.version);
  app.get('/', (c) =>
    c.html(page, 200, { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-cache' }),
  );
  return app;
}
