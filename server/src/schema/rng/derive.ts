import { containsName } from './nameClass';
import { Kind, type Pattern, type PatternTable } from './pattern';

/** A name as the document has it, resolved: its namespace URI, local name, and a key for the memos. */
export interface ResolvedName {
  ns: string;
  local: string;
  /** `local` in no namespace, `{ns}local` otherwise. */
  key: string;
}

export function resolvedName(ns: string, local: string): ResolvedName {
  return { ns, local, key: ns === '' ? local : `{${ns}}${local}` };
}

/** Values longer than this are derived without memo: they are seldom seen twice. */
const MEMO_VALUE_LENGTH = 48;

/**
 * The derivatives of James Clark's algorithm for RelaxNG validation ("An algorithm for RELAX NG
 * validation", 2002): what a pattern has left to match once the document has shown a start tag, an
 * attribute, the end of the start tag, a text or an end tag. Each result is memoized on the pattern,
 * so a corpus of similar documents mostly hits the memo.
 */
export class Deriver {
  constructor(readonly table: PatternTable) {}

  startTagOpen(p: Pattern, name: ResolvedName): Pattern {
    const known = p.startMemo?.get(name.key);
    if (known) return known;
    const result = this.computeStart(p, name);
    (p.startMemo ??= new Map()).set(name.key, result);
    this.table.remember(p);
    return result;
  }

  attribute(p: Pattern, name: ResolvedName, value: string): Pattern {
    if (value.length > MEMO_VALUE_LENGTH) return this.computeAttribute(p, name, value);
    let byValue = p.attributeMemo?.get(name.key);
    const known = byValue?.get(value);
    if (known) return known;
    const result = this.computeAttribute(p, name, value);
    if (!byValue) {
      byValue = new Map();
      (p.attributeMemo ??= new Map()).set(name.key, byValue);
    }
    byValue.set(value, result);
    this.table.remember(p);
    return result;
  }

  startTagClose(p: Pattern): Pattern {
    if (p.closeMemo) return p.closeMemo;
    const result = this.computeClose(p, false);
    p.closeMemo = result;
    this.table.remember(p);
    return result;
  }

  /** The end of a start tag that lacks attributes the pattern needs: as though they were there. */
  startTagCloseLeniently(p: Pattern): Pattern {
    return this.computeClose(p, true);
  }

  /** A text that is not a value the pattern takes, where it would take one: as though it were. */
  textLeniently(p: Pattern): Pattern {
    return this.computeText(p, '', true);
  }

  text(p: Pattern, value: string): Pattern {
    if (value.length > MEMO_VALUE_LENGTH) return this.computeText(p, value);
    const known = p.textMemo?.get(value);
    if (known) return known;
    const result = this.computeText(p, value);
    (p.textMemo ??= new Map()).set(value, result);
    this.table.remember(p);
    return result;
  }

  endTag(p: Pattern): Pattern {
    if (p.endMemo) return p.endMemo;
    const result = this.computeEnd(p, false);
    p.endMemo = result;
    this.table.remember(p);
    return result;
  }

  /** An end tag that comes before the element's content is complete: the parent goes on as though it were. */
  endTagLeniently(p: Pattern): Pattern {
    return this.computeEnd(p, true);
  }

  /** Whether a value matches a pattern as a whole (an attribute's value, a list's word). */
  valueMatches(p: Pattern, value: string): boolean {
    return (p.nullable && isWhitespace(value)) || this.text(p, value).nullable;
  }

  private computeStart(p: Pattern, name: ResolvedName): Pattern {
    const { table } = this;
    switch (p.kind) {
      case Kind.Choice: {
        let result = table.notAllowed;
        for (const alternative of p.alternatives!) result = table.choice(result, this.startTagOpen(alternative, name));
        return result;
      }
      case Kind.Element:
        return containsName(p.names!, name.ns, name.local) ? table.after(p.content!, table.empty) : table.notAllowed;
      case Kind.Interleave: {
        const a = p.a!;
        const b = p.b!;
        return table.choice(
          this.applyAfter(this.startTagOpen(a, name), (x) => table.interleave(x, b)),
          this.applyAfter(this.startTagOpen(b, name), (x) => table.interleave(a, x)),
        );
      }
      case Kind.OneOrMore: {
        const rest = table.choice(p, table.empty);
        return this.applyAfter(this.startTagOpen(p.a!, name), (x) => table.group(x, rest));
      }
      case Kind.Group: {
        const b = p.b!;
        const first = this.applyAfter(this.startTagOpen(p.a!, name), (x) => table.group(x, b));
        return p.a!.nullable ? table.choice(first, this.startTagOpen(b, name)) : first;
      }
      case Kind.After: {
        const b = p.b!;
        return this.applyAfter(this.startTagOpen(p.a!, name), (x) => table.after(x, b));
      }
      default:
        return table.notAllowed;
    }
  }

  private applyAfter(p: Pattern, f: (pattern: Pattern) => Pattern): Pattern {
    const { table } = this;
    switch (p.kind) {
      case Kind.After:
        return table.after(p.a!, f(p.b!));
      case Kind.Choice: {
        let result = table.notAllowed;
        for (const alternative of p.alternatives!) result = table.choice(result, this.applyAfter(alternative, f));
        return result;
      }
      default:
        return table.notAllowed;
    }
  }

  private computeAttribute(p: Pattern, name: ResolvedName, value: string): Pattern {
    const { table } = this;
    switch (p.kind) {
      case Kind.After:
        return table.after(this.attribute(p.a!, name, value), p.b!);
      case Kind.Choice: {
        let result = table.notAllowed;
        for (const alternative of p.alternatives!) result = table.choice(result, this.attribute(alternative, name, value));
        return result;
      }
      case Kind.Group:
        return table.choice(table.group(this.attribute(p.a!, name, value), p.b!), table.group(p.a!, this.attribute(p.b!, name, value)));
      case Kind.Interleave:
        return table.choice(table.interleave(this.attribute(p.a!, name, value), p.b!), table.interleave(p.a!, this.attribute(p.b!, name, value)));
      case Kind.OneOrMore:
        return table.group(this.attribute(p.a!, name, value), table.choice(p, table.empty));
      case Kind.Attribute:
        return containsName(p.names!, name.ns, name.local) && this.valueMatches(p.a!, value) ? table.empty : table.notAllowed;
      default:
        return table.notAllowed;
    }
  }

  private computeClose(p: Pattern, lenient: boolean): Pattern {
    const { table } = this;
    const close = (q: Pattern): Pattern => (lenient ? this.computeClose(q, true) : this.startTagClose(q));
    switch (p.kind) {
      case Kind.After:
        return table.after(close(p.a!), p.b!);
      case Kind.Choice: {
        let result = table.notAllowed;
        for (const alternative of p.alternatives!) result = table.choice(result, close(alternative));
        return result;
      }
      case Kind.Group:
        return table.group(close(p.a!), close(p.b!));
      case Kind.Interleave:
        return table.interleave(close(p.a!), close(p.b!));
      case Kind.OneOrMore:
        return table.oneOrMore(close(p.a!));
      case Kind.Attribute:
        return lenient ? table.empty : table.notAllowed;
      default:
        return p;
    }
  }

  private computeText(p: Pattern, value: string, lenient = false): Pattern {
    const { table } = this;
    if (lenient) {
      if (p.kind === Kind.Value || p.kind === Kind.Data || p.kind === Kind.List) return table.empty;
      if (p.kind !== Kind.Text && p.kind !== Kind.Choice && p.kind !== Kind.Interleave && p.kind !== Kind.Group && p.kind !== Kind.After && p.kind !== Kind.OneOrMore) return table.notAllowed;
    }
    const text = (q: Pattern, v: string): Pattern => (lenient ? this.computeText(q, v, true) : this.text(q, v));
    switch (p.kind) {
      case Kind.Choice: {
        let result = table.notAllowed;
        for (const alternative of p.alternatives!) result = table.choice(result, text(alternative, value));
        return result;
      }
      case Kind.Interleave:
        return table.choice(table.interleave(text(p.a!, value), p.b!), table.interleave(p.a!, text(p.b!, value)));
      case Kind.Group: {
        const first = table.group(text(p.a!, value), p.b!);
        return p.a!.nullable ? table.choice(first, text(p.b!, value)) : first;
      }
      case Kind.After:
        return table.after(text(p.a!, value), p.b!);
      case Kind.OneOrMore:
        return table.group(text(p.a!, value), table.choice(p, table.empty));
      case Kind.Text:
        return p;
      case Kind.Value:
        return p.datatype!.equal(p.value!, value) ? table.empty : table.notAllowed;
      case Kind.Data:
        if (!p.datatype!.allows(value)) return table.notAllowed;
        return p.a && this.text(p.a, value).nullable ? table.notAllowed : table.empty;
      case Kind.List: {
        let rest = p.a!;
        for (const word of words(value)) {
          rest = this.text(rest, word);
          if (rest.kind === Kind.NotAllowed) return rest;
        }
        return rest.nullable ? table.empty : table.notAllowed;
      }
      default:
        return table.notAllowed;
    }
  }

  private computeEnd(p: Pattern, lenient: boolean): Pattern {
    const { table } = this;
    switch (p.kind) {
      case Kind.Choice: {
        let result = table.notAllowed;
        for (const alternative of p.alternatives!) result = table.choice(result, lenient ? this.computeEnd(alternative, true) : this.endTag(alternative));
        return result;
      }
      case Kind.After:
        return lenient || p.a!.nullable ? p.b! : table.notAllowed;
      default:
        return table.notAllowed;
    }
  }
}

/** XML white space only (space, tab, CR, LF), or nothing. */
export function isWhitespace(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  }
  return true;
}

function words(value: string): string[] {
  return value.split(/[ \t\r\n]+/).filter((word) => word !== '');
}
