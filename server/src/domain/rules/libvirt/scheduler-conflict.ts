import { parseCpuset } from '../../../kb/cpuset';
import { libvirt, libvirtCode } from '../../../kb/sources';
import { attribute, childElements } from '../../../xml/query';
import type { XmlElement } from '../../../xml/types';
import type { DomainRule, DomainRuleContext } from '../context';
import { cleanIds, idList } from '../guest';
import { spanOf } from './devices';
import { iothreadIds } from './iothreads';

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
