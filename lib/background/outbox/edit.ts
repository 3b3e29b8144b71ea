import { ProblemError } from '../../messaging/problem-error';
import type { Write } from '../../messaging/write';
import type { Db } from '../db';
import { groupOf, type OutboxItem } from './item';
import { changeItem, newKey } from './queue';
import { createdIdOf, recordOf } from './refs';

/** The field naming the record a change is about, for saying which one an edit got wrong. */
function recordField(write: Write): string {
  switch (write.type) {
    case 'commitment-patch':
      return 'commitmentId';
    case 'interaction-patch':
    case 'interaction-delete':
    case 'interaction-restore':
      return 'interactionId';
    case 'contact-emails':
      return 'contactId';
    default:
      return 'accountId';
  }
}

/** JSON with sorted keys, so that the same body in another key order counts as unchanged. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const refuse = (path: string, detail: string) => new ProblemError({ kind: 'invalid-request', path, detail });

/**
 * The edited write for a failed item: the same kind of write about the same record (later writes
 * may refer to its id), with the stored client-made id filled in when the page left it out.
 * Throws a ProblemError naming the field when the edit is about something else.
 */
export function editedWrite(stored: Write, edit: Write): Write {
  if (edit.type !== stored.type) throw refuse('write.type', `this write is a ${stored.type}; it can't become a ${edit.type}`);
  const changed = recordOf(stored);
  if (createdIdOf(stored) === null && recordOf(edit) !== changed) {
    throw refuse(`write.${recordField(stored)}`, 'an edit must change the same record');
  }
  const id = createdIdOf(stored);
  if (id === null || (edit.type !== 'interaction' && edit.type !== 'commitment' && edit.type !== 'contact')) return edit;
  if (edit.body.id !== undefined && edit.body.id !== id) throw refuse('write.body.id', 'an edit must keep the record id');
  return { ...edit, body: { ...edit.body, id } } as Write;
}

/**
 * Replaces a failed write with the user's edit and puts it back in line. A changed body gets a
 * new idempotency key (the CRM binds a key to one body); an unchanged one keeps its key, which
 * the refusal left unused. Returns the key it will be sent with.
 */
export async function updateFailed(db: Db, key: string, edit: Write, opts: { now: number; newId?: () => string }): Promise<string> {
  const failure: { error?: ProblemError } = {};
  let sentWith = key;
  const next = await changeItem(db, key, (item): OutboxItem | undefined => {
    if (item.state !== 'failed') {
      failure.error = refuse('key', 'only a write the CRM refused can be edited; this one is still being sent');
      return undefined;
    }
    try {
      const write = editedWrite(item.write, edit);
      if (canonical(write) !== canonical(item.write)) sentWith = newKey(opts.newId);
      const { conflict: _, ...rest } = item;
      return {
        ...rest, key: sentWith, write, group: groupOf(write, sentWith),
        state: 'pending', attempts: 0, nextAttemptAt: opts.now, lastProblem: null,
      };
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      failure.error = error;
      return undefined;
    }
  });
  if (failure.error) throw failure.error;
  if (next === undefined) throw refuse('key', 'no such write: it was sent or discarded meanwhile');
  return sentWith;
}
