import {
  isForeignSchemaName,
  schemaChild,
  schemaNameOf,
  schemaAttribute,
  schemaEnumValues,
  schemaRoot,
  schemaValueAccepts,
  type SchemaElement,
} from '../../server/src/kb/schema';
import { elementPath, elementText } from '../../server/src/xml/query';
import type { XmlDocument, XmlElement } from '../../server/src/xml/types';

export type ViolationKind =
  | 'unknown-root'
  | 'unknown-element'
  | 'unknown-attribute'
  | 'bad-enum-value'
  | 'bad-value'
  | 'missing-attribute'
  | 'missing-element'
  | 'repeated-element'
  | 'bad-text'
  | 'unexpected-text';

export interface Violation {
  kind: ViolationKind;
  /** `domain/devices/disk/driver@cache=fast`, `domain/devices/disk: target`, ... */
  what: string;
}

/**
 * What the generated schema structure alone says is wrong in a parsed document. Element names are
 * resolved through their namespace declarations; elements of namespaces libvirt's schema does not
 * describe, prefixed attributes (`xmlns:*`) and anything inside open content (`<metadata>`) are never
 * flagged.
 */
export function schemaViolations(document: XmlDocument): Violation[] {
  const violations: Violation[] = [];
  const root = document.root;
  if (!root) return violations;
  if (schemaNameOf(root) !== schemaRoot().name) return [{ kind: 'unknown-root', what: root.name }];
  check(root, schemaRoot(), violations);
  return violations;
}

function check(element: XmlElement, schema: SchemaElement, violations: Violation[]): void {
  const path = elementPath(element);
  for (const attribute of element.attributes) {
    if (attribute.name === 'xmlns' || attribute.name.includes(':')) continue;
    const definition = schemaAttribute(schema, attribute.name);
    if (!definition) {
      if (!schema.openAttributes) violations.push({ kind: 'unknown-attribute', what: `${path}@${attribute.name}` });
      continue;
    }
    const value = attribute.value ?? '';
    if (!schemaValueAccepts(definition.value, value)) {
      const kind = schemaEnumValues(definition.value) ? 'bad-enum-value' : 'bad-value';
      violations.push({ kind, what: `${path}@${attribute.name}=${value}` });
    }
  }
  for (const attribute of schema.attributes) {
    if (attribute.required && !element.attributes.some((present) => present.name === attribute.name)) {
      violations.push({ kind: 'missing-attribute', what: `${path}@${attribute.name}` });
    }
  }
  const counts = new Map<string, number>();
  for (const child of element.children) {
    if (child.kind !== 'element') continue;
    const name = schemaNameOf(child);
    counts.set(name, (counts.get(name) ?? 0) + 1);
    const definition = schemaChild(schema, name);
    if (definition) check(child, definition.element, violations);
    else if (!schema.openChildren && !isForeignSchemaName(name)) {
      violations.push({ kind: 'unknown-element', what: `${path}/${child.name}` });
    }
  }
  for (const child of schema.children) {
    const count = counts.get(child.name) ?? 0;
    if (child.required && count === 0) violations.push({ kind: 'missing-element', what: `${path}: ${child.name}` });
    if (!child.multiple && count > 1) violations.push({ kind: 'repeated-element', what: `${path}/${child.name}` });
  }
  const text = elementText(element)?.value;
  if (schema.text) {
    if ((text !== undefined || schema.textRequired) && !schemaValueAccepts(schema.text, rawText(element))) {
      violations.push({ kind: 'bad-text', what: `${path}: '${text ?? ''}'` });
    }
  } else if (text !== undefined && !schema.openChildren) {
    violations.push({ kind: 'unexpected-text', what: `${path}: '${text}'` });
  }
}

/** The element's own text as written (entities decoded), untrimmed: string patterns see all of it. */
function rawText(element: XmlElement): string {
  return element.children.map((child) => (child.kind === 'text' ? child.value : '')).join('');
}
