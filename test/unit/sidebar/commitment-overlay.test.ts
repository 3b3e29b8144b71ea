import { describe, expect, it } from 'vitest';
import type { Commitment } from '../../../lib/api';
import { currentFromConflict } from '../../../lib/sidebar/commitment-conflict';
import { ofAccount, overlayCommitments, type LocalChange } from '../../../lib/sidebar/commitment-overlay';

const c = (id: string, version = 1, status: Commitment['status'] = 'open'): Commitment => ({
  id, accountId: 'acc', contactId: null, owner: null, text: id, dueDate: null, status, createdAt: '2026-01-01T00:00:00Z',
  completedAt: null, sourceInteractionId: null, version,
});
const change = (status: LocalChange['status'], version: number, snapshot: Commitment): [string, LocalChange] => [snapshot.id, { status, version, snapshot }];
const view = (rows: ReturnType<typeof overlayCommitments>) => rows.map((r) => `${r.commitment.id}:${r.commitment.status}:v${r.commitment.version}${r.pending ? ':pending' : ''}`);

describe('overlayCommitments', () => {
  it.each([
    ['the server’s list as it is', [c('a'), c('b')], [], [], ['a:open:v1', 'b:open:v1']],
    ['marked done, the server not there yet', [c('a'), c('b')], [change('done', 2, c('a'))], [], ['a:done:v2:pending', 'b:open:v1']],
    ['marked done and gone from the open list: stays, done, for Undo', [c('b')], [change('done', 2, c('a'))], [], ['b:open:v1', 'a:done:v2']],
    ['undone, the server still on the done version', [c('b')], [change('open', 3, c('a', 2, 'done'))], [], ['b:open:v1', 'a:open:v3:pending']],
    ['undone and the server caught up', [c('a', 3), c('b')], [change('open', 3, c('a', 2, 'done'))], [], ['a:open:v3', 'b:open:v1']],
    ['someone else changed it further: the server wins', [c('a', 5)], [change('done', 2, c('a'))], [], ['a:open:v5']],
    ['added here, not listed yet', [c('a')], [], [c('new')], ['a:open:v1', 'new:open:v1:pending']],
    ['added here and now listed: shown once', [c('a'), c('new')], [], [c('new')], ['a:open:v1', 'new:open:v1']],
  ] as const)('%s', (_, server, changes, added, expected) => {
    expect(view(overlayCommitments(server, new Map(changes), added))).toEqual(expected);
  });
});

describe('newer versions from conflict answers', () => {
  const edited = { ...c('a', 2), text: 'a, edited' };
  it.each([
    ['replace the cached one', [c('a'), c('b')], new Map([['a', edited]]), ['a:open:v2', 'b:open:v1']],
    ['take a commitment someone else closed off the open list', [c('a'), c('b')], new Map([['a', c('a', 2, 'done')]]), ['b:open:v1']],
    ['are ignored once the cached list is newer still', [c('a', 3)], new Map([['a', edited]]), ['a:open:v3']],
  ] as const)('%s', (_, server, newer, expected) => {
    expect(view(overlayCommitments(server, new Map(), [], newer))).toEqual(expected);
  });

  const current: Commitment = {
    ...edited, id: '0b6a1c1e-9d2f-4c83-8a8c-2f3d1e5b7a10', accountId: '7d3f0c43-5a0e-4a8e-9b0e-2f4c6b1a9e01', dueDate: '2026-12-01',
  };
  it.each([
    ['the record a 409 carries', { commitment: current }, current],
    ['nothing usable', { commitment: { id: 'a' } }, null],
    ['no details', undefined, null],
  ])('currentFromConflict: %s', (_, details, expected) => {
    expect(currentFromConflict(details)).toEqual(expected);
  });
});

describe('ofAccount', () => {
  const of = (id: string, accountId: string): Commitment => ({ ...c(id), accountId });
  it('keeps only the changes and additions of the account shown', () => {
    const changes = new Map([change('done', 2, of('a1', 'acc-a')), change('done', 2, of('b1', 'acc-b'))]);
    const mine = ofAccount('acc-b', changes, [of('a2', 'acc-a'), of('b2', 'acc-b')]);
    expect([...mine.changes.keys()]).toEqual(['b1']);
    expect(mine.added.map((x) => x.id)).toEqual(['b2']);
    // Laid over account B's own list, nothing of account A's shows.
    expect(view(overlayCommitments([of('b3', 'acc-b')], mine.changes, mine.added))).toEqual(['b3:open:v1', 'b1:done:v2', 'b2:open:v1:pending']);
  });
});
