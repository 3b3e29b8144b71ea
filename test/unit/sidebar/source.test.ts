import { describe, expect, it } from 'vitest';
import { encodeSidebarContext } from '../../../lib/messaging/sidebar-link';
import { peopleOf, readSource, sourceKey } from '../../../lib/sidebar/source';

const context = { site: 'gmail' as const, threadId: 'T1', participants: [{ name: 'Budi', email: 'budi@banksinar.co.id' }] };

describe('readSource', () => {
  it.each([
    ['a thread in the hash', encodeSidebarContext(context), '', 'thread'],
    ['the hash wins over ?email=', encodeSidebarContext(context), '?email=x@y.example', 'thread'],
    ['a hash that is not a context', '#%7Bbroken', '?email=x@y.example', 'unreadable'],
    ['a context missing its fields', encodeSidebarContext({ site: 'gmail' } as never), '', 'unreadable'],
    ['only ?email=', '', '?email=%20x@y.example%20', 'email'],
    ['a bare #', '#', '?email=x@y.example', 'email'],
    ['nothing', '', '', 'none'],
    ['an empty ?email=', '', '?email=%20', 'none'],
  ])('%s → %s', (_, hash, search, kind) => {
    expect(readSource(hash, search).kind).toBe(kind);
  });

  it('trims the address and applies the context’s defaults', () => {
    expect(readSource('', '?email=%20x@y.example%20')).toEqual({ kind: 'email', email: 'x@y.example' });
    expect(readSource(encodeSidebarContext(context), '')).toEqual({
      kind: 'thread', context: { ...context, subject: '', sentAt: null, nameOnly: [] },
    });
  });
});

describe('sourceKey and peopleOf', () => {
  it('changes with the thread, so per-thread state starts afresh', () => {
    const one = readSource(encodeSidebarContext(context), '');
    const other = readSource(encodeSidebarContext({ ...context, threadId: 'T2' }), '');
    expect(sourceKey(one)).not.toBe(sourceKey(other));
    expect(sourceKey(one)).toBe(sourceKey(readSource(encodeSidebarContext(context), '')));
  });
  it.each([
    ['a thread: its participants', encodeSidebarContext(context), '', [{ name: 'Budi', email: 'budi@banksinar.co.id' }]],
    ['one address', '', '?email=x@y.example', [{ name: '', email: 'x@y.example' }]],
    ['nothing', '', '', []],
  ])('%s', (_, hash, search, people) => {
    expect(peopleOf(readSource(hash, search))).toEqual(people);
  });
});
