import type { DatasetSize } from './options';
import type { PhaseResult } from './stats';

export interface ScenarioResult {
  name: string;
  description: string;
  api: PhaseResult;
  raw: PhaseResult;
  /** API requests per second over raw SQL "requests" per second. */
  apiToRawThroughput: number;
  /** The SQL statements behind one API request, on average (as recorded in the warm-up). */
  statementsPerRequest: number;
  /** Account summaries the api phase computed and stored because none current was stored. */
  summariesComputed: number;
}

export interface BackendResult {
  backend: 'postgres' | 'pglite';
  load: { rows: number; seconds: number; rowsPerSecond: number };
  /** Computing every account's summary once after the load, as the server's refresher does at start. */
  summaryRefresh: { accounts: number; seconds: number };
  scenarios: ScenarioResult[];
}

export interface BenchReport {
  startedAt: string;
  scale: number;
  dataset: DatasetSize;
  concurrency: number;
  secondsPerPhase: number;
  /** Load average when the run started: other work on the machine skews the figures. */
  machine: { cpus: number; node: string; platform: string; loadAverage: number[] };
  method: string;
  results: BackendResult[];
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

/** A fixed-width table for the terminal. */
export function formatTable(report: BenchReport): string {
  const lines = [
    `${'backend'.padEnd(9)} ${'scenario'.padEnd(14)} ${'path'.padEnd(4)} ${pad('req/s', 9)} ${pad('p50 ms', 8)} ${pad('p99 ms', 8)} ${pad('errors', 7)} ${pad('api/raw', 8)} ${pad('computed', 9)}`,
  ];
  for (const b of report.results) {
    for (const s of b.scenarios) {
      for (const [path, r] of [['api', s.api], ['raw', s.raw]] as const) {
        lines.push(
          `${b.backend.padEnd(9)} ${s.name.padEnd(14)} ${path.padEnd(4)} ${pad(r.perSecond.toFixed(1), 9)} ${pad(r.p50Ms.toFixed(2), 8)} ${pad(r.p99Ms.toFixed(2), 8)} ${pad(r.errors, 7)} ${pad(path === 'api' ? s.apiToRawThroughput.toFixed(2) : '', 8)} ${pad(path === 'api' ? s.summariesComputed : '', 9)}`,
        );
      }
    }
  }
  const loads = report.results.map((b) => `${b.backend}: ${b.load.rows.toLocaleString('en')} rows in ${b.load.seconds.toFixed(1)} s (${Math.round(b.load.rowsPerSecond).toLocaleString('en')} rows/s), ${b.summaryRefresh.accounts.toLocaleString('en')} summaries in ${b.summaryRefresh.seconds.toFixed(1)} s`);
  return [...lines, '', `load: ${loads.join('; ')}`].join('\n');
}
