import type { XmlElement } from '../../xml/types';

/** libvirt's extension namespaces, written with the prefix its documentation uses (`qemu:commandline`). */
const LIBVIRT_NS = /^http:\/\/libvirt\.org\/schemas\/domain\/([a-z0-9]+)\//;

/**
 * The name the schema structure gives an element of a namespace: the local name in no namespace,
 * `qemu:commandline` in libvirt's QEMU namespace, `{uri}name` in any other (which the schema never
 * lists: open content). The same rule as scripts/gen-schema/content.mjs.
 */
export function schemaQualifiedName(namespace: string, localName: string): string {
  if (namespace === '') return localName;
  const match = LIBVIRT_NS.exec(namespace);
  return match ? `${match[1]}:${localName}` : `{${namespace}}${localName}`;
}

/** Whether a schema name is in a namespace libvirt's schema does not describe. */
export function isForeignSchemaName(name: string): boolean {
  return name.startsWith('{');
}

/**
 * An element's name as the schema spells it, its prefix resolved through the `xmlns` declarations in
 * scope (`<commandline xmlns='http://libvirt.org/schemas/domain/qemu/1.0'>` is `qemu:commandline`). An
 * undeclared prefix is left as written.
 */
export function schemaNameOf(element: XmlElement): string {
  const colon = element.name.indexOf(':');
  const prefix = colon >= 0 ? element.name.slice(0, colon) : '';
  const localName = element.name.slice(colon + 1);
  const namespace = namespaceOfPrefix(element, prefix);
  return namespace === undefined ? element.name : schemaQualifiedName(namespace, localName);
}

function namespaceOfPrefix(element: XmlElement, prefix: string): string | undefined {
  const declaration = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  for (let at: XmlElement | undefined = element; at; at = at.parent) {
    const attribute = at.attributes.find((candidate) => candidate.name === declaration);
    if (attribute) return attribute.value ?? '';
  }
  return prefix === '' ? '' : undefined;
}
