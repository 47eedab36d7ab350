import { guide, libvirt } from '../../../kb/sources';
import { attribute } from '../../../xml/query';
import type { DomainRule } from '../context';
import { isVirtioScsiController, matchesVcpus, vcpuCounts } from './devices';
import { replaceValue } from '../edits';
import { unsignedValue } from './values';

/**
 * VT146: a virtio-scsi controller's `<driver queues='N'>` differs from the vCPU count. The guide
 * (7.4.2.1) sets N to the number of vCPU queues, one per vCPU, so each vCPU has its own queue and
 * interrupt; libvirt's controller documentation recommends the same for best performance. A count
 * matching the vCPUs the guest boots with (`current`) is accepted too.
 */
export const scsiQueuesNotVcpus: DomainRule = {
  meta: {
    code: 'VT146',
    name: 'scsi-queues-not-vcpus',
    title: 'Multi-queue virtio-scsi works best with one queue per vCPU',
    severity: 'hint',
    sources: [
      guide('7.4.2', 'Multi-Queue virtio-scsi'),
      guide('7.4.2.1', 'Configuring Multi-Queue virtio-scsi'),
      libvirt('controllers', 'Controllers'),
    ],
    fixable: true,
  },
  paths: ['domain/devices/controller/driver'],
  check(context, report) {
    const vcpus = vcpuCounts(context.model);
    if (!vcpus) return;
    for (const controller of context.model.controllers) {
      if (!controller.driver || !isVirtioScsiController(controller)) continue;
      const queuesAttribute = attribute(controller.driver, 'queues');
      const queues = unsignedValue(context.xml, queuesAttribute);
      if (!queuesAttribute?.valueSpan || queues === undefined || queues < 1 || matchesVcpus(queues, vcpus)) continue;
      const edit = replaceValue(queuesAttribute, String(vcpus.maximum));
      report({
        span: queuesAttribute.valueSpan,
        message:
          `This virtio-scsi controller has ${queues} queue${queues === 1 ? '' : 's'} for ${vcpus.maximum} vCPUs: ` +
          `with one queue per vCPU each vCPU gets its own queue and interrupt (Guide 7.4.2.1).`,
        fixes: edit ? [{ title: `Set queues to ${vcpus.maximum} (the vCPU count)`, edits: [edit] }] : [],
      });
    }
  },
};
