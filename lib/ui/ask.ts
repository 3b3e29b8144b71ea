import { sendMessage } from '../messaging/channel';
import { ProblemError } from '../messaging/problem-error';
import type { ProtocolMap } from '../messaging/protocol';

type Requests = Exclude<keyof ProtocolMap, 'cacheChanged'>;
type Value<K extends Requests> = ReturnType<ProtocolMap[K]> extends infer R ? (R extends { ok: true; value: infer V } ? V : never) : never;

/**
 * Asks the background and unwraps its Result: the value, or a thrown ProblemError that the
 * page words for the user. A dead channel (worker failed to start) becomes an `internal` problem.
 */
export async function ask<K extends Requests>(
  name: K,
  ...data: Parameters<ProtocolMap[K]> extends [] ? [] : Parameters<ProtocolMap[K]>
): Promise<Value<K>> {
  let result: ReturnType<ProtocolMap[K]>;
  try {
    result = await (sendMessage as (n: K, d?: unknown) => Promise<ReturnType<ProtocolMap[K]>>)(name, data[0]);
  } catch (error) {
    throw new ProblemError({ kind: 'internal', message: error instanceof Error ? error.message : String(error) });
  }
  if (!result || typeof result !== 'object' || !('ok' in result)) {
    throw new ProblemError({ kind: 'internal', message: `no answer to ${name}` });
  }
  if (!result.ok) throw new ProblemError(result.problem);
  return result.value as Value<K>;
}
