import { parseCpuset } from '../../../kb/cpuset';
import { libvirt, libvirtCode } from '../../../kb/sources';
import { attribute, childElements, elementText, firstChild } from '../../../xml/query';
import type { XmlElement } from '../../../xml/types';
import { parseUnsigned } from '../../../core/numbers';
import type { DomainRule, DomainRuleContext } from '../context';
import { cleanIds, idList } from '../guest';
import { spanOf, value } from './devices';

/** The iothread ids the guest has: `<iothreadids>`, or 1..N from `<iothreads>N`; undefined when unknown. */
function iothreadIds(context: DomainRuleContext): Set<number> | undefined {
  const root = context.model.root;
  const ids = firstChild(root, 'iothreadids');
  if (ids) {
    const list = childElements(ids, 'iothread').map((thread) => parseUnsigned(value(context.xml, thread, 'id')));
    return list.some((id) => id === undefined) ? undefined : new Set(list as number[]);
  }
  const count = firstChild(root, 'iothreads');
  const n = count ? parseUnsigned(elementText(count)?.value) : 0;
  if (n === undefined) return undefined;
  return new Set(Array.from({ length: n }, (_, i) => i + 1));
}

function idsOf(context: DomainRuleContext, element: XmlElement, name: string): number[] | undefined {
  const found = attribute(element, name);
  if (!found || found.value === undefined) return undefined;
  return cleanIds(context.xml, { attribute: found, parse: parseCpuset(found.value) });
}

/**
 * VT184: `<vcpusched>` and `<iothreadsched>` that libvirt cannot apply: two elements giving a
 * scheduler to the same vCPU or I/O thread, or a scheduler for an I/O thread the guest does not have.
 */
export const schedulerConflict: DomainRule = {
  meta: {
    code: 'VT184',
    name: 'scheduler-conflict',
    title: 'Each vCPU and I/O thread gets at most one scheduler, and only threads that exist',
    severity: 'error',
    sources: [libvirtCode('src/conf/domain_conf.c', 'virDomainThreadSchedParseHelper'), libvirt('cpu-tuning', 'CPU Tuning')],
    fixable: false,
    libvirt: { stage: 'define', says: "Cannot find 'iothread'" },
  },
  paths: ['domain/cputune/vcpusched', 'domain/cputune/iothreadsched'],
  check(context, report) {
    const cputune = context.model.cputune?.element;
    if (!cputune) return;
    const iothreads = iothreadIds(context);
    for (const [name, attributeName, noun] of [
      ['vcpusched', 'vcpus', 'vCPU'],
      ['iothreadsched', 'iothreads', 'I/O thread'],
    ] as const) {
      const taken = new Set<number>();
      for (const element of childElements(cputune, name)) {
        const ids = idsOf(context, element, attributeName);
        if (!ids) continue;
        const again = ids.filter((id) => taken.has(id));
        if (name === 'iothreadsched' && iothreads) {
          const missing = ids.filter((id) => !iothreads.has(id));
          if (missing.length > 0) {
            report({
              span: spanOf(context.xml, element, attributeName),
              message:
                `The guest has no ${idList(missing, noun)} (it has ${iothreads.size === 0 ? 'none' : idList(iothreads, noun)}; ` +
                'ids count from 1): libvirt refuses a scheduler for it.',
            });
            continue;
          }
        }
        if (again.length > 0) {
          report({
            span: spanOf(context.xml, element, attributeName),
            message: `${idList(again, noun)} already ${again.length === 1 ? 'has' : 'have'} a scheduler from an earlier <${name}>: libvirt refuses overlapping ones.`,
          });
        }
        for (const id of ids) taken.add(id);
      }
    }
  },
};
