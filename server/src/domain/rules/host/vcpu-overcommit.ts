import { formatCpuset } from '../../../kb/cpuset';
import { guide, libvirt } from '../../../kb/sources';
import { onlineCpus } from '../../../host/queries';
import type { DomainRule } from '../context';

/**
 * VT156: one guest with more vCPUs than the host has online CPUs. That is CPU overcommit (guide
 * 3.2.1): virt-manager warns about it, and the vCPUs take turns on the CPUs, which hurts under load.
 * It runs, so a warning. The active count (`current`) is compared when it is given.
 */
export const vcpuOvercommit: DomainRule = {
  meta: {
    code: 'VT156',
    name: 'vcpu-overcommit',
    title: 'A guest should not have more vCPUs than the host has CPUs',
    severity: 'warning',
    sources: [guide('3.2.1', 'Option: Available CPUs'), libvirt('cpu-allocation', 'CPU Allocation')],
    fixable: false,
  },
  needs: ['host'],
  check(context, report) {
    const host = context.host;
    const vcpu = context.model.vcpu;
    if (!host || !vcpu?.countSpan || vcpu.count === undefined) return;
    const online = onlineCpus(host).map((cpu) => cpu.id);
    if (online.length === 0) return;
    const active = vcpu.current !== undefined && vcpu.current <= vcpu.count ? vcpu.current : vcpu.count;
    if (active <= online.length) return;
    report({
      span: vcpu.countSpan,
      message:
        `${active} ${vcpu.current !== undefined ? 'active ' : ''}vCPUs, but the host has ${online.length} online ` +
        `CPU${online.length === 1 ? '' : 's'} (${formatCpuset(online)}): more vCPUs than host CPUs is overcommitting ` +
        '(guide 3.2.1). The vCPUs take turns on the CPUs, which costs performance under load.',
    });
  },
};
