import { guide, libvirt } from '../../../kb/sources';
import type { DomainRule } from '../context';
import { assignedPciDevices } from './hostdevs';

/**
 * VT158: a PCI device passed through to the guest that the host does not have. libvirt cannot
 * detach or assign a device missing from /sys/bus/pci/devices, so the guest does not start. Judged
 * only when the host's PCI devices could be read (not from capabilities, which do not list them).
 */
export const hostdevMissing: DomainRule = {
  meta: {
    code: 'VT158',
    name: 'hostdev-missing',
    title: 'Assigned PCI devices must exist on the host',
    severity: 'error',
    sources: [guide('9.3.11', 'NUMA Node Locality for PCI Devices'), libvirt('usb-pci-scsi-devices', 'USB / PCI / SCSI devices')],
    fixable: false,
    libvirt: { stage: 'start', hostDependent: true },
  },
  needs: ['host'],
  check(context, report) {
    const host = context.host;
    if (!host || host.pci.length === 0) return;
    const known = new Set(host.pci.map((device) => device.address));
    for (const assigned of assignedPciDevices(context.model)) {
      if (known.has(assigned.address)) continue;
      report({
        span: assigned.element.nameSpan,
        message:
          `The host has no PCI device ${assigned.address} (host has ${host.pci.length} PCI devices under /sys/bus/pci/devices): ` +
          'libvirt cannot assign a device that is not there, and the guest does not start.',
      });
    }
  },
};
