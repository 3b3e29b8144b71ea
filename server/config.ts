import { readHttpConfig, type HttpConfig } from './http/config';
import { readProcessConfig, type ProcessConfig } from './runtime/config';

export interface ServerConfig extends ProcessConfig {
  /** CORS origins, allowed host names and rate limits (`http/config.ts`). */
  http: HttpConfig;
}

/**
 * The whole configuration of `main.ts` and `cli.ts`, read at start: the process's settings, then
 * the HTTP ones; throws a sentence naming the bad variable. Composed here, above both, because
 * `runtime/` does not import `http/`.
 */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const base = readProcessConfig(env);
  return { ...base, http: readHttpConfig(env) };
}
