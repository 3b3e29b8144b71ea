import type { Write } from '../../lib/messaging/write';
import { ACCOUNT_ID, account, interaction, summary as accountSummary } from './crm-fixtures';
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
        author: null, contactIds: [], amount: null, threadId: null, createdAt: AT, updatedAt: AT, updatedBy: null, version: 1,
      },
      commitments: [],
    },
  };
}

export const summaries = (calls: RecordedCall[]) => calls.map((c) => (c.body as { summary: string }).summary);

/** The id in a call's path after `/v1/<records>/`. */
const idIn = (call: RecordedCall) => call.path.split('/')[3] as string;

/** The CRM's answer to PATCH /v1/accounts/{id}: the change applied on top of `version`. */
export function patchedAccount(call: RecordedCall): Reply {
  const { version, ...change } = call.body as { version: number };
  return { json: { account: account({ id: idIn(call), ...change, version: version + 1 }), summary: accountSummary({ id: idIn(call) }) } };
}

/** The CRM's answer to PATCH /v1/interactions/{id}. */
export function patchedInteraction(call: RecordedCall): Reply {
  const { version, ...change } = call.body as { version: number };
  return { json: { interaction: interaction({ id: idIn(call), ...change, version: version + 1 }) } };
}

/** The CRM's answers to DELETE /v1/interactions/{id} and POST /v1/interactions/{id}/restore. */
export const deletedInteraction = (call: RecordedCall): Reply =>
  ({ json: { id: idIn(call), accountId: ACCOUNT_ID, deletedAt: AT, deletedBy: null } });
export const restoredInteraction = (call: RecordedCall): Reply => ({ json: { interaction: interaction({ id: idIn(call), version: 2 }) } });
