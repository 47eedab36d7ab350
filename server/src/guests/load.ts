import { buildDomainModel } from '../domain/model';
import { elementText, firstChild } from '../xml/query';
import { parseXml } from '../xml/parser';
import type { XmlDocument } from '../xml/types';
import type { Guest } from './types';

/**
 * A guest from a domain's XML text (a workspace file, or `virsh dumpxml --inactive`). Undefined when the
 * text is not a domain or is not well-formed: such a file is the linter's business when it is opened,
 * and no sound basis for findings in other files.
 */
export function guestFromText(text: string, origin: Guest['origin'], state: { running: boolean; autostart: boolean }, fallbackName: string): Guest | undefined {
  const xml = parseXml(text);
  if (xml.root?.name !== 'domain' || xml.problems.length > 0) return undefined;
  const model = buildDomainModel(xml.root);
  const nameElement = firstChild(xml.root, 'name');
  const name = (nameElement && elementText(nameElement)?.value.trim()) || fallbackName;
  return { name, origin, running: state.running, autostart: state.autostart, model };
}

/**
 * The tree of a guest for the helpers that check soundness against XML problems: guests are built from
 * well-formed text only (guestFromText), so there are none.
 */
export function guestXml(guest: Guest): XmlDocument {
  const root = guest.model.root;
  return { text: '', nodes: [root], root, problems: [] };
}

/** `'vt-b' (web02.xml, running)`: a guest as findings and the panel name it. */
export function guestLabel(guest: Guest): string {
  const where = guest.origin.kind === 'file' ? baseName(guest.origin.path) : `libvirt ${guest.origin.uri}`;
  const state = guest.running ? 'running' : guest.autostart ? 'autostart' : 'shut off';
  return `'${guest.name}' (${where}, ${state})`;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
