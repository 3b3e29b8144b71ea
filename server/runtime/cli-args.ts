/** `crm` command lines, parsed into one of the commands or a usage error. */

/** A user named by address, and by team when the address is in several. */
interface UserRef {
  email: string;
  team: string | undefined;
}

export type Command =
  | { name: 'user-add'; team: string; email: string; userName: string }
  | { name: 'user-list'; team: string | undefined }
  | ({ name: 'user-activate' | 'user-deactivate' } & UserRef)
  | ({ name: 'token-issue'; label: string | undefined } & UserRef)
  | { name: 'token-list'; email: string | undefined; team: string | undefined }
  | { name: 'token-revoke'; id: string }
  | ({ name: 'token-revoke-all' } & UserRef)
  | { name: 'import'; file: string; team: string | undefined }
  | { name: 'export'; team: string | undefined; out: string | undefined };

export const USAGE = `usage:
  crm user add --team TEAM --email EMAIL [--name NAME]          create the user (and the team if new); prints the token
  crm user list [--team TEAM]                                   the users: email, name, team, active, live tokens
  crm user deactivate --email EMAIL [--team TEAM]               the user's tokens stop working at once; their data stays
  crm user activate --email EMAIL [--team TEAM]                 the user's tokens that were not revoked work again
  crm token issue --email EMAIL [--team TEAM] [--label LABEL]   a new token for an active user; prints it
  crm token list [--email EMAIL] [--team TEAM]                  the tokens by id (never the token itself), revoked ones too
  crm token revoke ID                                           revoke the token with this id (or unique id prefix)
  crm token revoke --email EMAIL [--team TEAM] --all            revoke every token of the user
  crm import FILE [--team TEAM]                                 import a bundle or contacts CSV into the team
  crm export [--team TEAM] [--out FILE]                         print the team's bundle as JSON (or write it to FILE)
TEAM may be left out of import/export when the database holds exactly one team, and out of the
user and token commands when the address belongs to a user of one team only.`;

export class UsageError extends Error {}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Token ids are uuids; at least 4 characters of one, so a slip of the keyboard matches nothing. */
const TOKEN_ID = /^[0-9a-f][0-9a-f-]{3,35}$/;
const LABEL_MAX = 100;

/** `known` take a value; `switches` stand alone (`--all`). */
function takeFlags(args: readonly string[], known: readonly string[], switches: readonly string[] = []) {
  const flags = new Map<string, string>();
  const on = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [flag, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (switches.includes(flag)) {
      if (inline !== undefined) throw new UsageError(`--${flag} takes no value`);
      on.add(flag);
      continue;
    }
    if (!known.includes(flag)) throw new UsageError(`unknown option --${flag}`);
    const value = inline ?? args[++i];
    if (value === undefined || value === '') throw new UsageError(`--${flag} needs a value`);
    flags.set(flag, value);
  }
  return { flags, positional, on };
}

function noPositional(positional: readonly string[]): void {
  if (positional.length > 0) throw new UsageError(`unexpected argument ${positional[0]}`);
}

/** An optional flag's trimmed value; given but blank is an error rather than "not given". */
function optional(flags: Map<string, string>, flag: string): string | undefined {
  const raw = flags.get(flag);
  if (raw === undefined) return undefined;
  const value = raw.trim();
  if (!value) throw new UsageError(`--${flag} needs a value`);
  return value;
}

function email(flags: Map<string, string>, command: string, required: true): string;
function email(flags: Map<string, string>, command: string, required: false): string | undefined;
function email(flags: Map<string, string>, command: string, required: boolean): string | undefined {
  const value = flags.get('email')?.trim().toLowerCase();
  if (value === undefined && !required) return undefined;
  if (!value || !EMAIL.test(value)) throw new UsageError(`${command} needs --email with an address`);
  return value;
}

function label(flags: Map<string, string>): string | undefined {
  const value = optional(flags, 'label');
  if (value === undefined) return undefined;
  // Lists print one token a line, columns split by tabs.
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new UsageError('--label may not contain tabs, line breaks or other control characters');
  if (value.length > LABEL_MAX) throw new UsageError(`--label is limited to ${LABEL_MAX} characters`);
  return value;
}

function parseUser(argv: readonly string[]): Command {
  const [sub, ...more] = argv;
  if (sub === 'add') {
    const { flags, positional } = takeFlags(more, ['team', 'email', 'name']);
    noPositional(positional);
    const team = flags.get('team')?.trim();
    if (!team) throw new UsageError('user add needs --team');
    const address = email(flags, 'user add', true);
    return { name: 'user-add', team, email: address, userName: flags.get('name')?.trim() || address.split('@')[0] || address };
  }
  if (sub === 'list') {
    const { flags, positional } = takeFlags(more, ['team']);
    noPositional(positional);
    return { name: 'user-list', team: optional(flags, 'team') };
  }
  if (sub === 'activate' || sub === 'deactivate') {
    const { flags, positional } = takeFlags(more, ['email', 'team']);
    noPositional(positional);
    return { name: `user-${sub}`, email: email(flags, `user ${sub}`, true), team: optional(flags, 'team') };
  }
  throw new UsageError('the user commands are "user add", "user list", "user deactivate" and "user activate"');
}

function parseToken(argv: readonly string[]): Command {
  const [sub, ...more] = argv;
  if (sub === 'issue') {
    const { flags, positional } = takeFlags(more, ['email', 'team', 'label']);
    noPositional(positional);
    return { name: 'token-issue', email: email(flags, 'token issue', true), team: optional(flags, 'team'), label: label(flags) };
  }
  if (sub === 'list') {
    const { flags, positional } = takeFlags(more, ['email', 'team']);
    noPositional(positional);
    return { name: 'token-list', email: email(flags, 'token list', false), team: optional(flags, 'team') };
  }
  if (sub === 'revoke') {
    const { flags, positional, on } = takeFlags(more, ['email', 'team'], ['all']);
    if (positional.length > 1) throw new UsageError(`unexpected argument ${positional[1]}`);
    const [id] = positional;
    if (id !== undefined) {
      if (flags.size > 0 || on.size > 0) throw new UsageError('token revoke takes either an ID or --email with --all, not both');
      if (id.startsWith('crm_')) throw new UsageError('that is a token itself, not its id; "crm token list" shows the ids');
      const lower = id.toLowerCase();
      if (!TOKEN_ID.test(lower)) throw new UsageError(`"${id}" is not a token id; "crm token list" shows them (give at least 4 characters)`);
      return { name: 'token-revoke', id: lower };
    }
    const address = email(flags, 'token revoke', false);
    if (address === undefined) throw new UsageError('token revoke needs the ID of a token ("crm token list" shows them), or --email with --all');
    if (!on.has('all')) {
      throw new UsageError(`to revoke every token of ${address} add --all; to revoke one, give its ID ("crm token list --email ${address}")`);
    }
    return { name: 'token-revoke-all', email: address, team: optional(flags, 'team') };
  }
  throw new UsageError('the token commands are "token issue", "token list" and "token revoke"');
}

export function parseArgs(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === 'user') return parseUser(rest);
  if (first === 'token') return parseToken(rest);
  if (first === 'import') {
    const { flags, positional } = takeFlags(rest, ['team']);
    if (positional.length !== 1 || !positional[0]) throw new UsageError('import needs exactly one FILE');
    return { name: 'import', file: positional[0], team: flags.get('team') };
  }
  if (first === 'export') {
    const { flags, positional } = takeFlags(rest, ['team', 'out']);
    noPositional(positional);
    return { name: 'export', team: flags.get('team'), out: flags.get('out') };
  }
  throw new UsageError(first ? `unknown command ${first}` : 'no command given');
}
