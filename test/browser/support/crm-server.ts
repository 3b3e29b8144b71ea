import { startRestartableCrm } from './crm-process';

export interface RunningCrm {
  url: string;
  token: string;
  stop: () => Promise<void>;
}

/**
 * Starts the project's CRM server on a free loopback port with a fresh embedded database, waits
 * for its listening line and captures the demo token it prints on first start; `stop` also
 * removes the data folder.
 */
export async function startCrmServer(timeoutMs = 90_000): Promise<RunningCrm> {
  const crm = await startRestartableCrm(timeoutMs);
  return { url: crm.url, token: crm.token, stop: crm.dispose };
}
