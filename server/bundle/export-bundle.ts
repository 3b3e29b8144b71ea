import { RiskSettings } from '../../lib/api';
import type { Db } from '../db';
import { BUNDLE_VERSION, type Bundle, type BundleAccount, type BundleCommitment, type BundleInteraction } from './format';
import { accountRefs, byKeys } from './export-order';
import { readTeam } from './export-queries';

/**
 * A team's whole CRM in the import format. Records come in a fixed order and refs are derived
 * from the data, so exporting, importing into an empty team and exporting again gives the same
 * document. Tokens are never exported.
 */
export async function exportBundle(db: Db, teamId: string): Promise<Bundle> {
  const t = await db.transaction(async (tx) => {
    // One snapshot for all the reads, so a write landing meanwhile can't leave a dangling key.
    await tx.query('set transaction isolation level repeatable read, read only');
    return readTeam(tx, teamId);
  });
  const email = (userId: string | null) => (userId === null ? null : (t.userEmails.get(userId) ?? null));

  const accountsDraft = t.accounts.map((a): Omit<BundleAccount, 'ref'> & { id: string } => ({
    id: a.id,
    name: a.name,
    domains: t.domains.get(a.id) ?? [],
    stage: a.stage,
    owner: email(a.owner_id),
    team: (t.members.get(a.id) ?? []).map((id) => email(id)).filter((e): e is string => e !== null).sort(),
    cadenceDays: a.cadence_days,
    preferences: a.preferences,
    specialTerms: a.special_terms,
  }));
  const refs = accountRefs(accountsDraft);
  const ref = (accountId: string) => refs.get(accountId) ?? accountId;
  const accounts = byKeys(accountsDraft, (a) => [ref(a.id)]).map(({ id, ...a }) => ({ ref: ref(id), ...a }));

  const contactEmail = (contactId: string) => t.contactEmails.get(contactId)?.[0] ?? null;
  const contacts = byKeys(
    t.contacts.map((c) => ({
      account: ref(c.account_id), name: c.name, emails: t.contactEmails.get(c.id) ?? [], role: c.role, phone: c.phone,
    })),
    (c) => [c.account, c.emails[0] ?? ''],
  );

  const sources = new Set(t.commitments.map((c) => c.source_interaction_id).filter((id) => id !== null));
  const interactionsDraft = byKeys(
    t.interactions.map((i) => ({
      id: i.id,
      account: ref(i.account_id), kind: i.kind, direction: i.direction, occurredAt: i.occurred_at.toISOString(),
      summary: i.summary, author: email(i.author_id),
      contacts: i.contact_ids.map(contactEmail).filter((e): e is string => e !== null),
      amount: i.amount, threadId: i.thread_id,
    })),
    (i) => [i.account, i.occurredAt],
  );
  // Only interactions that a commitment came from need a ref; it follows their place in the file.
  const interactionRefs = new Map<string, string>();
  const interactions = interactionsDraft.map(({ id, ...i }, n): BundleInteraction => {
    if (!sources.has(id)) return i;
    interactionRefs.set(id, `i${n + 1}`);
    return { ref: `i${n + 1}`, ...i };
  });

  const commitments = byKeys(
    t.commitments.map((c): BundleCommitment => ({
      account: ref(c.account_id), text: c.text,
      contact: c.contact_id === null ? null : contactEmail(c.contact_id),
      owner: email(c.owner_id), dueDate: c.due_date, status: c.status,
      createdAt: c.created_at.toISOString(), completedAt: c.completed_at?.toISOString() ?? null,
      source: c.source_interaction_id === null ? null : (interactionRefs.get(c.source_interaction_id) ?? null),
    })),
    (c) => [c.account, c.createdAt ?? ''],
  );

  // Not parsed again: an export must not fail on a record the API accepted under older rules.
  const settings = RiskSettings.safeParse(t.riskSettings ?? {});
  return {
    version: BUNDLE_VERSION,
    users: byKeys(t.users.map((u) => ({ email: u.email, name: u.name, active: u.active })), (u) => [u.email]),
    ...(settings.success ? { riskSettings: settings.data } : {}),
    accounts, contacts, interactions, commitments,
  };
}
