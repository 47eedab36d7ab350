import { guide, libvirt } from '../../../kb/sources';
import { cpusFact, hostCpuIds } from '../../../host/queries';
import type { DomainRule } from '../context';
import { idList } from '../guest';
import { cpuLists } from './placement';

/**
 * VT150: a pin or `<vcpu cpuset>` names host CPUs the host does not have. libvirt writes the list to
 * the guest's cgroup (cpuset.cpus) and sets the threads' affinity from it; the kernel refuses a CPU
 * that does not exist ("Invalid value ... for 'cpuset.cpus'"), so the guest does not start.
 */
export const hostCpuMissing: DomainRule = {
  meta: {
    code: 'VT150',
    name: 'host-cpu-missing',
    title: 'Pinned host CPUs must exist on the host',
    severity: 'error',
    sources: [guide('9.3.2', 'NUMA vCPU Pinning'), libvirt('cpu-tuning', 'CPU Tuning'), libvirt('cpu-allocation', 'CPU Allocation')],
    fixable: false,
    libvirt: { stage: 'start', says: 'cpuset.cpus', hostDependent: true },
  },
  needs: ['host'],
  check(context, report) {
    const host = context.host;
    const ids = host && hostCpuIds(host);
    if (!host || !ids) return;
    // The host's CPU list is the same in every message: written once per check, when a list misses one.
    let fact: string | undefined;
    for (const list of cpuLists(context)) {
      const missing = list.ids.filter((id) => !ids.has(id));
      if (missing.length === 0) continue;
      fact ??= cpusFact(host);
      report({
        span: list.attribute.valueSpan,
        message:
          `${list.label} names host ${idList(missing, 'CPU')}, which the host does not have: ${fact}. ` +
          'The kernel refuses a CPU that does not exist when libvirt sets the pinning, so the guest does not start.',
      });
    }
  },
};
