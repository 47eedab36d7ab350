import { readdirSync } from 'node:fs';

const LIBRARY_FOLDERS = ['/usr/lib64', '/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib/powerpc64le-linux-gnu', '/usr/lib/s390x-linux-gnu', '/usr/lib'];

/**
 * The version of the libvirt installed here, from its library's file name: libvirt names it
 * `libvirt.so.0.MAJOR*1000+MINOR.MICRO` (`libvirt.so.0.9000.0` is 9.0.0). Read without running
 * anything; undefined when no library is found. The host schema comes from the same package.
 */
export function installedLibvirtVersion(folders: readonly string[] = LIBRARY_FOLDERS): string | undefined {
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = /^libvirt\.so\.0\.(\d+)\.(\d+)$/.exec(name);
      if (match) return `${Math.floor(Number(match[1]) / 1000)}.${Number(match[1]) % 1000}.${match[2]}`;
    }
  }
  return undefined;
}

/** -1, 0 or 1 as version `a` is older than, the same as or newer than `b` (`9.0.0` < `11.3.0`). */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let index = 0; index < Math.max(x.length, y.length); index++) {
    const difference = (x[index] ?? 0) - (y[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}
