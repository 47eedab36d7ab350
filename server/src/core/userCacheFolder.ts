import { readdirSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * virt-tune's folder in the user's cache (XDG_CACHE_HOME, else ~/.cache), where V8's code caches and
 * the compiled schemas are kept; undefined when there is no home folder to put it in.
 */
export function userCacheFolder(): string | undefined {
  const home = homeFolder();
  const base = process.env['XDG_CACHE_HOME'] || (home ? join(home, '.cache') : '');
  return base ? join(base, 'virt-tune') : undefined;
}

/**
 * HOME when it is set, as os.homedir() answers it too (libuv reads HOME first), else os.homedir() (the
 * password database). Every start of the CLI and the server asks, and loading node:os only to read HOME
 * was a module more in a one-file lint.
 */
function homeFolder(): string {
  return process.env['HOME'] || homedir();
}

/** An unfinished write (`NAME.PID.tmp`, `NAME.PID-RANDOM.tmp`) this old is one whose writer died. */
const ABANDONED_WRITE_MS = 60 * 60 * 1000;

/**
 * Bounds what the cache folder keeps of one kind of file: of the files `kind` names, those past the `keep`
 * written or used last (markCacheFileUsed) are removed, and so are their unfinished writes older than an
 * hour, and any for which `superseded` says yes (a cache of the same bundle made from an older build).
 * Without it the folder would keep the caches of every version the user ever ran: each build and
 * checkout has its own. Any failure leaves the file (another process removed it first, a read-only folder).
 */
export function pruneCacheFolder(folder: string, kind: RegExp, keep: number, superseded?: (name: string) => boolean): void {
  const now = Date.now();
  const kept: { path: string; used: number }[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const abandoned = /\.[0-9]+(?:-[0-9a-z]+)?\.tmp$/.exec(name);
    const finalName = abandoned ? name.slice(0, abandoned.index) : name;
    if (!kind.test(finalName)) continue;
    const path = join(folder, name);
    if (!abandoned && superseded?.(name)) {
      remove(path);
      continue;
    }
    let used: number;
    try {
      used = statSync(path).mtimeMs;
    } catch {
      continue;
    }
    if (!abandoned) kept.push({ path, used });
    else if (now - used > ABANDONED_WRITE_MS) remove(path);
  }
  kept.sort((a, b) => b.used - a.used);
  for (const { path } of kept.slice(keep)) remove(path);
}

/**
 * A cache file read and taken counts as one written now for pruneCacheFolder, so the cache in use is not
 * the one dropped when other checkouts and versions write theirs (its times are set to now).
 */
export function markCacheFileUsed(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // Read-only: it may be pruned sooner.
  }
}

function remove(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Gone already, or not ours to remove.
  }
}
