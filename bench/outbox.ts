// Pushes writes through the extension's outbox while the CRM restarts, the worker is stopped and
// the network fails, then checks that every write reached the CRM exactly once.
// `npm run bench:outbox`; OUTBOX_BENCH_WRITES, OUTBOX_BENCH_CHAOS_MS and OUTBOX_BENCH_SEED adjust a run,
// OUTBOX_BENCH_LOG=file.json keeps the proxy's log of every request.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DEMO_ADDRESSES } from '../server/seed/demo';
import { randomFaults, runChaos, seeded } from '../test/browser/support/chaos';
import { BUILT_EXTENSION } from '../test/browser/support/launch-extension';
import { audit, type Written } from '../test/browser/support/outbox-audit';
import { until } from '../test/browser/support/outbox-checks';
import { startOutboxRig, type OutboxRig } from '../test/browser/support/outbox-rig';

const WRITES = Number(process.env.OUTBOX_BENCH_WRITES ?? 1000);
/** Faults go on at least this long (longer if the writes take longer to queue). */
const CHAOS_MS = Number(process.env.OUTBOX_BENCH_CHAOS_MS ?? 90_000);
/** The bound on waiting for the outbox to empty once the faults stop. */
const DRAIN_LIMIT_MS = 15 * 60_000;
const SEED = Number(process.env.OUTBOX_BENCH_SEED ?? Date.now() % 2 ** 31);
const RESULTS = resolve(import.meta.dirname, 'outbox-results.json');

/** Runs one thing at a time: a worker stop never lands in the middle of a page's message. */
let chain: Promise<unknown> = Promise.resolve();
function exclusive<T>(run: () => Promise<T>): Promise<T> {
  const next = chain.then(run);
  chain = next.catch(() => undefined);
  return next;
}

async function demoAccounts(rig: OutboxRig): Promise<string[]> {
  const response = await fetch(`${rig.crm.url}/v1/lookup`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${rig.crm.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ emails: Object.values(DEMO_ADDRESSES) }),
  });
  const { results } = (await response.json()) as { results: { account?: { id: string } }[] };
  return [...new Set(results.flatMap((r) => (r.account ? [r.account.id] : [])))];
}

/** Every kind of write in the mix, as counted in the report. */
const MIX = ['note', 'commitment', 'completion', 'note-edit', 'note-delete', 'note-restore', 'account-edit'] as const;
const mixed: Record<(typeof MIX)[number], number> = { note: 0, commitment: 0, completion: 0, 'note-edit': 0, 'note-delete': 0, 'note-restore': 0, 'account-edit': 0 };

/** Each account's version now: an account edit is made against it (one edit per account, so none is stale). */
async function accountVersions(rig: OutboxRig, accounts: readonly string[]): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  for (const id of accounts) {
    const response = await fetch(`${rig.crm.url}/v1/accounts/${id}`, { headers: { Authorization: `Bearer ${rig.crm.token}` } });
    versions.set(id, ((await response.json()) as { account: { version: number } }).account.version);
  }
  return versions;
}

/**
 * Changes to notes queued earlier (perhaps not sent yet): an edit to a new unique summary, or a
 * deletion followed by its restore. The audit then finds the note by id with the summary it ends
 * with (the note's own entry follows the edit), and each change's key with an answer naming it.
 */
async function changeNote(rig: OutboxRig, notes: Written[], random: () => number, n: number): Promise<Written[]> {
  const target = notes.splice(Math.floor(random() * notes.length), 1)[0];
  if (!target) return [];
  const { accountId, id } = target;
  const queue = async (write: unknown, kind: (typeof MIX)[number], tag: string): Promise<Written> => {
    const answer = await exclusive(() => rig.ask<{ key: string; id: string }>('enqueueWrite', { write }));
    if (!answer.ok) throw new Error(`write ${n} (${kind}) was refused: ${JSON.stringify(answer.problem)}`);
    mixed[kind]++;
    return { kind: 'note', key: answer.value.key, id, accountId, tag };
  };
  if (random() < 0.5) {
    const tag = `Bench note-edit ${SEED}-${n}`;
    target.tag = tag;
    return [await queue({ type: 'interaction-patch', interactionId: id, accountId, body: { version: 1, summary: tag } }, 'note-edit', tag)];
  }
  return [
    await queue({ type: 'interaction-delete', interactionId: id, accountId }, 'note-delete', target.tag),
    await queue({ type: 'interaction-restore', interactionId: id, accountId }, 'note-restore', target.tag),
  ];
}

/**
 * Queues WRITES writes spread over the accounts: notes, commitments, completions of those
 * commitments, edits, deletions and restores of those notes, and one edit of each account.
 */
async function pushWrites(rig: OutboxRig, accounts: readonly string[], random: () => number): Promise<Written[]> {
  const written: Written[] = [];
  /** Accounts not edited yet, with their version. */
  const editable = await accountVersions(rig, accounts);
  const open = new Map<string, string[]>();
  /** Notes not yet edited or deleted: each is changed at most once, so an edit's version is 1. */
  const unchanged: Written[] = [];
  for (let n = 0; n < WRITES; n++) {
    const accountId = accounts[Math.floor(random() * accounts.length)] as string;
    const promises = open.get(accountId) ?? [];
    open.set(accountId, promises);
    const roll = random();
    const version = editable.get(accountId);
    if (version !== undefined && roll > 0.84 && roll <= 0.85) {
      editable.delete(accountId);
      const tag = `Bench account-edit ${SEED}-${n}`;
      const write = { type: 'account-patch', accountId, body: { version, specialTerms: tag } };
      const answer = await exclusive(() => rig.ask<{ key: string; id: string }>('enqueueWrite', { write }));
      if (!answer.ok) throw new Error(`write ${n} (account-edit) was refused: ${JSON.stringify(answer.problem)}`);
      written.push({ kind: 'account-edit', key: answer.value.key, id: accountId, accountId, tag, version: version + 1 });
      mixed['account-edit']++;
      continue;
    }
    if (roll > 0.85 && unchanged.length > 0) {
      written.push(...(await changeNote(rig, unchanged, random, n)));
      continue;
    }
    const completes = roll < 0.15 ? promises.shift() : undefined;
    const kind: Written['kind'] = completes ? 'completion' : roll < 0.35 ? 'commitment' : 'note';
    const tag = completes ?? `Bench ${kind} ${SEED}-${n}`;
    const write = completes
      ? { type: 'commitment-patch', commitmentId: completes, accountId, body: { version: 1, status: 'done' } }
      : kind === 'commitment'
        ? { type: 'commitment', body: { accountId, text: tag } }
        : { type: 'interaction', body: { accountId, kind: 'note', summary: tag } };
    const answer = await exclusive(() => rig.ask<{ key: string; id: string }>('enqueueWrite', { write }));
    if (!answer.ok) throw new Error(`write ${n} was refused: ${JSON.stringify(answer.problem)}`);
    const entry: Written = { kind, key: answer.value.key, id: answer.value.id, accountId, tag };
    written.push(entry);
    mixed[kind]++;
    if (kind === 'commitment') promises.push(answer.value.id);
    if (kind === 'note') unchanged.push(entry);
  }
  return written;
}

async function main(): Promise<void> {
  if (!existsSync(join(BUILT_EXTENSION, 'manifest.json'))) {
    const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the extension did not build');
  }
  console.log(`outbox bench: ${WRITES} writes, faults for ≥ ${CHAOS_MS / 1000} s, seed ${SEED}`);
  const rig = await startOutboxRig();
  try {
    const accounts = await demoAccounts(rig);
    const proxyRandom = seeded(SEED + 2);
    rig.proxy.setFaults(randomFaults(proxyRandom));
    const stopChaos = new AbortController();
    const started = Date.now();
    const chaos = runChaos(rig, seeded(SEED + 1), exclusive, stopChaos.signal);
    chaos.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    const written = await pushWrites(rig, accounts, seeded(SEED));
    const queuedMs = Date.now() - started;
    await new Promise((done) => setTimeout(done, Math.max(0, CHAOS_MS - queuedMs)));
    stopChaos.abort();
    const faults = await chaos;
    rig.proxy.setFaults(() => 'pass');
    await rig.crm.start();
    const calm = Date.now();
    const emptied = await until('the outbox empty', async () => (await rig.outbox()).items.length === 0, DRAIN_LIMIT_MS).then(
      () => true,
      () => false,
    );
    const elapsedMs = Date.now() - started;
    const result = await audit(rig, written, accounts);
    const proxied = rig.proxy.log.reduce<Record<string, number>>((n, r) => {
      const name = typeof r.fault === 'object' ? 'delay' : r.fault;
      n[name] = (n[name] ?? 0) + 1;
      return n;
    }, {});
    // Writes the CRM answered, per 10 s from the start: how delivery went on while the faults lasted.
    const perTenSeconds: number[] = [];
    for (const r of rig.proxy.log) {
      if (r.method === 'GET' || r.status === null || r.status >= 300) continue;
      const slot = Math.floor((r.at - started) / 10_000);
      while (perTenSeconds.length <= slot) perTenSeconds.push(0);
      perTenSeconds[slot] = (perTenSeconds[slot] ?? 0) + 1;
    }
    const report = {
      seed: SEED,
      ...result,
      byKind: mixed,
      emptied,
      faults: { ...faults, proxied, replayed: rig.proxy.log.filter((r) => r.replayed).length },
      answeredWritesPer10s: perTenSeconds,
      queuedMs,
      drainAfterFaultsMs: Date.now() - calm,
      elapsedMs,
      finishedAt: new Date().toISOString(),
    };
    await writeFile(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
    // Every request the proxy saw, for looking into a run: OUTBOX_BENCH_LOG=file.json.
    if (process.env.OUTBOX_BENCH_LOG) await writeFile(process.env.OUTBOX_BENCH_LOG, JSON.stringify(rig.proxy.log.map((r) => ({ ...r, at: r.at - started }))));
    console.table({ written: result.written, delivered: result.delivered, lost: result.lost, duplicated: result.duplicated, 'still queued': result.stillQueued, 'elapsed s': Math.round(elapsedMs / 1000) });
    console.log(JSON.stringify({ keys: result.keys, faults: report.faults }));
    console.log(`written to ${RESULTS}`);
    if (result.lost > 0 || result.duplicated > 0 || !emptied || result.keys.missing + result.keys.mismatched > 0) process.exitCode = 1;
  } finally {
    await rig.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
