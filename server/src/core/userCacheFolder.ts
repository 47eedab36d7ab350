import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * virt-tune's folder in the user's cache (XDG_CACHE_HOME, else ~/.cache), where V8's code caches and
 * the compiled schemas are kept; undefined when there is no home folder to put it in.
 */
export function userCacheFolder(): string | undefined {
  const base = process.env['XDG_CACHE_HOME'] || (homedir() ? join(homedir(), '.cache') : '');
  return base ? join(base, 'virt-tune') : undefined;
}
