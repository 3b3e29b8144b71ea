import { describe, expect, it } from 'vitest';
import { availableBackends } from './support/backends';
import { useTestApp } from './support/test-app';

/** A small deterministic generator, so a failure can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK: unknown[] = [
  null, true, 0, -1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, '', ' ', 'x', '\u0000', 'é🙂', 'a'.repeat(5000), '0000-01-01',
  '2026-02-30', '9999-12-31T23:59:59.999Z', '00000000-0000-0000-0000-000000000000', '{}', [], [null], {}, { a: 1 },
  ['not-a-uuid'], 'gmail.com', 'a@b', '@', 'Robert"); drop table accounts;--',
];

describe.each(availableBackends())('no input makes a 500 ($name)', (backend) => {
  const { teams: [f], api } = useTestApp(backend);

  it('survives 400 mutated requests with a JSON answer below 500', async () => {
    const commitment = await api.post<{ commitment: { id: string } }>('/v1/commitments', { accountId: f.accountId, text: 'x' });
    const note = await api.post<{ interaction: { id: string } }>('/v1/interactions', { accountId: f.accountId, kind: 'note', summary: 'n' });
    const valid: [string, string, Record<string, unknown>][] = [
      ['POST', '/v1/lookup', { emails: [f.email, 'x@y.example'] }],
      ['POST', '/v1/interactions', { accountId: f.accountId, kind: 'call', summary: 's', contactIds: [f.contactId], amount: 5, occurredAt: '2026-01-01T00:00:00Z', commitments: [{ text: 't', dueDate: '2026-02-01' }] }],
      ['POST', '/v1/commitments', { accountId: f.accountId, text: 't', dueDate: '2026-02-01', ownerId: f.colleagueId, contactId: f.contactId }],
      ['PATCH', `/v1/commitments/${commitment.body.commitment.id}`, { version: 1, status: 'done', text: 'x', dueDate: null }],
      ['POST', '/v1/contacts', { name: 'n', emails: ['n@z.example'], role: 'r', phone: '1', newAccount: { name: 'z', domains: ['z.example'] } }],
      ['PATCH', `/v1/accounts/${f.accountId}`, { version: 1, name: 'n', stage: 'loyal', ownerId: f.colleagueId, teamMemberIds: [f.userId], cadenceDays: 7, preferences: { channel: 'c' }, specialTerms: 's', domains: ['y.example'] }],
      ['PATCH', `/v1/interactions/${note.body.interaction.id}`, { version: 1, summary: 's', kind: 'call', direction: 'inbound', occurredAt: '2026-01-01T00:00:00Z', amount: 1, contactIds: [f.contactId] }],
      ['POST', `/v1/contacts/${f.contactId}/emails`, { emails: ['more@z.example'] }],
    ];
    const rand = prng(20261123);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const failures: string[] = [];
    for (let i = 0; i < 400; i++) {
      const [method, path, body] = pick(valid);
      const mutated: Record<string, unknown> = structuredClone(body);
      const key = pick([...Object.keys(mutated), 'extra']);
      mutated[key] = pick(JUNK);
      if (rand() < 0.2) delete mutated[pick(Object.keys(mutated))];
      const res = await api.call(method, path, mutated, rand() < 0.3 ? { 'Idempotency-Key': `fuzz-key-${i % 7}` } : {});
      if (res.status >= 500 || typeof res.body !== 'object') failures.push(`${res.status} ${method} ${path} ${JSON.stringify(mutated).slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });
});
