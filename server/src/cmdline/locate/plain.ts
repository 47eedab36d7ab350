import { kernelImage } from '../kernelImage';
import { MappedTextBuilder } from '../mappedText';
import { sourceLines } from './lines';
import { tokenize } from '../tokenize';
import type { CommandLine } from '../types';

/**
 * A file that is a command line and nothing else: /etc/kernel/cmdline, or /proc/cmdline saved to a file.
 * A saved /proc/cmdline begins with GRUB's `BOOT_IMAGE=`, which names the kernel. A line whose first
 * non-blank character is `#` is a comment: mkinitcpio leaves such lines of /etc/kernel/cmdline out when it
 * builds a unified kernel image, and a saved /proc/cmdline has none.
 */
export function locatePlain(source: string): CommandLine[] {
  const span = { start: 0, end: source.length };
  // The lines joined by single spaces as joinMapped joins them, built in one go: a line of megabytes is not copied twice.
  const joined = new MappedTextBuilder();
  let lastEnd: number | undefined;
  for (const line of sourceLines(source)) {
    if (line.text.startsWith('#')) continue;
    if (lastEnd !== undefined) joined.push(' ', lastEnd);
    joined.pushSource(source, line.span);
    lastEnd = line.span.end;
  }
  const { params, initArgs } = tokenize(joined.build(lastEnd ?? source.length));
  const bootImage = params.find((param) => param.name === 'BOOT_IMAGE' && param.value !== undefined && param.valueSpan);
  const kernel = bootImage?.value !== undefined && bootImage.valueSpan ? kernelImage(bootImage.value, bootImage.valueSpan) : undefined;
  return [{ holder: 'file', holderSpan: { start: 0, end: 0 }, params, initArgs, regions: [span], ...(kernel ? { kernel } : {}), strayLines: [] }];
}
