import type { Pattern } from './pattern';

/** Elements longer than this (in UTF-16 units of their text) are not remembered: those that repeat are small. */
export const MAX_REMEMBERED_ELEMENT = 512;
/** Entries kept at most before the memo starts afresh. */
const MAX_ENTRIES = 20_000;
/** Characters of remembered text kept at most before the memo starts afresh (about 8 MB). */
const MAX_CHARACTERS = 4_000_000;

/** What a whole element judged without a mistake did to the content it was entered with. */
export interface ElementOutcome {
  /** The entered element's content (Entered.content, placeholders for its parent's part). */
  readonly content: Pattern;
  /** The content's derivative by the element's attributes, children and end tag (endTag's result). */
  readonly ended: Pattern;
  /** How many levels the element nests, itself included: libxml2's depth limit is checked against it. */
  readonly height: number;
  /** Another content the same text was judged from. */
  readonly next: ElementOutcome | undefined;
}

/**
 * The outcomes of whole elements the validator judged without a mistake, by the element's exact text
 * and the content it was entered with: a domain's small elements repeat within it and across a set of
 * domains (`<address type='pci' domain='0x0000' bus='0x00' slot='0x03' function='0x0'/>`, a disk's
 * `<driver>` and `<target>`), and an element met again is then one lookup instead of a derivative per
 * attribute, child and text. The text is the key itself, compared whole, not a hash of it, so the verdict
 * cannot be changed by a collision; what the text means does not depend on the document around it once
 * the walk has checked the document as a whole (well-formed, no entity but XML's own), except its
 * namespace prefixes, so the caller only asks where no prefix is declared around the element.
 * Each key is a copy, never a slice of the document (which would keep the whole document alive).
 * Derived patterns' identities change when the pattern table starts afresh: `clear` then.
 */
export class ElementMemo {
  private byText = new Map<string, ElementOutcome>();
  private characters = 0;

  get size(): number {
    return this.byText.size;
  }

  clear(): void {
    this.byText = new Map();
    this.characters = 0;
  }

  /** The outcome of the element whose text is `text`, entered with `content`; undefined when not known. */
  find(text: string, content: Pattern): ElementOutcome | undefined {
    for (let outcome = this.byText.get(text); outcome; outcome = outcome.next) if (outcome.content === content) return outcome;
    return undefined;
  }

  remember(text: string, content: Pattern, ended: Pattern, height: number): void {
    const known = this.byText.get(text);
    if (known === undefined) {
      if (this.byText.size >= MAX_ENTRIES || this.characters + text.length > MAX_CHARACTERS) this.clear();
      this.characters += text.length;
      this.byText.set(copied(text), new Outcome(content, ended, height, undefined));
      return;
    }
    this.byText.set(text, new Outcome(content, ended, height, known));
  }
}

/** Kept in the memo: made by a constructor (see derive.ts's Name). */
class Outcome implements ElementOutcome {
  constructor(
    readonly content: Pattern,
    readonly ended: Pattern,
    readonly height: number,
    readonly next: ElementOutcome | undefined,
  ) {}
}

/**
 * The same characters in a string of their own. V8 makes a slice of 13 characters or more a view into
 * the whole string; slicing a concatenation first flattens it into a new string, and the slice is then a
 * view into that copy (one character longer) instead.
 */
function copied(text: string): string {
  return ` ${text}`.slice(1);
}
