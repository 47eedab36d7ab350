import { parseCpuset } from '../../../kb/cpuset';
import { libvirt, libvirtCode } from '../../../kb/sources';
import { attribute, childElements } from '../../../xml/query';
import type { XmlElement } from '../../../xml/types';
import type { DomainReport, DomainRule, DomainRuleContext } from '../context';
import { cleanIds, idList, lineOf, maxVcpus } from '../guest';
import { spanOf, value } from './devices';

/** A `<cachetune>` or `<memorytune>` with the vCPUs it groups (those beyond the vCPU count dropped, as libvirt does). */
interface Group {
  element: XmlElement;
  vcpus: ReadonlySet<number>;
}

function vcpusOf(context: DomainRuleContext, element: XmlElement, max: number): Set<number> | undefined {
  const found = attribute(element, 'vcpus');
  if (!found || found.value === undefined) return undefined;
  const ids = cleanIds(context.xml, { attribute: found, parse: parseCpuset(found.value) });
  return ids && new Set(ids.filter((id) => id < max));
}

const same = (a: ReadonlySet<number>, b: ReadonlySet<number>): boolean => a.size === b.size && [...a].every((id) => b.has(id));
const overlap = (a: ReadonlySet<number>, b: ReadonlySet<number>): boolean => [...a].some((id) => b.has(id));

/**
 * VT180: cache and memory-bandwidth allocation (resctrl) groups libvirt cannot build. Each
 * `<cachetune>`/`<memorytune>` makes one group of vCPUs; groups may share the same vCPUs (a memorytune
 * joining a cachetune's group) but must not partly overlap; two cachetunes cannot name the same vCPUs;
 * a group allocates each cache (id, level, type) and each memory node once, with type 'both' taking
 * code and data too; a `<monitor>` watches vCPUs of its own group only.
 */
export const resctrlConflict: DomainRule = {
  meta: {
    code: 'VT180',
    name: 'resctrl-conflict',
    title: 'Cache and memory bandwidth tuning groups must not collide',
    severity: 'error',
    sources: [
      libvirtCode('src/conf/domain_conf.c', 'virDomainResctrlVcpuMatch'),
      libvirtCode('src/conf/domain_conf.c', 'virDomainResctrlValidateMonitor'),
      libvirtCode('src/util/virresctrl.c', 'virResctrlAllocSetCacheSize'),
      libvirt('cpu-tuning', 'CPU Tuning'),
    ],
    fixable: false,
    // No libvirt claim for npm run test:libvirt: libvirt refuses any <cachetune> in a type='qemu' guest
    // ("only supported for KVM domains"), so without /dev/kvm the fixed form cannot be defined.
  },
  paths: ['domain/cputune/cachetune', 'domain/cputune/memorytune'],
  check(context, report) {
    const cputune = context.model.cputune?.element;
    const max = maxVcpus(context.model);
    if (!cputune || max === undefined) return;
    const { xml } = context;
    const groups: Group[] = [];
    const cachetunes: Group[] = [];
    for (const element of childElements(cputune)) {
      if (element.name !== 'cachetune' && element.name !== 'memorytune') continue;
      const vcpus = vcpusOf(context, element, max);
      if (!vcpus || vcpus.size === 0) continue;
      const group: Group = { element, vcpus };
      const equal = groups.find((other) => same(other.vcpus, vcpus));
      const partly = groups.find((other) => !same(other.vcpus, vcpus) && overlap(other.vcpus, vcpus));
      if (partly) {
        report({
          span: spanOf(xml, element, 'vcpus'),
          message:
            `These vCPUs overlap those of the <${partly.element.name}> on line ${lineOf(context, partly.element.span.start)} ` +
            `(${idList(partly.vcpus, 'vCPU')}) without being the same set: a vCPU belongs to one allocation group, so ` +
            'libvirt refuses it. Use exactly the same vcpus, or separate ones.',
        });
      } else if (element.name === 'cachetune' && equal && cachetunes.includes(equal)) {
        report({
          span: spanOf(xml, element, 'vcpus'),
          message: `The <cachetune> on line ${lineOf(context, equal.element.span.start)} already has these vCPUs: libvirt refuses a second one. Put all their <cache> elements in one <cachetune>.`,
        });
      }
      if (!equal) groups.push(group);
      if (element.name === 'cachetune') cachetunes.push(group);
      checkInside(context, element, vcpus, report);
    }
  },
};

/** The collisions inside one group: its caches, memory nodes and monitors. */
function checkInside(context: DomainRuleContext, element: XmlElement, vcpus: ReadonlySet<number>, report: DomainReport): void {
  const { xml } = context;
  const caches = new Map<string, string>();
  const nodes = new Set<string>();
  for (const child of childElements(element)) {
    if (child.name === 'cache') {
      const id = value(xml, child, 'id');
      const level = value(xml, child, 'level');
      const type = value(xml, child, 'type');
      if (id === undefined || level === undefined || type === undefined) continue;
      const key = `${id} ${level}`;
      const earlier = caches.get(key);
      const types = earlier === undefined ? [] : earlier.split(' ');
      if (types.includes(type) || (types.length > 0 && (type === 'both' || types.includes('both')))) {
        report({
          span: spanOf(xml, child, 'type'),
          message:
            `This group already allocates level ${level} cache ${id} ` +
            (types.includes(type) ? `for type '${type}'` : `(type 'both' covers code and data)`) +
            ': libvirt refuses a second allocation of it.',
        });
        continue;
      }
      caches.set(key, [...types, type].join(' '));
    } else if (child.name === 'node') {
      const id = value(xml, child, 'id');
      if (id === undefined) continue;
      if (nodes.has(id)) {
        report({ span: spanOf(xml, child, 'id'), message: `Memory bandwidth for node ${id} is already set in this group: libvirt refuses a second <node id='${id}'>.` });
      }
      nodes.add(id);
    } else if (child.name === 'monitor') {
      const max = maxVcpus(context.model) ?? 0;
      const watched = vcpusOf(context, child, max);
      const outside = watched && [...watched].filter((id) => !vcpus.has(id));
      if (!outside || outside.length === 0) continue;
      report({
        span: spanOf(xml, child, 'vcpus'),
        message: `A <monitor> watches vCPUs of its own group, ${idList(vcpus, 'vCPU')}: libvirt refuses ${idList(outside, 'vCPU')}.`,
      });
    }
  }
}
