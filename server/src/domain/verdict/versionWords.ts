import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../core/types';
import { elementSpec } from '../../kb/structure';
import { valueProblem } from '../../kb/values';
import { compareVersions } from '../../schema/hostVersion';
import type { SchemaSource } from '../../schema/types';
import { elementPath } from '../../xml/query';
import type { XmlElement, XmlNode } from '../../xml/types';
import data from '../../kb/schema/domain-structure.json';

/** The libvirt whose schema virt-tune's built-in structure is generated from. */
export const BUILTIN_LIBVIRT_VERSION: string = data.libvirtVersion;

/**
 * When the host's libvirt schema judges (`auto`) and that libvirt is older than the one the built-in
 * structure comes from, a schema finding on an element or attribute the built-in structure knows there
 * says so: the host's libvirt does not know it yet, a later one does (the example's `clusters=` on a
 * libvirt 9.0 host). Where the built-in structure lists an attribute's values, it is the value that is
 * named, and only when the list has it (`model='itco'`, added after 9.0); a value the host refuses for
 * its form (an address, a name) is not a matter of version.
 */
export function withVersionWords(findings: Finding[], root: XmlElement | undefined, snapshot: TextDocument, source: SchemaSource): Finding[] {
  const host = source.libvirtVersion;
  if (!host || !root || compareVersions(host, BUILTIN_LIBVIRT_VERSION) >= 0) return findings;
  return findings.map((finding) => {
    const offset = snapshot.offsetAt(finding.range.start);
    const known = knownAt(root, offset);
    if (!known) return finding;
    const words = `This host runs libvirt ${host}; ${known} comes with a later libvirt (virt-tune's built-in structure, from libvirt ${BUILTIN_LIBVIRT_VERSION}, knows it).`;
    const label = ` (${source.label})`;
    const message = finding.message.endsWith(label) ? `${finding.message.slice(0, -label.length)} ${words}${label}` : `${finding.message} ${words}`;
    return { ...finding, message };
  });
}

/**
 * `<clusters>` or `clusters=` when the finding starts on a name the built-in structure knows at that place;
 * `model='itco'` when the attribute's values are listed and the list has this one.
 */
function knownAt(root: XmlElement, offset: number): string | undefined {
  const element = deepestAt(root, offset);
  if (!element) return undefined;
  const spec = elementSpec(elementPath(element));
  if (!spec) return undefined;
  const attribute = element.attributes.find((candidate) => candidate.nameSpan.start <= offset && offset <= (candidate.valueSpan?.end ?? candidate.nameSpan.end));
  if (attribute) {
    const known = spec.attributes.find((candidate) => candidate.name === attribute.name);
    if (!known) return undefined;
    const value = attribute.value;
    if (known.type.kind === 'enum') {
      return value !== undefined && valueProblem(known.type, value) === undefined ? `${attribute.name}='${value}'` : undefined;
    }
    return offset <= attribute.nameSpan.end ? `${attribute.name}=` : undefined;
  }
  return element.nameSpan.start <= offset && offset <= element.nameSpan.end ? `<${element.name}>` : undefined;
}

function deepestAt(element: XmlElement, offset: number): XmlElement | undefined {
  if (offset < element.span.start || offset > element.span.end) return undefined;
  for (const child of element.children as XmlNode[]) {
    if (child.kind !== 'element') continue;
    const found = deepestAt(child, offset);
    if (found) return found;
  }
  return element;
}
