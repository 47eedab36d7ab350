import { Kind, type Pattern } from './pattern';

/**
 * What a pattern would take next, read off its front: the element and attribute patterns a start tag
 * or an attribute could match now, and the values and types a text could be. For error messages (the
 * expected set where validation failed) and for completion.
 */
export interface Expected {
  elements: Pattern[];
  attributes: Pattern[];
  /** Value and Data patterns a text could match; `text` when any text goes. */
  values: Pattern[];
  text: boolean;
}

export function expectedAt(pattern: Pattern): Expected {
  const found: Expected = { elements: [], attributes: [], values: [], text: false };
  const seen = new Set<Pattern>();
  const walk = (p: Pattern): void => {
    if (seen.has(p)) return;
    seen.add(p);
    switch (p.kind) {
      case Kind.Choice:
        for (const alternative of p.alternatives!) walk(alternative);
        return;
      case Kind.Group:
        walk(p.a!);
        // Attributes come in any order: those of the rest of a group are open too.
        if (p.a!.nullable) walk(p.b!);
        else walkAttributes(p.b!, found, seen);
        return;
      case Kind.Interleave:
        walk(p.a!);
        walk(p.b!);
        return;
      case Kind.OneOrMore:
      case Kind.After:
        walk(p.a!);
        return;
      case Kind.Element:
        found.elements.push(p);
        return;
      case Kind.Attribute:
        found.attributes.push(p);
        return;
      case Kind.Text:
        found.text = true;
        return;
      case Kind.Value:
      case Kind.Data:
        found.values.push(p);
        return;
      case Kind.List:
        walk(p.a!);
        return;
      default:
        return;
    }
  };
  walk(pattern);
  return found;
}

/** The attribute patterns anywhere in a pattern's attribute part (not inside elements). */
function walkAttributes(p: Pattern, found: Expected, seen: Set<Pattern>): void {
  if (seen.has(p)) return;
  seen.add(p);
  switch (p.kind) {
    case Kind.Choice:
      for (const alternative of p.alternatives!) walkAttributes(alternative, found, seen);
      return;
    case Kind.Group:
    case Kind.Interleave:
      walkAttributes(p.a!, found, seen);
      walkAttributes(p.b!, found, seen);
      return;
    case Kind.OneOrMore:
    case Kind.After:
      walkAttributes(p.a!, found, seen);
      return;
    case Kind.Attribute:
      found.attributes.push(p);
      return;
    default:
      return;
  }
}

/** The attributes a pattern cannot do without: those in every way it could be matched. */
export function requiredAttributes(pattern: Pattern): Pattern[] {
  return [...required(pattern, Kind.Attribute)];
}

/** The elements a pattern cannot do without (those in every way it could be matched), in no order. */
export function requiredElements(pattern: Pattern): Pattern[] {
  return [...required(pattern, Kind.Element)];
}

function required(p: Pattern, kind: Kind.Attribute | Kind.Element): Set<Pattern> {
  switch (p.kind) {
    case Kind.Choice: {
      let common: Set<Pattern> | undefined;
      for (const alternative of p.alternatives!) {
        const needed = required(alternative, kind);
        common = common === undefined ? needed : new Set([...common].filter((found) => needed.has(found)));
        if (common.size === 0) break;
      }
      return common ?? new Set();
    }
    case Kind.Group:
    case Kind.Interleave:
      return new Set([...required(p.a!, kind), ...required(p.b!, kind)]);
    case Kind.OneOrMore:
    case Kind.After:
      return required(p.a!, kind);
    default:
      return p.kind === kind ? new Set([p]) : new Set();
  }
}
