import type { Db } from '../db';
import { listTokens, publicIds, revokeToken, revokeUserTokens, tokensByIdPrefix, type TokenInfo } from '../store/token-admin';
import { issueToken } from '../store/tokens';
import { findUserByEmail } from '../store/user-admin';
import { UsageError, type Command } from './cli-args';
import { plural, stamp, tsv, userOptions, type Output } from './command-output';
import { optionalTeam, requireUser, userFromMatch } from './user-commands';

export type TokenCommand = Extract<Command, { name: 'token-issue' | 'token-list' | 'token-revoke' | 'token-revoke-all' }>;

const state = (t: TokenInfo) => (t.revokedAt ? 'revoked' : t.userActive ? 'live' : 'user-inactive');

const nameOf = (t: TokenInfo, id: string) => `token ${id} of ${t.email} (team ${t.teamName})${t.label ? ` labelled "${t.label}"` : ''}`;

type Of<N extends TokenCommand['name']> = Extract<TokenCommand, { name: N }>;

export function runTokenCommand(db: Db, cmd: TokenCommand, out: Output): Promise<void> {
  switch (cmd.name) {
    case 'token-issue':
      return issue(db, cmd, out);
    case 'token-list':
      return list(db, cmd, out);
    case 'token-revoke':
      return revoke(db, cmd, out);
    case 'token-revoke-all':
      return revokeAll(db, cmd, out);
  }
}

async function issue(db: Db, cmd: Of<'token-issue'>, out: Output): Promise<void> {
  const { user, id, token } = await db.transaction(async (tx) => {
    const found = await requireUser(tx, cmd.email, cmd.team);
    if (!found.active) {
      throw new UsageError(
        `${found.email} (team ${found.teamName}) is deactivated and their tokens do not work; ` +
          `reactivate the user first: crm user activate ${userOptions(found)}`,
      );
    }
    return { user: found, ...(await issueToken(tx, found.id, cmd.label ?? null)) };
  });
  const shown = (await publicIds(db)).get(id) ?? id;
  const labelled = cmd.label === undefined ? '' : ` labelled "${cmd.label}"`;
  out.say(`issued token ${shown} for ${user.email} (team ${user.teamName})${labelled}; the token below is shown only this once`);
  await out.result(`${token}\n`, 'token');
}

async function list(db: Db, cmd: Of<'token-list'>, out: Output): Promise<void> {
  const teamId = await optionalTeam(db, cmd.team);
  if (cmd.email !== undefined) {
    // An unknown address is an error, so that a typo does not read as "no tokens"; an address
    // of several teams lists them all.
    const match = await findUserByEmail(db, cmd.email, cmd.team);
    if (match.kind !== 'several') userFromMatch(match, cmd.email, cmd.team);
  }
  const tokens = await listTokens(db, { email: cmd.email, teamId: teamId ?? undefined });
  const ids = await publicIds(db);
  const rows = tokens.map((t) => [
    ids.get(t.id) ?? t.id, t.email, t.teamName, t.label ?? '', stamp(t.createdAt), t.revokedAt ? stamp(t.revokedAt) : '', state(t),
  ]);
  await out.result(tsv(['id', 'email', 'team', 'label', 'created', 'revoked', 'state'], rows), 'token list');
}

async function revoke(db: Db, cmd: Of<'token-revoke'>, out: Output): Promise<void> {
  const { token, revoked, ids } = await db.transaction(async (tx) => {
    const matches = await tokensByIdPrefix(tx, cmd.id);
    const shortIds = await publicIds(tx);
    const [only, ...more] = matches;
    if (!only) throw new UsageError(`no token has an id starting with ${cmd.id}; "crm token list" shows them`);
    if (more.length > 0) {
      const lines = matches.map((t) => `  ${shortIds.get(t.id) ?? t.id}\t${t.email}\t${t.teamName}\t${t.label ?? '-'}\t${state(t)}`);
      throw new UsageError(`${matches.length} tokens have ids starting with ${cmd.id}; give more of the id:\n${lines.join('\n')}`);
    }
    return { token: only, revoked: await revokeToken(tx, only.id), ids: shortIds };
  });
  const name = nameOf(token, ids.get(token.id) ?? token.id);
  if (revoked) out.say(`revoked ${name}; requests with it are refused from now on`);
  else out.say(`${name} was already revoked${token.revokedAt ? ` on ${stamp(token.revokedAt)}` : ''}; nothing changed`);
}

async function revokeAll(db: Db, cmd: Of<'token-revoke-all'>, out: Output): Promise<void> {
  const { user, count } = await db.transaction(async (tx) => {
    const found = await requireUser(tx, cmd.email, cmd.team);
    return { user: found, count: await revokeUserTokens(tx, found.id) };
  });
  const who = `${user.email} (team ${user.teamName})`;
  if (count === 0) out.say(`${who} had no token left to revoke; nothing changed`);
  else out.say(`revoked ${plural(count, 'token')} of ${who}; requests with them are refused from now on`);
  if (user.active) out.say(`(a new one: crm token issue ${userOptions(user)})`);
}
