import type { Span } from '../core/span';

/**
 * Text made from a file's text (a shell value with its quotes removed, GRUB words joined by spaces),
 * with the file offset of every character, so that a span of it maps back to the file exactly.
 */
export interface MappedText {
  text: string;
  /** `offsets[i]` is the file offset of `text[i]`; `offsets[text.length]` is where the text ends in the file. */
  offsets: readonly number[];
  /** Characters that come from a `$VAR` reference left unexpanded: the value there is not known. */
  expansions: ReadonlySet<number>;
}

/**
 * Builds a MappedText character by character. The characters are joined once, when built: a string
 * grown one character at a time is a chain of millions of pieces on a large file, all garbage.
 */
export class MappedTextBuilder {
  private readonly characters: string[] = [];
  private readonly offsets: number[] = [];
  private readonly expansions = new Set<number>();

  /** `character` is one UTF-16 code unit, as read from the file. */
  push(character: string, fileOffset: number, expansion = false): void {
    if (expansion) this.expansions.add(this.characters.length);
    this.characters.push(character);
    this.offsets.push(fileOffset);
  }

  /** Copies file text as it is. */
  pushSource(source: string, span: Span, expansion = false): void {
    for (let offset = span.start; offset < span.end; offset++) this.push(source[offset]!, offset, expansion);
  }

  get length(): number {
    return this.characters.length;
  }

  build(end: number): MappedText {
    return { text: this.characters.join(''), offsets: [...this.offsets, end], expansions: this.expansions };
  }
}

/** The file text as it is: a plain command line. */
export function identity(source: string, span: Span): MappedText {
  const builder = new MappedTextBuilder();
  builder.pushSource(source, span);
  return builder.build(span.end);
}

/** The file span of a span of the mapped text. */
export function toFileSpan(mapped: Pick<MappedText, 'offsets'>, span: Span): Span {
  const start = mapped.offsets[span.start]!;
  if (span.end <= span.start) return { start, end: start };
  return { start, end: mapped.offsets[span.end - 1]! + 1 };
}

/**
 * Texts joined by single spaces, as GRUB joins a command's words (or BLS its `options` lines): each
 * space maps to where the text before it ends in the file.
 */
export function joinMapped(parts: readonly MappedText[], end: number): MappedText {
  const builder = new MappedTextBuilder();
  parts.forEach((part, index) => {
    if (index > 0) builder.push(' ', parts[index - 1]!.offsets[parts[index - 1]!.text.length]!);
    for (let i = 0; i < part.text.length; i++) builder.push(part.text[i]!, part.offsets[i]!, part.expansions.has(i));
  });
  return builder.build(parts.length > 0 ? parts[parts.length - 1]!.offsets[parts[parts.length - 1]!.text.length]! : end);
}

/** The mapped text from `from` on. */
export function sliceMapped(mapped: MappedText, from: number): MappedText {
  const expansions = new Set<number>();
  for (const index of mapped.expansions) if (index >= from) expansions.add(index - from);
  return { text: mapped.text.slice(from), offsets: mapped.offsets.slice(from), expansions };
}
