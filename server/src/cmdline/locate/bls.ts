import { kernelImage, versionOf } from '../kernelImage';
import { identity, joinMapped, MappedTextBuilder, type MappedText } from '../mappedText';
import { tokenize } from '../tokenize';
import type { CommandLine, KernelImage } from '../types';
import type { Span } from '../../core/span';
import { sourceLines } from './lines';

/**
 * The command line of a Boot Loader Specification entry (loader/entries/*.conf): its `options` lines,
 * joined by spaces when there are several. `$kernelopts` and other GRUB variables (RHEL 8's grubenv)
 * are left as references. The kernel is the `linux` line's image; `version` tells its version.
 */
export function locateBls(source: string): CommandLine[] {
  const parts: MappedText[] = [];
  const regions: Span[] = [];
  let holderSpan: Span | undefined;
  let kernel: KernelImage | undefined;
  let version: KernelImage['version'];
  for (const line of sourceLines(source)) {
    const match = /^(\S+)(\s+|$)/.exec(line.text);
    if (!match || line.text.startsWith('#')) continue;
    const key = match[1]!;
    const valueSpan = { start: line.content.start + match[0].length, end: line.content.end };
    if (key === 'options') {
      holderSpan ??= { start: line.content.start, end: line.content.start + key.length };
      parts.push(withReferences(source, valueSpan));
      // Blanks typed after the last option belong to the line too, for completion.
      regions.push({ start: Math.min(line.content.start + key.length + 1, line.span.end), end: line.span.end });
    } else if (key === 'linux') {
      kernel = kernelImage(source.slice(valueSpan.start, valueSpan.end), valueSpan);
    } else if (key === 'version') {
      version = versionOf(source.slice(valueSpan.start, valueSpan.end));
    }
  }
  if (!holderSpan) return [];
  if (version) kernel = { ...(kernel ?? { path: '', span: holderSpan }), version };
  const { params, initArgs } = tokenize(joinMapped(parts, source.length));
  return [{ holder: 'options', holderSpan, params, initArgs, regions, ...(kernel ? { kernel } : {}), strayLines: [] }];
}

/** The value as written, `$name` and `${name}` marked as references GRUB expands. */
function withReferences(source: string, span: Span): MappedText {
  const plain = identity(source, span);
  const builder = new MappedTextBuilder();
  const references = /\$(\{[A-Za-z0-9_]+\}|[A-Za-z_][A-Za-z0-9_]*)/g;
  const marked = new Set<number>();
  for (const match of plain.text.matchAll(references)) {
    for (let index = match.index; index < match.index + match[0].length; index++) marked.add(index);
  }
  for (let index = 0; index < plain.text.length; index++) builder.push(plain.text[index]!, plain.offsets[index]!, marked.has(index));
  return builder.build(span.end);
}
