import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A worker thread's script: the bundle scripts/build.mjs puts in dist/ beside the caller's own, else the
 * compiled module beside the caller in out/ (tests). `folder` is the caller's `__dirname` (bundled, dist/).
 */
export function workerScript(folder: string, bundled: string, compiled: string): string {
  const path = join(folder, bundled);
  return existsSync(path) ? path : join(folder, compiled);
}
