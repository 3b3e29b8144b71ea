import { describe, expect, it } from 'vitest';
import { enqueue } from '../../../../lib/background/outbox/queue';
import { ACCOUNT_ID, CONTACT_ID, unknownMatch } from '../../../support/crm-fixtures';
import { fakeCrm } from '../../../support/fake-crm';
import { testApp } from '../../../support/test-app';

const AT = '2026-11-23T09:00:00.000Z';
const EMAIL = 'budi.private@gmail.com';

describe('outbox: an address added to a contact and cached "unknown" answers', () => {
  it('marks unknown addresses stale once the address reaches the CRM, so the sidebar finds the contact', async () => {
    const crm = fakeCrm({
      'POST /v1/contacts/*/emails': () => ({
        json: { contact: { id: CONTACT_ID, accountId: ACCOUNT_ID, name: 'Budi', emails: ['budi@bank-sinar.co.id', EMAIL], role: null, phone: null, createdAt: AT, updatedAt: AT } },
      }),
    });
    const { app, clock, notified } = await testApp(crm.fetch);
    await app.ctx.db.put('lookups', { email: EMAIL, match: unknownMatch(EMAIL), fetchedAt: clock.now });
    await enqueue(app.ctx.db, { type: 'contact-emails', contactId: CONTACT_ID, accountId: ACCOUNT_ID, body: { emails: [EMAIL] } }, { now: clock.now });

    expect(await app.drain()).toMatchObject({ sent: 1 });
    expect((await app.ctx.db.get('lookups', EMAIL))?.fetchedAt).toBe(0);
    expect(notified).toContainEqual({ accountIds: [ACCOUNT_ID] });
  });
});
