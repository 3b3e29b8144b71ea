import { describe, expect, it } from 'vitest';
import type { AccountSummary, RiskLevel } from '../../../lib/api';
import { bannerText, isExternal, riskMarkOf } from '../../../lib/content/badge-model';
import { addressesToLookUp, bannerMarkOf, LOOKUP_BATCH_MAX, marksForSenders } from '../../../lib/content/row-marks';
import type { ListRow } from '../../../lib/mail/types';
import type { LookupItem } from '../../../lib/messaging/protocol';
import { describeReason } from '../../../lib/risk/describe';
import { ACCOUNT_ID, OTHER_ACCOUNT_ID, contactMatch, summary, unknownMatch } from '../../support/crm-fixtures';

const OVERDUE = { code: 'overdue-commitments', count: 2, oldestDaysOverdue: 9 } as const;
const SILENCE = { code: 'silence', days: 40, expectedDays: 14, basis: 'cadence' } as const;
const NO_OWNER = { code: 'no-owner' } as const;

function at(level: RiskLevel, account: Partial<AccountSummary> = {}, email = 'a@client.test'): LookupItem {
  const reasons = level === 'ok' ? [] : level === 'watch' ? [SILENCE] : [OVERDUE, SILENCE, NO_OWNER];
  const { contact } = contactMatch(email) as Extract<LookupItem, { match: 'contact' }>;
  return { match: 'contact', email, contact, account: summary({ risk: { level, reasons }, ...account }) };
}

describe('riskMarkOf', () => {
  it.each<[string, LookupItem | undefined, RiskLevel | null]>([
    ['a contact at risk', at('at-risk'), 'at-risk'],
    ['a contact to watch', at('watch'), 'watch'],
    ['a healthy client', at('ok'), null],
    ['an address matched by domain', { match: 'account-domain', email: 'x@client.test', account: summary() }, 'watch'],
    ['nobody on file', unknownMatch('x@nowhere.test'), null],
    ['a colleague', { match: 'excluded', email: 'c@our.test', reason: 'colleague' }, null],
    ['not an address', { match: 'not-an-address', email: 'oops' }, null],
    ['the CRM could not be asked', { match: 'unavailable', email: 'a@client.test', problem: { kind: 'offline' } as never }, null],
    ['no answer yet', undefined, null],
  ])('%s → %s', (_, item, level) => {
    expect(riskMarkOf(item)?.level ?? null).toBe(level);
  });

  it('states the account, the level and every reason in the label, and keeps the reasons in order', () => {
    const mark = riskMarkOf(at('at-risk', { name: 'PT Semen' }));
    expect(mark?.label).toBe(`PT Semen: At risk. ${[OVERDUE, SILENCE, NO_OWNER].map(describeReason).join('. ')}`);
    expect(mark?.reasons).toHaveLength(3);
  });

  it('puts the top two reasons in the banner line', () => {
    const mark = riskMarkOf(at('at-risk', { name: 'PT Semen' }));
    expect(mark && bannerText(mark)).toBe(`PT Semen · At risk: ${describeReason(OVERDUE)}; ${describeReason(SILENCE)}`);
  });
});

describe('isExternal', () => {
  it.each<[string, LookupItem | undefined, boolean]>([
    ['a client', at('ok'), true],
    ['nobody on file', unknownMatch('x@nowhere.test'), true],
    ['the CRM could not be asked', { match: 'unavailable', email: 'a@b.test', problem: { kind: 'offline' } as never }, true],
    ['a colleague', { match: 'excluded', email: 'c@our.test', reason: 'colleague' }, false],
    ['a never-look-up address', { match: 'excluded', email: 'p@private.test', reason: 'never-look-up' }, false],
    ['not an address', { match: 'not-an-address', email: 'oops' }, false],
    ['not answered', undefined, false],
  ])('%s → %s', (_, item, expected) => {
    expect(isExternal(item)).toBe(expected);
  });
});

const person = (email: string) => ({ name: '', email });
const row = (threadId: string, ...emails: string[]): ListRow => ({ threadId, senders: emails.map(person) });

describe('addressesToLookUp', () => {
  it.each<[string, ListRow[], string[], string[]]>([
    ['every sender once, in row order', [row('t1', 'a@x.test', 'b@x.test'), row('t2', 'b@x.test', 'c@y.test')], [], ['a@x.test', 'b@x.test', 'c@y.test']],
    ['known addresses left out', [row('t1', 'a@x.test', 'b@x.test')], ['a@x.test'], ['b@x.test']],
    ['rows without senders', [row('t1'), row('t2')], [], []],
    ['all known', [row('t1', 'a@x.test')], ['a@x.test'], []],
  ])('%s', (_, rows, known, expected) => {
    expect(addressesToLookUp(rows, (e) => known.includes(e))).toEqual(expected);
  });

  it('stops at what one message may carry', () => {
    const rows = Array.from({ length: 600 }, (_, i) => row(`t${i}`, `p${i}@x.test`));
    expect(addressesToLookUp(rows, () => false)).toHaveLength(LOOKUP_BATCH_MAX);
  });
});

describe('marksForSenders and bannerMarkOf', () => {
  const answers = new Map<string, LookupItem>([
    ['risk1@semen.test', at('at-risk', { id: ACCOUNT_ID }, 'risk1@semen.test')],
    ['risk2@semen.test', at('at-risk', { id: ACCOUNT_ID }, 'risk2@semen.test')],
    ['watch@sever.test', at('watch', { id: OTHER_ACCOUNT_ID }, 'watch@sever.test')],
    ['fine@bank.test', at('ok', {}, 'fine@bank.test')],
  ]);
  const answer = (email: string) => answers.get(email);

  it.each<[string, string[], string[]]>([
    ['one badge per account, before its first person', ['risk1@semen.test', 'risk2@semen.test'], ['risk1@semen.test']],
    ['two accounts, two badges', ['watch@sever.test', 'risk2@semen.test'], ['watch@sever.test', 'risk2@semen.test']],
    ['healthy and unknown senders get none', ['fine@bank.test', 'who@nowhere.test'], []],
  ])('%s', (_, senders, expected) => {
    expect(marksForSenders(senders.map(person), answer).map((m) => m.email)).toEqual(expected);
  });

  it.each<[string, string[], string | null]>([
    ['at risk wins over watch', ['watch@sever.test', 'risk2@semen.test'], 'risk2@semen.test'],
    ['watch when nobody is at risk', ['fine@bank.test', 'watch@sever.test'], 'watch@sever.test'],
    ['no banner for healthy clients', ['fine@bank.test'], null],
  ])('banner: %s', (_, people, expected) => {
    expect(bannerMarkOf(people.map(person), answer)?.email ?? null).toBe(expected);
  });
});
