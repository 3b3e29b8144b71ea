import { connectionOf, type Connection, type Settings } from '../config/settings';
import { ProblemError } from '../messaging/problem';
import { createCrmClient, type CrmClient, type CrmClientOptions } from './crm-client';
import type { Db } from './db';
import { recordOutcome } from './status';

/** Whether a problem says something about the connection (not about one request's data). */
function isConnectionProblem(error: unknown): error is ProblemError {
  if (!(error instanceof ProblemError)) return false;
  const p = error.problem;
  return p.kind === 'unreachable' || p.kind === 'unauthorized' || p.kind === 'bad-format' || (p.kind === 'server' && p.status >= 500);
}

/**
 * A client for the saved settings that records each outcome, so the popup can say whether the
 * CRM is reachable without a request of its own. Throws `not-configured` without URL and token.
 */
export function connectedClient(db: Db, settings: Settings, options: CrmClientOptions = {}): CrmClient {
  const connection: Connection | null = connectionOf(settings);
  if (!connection) throw new ProblemError({ kind: 'not-configured' });
  const client = createCrmClient(connection, options);
  let healthy: boolean | null = null;
  return async (name, call) => {
    try {
      const answer = await client(name, call);
      if (healthy !== true) {
        healthy = true;
        await recordOutcome(db, 'ok');
      }
      return answer;
    } catch (error) {
      if (isConnectionProblem(error)) {
        healthy = false;
        await recordOutcome(db, { problem: error.problem });
      }
      throw error;
    }
  };
}
