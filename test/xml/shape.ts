import type { XmlDocument, XmlElement, XmlNode } from '../../server/src/xml/types';

/**
 * Everything a reader can see of a tree, as plain data to compare with deepEqual: each node's kind,
 * spans, name, attributes and text value, and where it sits (the index of the node holding it), in
 * document order; then the root and the problems. A list, not nested objects, so a tree ten thousand
 * elements deep is compared without running out of stack. A node whose `parent` is not the element
 * holding it is marked `wrongParent` (a whole parse never makes one).
 */
export function treeShape(document: XmlDocument): unknown {
  const shapes: unknown[] = [];
  const pending: { item: XmlNode; holder: XmlElement | undefined; holderIndex: number }[] = [];
  for (let i = document.nodes.length - 1; i >= 0; i--) pending.push({ item: document.nodes[i]!, holder: undefined, holderIndex: -1 });
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { item, holder, holderIndex } = next;
    const where = { in: holderIndex, ...(item.parent === holder ? {} : { wrongParent: true }) };
    if (item.kind !== 'element') {
      shapes.push({ kind: item.kind, span: item.span, ...(item.kind === 'text' ? { value: item.value } : {}), ...where });
      continue;
    }
    const index = shapes.length;
    shapes.push({
      name: item.name,
      span: item.span,
      nameSpan: item.nameSpan,
      startTagSpan: item.startTagSpan,
      endTagSpan: item.endTagSpan,
      endNameSpan: item.endNameSpan,
      startTagClosed: item.startTagClosed,
      selfClosing: item.selfClosing,
      attributes: item.attributes.map((a) => ({ name: a.name, nameSpan: a.nameSpan, value: a.value, rawValue: a.rawValue, valueSpan: a.valueSpan, quote: a.quote, valueClosed: a.valueClosed, span: a.span })),
      children: item.children.length,
      ...where,
    });
    for (let i = item.children.length - 1; i >= 0; i--) pending.push({ item: item.children[i]!, holder: item, holderIndex: index });
  }
  return { text: document.text, nodes: shapes, root: document.root?.span, problems: document.problems };
}
