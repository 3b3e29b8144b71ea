import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { exportBundle, importFile } from './bundle/index';
import { readConfig } from './config';
import { openDb, type Db } from './db';
import { lockDataDir, DataDirBusyError } from './runtime/data-dir-lock';
import { parseArgs, USAGE, UsageError, type Command } from './runtime/cli-args';
import type { Output } from './runtime/command-output';
import { pgliteDir } from './runtime/config';
import { runTokenCommand } from './runtime/token-commands';
import { runUserCommand } from './runtime/user-commands';

/** The CLI's only stdout is the result (a token, a bundle, a list); everything else goes to stderr. */
const say = (line: string) => process.stderr.write(`${line}\n`);

/** A result that did not reach stdout whole (a reader that closed early, a full disk). */
class OutputError extends Error {}

/**
 * Writes a result to stdout and resolves once all of it has been handed to the system. On a pipe
 * a write may still be queued when it returns, and exiting then would cut the output short with
 * status 0; a failed write (EPIPE, ENOSPC) rejects instead of crashing with a stack trace.
 */
function writeResult(text: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (err: Error) => reject(new OutputError(`the ${what} was not written completely: ${err.message}`));
    // Stays attached: the stream emits the error after the write's callback has had it.
    process.stdout.on('error', failed);
    process.stdout.write(text, (err) => (err ? failed(err) : resolve()));
  });
}

/** A team by name, or the only team when no name is given. */
async function resolveTeam(db: Db, name: string | undefined): Promise<string> {
  if (name !== undefined) {
    const { rows } = await db.query<{ id: string }>('select id from teams where name = $1', [name]);
    if (!rows[0]) throw new UsageError(`there is no team named "${name}"`);
    return rows[0].id;
  }
  const { rows } = await db.query<{ id: string; name: string }>('select id, name from teams order by name limit 2');
  if (rows.length === 1 && rows[0]) return rows[0].id;
  throw new UsageError(rows.length === 0 ? 'the database has no team yet; create one with "crm user add"' : 'several teams exist; name one with --team');
}

/**
 * Writes FILE so that it is either the whole new text or untouched: a temporary file beside it,
 * flushed to disk, then renamed over it. An export cut short never looks like a backup.
 */
async function writeFileWhole(file: string, text: string): Promise<void> {
  // A name nobody can guess, created only if it does not exist ('wx'): in a shared folder another
  // user's file or link in its place makes the export fail instead of being written through.
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await open(temp, 'wx', 0o600);
    created = true;
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (err) {
    if (created) await rm(temp, { force: true });
    throw new OutputError(`the export was not written to ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function run(db: Db, cmd: Command): Promise<void> {
  const out: Output = { say, result: writeResult };
  switch (cmd.name) {
    case 'user-add':
    case 'user-list':
    case 'user-activate':
    case 'user-deactivate':
      return runUserCommand(db, cmd, out);
    case 'token-issue':
    case 'token-list':
    case 'token-revoke':
    case 'token-revoke-all':
      return runTokenCommand(db, cmd, out);
    case 'import': {
      const summary = await importFile(db, await resolveTeam(db, cmd.team), cmd.file);
      say(`imported: ${JSON.stringify(summary)}`);
      return;
    }
    case 'export': {
      const bundle = await exportBundle(db, await resolveTeam(db, cmd.team));
      const text = `${JSON.stringify(bundle, null, 2)}\n`;
      if (cmd.out === undefined) await writeResult(text, 'export');
      else {
        await writeFileWhole(cmd.out, text);
        say(`exported to ${cmd.out}`);
      }
    }
  }
}

async function main(): Promise<number> {
  let cmd: Command;
  try {
    cmd = parseArgs(process.argv.slice(2));
  } catch (err) {
    say(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const config = readConfig(process.env);
  let release = async () => {};
  if (!config.databaseUrl) {
    try {
      release = await lockDataDir(config.dataDir);
    } catch (err) {
      if (!(err instanceof DataDirBusyError)) throw err;
      say(
        `The embedded database in ${err.dir} is in use by a running CRM server (process ${err.pid}).\n` +
          'Stop the server first (Ctrl+C in its terminal), then run this command again;\n' +
          'or run the server on PostgreSQL (set DATABASE_URL), where the CLI works alongside it.',
      );
      return 3;
    }
  }
  try {
    const db = await openDb(config.databaseUrl ? { url: config.databaseUrl, poolSize: 2 } : { dataDir: pgliteDir(config.dataDir) });
    try {
      await run(db, cmd);
    } finally {
      await db.close();
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      say(err.message);
      return 2;
    }
    if (err instanceof OutputError) {
      say(err.message);
      return 1;
    }
    throw err;
  } finally {
    await release();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    say(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
