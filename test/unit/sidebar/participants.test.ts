import { describe, expect, it } from 'vitest';
import type { AccountSummary, Contact } from '../../../lib/api';
import type { LookupItem } from '../../../lib/messaging/protocol';
import { firstToShow, isSingleThreaded, matchNamedPeople, pairParticipants } from '../../../lib/sidebar/participants';

const summary = (over: Partial<AccountSummary> = {}): AccountSummary => ({
  id: '7d3f0c43-5a0e-4a8e-9b0e-2f4c6b1a9e01', name: 'Acme', stage: 'repeat', owner: null, lastContactAt: null, cadenceDays: null,
  openCommitments: 0, overdueCommitments: 0, contactsInTouch: 3, risk: { level: 'ok', reasons: [] }, ...over,
});
const contact = (email: string): LookupItem => ({ match: 'contact', email, contact: { id: email, name: email, role: null }, account: summary() });
const domain = (email: string): LookupItem => ({ match: 'account-domain', email, account: summary() });
const unknown = (email: string): LookupItem => ({ match: 'unknown', email });
const excluded = (email: string): LookupItem => ({ match: 'excluded', email, reason: 'colleague' });

describe('pairParticipants', () => {
  it('pairs each person with the answer for their address, once, in the page’s order', () => {
    const people = [{ name: 'A', email: 'A@x.example' }, { name: 'B', email: 'b@y.example' }, { name: 'A again', email: 'a@x.example' }];
    const paired = pairParticipants(people, [unknown('b@y.example'), contact('a@x.example')]);
    expect(paired.map((p) => [p.name, p.item.match])).toEqual([['A', 'contact'], ['B', 'unknown']]);
  });
  it('leaves out a person the background gave no answer for', () => {
    expect(pairParticipants([{ name: 'A', email: 'a@x.example' }], [])).toEqual([]);
  });
});

describe('firstToShow', () => {
  const at = (items: LookupItem[]) => items.map((item) => ({ name: '', email: item.email, item }));
  it.each([
    ['a known contact over everyone before them', [unknown('u@a'), domain('d@a'), contact('c@a')], 2],
    ['an address of a known account when no contact is known', [excluded('e@a'), unknown('u@a'), domain('d@a')], 2],
    ['the first person when the CRM knows nobody', [unknown('u@a'), unknown('v@a')], 0],
    ['nobody', [], 0],
  ])('%s', (_, items, index) => {
    expect(firstToShow(at(items))).toBe(index);
  });
});

describe('matchNamedPeople', () => {
  const contacts = [{ id: 'y', name: 'Yuliana Sari', role: 'Finance' }, { id: 'r', name: 'Rudi Hartono', role: null }] as Contact[];
  it('says who a name shown alone probably is, and nothing when unsure', () => {
    expect(matchNamedPeople([{ name: 'SARI, Yuliana' }, { name: 'Someone Else' }], contacts)).toEqual([
      { name: 'SARI, Yuliana', probably: { id: 'y', name: 'Yuliana Sari', role: 'Finance' } },
      { name: 'Someone Else', probably: null },
    ]);
  });
});

describe('isSingleThreaded', () => {
  it.each([
    ['one person in touch', { contactsInTouch: 1 }, true],
    ['several people in touch', { contactsInTouch: 3 }, false],
    ['nobody in touch yet', { contactsInTouch: 0 }, false],
    ['the rule says so over a longer window', { contactsInTouch: 2, risk: { level: 'watch', reasons: [{ code: 'single-threaded', months: 12 }] } }, true],
  ] as const)('%s', (_, over, expected) => {
    expect(isSingleThreaded(summary(over as Partial<AccountSummary>))).toBe(expected);
  });
});
