import type { Fault } from './fault-proxy';
import type { OutboxRig } from './outbox-rig';

/** A small seeded generator (mulberry32), so a run's faults can be replayed from its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ChaosCounts {
  serverRestarts: number;
  serverKills: number;
  workerStops: number;
  /** How long the CRM was down in all (stopped, and starting again). */
  serverDownMs: number;
  /** Each fault, in seconds from the start: `kill@12.3+5.1` (down 5.1 s), `stop@20.0` (worker). */
  events: string[];
}

/** Per-request faults of the proxy: about one request in five goes wrong in one way or another. */
export function randomFaults(random: () => number): (method: string, path: string) => Fault {
  return () => {
    const roll = random();
    if (roll < 0.05) return 'drop-response';
    if (roll < 0.1) return 'unavailable';
    if (roll < 0.13) return 'refuse';
    if (roll < 0.2) return { delayMs: 100 + Math.round(random() * 400) };
    return 'pass';
  };
}

/**
 * Until `signal` aborts: every 2–6 s either restarts the CRM (half the time by killing it, down
 * for 1–3 s) or stops the extension's service worker. `exclusive` keeps a worker stop from
 * landing in the middle of a page's message, so every write's fate is known to the benchmark.
 */
export async function runChaos(
  rig: OutboxRig,
  random: () => number,
  exclusive: <T>(run: () => Promise<T>) => Promise<T>,
  signal: AbortSignal,
): Promise<ChaosCounts> {
  const counts: ChaosCounts = { serverRestarts: 0, serverKills: 0, workerStops: 0, serverDownMs: 0, events: [] };
  const started = Date.now();
  const at = () => ((Date.now() - started) / 1000).toFixed(1);
  const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
  while (!signal.aborted) {
    await pause(2000 + random() * 4000);
    if (signal.aborted) break;
    if (random() < 0.4) {
      const kill = random() < 0.5;
      const down = Date.now();
      const when = at();
      await rig.crm.stop(kill ? 'SIGKILL' : 'SIGTERM');
      await pause(1000 + random() * 2000);
      await startAgain(rig);
      counts.serverDownMs += Date.now() - down;
      counts.events.push(`${kill ? 'kill' : 'term'}@${when}+${((Date.now() - down) / 1000).toFixed(1)}`);
      counts.serverRestarts++;
      if (kill) counts.serverKills++;
    } else {
      await exclusive(() => rig.stopWorker());
      counts.events.push(`stop@${at()}`);
      counts.workerStops++;
    }
  }
  return counts;
}

/** Starts the CRM again; a start that fails (say, the port still closing) is tried again. */
async function startAgain(rig: OutboxRig): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await rig.crm.start();
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((done) => setTimeout(done, 1000));
    }
  }
}
