import { guide, libvirt } from '../../../kb/sources';
import type { DomainRule } from '../context';
import { idList } from '../guest';
import { cpuLists } from './placement';

/**
 * VT151: a pin names host CPUs that exist but are offline now. Depending on the cgroup setup the
 * kernel refuses them when the guest starts, or the threads can never run there until the CPUs come
 * back. The host may bring them online later, so a warning rather than an error.
 */
export const hostCpuOffline: DomainRule = {
  meta: {
    code: 'VT151',
    name: 'host-cpu-offline',
    title: 'Pinned host CPUs should be online',
    severity: 'warning',
    sources: [guide('9.3.2', 'NUMA vCPU Pinning'), libvirt('cpu-tuning', 'CPU Tuning')],
    fixable: false,
    libvirt: { stage: 'start', hostDependent: true },
  },
  needs: ['host'],
  check(context, report) {
    const host = context.host;
    if (!host) return;
    const offline = new Set(host.cpus.filter((cpu) => !cpu.online).map((cpu) => cpu.id));
    if (offline.size === 0) return;
    const online = host.cpus.filter((cpu) => cpu.online).map((cpu) => cpu.id);
    for (const list of cpuLists(context)) {
      const down = list.ids.filter((id) => offline.has(id));
      if (down.length === 0) continue;
      const all = down.length === list.ids.length;
      report({
        span: list.attribute.valueSpan,
        message:
          `${list.label} names host ${idList(down, 'CPU')}, offline on this host (host has ${idList(online, 'CPU')} online). ` +
          (all
            ? 'With no online CPU in the list the threads have nowhere to run: the guest fails to start or stalls. '
            : 'The threads cannot run there until the CPUs are brought back online, and some cgroup setups refuse the list. ') +
          'Pin to online CPUs or bring them online (/sys/devices/system/cpu/cpuN/online).',
      });
    }
  },
};
