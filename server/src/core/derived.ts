/**
 * What readers work out from a parse tree or a model once (the structure rules' placements, the typed
 * values, the devices by name) is kept on the tree or model itself, in its `derived` slots, and dies with
 * it. Not in a WeakMap keyed by the tree: V8's young-generation collector keeps a WeakMap's values alive
 * while their key is young (measured on node 20), so each document's derived data was copied and promoted
 * to the old generation, and a third of a lint over the corpus went to collecting it (issue 16).
 */
export interface HasDerived {
  /** One slot per `derived(...)` reader; only that module reads or writes it. */
  derived?: unknown[];
}

let slots = 0;
/** A slot not computed yet (a computed value may be undefined). */
const UNSET: unknown = Symbol('unset');

/** A reader that computes `compute(owner)` the first time it is asked for that owner and keeps it there. */
export function derived<Owner extends HasDerived, T>(compute: (owner: Owner) => T): (owner: Owner) => T {
  const slot = slots++;
  return (owner) => {
    // Made with a place for every reader known by now, not grown one push at a time.
    const values = (owner.derived ??= new Array<unknown>(slots).fill(UNSET));
    if (slot < values.length && values[slot] !== UNSET) return values[slot] as T;
    while (values.length <= slot) values.push(UNSET);
    const value = compute(owner);
    values[slot] = value;
    return value;
  };
}
