import { guide, libvirt } from '../../../kb/sources';
import { attribute } from '../../../xml/query';
import type { DomainRule } from '../context';
import { TAP_QUEUES_MAX, hasSingleQueueBackend, isVirtioNetModel, matchesVcpus, vcpuCounts } from './devices';
import { replaceValue } from '../edits';
import { unsignedValue } from './values';

/** Backends whose queue count is set by what is behind them (a vhost-user switch, a vDPA device), not by the guide's rule. */
const OTHER_BACKENDS: ReadonlySet<string> = new Set(['vhostuser', 'vdpa', 'hostdev']);

/**
 * VT143: a virtio interface's `<driver queues='N'>` differs from the vCPU count. The guide (5.4.2)
 * finds multi-queue virtio-net at its best with one queue per vCPU: each vCPU then has a queue of its
 * own for receive interrupts and transmit. Advice only (a hint): the same section notes that more
 * queues cost more CPU and can hurt outgoing traffic. A count that matches the vCPUs the guest boots
 * with (`current`) is as good as one that matches the maximum.
 */
export const netQueuesNotVcpus: DomainRule = {
  meta: {
    code: 'VT143',
    name: 'net-queues-not-vcpus',
    title: 'Multi-queue virtio-net works best with one queue per vCPU',
    severity: 'hint',
    sources: [
      guide('5.4.2', 'Multi-Queue virtio-net'),
      guide('5.4.2.1', 'Configuring Multi-Queue virtio-net'),
      libvirt('setting-nic-driver-specific-options', 'Setting NIC driver-specific options'),
    ],
    fixable: true,
  },
  paths: ['domain/devices/interface/driver'],
  check(context, report) {
    const vcpus = vcpuCounts(context.model);
    if (!vcpus) return;
    const best = Math.min(vcpus.maximum, TAP_QUEUES_MAX);
    for (const iface of context.model.interfaces) {
      if (!iface.driver || !isVirtioNetModel(iface.modelType)) continue;
      if (iface.type !== undefined && OTHER_BACKENDS.has(iface.type)) continue;
      // One queue is all such a backend takes: more is VT145's error, and advising more would break the guest.
      if (hasSingleQueueBackend(iface)) continue;
      const queuesAttribute = attribute(iface.driver, 'queues');
      const queues = unsignedValue(context.xml, queuesAttribute);
      if (!queuesAttribute?.valueSpan || queues === undefined || queues < 1 || queues > TAP_QUEUES_MAX) continue;
      if (queues === best || matchesVcpus(queues, vcpus)) continue;
      const edit = replaceValue(queuesAttribute, String(best));
      report({
        span: queuesAttribute.valueSpan,
        message:
          `This virtio interface has ${queues} queue${queues === 1 ? '' : 's'} for ${vcpus.maximum} vCPUs: multi-queue ` +
          `virtio-net does best with one queue per vCPU, so each vCPU gets a queue of its own (Guide 5.4.2).`,
        fixes: edit ? [{ title: `Set queues to ${best} (the vCPU count)`, edits: [edit] }] : [],
      });
    }
  },
};
