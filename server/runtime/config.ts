import { join, resolve } from 'node:path';

/** Where the process listens and keeps its data; `server/config.ts` adds the HTTP settings. */
export interface ProcessConfig {
  port: number;
  /** CRM_DATA_DIR: holds the lock file and, in `pglite/`, the embedded database. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** DATABASE_POOL_SIZE: PostgreSQL connections per instance. */
  poolSize: number | undefined;
}

export const DEFAULT_PORT = 8787;

/** Where PGlite keeps its files inside CRM_DATA_DIR, apart from the lock file. */
export const pgliteDir = (dataDir: string) => join(dataDir, 'pglite');

/** Reads PORT, CRM_DATA_DIR, DATABASE_URL and DATABASE_POOL_SIZE; throws a sentence naming the bad variable. */
export function readProcessConfig(env: NodeJS.ProcessEnv): ProcessConfig {
  const rawPort = env.PORT?.trim();
  const port = rawPort ? Number(rawPort) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${env.PORT}"`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must be a postgres:// or postgresql:// connection string');
  }
  const rawPool = env.DATABASE_POOL_SIZE?.trim();
  const poolSize = rawPool ? Number(rawPool) : undefined;
  if (poolSize !== undefined && (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 1000)) {
    throw new Error(`DATABASE_POOL_SIZE must be a whole number from 1 to 1000, not "${env.DATABASE_POOL_SIZE}"`);
  }
  return { port, dataDir: resolve(env.CRM_DATA_DIR?.trim() || '.crm-data'), databaseUrl, poolSize };
}
