import type { KernelArch } from '../kb/cmdline';
import type { Span } from '../core/span';
import type { KernelImage } from './types';

const ARCH_NAMES: Record<string, KernelArch> = {
  x86_64: 'x86_64',
  amd64: 'x86_64',
  aarch64: 'aarch64',
  arm64: 'aarch64',
  ppc64le: 'ppc64le',
  ppc64el: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
};

/**
 * What a kernel image's file name tells: its version (`vmlinuz-5.14.0-427.el9.x86_64` is 5.14, Debian's
 * `vmlinuz-6.1.0-18-amd64` is 6.1) and architecture, when the name carries them.
 */
export function kernelImage(path: string, span: Span): KernelImage {
  const image: KernelImage = { path, span };
  const name = path.slice(path.lastIndexOf('/') + 1);
  const version = /^(?:vmlinuz|vmlinux|bzImage|Image|kernel)-([0-9]+)\.([0-9]+)/.exec(name);
  if (version) image.version = { major: Number(version[1]), minor: Number(version[2]) };
  const arch = /[.-](x86_64|amd64|aarch64|arm64|ppc64le|ppc64el|s390x|riscv64)(?:[.+-]|$)/.exec(name);
  if (arch) image.arch = ARCH_NAMES[arch[1]!];
  return image;
}

/** The version a BLS entry's `version` line gives: `5.14.0-427.el9.x86_64`. */
export function versionOf(text: string): KernelImage['version'] {
  const match = /^([0-9]+)\.([0-9]+)/.exec(text);
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

/** Whether a kernel is at least major.minor; undefined when its version is not known. */
export function kernelAtLeast(image: KernelImage | undefined, major: number, minor: number): boolean | undefined {
  const version = image?.version;
  if (!version) return undefined;
  return version.major > major || (version.major === major && version.minor >= minor);
}
