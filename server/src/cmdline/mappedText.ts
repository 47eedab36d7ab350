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
  private readonly pieces: string[] = [];
  private readonly offsets: number[] = [];
  private readonly expansions = new Set<number>();
  private built = false;

  /** `character` is one UTF-16 code unit, as read from the file. */
  push(character: string, fileOffset: number, expansion = false): void {
    if (expansion) this.expansions.add(this.offsets.length);
    this.pieces.push(character);
    this.offsets.push(fileOffset);
  }

  /** Copies file text as it is. */
  pushSource(source: string, span: Span, expansion = false): void {
    if (span.end <= span.start) return;
    this.pieces.push(source.slice(span.start, span.end));
    for (let offset = span.start; offset < span.end; offset++) {
      if (expansion) this.expansions.add(this.offsets.length);
      this.offsets.push(offset);
    }
  }

  /** Copies a mapped text as it is, its expansions included. */
  pushMapped(part: MappedText): void {
    const base = this.offsets.length;
    this.pieces.push(part.text);
    for (let i = 0; i < part.text.length; i++) this.offsets.push(part.offsets[i]!);
    for (const index of part.expansions) if (index < part.text.length) this.expansions.add(base + index);
  }

  get length(): number {
    return this.offsets.length;
  }

  /** The text; the builder is spent (its arrays become the text's). */
  build(end: number): MappedText {
    if (this.built) throw new Error('a MappedTextBuilder builds once');
    this.built = true;
    this.offsets.push(end);
    return { text: this.pieces.join(''), offsets: this.offsets, expansions: this.expansions };
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
  const end = mapped.offsets[span.end - 1]! + 1;
  if (end > start) return { start, end };
  // The span's characters come from places out of file order (a word running across two joined values):
  // the file span is the stretch the span starts with, so that a range never ends before it starts.
  let last = span.start;
  while (last + 1 < span.end && mapped.offsets[last + 1]! > mapped.offsets[last]!) last++;
  return { start, end: mapped.offsets[last]! + 1 };
}

/**
 * Texts joined by single spaces, as GRUB joins a command's words (or BLS its `options` lines): each
 * space maps to where the text before it ends in the file.
 */
export function joinMapped(parts: readonly MappedText[], end: number): MappedText {
  const builder = new MappedTextBuilder();
  parts.forEach((part, index) => {
    if (index > 0) builder.push(' ', parts[index - 1]!.offsets[parts[index - 1]!.text.length]!);
    builder.pushMapped(part);
  });
  return builder.build(parts.length > 0 ? parts[parts.length - 1]!.offsets[parts[parts.length - 1]!.text.length]! : end);
}

/** The mapped text from `from` on. */
export function sliceMapped(mapped: MappedText, from: number): MappedText {
  const expansions = new Set<number>();
  for (const index of mapped.expansions) if (index >= from) expansions.add(index - from);
  return { text: mapped.text.slice(from), offsets: mapped.offsets.slice(from), expansions };
}
