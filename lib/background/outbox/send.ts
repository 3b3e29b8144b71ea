import type { Write } from '../../messaging/write';
import type { CrmClient } from '../crm-client';

/** Sends one write with its idempotency key; returns the account the CRM says it touched. */
export async function sendWrite(client: CrmClient, write: Write, idempotencyKey: string): Promise<string> {
  switch (write.type) {
    case 'interaction':
      return (await client('createInteraction', { body: write.body, idempotencyKey })).interaction.accountId;
    case 'commitment':
      return (await client('createCommitment', { body: write.body, idempotencyKey })).commitment.accountId;
    case 'commitment-patch':
      return (await client('patchCommitment', { params: { id: write.commitmentId }, body: write.body, idempotencyKey }))
        .commitment.accountId;
    case 'contact':
      return (await client('createContact', { body: write.body, idempotencyKey })).contact.accountId;
    case 'account-patch':
      return (await client('patchAccount', { params: { id: write.accountId }, body: write.body, idempotencyKey })).account.id;
    case 'interaction-patch':
      return (await client('patchInteraction', { params: { id: write.interactionId }, body: write.body, idempotencyKey }))
        .interaction.accountId;
    case 'interaction-delete':
      return (await client('deleteInteraction', { params: { id: write.interactionId }, idempotencyKey })).accountId;
    case 'interaction-restore':
      return (await client('restoreInteraction', { params: { id: write.interactionId }, idempotencyKey })).interaction.accountId;
    case 'contact-emails':
      return (await client('addContactEmails', { params: { id: write.contactId }, body: write.body, idempotencyKey })).contact.accountId;
  }
}
