import { importParsedInto, parseBundle } from '../bundle';
import type { Db } from '../db';
import { createToken, ensureTeam } from '../store/users';
import { DEMO_MAIN_USER, DEMO_TEAM, demoBundle } from './demo';

export { DEMO_ADDRESSES, DEMO_COMPETITORS, DEMO_MAIN_USER, DEMO_TEAM, DEMO_USERS, demoBundle } from './demo';

// Any fixed number, distinct from the migrations' lock: servers starting together seed once.
const SEED_LOCK = 727_002;

/**
 * On a database without any team, creates the demo team with its users, clients and history
 * (dated relative to `now`) and an API token for the main demo user, all in one transaction.
 * Returns that token, or null when the database already had a team and nothing was done.
 */
export async function seedDemoIfEmpty(db: Db, now: Date = new Date()): Promise<{ token: string } | null> {
  const bundle = parseBundle(demoBundle(now));
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const existing = await tx.query('select 1 from teams limit 1');
    if (existing.rows.length > 0) return null;
    const team = await ensureTeam(tx, DEMO_TEAM);
    await importParsedInto(tx, team.id, bundle);
    const { rows } = await tx.query<{ id: string }>('select id from users where team_id = $1 and email = $2', [team.id, DEMO_MAIN_USER.email]);
    const user = rows[0];
    if (!user) throw new Error('the demo import did not create the main demo user');
    return { token: await createToken(tx, user.id) };
  });
}
