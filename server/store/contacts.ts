import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { isFreeMailDomain } from '../../lib/api';
import type { ContactCreated, NewContact } from '../../lib/api';
import type { Queryable } from '../db';
import { ConflictError, ValidationError } from './errors';
import { loadAccount } from './accounts';
import { recordChanges, type ChangeEntry } from './changes';
import { requireAccount, takenIdError } from './refs';
import type { Caller } from './users';

type Input = z.output<typeof NewContact>;

/** Fails naming the first address that is already someone's within the team. */
async function requireFreeEmails(tx: Queryable, teamId: string, emails: readonly string[]): Promise<void> {
  const { rows } = await tx.query<{ email: string }>(
    'select email from contact_emails where team_id = $1 and email = any($2::text[])',
    [teamId, emails],
  );
  const taken = new Set(rows.map((r) => r.email));
  const i = emails.findIndex((e) => taken.has(e));
  if (i >= 0) throw new ConflictError(`${emails[i]} already belongs to a contact`, `body.emails.${i}`);
}

async function createAccount(
  tx: Queryable,
  caller: Caller,
  account: NonNullable<Input['newAccount']>,
  now: Date,
): Promise<string> {
  const domains = [...new Set(account.domains)];
  const free = domains.findIndex(isFreeMailDomain);
  if (free >= 0) {
    const field = `body.newAccount.domains.${account.domains.indexOf(domains[free] ?? '')}`;
    throw new ValidationError(field, `${field}: a free-mail domain cannot identify an account`);
  }
  const { rows } = await tx.query<{ domain: string }>(
    'select domain from account_domains where team_id = $1 and domain = any($2::text[])',
    [caller.teamId, domains],
  );
  if (rows[0]) {
    const field = `body.newAccount.domains.${account.domains.indexOf(rows[0].domain)}`;
    throw new ConflictError(`${rows[0].domain} already belongs to an account`, field);
  }
  // Always a server-made id: a new account cannot collide with another team's.
  const id = randomUUID();
  await tx.query(
    `insert into accounts (id, team_id, name, owner_id, created_at, updated_at) values ($1, $2, $3, $4, $5, $5)`,
    [id, caller.teamId, account.name, caller.userId, now],
  );
  if (domains.length > 0) {
    await tx.query(
      'insert into account_domains (team_id, domain, account_id) select $1, d, $2 from unnest($3::text[]) as d',
      [caller.teamId, id, domains],
    );
  }
  return id;
}

/** Adds a contact to an existing account or to a new one (owned by the caller) made with it. */
export async function createContact(tx: Queryable, caller: Caller, input: Input, now: Date): Promise<ContactCreated> {
  const emails = [...new Set(input.emails)];
  await requireFreeEmails(tx, caller.teamId, input.emails);
  const changes: ChangeEntry[] = [];
  let accountId: string;
  if (input.accountId !== undefined) {
    await requireAccount(tx, caller.teamId, input.accountId, 'body.accountId');
    accountId = input.accountId;
  } else if (input.newAccount !== undefined) {
    accountId = await createAccount(tx, caller, input.newAccount, now);
    changes.push({ type: 'account', id: accountId, accountId });
  } else {
    throw new ValidationError('body.accountId', 'give either accountId or newAccount');
  }
  const id = input.id ?? randomUUID();
  const inserted = await tx.query(
    `insert into contacts (id, team_id, account_id, name, role, phone, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $7)
     on conflict (id) do nothing returning id`,
    [id, caller.teamId, accountId, input.name, input.role, input.phone, now],
  );
  if (inserted.rows.length === 0) throw await takenIdError(tx, 'contacts', caller.teamId, id, 'contact');
  await tx.query(
    `insert into contact_emails (team_id, email, contact_id, position)
     select $1, e, $2, p - 1 from unnest($3::text[]) with ordinality as x(e, p)`,
    [caller.teamId, id, emails],
  );
  changes.push({ type: 'contact', id, accountId });
  await recordChanges(tx, caller.teamId, changes);
  const account = await loadAccount(tx, caller.teamId, accountId);
  if (!account) throw new Error('account vanished inside its own transaction');
  return {
    contact: {
      id, accountId, name: input.name, emails, role: input.role, phone: input.phone,
      createdAt: now.toISOString(), updatedAt: now.toISOString(),
    },
    account,
  };
}
