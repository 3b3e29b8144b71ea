import type { Write } from '../../lib/messaging/write';
import { ACCOUNT_ID } from './crm-fixtures';
import type { RecordedCall, Reply } from './fake-crm';

const AT = '2026-11-23T09:00:00.000Z';

export function note(summary: string, accountId = ACCOUNT_ID): Write {
  return { type: 'interaction', body: { accountId, kind: 'note', direction: 'internal', summary, contactIds: [], amount: null, threadId: null, commitments: [] } };
}

/** The CRM's answer to POST /v1/interactions, echoing what was sent. */
export function created(call: RecordedCall): Reply {
  const body = call.body as { id: string; accountId: string; summary: string };
  return {
    status: 201,
    json: {
      interaction: {
        id: body.id, accountId: body.accountId, kind: 'note', direction: 'internal', occurredAt: AT, summary: body.summary,
        author: null, contactIds: [], amount: null, threadId: null, createdAt: AT,
      },
      commitments: [],
    },
  };
}

export const summaries = (calls: RecordedCall[]) => calls.map((c) => (c.body as { summary: string }).summary);
