import type { FixSpec } from '../../../core/types';
import { guide, libvirt } from '../../../kb/sources';
import { attribute, firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';
import { TAP_QUEUES_MAX, isVirtioNetModel } from './devices';
import { removeAttribute, replaceValue } from '../edits';
import { unsignedValue } from './values';

/**
 * VT144: `<driver queues='N'>` (N > 1) on an interface whose model is not virtio. Multi-queue is a
 * virtio-net feature; libvirt documents that it needs `<model type='virtio'/>`, and for another model
 * it keeps none of the virtio `<driver>` settings (they are gone from the definition it saves), so
 * the guest runs with one queue. Almost surely a mistake, hence a warning.
 */
export const multiqueueNeedsVirtio: DomainRule = {
  meta: {
    code: 'VT144',
    name: 'multiqueue-needs-virtio',
    title: "Interface queues need <model type='virtio'/>",
    severity: 'warning',
    sources: [
      guide('5.4.2.1', 'Configuring Multi-Queue virtio-net'),
      libvirt('setting-nic-driver-specific-options', 'Setting NIC driver-specific options'),
    ],
    fixable: true,
  },
  paths: ['domain/devices/interface/driver'],
  check(context, report) {
    for (const iface of context.model.interfaces) {
      if (!iface.driver || isVirtioNetModel(iface.modelType)) continue;
      const queuesAttribute = attribute(iface.driver, 'queues');
      const queues = unsignedValue(context.xml, queuesAttribute);
      if (!queuesAttribute || queues === undefined || queues <= 1 || queues > TAP_QUEUES_MAX) continue;
      const model = firstChild(iface.element, 'model');
      const modelTypeAttribute = model && attribute(model, 'type');
      const which =
        iface.modelType === undefined
          ? 'this interface has no <model type=...>, so it is not virtio'
          : `this interface's model is '${iface.modelType}'`;
      const fixes: FixSpec[] = [];
      const toVirtio = modelTypeAttribute && iface.type !== 'hostdev' ? replaceValue(modelTypeAttribute, 'virtio') : undefined;
      if (toVirtio) {
        fixes.push({ title: "Use <model type='virtio'/> (the guest needs the virtio-net driver)", edits: [toVirtio] });
      }
      fixes.push({ title: 'Remove queues', edits: [removeAttribute(context.text, queuesAttribute)] });
      report({
        span: queuesAttribute.span,
        message:
          `queues='${queues}' does nothing here: multi-queue is a virtio-net feature and ${which}. ` +
          `libvirt drops the virtio <driver> settings of other models, so the guest gets a single queue.`,
        fixes,
      });
    }
  },
};
