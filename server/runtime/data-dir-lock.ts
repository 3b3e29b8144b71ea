import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** The embedded database folder belongs to one process; this file names it. */
export const LOCK_FILE = 'crm.lock';

export class DataDirBusyError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`the data folder ${dir} is in use by process ${pid}`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid holding the folder, or null when it is free (a lock left by a dead process is free). */
export async function lockHolder(dir: string): Promise<number | null> {
  let text: string;
  try {
    text = await readFile(join(dir, LOCK_FILE), 'utf8');
  } catch {
    return null;
  }
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : null;
}

/**
 * Takes the folder for this process, or throws DataDirBusyError naming the live holder.
 * Returns the release function. A stale lock (its process is gone) is taken over.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return async () => {
        await rm(path, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = await lockHolder(dir);
      if (holder !== null) throw new DataDirBusyError(dir, holder);
      await rm(path, { force: true });
    }
  }
  throw new Error(`could not take the lock file ${path}`);
}
