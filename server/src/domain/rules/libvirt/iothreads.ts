import { parseUnsigned } from '../../../core/numbers';
import { childElements, elementText, firstChild } from '../../../xml/query';
import type { DomainRuleContext } from '../context';
import { value } from './devices';

/**
 * The I/O thread ids the guest has once libvirt has read it, or undefined when a count or an id does not
 * read. `<iothreadids>` lists ids; `<iothreads>N` asks for N threads in all, and libvirt gives the ones
 * the list leaves out the lowest free ids from 1 to N (virDomainIOThreadIDDefArrayInit); a longer list
 * raises the count instead.
 */
export function iothreadIds(context: DomainRuleContext): Set<number> | undefined {
  const root = context.model.root;
  const countElement = firstChild(root, 'iothreads');
  const count = countElement ? parseUnsigned(elementText(countElement)?.value) : 0;
  if (count === undefined) return undefined;
  const listed = firstChild(root, 'iothreadids');
  const ids = new Set<number>();
  for (const thread of listed ? childElements(listed, 'iothread') : []) {
    const id = parseUnsigned(value(context.xml, thread, 'id'));
    if (id === undefined) return undefined;
    ids.add(id);
  }
  for (let id = 1; id <= count && ids.size < count; id++) ids.add(id);
  return ids;
}
