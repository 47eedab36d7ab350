// Walks the grammar from its start element, giving each element *in its context* one definition: the
// element definitions a child name may stand for under a given parent are merged into one (the union of
// their attributes and children). Contexts whose definitions come out identical, recursively, are then
// shared (partition refinement, as in DFA minimization), so each distinct definition is written once.
import { anyOf } from './content.mjs';

export function buildElementTable(scope, analyzer, values) {
  const top = analyzer.summary(scope.start());
  const roots = [...top.children.values()];
  if (roots.length !== 1 || top.openChildren) throw new Error('the grammar must start with exactly one element');
  const records = new Map();
  const queue = [];
  const contextOf = (name, elements) => {
    const key = elements.map((element) => element.id).sort((a, b) => a - b).join(',');
    if (!records.has(key)) {
      records.set(key, undefined);
      queue.push({ key, name, elements });
    }
    return key;
  };
  const rootKey = contextOf(roots[0].name, roots[0].elements);
  for (let next = queue.shift(); next; next = queue.shift()) {
    records.set(next.key, describe(next, analyzer, values, contextOf));
  }
  return share(records, rootKey);
}

function describe({ key, name, elements }, analyzer, values, contextOf) {
  const summary = anyOf(elements.map((element) => analyzer.summary(element.content)));
  const docs = [...new Set(elements.map((element) => element.doc).filter(Boolean))];
  const defines = [...new Set(elements.map((element) => element.define).filter(Boolean))].sort();
  return {
    key,
    name,
    children: [...summary.children.values()].map((child) => ({
      name: child.name,
      key: contextOf(child.name, child.elements),
      required: child.required,
      multiple: child.multiple,
    })),
    attributes: [...summary.attributes.values()].map((attribute) => ({
      name: attribute.name,
      value: values.idOf(attribute.patterns),
      required: attribute.required,
      doc: attribute.docs.length > 0 ? attribute.docs.join('\n\n') : undefined,
    })),
    text: summary.text.length > 0 ? values.idOf(summary.text) : undefined,
    textRequired: summary.text.length > 0 ? summary.textRequired : undefined,
    openChildren: summary.openChildren,
    openAttributes: summary.openAttributes,
    flattened: summary.flattened || (elements.length > 1 && variantsDiffer(elements, analyzer)),
    discriminators: [...summary.discriminators].sort(),
    variants: elements.length,
    defines,
    doc: docs.length > 0 ? docs.join('\n\n') : undefined,
  };
}

function variantsDiffer(elements, analyzer) {
  const shapes = elements.map((element) => {
    const summary = analyzer.summary(element.content);
    const attributes = [...summary.attributes.values()].map((a) => `@${a.name}${a.required ? '!' : '?'}`);
    const children = [...summary.children.values()].map((c) => `${c.name}${c.required ? '!' : '?'}`);
    return [...attributes, ...children].sort().join(' ');
  });
  return new Set(shapes).size > 1;
}

/** Merges contexts with identical definitions; returns the records in breadth-first order, root first. */
function share(records, rootKey) {
  const local = new Map();
  for (const [key, record] of records) {
    const { key: _key, children, ...rest } = record;
    local.set(key, JSON.stringify([rest, children.map(({ key: _child, ...flags }) => flags)]));
  }
  let classOf = classify(records, (key) => local.get(key));
  for (;;) {
    const current = classOf;
    const refined = classify(records, (key) =>
      JSON.stringify([current.get(key), records.get(key).children.map((child) => current.get(child.key))]),
    );
    const count = new Set(refined.values()).size;
    classOf = refined;
    if (count === new Set(current.values()).size) break;
  }
  const idOfClass = new Map();
  const ordered = [];
  const queue = [rootKey];
  const seen = new Set(queue);
  for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
    const cls = classOf.get(key);
    if (!idOfClass.has(cls)) {
      idOfClass.set(cls, ordered.length);
      ordered.push(records.get(key));
    }
    for (const child of records.get(key).children) {
      if (!seen.has(child.key)) {
        seen.add(child.key);
        queue.push(child.key);
      }
    }
  }
  const idOf = (key) => idOfClass.get(classOf.get(key));
  return {
    contexts: records.size,
    elements: ordered.map((record) => ({
      ...record,
      children: record.children.map((child) => ({ ...child, id: idOf(child.key) })),
    })),
  };
}

function classify(records, signatureOf) {
  const ids = new Map();
  const classOf = new Map();
  for (const key of records.keys()) {
    const signature = signatureOf(key);
    let id = ids.get(signature);
    if (id === undefined) ids.set(signature, (id = ids.size));
    classOf.set(key, id);
  }
  return classOf;
}
