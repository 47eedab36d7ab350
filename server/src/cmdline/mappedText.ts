import type { Span } from '../core/span';

/**
 * Text made from a file's text (a shell value with its quotes removed, GRUB words joined by spaces),
 * with the file offset of every character, so that a span of it maps back to the file exactly.
 */
export interface MappedText {
  text: string;
  /** `offsets[i]` is the file offset of `text[i]`; `offsets[text.length]` is where the text ends in the file. */
  offsets: Int32Array;
  /** Characters that come from a `$VAR` reference left unexpanded: the value there is not known. */
  expansions: ReadonlySet<number>;
}

/** The expansions of the many texts that have none: one set, never written to. */
const NO_EXPANSIONS: ReadonlySet<number> = new Set<number>();

/**
 * Builds a MappedText piece by piece. The characters are joined once, when built (a string grown one
 * character at a time is a chain of millions of pieces on a large file, all garbage), and the offsets go
 * into one typed array grown by doubling (an array of numbers took a slot, and the collector's time, per
 * character of a megabytes-long kernel line).
 */
export class MappedTextBuilder {
  private readonly pieces: string[] = [];
  private offsets = new Int32Array(16);
  private count = 0;
  private expansions: Set<number> | undefined;
  private built = false;

  /** `character` is one UTF-16 code unit, as read from the file. */
  push(character: string, fileOffset: number, expansion = false): void {
    if (expansion) (this.expansions ??= new Set()).add(this.count);
    this.pieces.push(character);
    this.room(1);
    this.offsets[this.count++] = fileOffset;
  }

  /** Copies file text as it is. */
  pushSource(source: string, span: Span, expansion = false): void {
    if (span.end <= span.start) return;
    this.pieces.push(source.slice(span.start, span.end));
    this.room(span.end - span.start);
    const { offsets } = this;
    const base = this.count;
    for (let offset = span.start; offset < span.end; offset++) offsets[this.count++] = offset;
    if (!expansion) return;
    const expansions = (this.expansions ??= new Set());
    for (let index = base; index < this.count; index++) expansions.add(index);
  }

  /** Copies a mapped text as it is, its expansions included. */
  pushMapped(part: MappedText): void {
    const base = this.count;
    const length = part.text.length;
    this.pieces.push(part.text);
    this.room(length);
    const { offsets } = part;
    for (let index = 0; index < length; index++) this.offsets[base + index] = offsets[index]!;
    this.count += length;
    if (part.expansions.size === 0) return;
    const expansions = (this.expansions ??= new Set());
    for (const index of part.expansions) if (index < length) expansions.add(base + index);
  }

  get length(): number {
    return this.count;
  }

  /** The text; the builder is spent (its arrays become the text's). */
  build(end: number): MappedText {
    if (this.built) throw new Error('a MappedTextBuilder builds once');
    this.built = true;
    // room() keeps one more slot than the characters pushed: the end's.
    this.room(0);
    this.offsets[this.count] = end;
    // A copy of the used part, not a view: a view of a small typed array makes V8 move it off the heap.
    const offsets = this.offsets.length === this.count + 1 ? this.offsets : this.offsets.slice(0, this.count + 1);
    return { text: this.pieces.join(''), offsets, expansions: this.expansions ?? NO_EXPANSIONS };
  }

  /** Room for `more` offsets, and the end's. */
  private room(more: number): void {
    const needed = this.count + more + 1;
    if (needed <= this.offsets.length) return;
    const grown = new Int32Array(Math.max(needed, this.offsets.length * 2));
    grown.set(this.offsets);
    this.offsets = grown;
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
  // One part is its own join (no text here is changed once built): a value of megabytes is not copied.
  if (parts.length === 1) return parts[0]!;
  const builder = new MappedTextBuilder();
  parts.forEach((part, index) => {
    if (index > 0) builder.push(' ', parts[index - 1]!.offsets[parts[index - 1]!.text.length]!);
    builder.pushMapped(part);
  });
  return builder.build(parts.length > 0 ? parts[parts.length - 1]!.offsets[parts[parts.length - 1]!.text.length]! : end);
}

/** The mapped text from `from` on. */
export function sliceMapped(mapped: MappedText, from: number): MappedText {
  if (mapped.expansions.size === 0) return { text: mapped.text.slice(from), offsets: mapped.offsets.slice(from), expansions: NO_EXPANSIONS };
  const expansions = new Set<number>();
  for (const index of mapped.expansions) if (index >= from) expansions.add(index - from);
  return { text: mapped.text.slice(from), offsets: mapped.offsets.slice(from), expansions };
}
