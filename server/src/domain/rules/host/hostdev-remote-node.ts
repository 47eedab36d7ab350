import { guide, libvirt } from '../../../kb/sources';
import { ioDevices, pciKind } from '../../../host/pciClass';
import type { PciDevice } from '../../../host/types';
import type { DomainRule } from '../context';
import { idList } from '../guest';
import { assignedPciDevices } from './hostdevs';
import { guestHostNodes } from './placement';

/**
 * VT157: a PCI device passed through to the guest sits on a host NUMA node other than the ones the
 * guest's pinned vCPUs and bound memory use. Its DMA and interrupts then cross nodes; the guide
 * (9.3.11, 9.3.2) advises pinning the guest to the node the device is attached to. Runs: a warning.
 */
export const hostdevRemoteNode: DomainRule = {
  meta: {
    code: 'VT157',
    name: 'hostdev-remote-node',
    title: 'Assigned PCI devices should sit on the host node the guest is pinned to',
    severity: 'warning',
    sources: [
      guide('9.3.11', 'NUMA Node Locality for PCI Devices'),
      guide('9.3.2', 'NUMA vCPU Pinning'),
      libvirt('usb-pci-scsi-devices', 'USB / PCI / SCSI devices'),
    ],
    fixable: false,
  },
  needs: ['host'],
  check(context, report) {
    const host = context.host;
    if (!host || host.pci.length === 0) return;
    // Most guests take no PCI device: then the nodes they are tied to are not worked out.
    const assignedDevices = assignedPciDevices(context.model);
    if (assignedDevices.length === 0) return;
    const guestNodes = guestHostNodes(context.xml, context.model, host);
    if (guestNodes.length === 0) return;
    for (const assigned of assignedDevices) {
      const device = host.pci.find((entry) => entry.address === assigned.address);
      if (!device || device.node === null || guestNodes.includes(device.node)) continue;
      const nearby = ioDevices(host.pci).filter((entry) => entry.node !== null && guestNodes.includes(entry.node) && pciKind(entry) === pciKind(device));
      report({
        span: assigned.element.nameSpan,
        message:
          `PCI device ${label(device)} sits on host node ${device.node}, but the guest's vCPUs and memory are on ` +
          `${idList(guestNodes, 'node')}: its DMA and interrupts cross nodes (guide 9.3.11). Pin the guest to node ` +
          `${device.node}${nearby.length > 0 ? `, or use a device on ${idList(guestNodes, 'node')} (${nearby.slice(0, 3).map(label).join(', ')})` : ''}.`,
      });
    }
  },
};

function label(device: PciDevice): string {
  return device.names.length > 0 ? `${device.address} (${device.names.join(', ')})` : device.address;
}
