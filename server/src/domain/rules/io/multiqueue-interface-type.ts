import { guide, libvirt } from '../../../kb/sources';
import { attribute } from '../../../xml/query';
import type { DomainRule } from '../context';
import { removeAttribute } from '../edits';
import { TAP_QUEUES_MAX, hasSingleQueueBackend, isVirtioNetModel } from './devices';
import { unsignedValue } from './values';

/**
 * VT145: `<driver queues='N'>` (N > 1) on a virtio interface whose type has a single-queue backend (user
 * networking, the socket types, null). Multi-queue virtio-net (guide 5.4.2) spreads packet work over queues
 * that a tap or vhost-user backend serves; libvirt refuses the guest at start for these types. A user-mode
 * interface with another backend (passt, from libvirt 9.2) is not judged: not checked against a libvirt
 * that has it.
 */
export const multiqueueInterfaceType: DomainRule = {
  meta: {
    code: 'VT145',
    name: 'multiqueue-interface-type',
    title: 'Interface queues need a tap or vhost-user backend',
    severity: 'error',
    sources: [
      guide('5.4.2', 'Multi-Queue virtio-net'),
      libvirt('setting-nic-driver-specific-options', 'Setting NIC driver-specific options'),
    ],
    fixable: true,
    libvirt: { stage: 'start', says: 'multiqueue is not supported for network interfaces of type' },
  },
  paths: ['domain/devices/interface/driver'],
  check(context, report) {
    for (const iface of context.model.interfaces) {
      if (!iface.driver || !hasSingleQueueBackend(iface) || !isVirtioNetModel(iface.modelType)) continue;
      const queuesAttribute = attribute(iface.driver, 'queues');
      const queues = unsignedValue(context.xml, queuesAttribute);
      if (!queuesAttribute || queues === undefined || queues <= 1 || queues > TAP_QUEUES_MAX) continue;
      report({
        span: queuesAttribute.span,
        message:
          `queues='${queues}' asks for multi-queue virtio-net, but an interface of type '${iface.type}' has a single-queue ` +
          `backend: libvirt refuses to start the guest ("multiqueue is not supported for network interfaces of type ` +
          `${iface.type}"). Multi-queue needs a tap (type 'network', 'bridge', 'direct' or 'ethernet') or vhost-user backend (guide 5.4.2).`,
        // Not preferred: dropping the queues changes what the user asked for, so `fix` leaves the choice to them.
        fixes: [{ title: 'Remove queues (one queue)', edits: [removeAttribute(context.text, queuesAttribute)] }],
      });
    }
  },
};
