/** `crm` command lines, parsed into one of the commands or a usage error. */

export type Command =
  | { name: 'user-add'; team: string; email: string; userName: string }
  | { name: 'import'; file: string; team: string | undefined }
  | { name: 'export'; team: string | undefined; out: string | undefined };

export const USAGE = `usage:
  crm user add --team TEAM --email EMAIL [--name NAME]   create the user (and the team if new); prints the token
  crm import FILE [--team TEAM]                          import a bundle or contacts CSV into the team
  crm export [--team TEAM] [--out FILE]                  print the team's bundle as JSON (or write it to FILE)
TEAM may be left out of import/export when the database holds exactly one team.`;

export class UsageError extends Error {}

function takeFlags(args: readonly string[], known: readonly string[]) {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [flag, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!known.includes(flag)) throw new UsageError(`unknown option --${flag}`);
    const value = inline ?? args[++i];
    if (value === undefined || value === '') throw new UsageError(`--${flag} needs a value`);
    flags.set(flag, value);
  }
  return { flags, positional };
}

export function parseArgs(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === 'user') {
    const [sub, ...more] = rest;
    if (sub !== 'add') throw new UsageError('the only user command is "user add"');
    const { flags, positional } = takeFlags(more, ['team', 'email', 'name']);
    if (positional.length > 0) throw new UsageError(`unexpected argument ${positional[0]}`);
    const team = flags.get('team')?.trim();
    const email = flags.get('email')?.trim().toLowerCase();
    if (!team) throw new UsageError('user add needs --team');
    if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new UsageError('user add needs --email with an address');
    return { name: 'user-add', team, email, userName: flags.get('name')?.trim() || email.split('@')[0] || email };
  }
  if (first === 'import') {
    const { flags, positional } = takeFlags(rest, ['team']);
    if (positional.length !== 1 || !positional[0]) throw new UsageError('import needs exactly one FILE');
    return { name: 'import', file: positional[0], team: flags.get('team') };
  }
  if (first === 'export') {
    const { flags, positional } = takeFlags(rest, ['team', 'out']);
    if (positional.length > 0) throw new UsageError(`unexpected argument ${positional[0]}`);
    return { name: 'export', team: flags.get('team'), out: flags.get('out') };
  }
  throw new UsageError(first ? `unknown command ${first}` : 'no command given');
}
