import { libvirt, libvirtCode } from '../../../kb/sources';
import { firstChild } from '../../../xml/query';
import type { XmlElement } from '../../../xml/types';
import type { DomainRule, DomainRuleContext } from '../context';
import { runsOnQemu } from '../guest';
import { deviceIndex, value } from './devices';

/** What makes a device a vhost-user one, which another process serves from the guest's memory. */
function vhostUserKind(context: DomainRuleContext, device: XmlElement): string | undefined {
  const { xml } = context;
  if (device.name === 'interface' && value(xml, device, 'type') === 'vhostuser') return 'A vhost-user interface';
  if (device.name === 'disk' && value(xml, device, 'type') === 'vhostuser') return 'A vhost-user disk';
  if (device.name === 'filesystem' && value(xml, firstChild(device, 'driver'), 'type') === 'virtiofs') return 'virtiofs';
  return undefined;
}

/**
 * VT193: vhost-user devices (virtiofs, vhost-user NICs and disks) are served by another process that
 * reads and writes the guest's RAM, so that RAM must be shared: `<memoryBacking><access mode='shared'/>`,
 * or `memAccess='shared'` on every guest NUMA cell. libvirt's QEMU driver refuses the domain otherwise.
 */
export const sharedMemoryRequired: DomainRule = {
  meta: {
    code: 'VT193',
    name: 'shared-memory-required',
    title: 'virtiofs and vhost-user devices need shared guest memory',
    severity: 'error',
    sources: [
      libvirtCode('src/qemu/qemu_validate.c', 'qemuValidateDomainDefVhostUserRequireSharedMemory'),
      libvirt('memory-backing', 'Memory Backing'),
      libvirt('filesystems', 'Filesystems'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: "'virtiofs' requires shared memory" },
  },
  paths: ['domain/devices/interface', 'domain/devices/disk', 'domain/devices/filesystem/driver'],
  check(context, report) {
    const { xml, model } = context;
    if (!runsOnQemu(model)) return;
    const devices = deviceIndex(model).all.filter((device) => vhostUserKind(context, device) !== undefined);
    if (devices.length === 0) return;
    const backing = model.memoryBacking?.element;
    const sharedByDefault = value(xml, backing && firstChild(backing, 'access'), 'mode') === 'shared';
    const cells = model.cpu?.cells ?? [];
    const shared =
      cells.length === 0
        ? sharedByDefault
        : cells.every((cell) => {
            const access = value(xml, cell.element, 'memAccess');
            return access === 'shared' || (access === undefined && sharedByDefault);
          });
    if (shared) return;
    for (const device of devices) {
      report({
        span: device.nameSpan,
        message:
          `${vhostUserKind(context, device)} is served by a separate process that works in the guest's RAM, which must ` +
          "therefore be shared: libvirt refuses it without <memoryBacking><access mode='shared'/></memoryBacking>" +
          (cells.length > 0 ? " (or memAccess='shared' on every NUMA cell)." : '.'),
      });
    }
  },
};
