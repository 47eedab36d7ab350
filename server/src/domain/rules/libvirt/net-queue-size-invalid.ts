import { libvirt, libvirtCode } from '../../../kb/sources';
import { parseUnsigned } from '../../../core/numbers';
import type { DomainRule } from '../context';
import { runsOnQemu } from '../guest';
import { isVirtioNetModel } from '../io/devices';
import { spanOf, value } from './devices';

/**
 * VT190: a virtio NIC's `rx_queue_size` or `tx_queue_size` that is not a power of two: virtio rings
 * come in power-of-two sizes, and libvirt's QEMU driver refuses any other.
 */
export const netQueueSizeInvalid: DomainRule = {
  meta: {
    code: 'VT190',
    name: 'net-queue-size-invalid',
    title: 'virtio NIC rx_queue_size and tx_queue_size must be powers of two',
    severity: 'error',
    sources: [
      libvirtCode('src/qemu/qemu_validate.c', 'qemuValidateDomainDeviceDefNetwork'),
      libvirt('setting-nic-driver-specific-options', 'Setting NIC driver-specific options'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: 'rx_queue_size has to be a power of two' },
  },
  paths: ['domain/devices/interface/driver'],
  check(context, report) {
    if (!runsOnQemu(context.model)) return;
    for (const nic of context.model.interfaces) {
      if (!nic.driver || !isVirtioNetModel(nic.modelType)) continue;
      for (const name of ['rx_queue_size', 'tx_queue_size'] as const) {
        const size = parseUnsigned(value(context.xml, nic.driver, name));
        if (size === undefined || size === 0 || (size & (size - 1)) === 0) continue;
        const lower = 2 ** Math.floor(Math.log2(size));
        report({
          span: spanOf(context.xml, nic.driver, name),
          message: `virtio rings come in power-of-two sizes: libvirt refuses ${name}='${size}'. Use ${lower} or ${lower * 2}.`,
        });
      }
    }
  },
};
