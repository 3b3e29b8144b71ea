import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../lib/background/outbox/backoff';
import { enqueue } from '../../../../lib/background/outbox/queue';
import { ACCOUNT_ID, accountDetail, CONTACT_ID, unknownMatch } from '../../../support/crm-fixtures';
import { apiError, fakeCrm } from '../../../support/fake-crm';
import { testApp } from '../../../support/test-app';

const AT = '2026-11-23T09:00:00.000Z';
const EMAIL = 'rina@bank-sinar.co.id';

describe('outbox: a new contact and cached "unknown" answers', () => {
  it('marks unknown addresses stale when the contact is delivered, even by a later retry', async () => {
    let down = true;
    const crm = fakeCrm({
      'POST /v1/contacts': () =>
        down
          ? apiError(503, 'unavailable', 'restarting')
          : {
              status: 201,
              json: {
                contact: { id: CONTACT_ID, accountId: ACCOUNT_ID, name: 'Rina', emails: [EMAIL], role: null, phone: null, createdAt: AT, updatedAt: AT },
                account: accountDetail().account,
              },
            },
    });
    const { app, clock, notified } = await testApp(crm.fetch);
    await app.ctx.db.put('lookups', { email: EMAIL, match: unknownMatch(EMAIL), fetchedAt: clock.now });
    await enqueue(app.ctx.db, { type: 'contact', body: { name: 'Rina', emails: [EMAIL], role: null, phone: null, accountId: ACCOUNT_ID } }, { now: clock.now });

    expect(await app.drain()).toMatchObject({ sent: 0, retrying: 1 });
    expect((await app.ctx.db.get('lookups', EMAIL))?.fetchedAt).toBe(clock.now);

    down = false;
    clock.now += backoffDelay(1, 0.5);
    expect(await app.drain()).toMatchObject({ sent: 1 });
    expect((await app.ctx.db.get('lookups', EMAIL))?.fetchedAt).toBe(0);
    expect(notified).toContainEqual({ all: true });
  });
});
