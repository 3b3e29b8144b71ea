/** Every scenario's name, in the order they run (what `--scenarios` may name; scenarios.ts holds to it). */
export const SCENARIO_NAMES = ['lookup-50', 'timeline', 'account-search', 'attention', 'lookup-50-cold'] as const;

/** How big and how long a benchmark run is. */
export interface BenchOptions {
  scale: number;
  /** Seconds each measured phase runs. */
  seconds: number;
  concurrency: number;
  backends: ('postgres' | 'pglite')[];
  /** An existing PostgreSQL to use instead of a throwaway cluster (its data is left alone: a fresh database is made). */
  databaseUrl: string | undefined;
  out: string | undefined;
  /** Only these scenarios (by name); all of them when undefined. */
  scenarios: string[] | undefined;
}

export interface DatasetSize {
  accounts: number;
  contacts: number;
  interactions: number;
  commitments: number;
}

export const FULL_SIZE: DatasetSize = { accounts: 20_000, contacts: 100_000, interactions: 1_000_000, commitments: 50_000 };

export const USAGE = `usage: npm run bench:server -- [--scale 0.05] [--seconds 10] [--concurrency 32] [--backends postgres,pglite] [--scenarios account-search,attention] [--out file.json]
  environment: BENCH_SCALE, BENCH_SECONDS, DATABASE_URL (use that PostgreSQL instead of a throwaway cluster)`;

/** Every size shrinks with the scale, never below a handful of rows. */
export function datasetSize(scale: number): DatasetSize {
  const of = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  return {
    accounts: of(FULL_SIZE.accounts, 20),
    contacts: of(FULL_SIZE.contacts, 50),
    interactions: of(FULL_SIZE.interactions, 200),
    commitments: of(FULL_SIZE.commitments, 20),
  };
}

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"\n${USAGE}`);
  return value;
}

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!match?.[1]) throw new Error(`unexpected argument "${arg}"\n${USAGE}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${match[1]} needs a value\n${USAGE}`);
    flags.set(match[1], value);
  }
  for (const name of flags.keys()) {
    if (!['scale', 'seconds', 'concurrency', 'backends', 'scenarios', 'out'].includes(name)) throw new Error(`unknown option --${name}\n${USAGE}`);
  }
  const picked = flags.get('scenarios')?.split(',').map((n) => n.trim()).filter(Boolean);
  for (const name of picked ?? []) {
    if (!(SCENARIO_NAMES as readonly string[]).includes(name)) throw new Error(`unknown scenario "${name}"; there are ${SCENARIO_NAMES.join(', ')}\n${USAGE}`);
  }
  const backends = (flags.get('backends') ?? 'postgres,pglite').split(',').map((b) => b.trim());
  for (const b of backends) if (b !== 'postgres' && b !== 'pglite') throw new Error(`unknown backend "${b}"\n${USAGE}`);
  return {
    scale: positive('scale', flags.get('scale') ?? env.BENCH_SCALE, 1),
    seconds: positive('seconds', flags.get('seconds') ?? env.BENCH_SECONDS, 10),
    concurrency: Math.round(positive('concurrency', flags.get('concurrency'), 32)),
    backends: backends as BenchOptions['backends'],
    databaseUrl: env.DATABASE_URL || undefined,
    out: flags.get('out'),
    scenarios: picked,
  };
}
