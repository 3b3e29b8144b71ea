import { startBenchCrm } from '../crm/start-crm';
import { inboxSenders } from '../pages/gmail-pages';
import { threadSender } from '../data/clients';
import { percentile } from '../report/stats';

/**
 * The benchmark's CRM answering alone, one request at a time over loopback, as the extension's
 * cold paths ask it: a one-address lookup, a 60-address lookup, an account, its open commitments
 * and its timeline. `npx tsx bench/profile/crm-alone.ts [rounds]`.
 */
const rounds = Number(process.argv[2] ?? 3);
const crm = await startBenchCrm();
try {
  const headers = { Authorization: `Bearer ${crm.token}`, 'Content-Type': 'application/json' };
  const lookup = (emails: string[]) => fetch(`${crm.url}/v1/lookup`, { method: 'POST', headers, body: JSON.stringify({ emails }) });
  const ids: string[] = [];
  for (let i = 0; i < 10; i++) {
    const answer = (await (await lookup([threadSender(i)])).json()) as { results: { account?: { id: string } }[] };
    const id = answer.results[0]?.account?.id;
    if (id) ids.push(id);
  }
  const time = async (label: string, ask: (k: number) => Promise<Response>) => {
    const ms: number[] = [];
    for (let k = 0; k < rounds * ids.length; k++) {
      const started = performance.now();
      await (await ask(k)).text();
      ms.push(performance.now() - started);
    }
    console.log(`${label.padEnd(22)} p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms (n ${ms.length})`);
  };
  await time('lookup, 1 address', (k) => lookup([threadSender(10 + (k % 30))]));
  await time('lookup, 60 addresses', (k) => lookup([...new Set(inboxSenders(k % 24))]));
  const id = (k: number) => ids[k % ids.length] ?? '';
  await time('account', (k) => fetch(`${crm.url}/v1/accounts/${id(k)}`, { headers }));
  await time('open commitments', (k) => fetch(`${crm.url}/v1/accounts/${id(k)}/commitments?status=open`, { headers }));
  await time('timeline', (k) => fetch(`${crm.url}/v1/accounts/${id(k)}/timeline`, { headers }));
} finally {
  await crm.stop();
}
