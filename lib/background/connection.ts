import { isSafeApiUrl } from '../config/loopback';
import { connectionOf, type Connection, type Settings } from '../config/settings';
import { ProblemError } from '../messaging/problem-error';
import { createCrmClient, type CrmClient, type CrmClientOptions } from './crm-client';
import type { Db } from './db';
import { recordOutcome } from './status';

/** Databases whose last recorded outcome is a success, so another success need not be written. */
const knownHealthy = new WeakSet<Db>();

/**
 * Whether a problem says something about the connection (not about one request's data). A 429
 * does: the CRM turns this user away for a while, and the changes feed waits for its Retry-After.
 */
function isConnectionProblem(error: unknown): error is ProblemError {
  if (!(error instanceof ProblemError)) return false;
  const p = error.problem;
  return ['unreachable', 'no-permission', 'unauthorized', 'bad-format', 'rate-limited'].includes(p.kind) || (p.kind === 'server' && p.status >= 500);
}

/** Whether the browser lets the extension reach the CRM's origin. */
export type PermissionCheck = (apiUrl: string) => Promise<boolean>;

/**
 * A refused fetch looks the same whether the CRM is down or the browser withholds access; the
 * second has a different fix (allow it in the settings), so it gets its own problem.
 */
async function explain(error: unknown, apiUrl: string, permitted: PermissionCheck): Promise<unknown> {
  if (!(error instanceof ProblemError) || error.problem.kind !== 'unreachable') return error;
  const allowed = await permitted(apiUrl).catch(() => true);
  return allowed ? error : new ProblemError({ kind: 'no-permission', origin: new URL(apiUrl).origin });
}

/**
 * A client for the saved settings that records each outcome, so the popup can say whether the
 * CRM is reachable without a request of its own. Throws `not-configured` without URL and token,
 * and `insecure-url` for a plain-http address to another computer (saved by an older version):
 * the token is not sent there.
 */
export function connectedClient(
  db: Db,
  settings: Settings,
  options: CrmClientOptions = {},
  permitted: PermissionCheck = async () => true,
): CrmClient {
  const connection: Connection | null = connectionOf(settings);
  if (!connection) throw new ProblemError({ kind: 'not-configured' });
  if (!isSafeApiUrl(connection.apiUrl)) throw new ProblemError({ kind: 'insecure-url', url: connection.apiUrl });
  const client = createCrmClient(connection, options);
  return async (name, call) => {
    try {
      const answer = await client(name, call);
      if (!knownHealthy.has(db)) {
        // Marked first: a failure recorded meanwhile unmarks it, so the next success writes again.
        knownHealthy.add(db);
        await recordOutcome(db, 'ok');
      }
      return answer;
    } catch (caught) {
      const error = await explain(caught, connection.apiUrl, permitted);
      if (isConnectionProblem(error)) {
        knownHealthy.delete(db);
        await recordOutcome(db, { problem: error.problem });
      }
      throw error;
    }
  };
}
