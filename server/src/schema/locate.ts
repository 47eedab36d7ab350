import { childElements } from '../xml/query';
import type { XmlDocument, XmlElement } from '../xml/types';

/**
 * The element of the project's own tree that a libxml2 path (`/domain/devices/disk[2]/source`, as in
 * SchemaError.path) names. Prefer it to SchemaError.line: libxml2 counts an element's line where its
 * start tag ends, so a start tag written over several lines is reported on its last line.
 */
export function elementAtPath(document: XmlDocument, path: string): XmlElement | undefined {
  const steps = path.split('/').slice(1);
  let element: XmlElement | undefined;
  for (const step of steps) {
    const match = /^([^[\]/]+?)(?:\[(\d+)\])?$/.exec(step);
    if (!match) return undefined;
    const [, name, position] = match;
    const candidates = element ? childElements(element, name) : document.root?.name === name ? [document.root] : [];
    element = candidates[position === undefined ? 0 : Number(position) - 1];
    if (!element) return undefined;
  }
  return element;
}
