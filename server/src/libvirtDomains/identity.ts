import { parseXml } from '../xml/parser';
import { elementText, firstChild } from '../xml/query';

/** `<name>` and `<uuid>` of a domain's XML (undefined when absent). */
export function domainIdentity(xml: string): { name: string | undefined; uuid: string | undefined } {
  const root = parseXml(xml).root;
  const text = (name: string) => {
    const element = root?.name === 'domain' ? firstChild(root, name) : undefined;
    return (element && elementText(element)?.value.trim()) || undefined;
  };
  return { name: text('name'), uuid: text('uuid') };
}

/**
 * Why a new text may not replace a domain's definition, as `virsh edit` refuses it: the domain it was
 * opened as must keep its name and uuid (a different one would define another domain, or be refused).
 */
export function identityChange(current: string, next: string): string | undefined {
  const before = domainIdentity(current);
  const after = domainIdentity(next);
  if (before.name !== after.name) {
    return `The <name> changed from '${before.name ?? ''}' to '${after.name ?? ''}': saving here would define another domain. virsh edit refuses that too; to rename, use 'virsh domrename', or save a copy as a file and use "Define in libvirt".`;
  }
  if (before.uuid && before.uuid.toLowerCase() !== (after.uuid ?? '').toLowerCase()) {
    return `The <uuid> changed from ${before.uuid} to ${after.uuid ?? '(none)'}: libvirt knows '${before.name}' by its uuid, and virsh edit refuses a changed one too. Put the uuid back.`;
  }
  return undefined;
}

/**
 * Where libvirt's refusal points in the text, when it names an element (`Extra element devices in
 * interleave`, `element 'vcpupin'`, `<cputune>`): that element's first start tag. 0-based line and character.
 */
export function locateRefusal(message: string, xml: string): { line: number; character: number; length: number } | undefined {
  const names = [...message.matchAll(/(?:Extra element|[Ee]lement|<)\s*'?([A-Za-z_][\w.-]*)'?/g)].map((match) => match[1]!).filter((name) => name !== 'domain');
  for (const name of names) {
    const found = new RegExp(`<${name.replace(/[.]/g, '\\.')}[\\s/>]`).exec(xml);
    if (!found) continue;
    const before = xml.slice(0, found.index + 1);
    const line = before.split('\n').length - 1;
    const character = found.index + 1 - (before.lastIndexOf('\n') + 1);
    return { line, character, length: name.length };
  }
  return undefined;
}
