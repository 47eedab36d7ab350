import { kernelImage } from '../kernelImage';
import { identity } from '../mappedText';
import { tokenize } from '../tokenize';
import type { CommandLine } from '../types';

/**
 * A file that is a command line and nothing else: /etc/kernel/cmdline, or /proc/cmdline saved to a file.
 * A saved /proc/cmdline begins with GRUB's `BOOT_IMAGE=`, which names the kernel.
 */
export function locatePlain(source: string): CommandLine[] {
  const span = { start: 0, end: source.length };
  const { params, initArgs } = tokenize(identity(source, span));
  const bootImage = params.find((param) => param.name === 'BOOT_IMAGE' && param.value !== undefined && param.valueSpan);
  const kernel = bootImage?.value !== undefined && bootImage.valueSpan ? kernelImage(bootImage.value, bootImage.valueSpan) : undefined;
  return [{ holder: 'file', holderSpan: { start: 0, end: 0 }, params, initArgs, regions: [span], ...(kernel ? { kernel } : {}), strayLines: [] }];
}
