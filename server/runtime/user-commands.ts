import type { Db, Queryable } from '../db';
import { createToken, createUser, ensureTeam } from '../store/users';
import { findTeamId, findUserByEmail, listUsers, setUserActive, type UserMatch, type UserRow } from '../store/user-admin';
import { UsageError, type Command } from './cli-args';
import { plural, tsv, userOptions, type Output } from './command-output';

export type UserCommand = Extract<Command, { name: 'user-add' | 'user-list' | 'user-activate' | 'user-deactivate' }>;

/** The user an address (and team) names, or a usage error that says what to do instead. */
export async function requireUser(q: Queryable, email: string, team: string | undefined): Promise<UserRow> {
  return userFromMatch(await findUserByEmail(q, email, team), email, team);
}

export function userFromMatch(match: UserMatch, email: string, team: string | undefined): UserRow {
  switch (match.kind) {
    case 'found':
      return match.user;
    case 'no-such-team':
      throw new UsageError(`there is no team named "${team}"`);
    case 'none':
      throw new UsageError(
        team === undefined
          ? `there is no user ${email}; "crm user list" shows the users, "crm user add" creates one`
          : `team "${team}" has no user ${email}; "crm user list" shows the users, "crm user add" creates one`,
      );
    case 'several':
      throw new UsageError(`${email} is a user of several teams (${match.teams.join(', ')}); name one with --team`);
  }
}

/** A team named with --team, or null for every team. */
export async function optionalTeam(q: Queryable, team: string | undefined): Promise<string | null> {
  if (team === undefined) return null;
  const id = await findTeamId(q, team);
  if (id === null) throw new UsageError(`there is no team named "${team}"`);
  return id;
}

const who = (user: UserRow) => `${user.email} (team ${user.teamName})`;

type Of<N extends UserCommand['name']> = Extract<UserCommand, { name: N }>;

export function runUserCommand(db: Db, cmd: UserCommand, out: Output): Promise<void> {
  switch (cmd.name) {
    case 'user-add':
      return add(db, cmd, out);
    case 'user-list':
      return list(db, cmd, out);
    case 'user-activate':
    case 'user-deactivate':
      return setActive(db, cmd, out);
  }
}

async function add(db: Db, cmd: Of<'user-add'>, out: Output): Promise<void> {
  const token = await db.transaction(async (tx) => {
    const team = await ensureTeam(tx, cmd.team);
    const taken = await tx.query('select 1 from users where team_id = $1 and email = $2', [team.id, cmd.email]);
    if (taken.rows.length > 0) throw new UsageError(`team "${cmd.team}" already has a user ${cmd.email}`);
    const userId = await createUser(tx, { teamId: team.id, email: cmd.email, name: cmd.userName });
    if (team.created) out.say(`created team "${cmd.team}"`);
    return createToken(tx, userId);
  });
  out.say(`created user ${cmd.email}; the token below is shown only this once`);
  await out.result(`${token}\n`, 'token');
}

async function list(db: Db, cmd: Of<'user-list'>, out: Output): Promise<void> {
  const users = await listUsers(db, (await optionalTeam(db, cmd.team)) ?? undefined);
  const rows = users.map((u) => [u.email, u.name, u.teamName, u.active ? 'yes' : 'no', String(u.liveTokens)]);
  await out.result(tsv(['email', 'name', 'team', 'active', 'live_tokens'], rows), 'user list');
}

async function setActive(db: Db, cmd: Of<'user-activate' | 'user-deactivate'>, out: Output): Promise<void> {
  const active = cmd.name === 'user-activate';
  const { user, changed, liveTokens } = await db.transaction(async (tx) => {
    const found = await requireUser(tx, cmd.email, cmd.team);
    return { user: found, ...(await setUserActive(tx, found.id, active)) };
  });
  if (!changed) out.say(`${who(user)} was already ${active ? 'active' : 'deactivated'}; nothing changed`);
  else if (!active) {
    const tokens = liveTokens === 0 ? 'they have no unrevoked token' : liveTokens === 1 ? 'their token stops working now' : `all ${liveTokens} of their tokens stop working now`;
    out.say(`deactivated ${who(user)}: ${tokens}; their notes, accounts and commitments stay`);
  } else if (liveTokens > 0) {
    // Deactivation is a pause: tokens that were not revoked come back with the user.
    out.say(`activated ${who(user)}: ${plural(liveTokens, 'unrevoked token')} work${liveTokens === 1 ? 's' : ''} again`);
    out.say(`(to retire them instead: crm token revoke ${userOptions(user)} --all)`);
  } else {
    out.say(`activated ${who(user)}; they have no unrevoked token, issue one with: crm token issue ${userOptions(user)}`);
  }
}
