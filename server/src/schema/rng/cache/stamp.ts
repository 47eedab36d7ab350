import { statSync } from 'node:fs';

/**
 * A file's identity as the schema cache keys it: size, modification and change times, inode and
 * device. Every write sets the change time, which no tool sets back, so a file rewritten with the same
 * size and modification time (a package install, `cp -p`) is still told apart. Throws as statSync does.
 */
export function fileStamp(path: string): string {
  const info = statSync(path, { bigint: true });
  return `${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}:${info.dev}`;
}
