import { libvirt, libvirtCode } from '../../../kb/sources';
import { toKiB } from '../../../kb/units';
import { elementText, firstChild } from '../../../xml/query';
import { parseUnsigned } from '../../../core/numbers';
import type { DomainRule } from '../context';
import { runsOnQemu } from '../guest';
import { addressOf, devicesNamed, spanOf, value } from './devices';

/**
 * VT189: an ivshmem `<shmem>` QEMU cannot map: a size that is not a power of two or is below 1 MiB,
 * an address other than PCI (ivshmem is a PCI device), or `<msi>` without the `<server>` whose doorbell
 * sends the interrupts. libvirt 11 refuses all of them when the domain is defined; libvirt 9.0 refuses
 * the size and the address only when the guest starts.
 */
export const shmemInvalid: DomainRule = {
  meta: {
    code: 'VT189',
    name: 'shmem-invalid',
    title: 'Shared memory: a power-of-two size of at least 1 MiB, a PCI address, MSI only with a server',
    severity: 'error',
    sources: [
      libvirtCode('src/qemu/qemu_validate.c', 'qemuValidateDomainDeviceDefShmem'),
      libvirtCode('src/qemu/qemu_command.c', 'qemuBuildShmemCommandLine'),
      libvirt('shared-memory-device', 'Shared memory device'),
    ],
    fixable: false,
    libvirt: { stage: 'start', says: 'shmem size must be a power of two', note: 'libvirt 11 refuses the size at define' },
  },
  paths: ['domain/devices/shmem'],
  check(context, report) {
    const { xml, model } = context;
    if (!runsOnQemu(model)) return;
    for (const shmem of devicesNamed(model, 'shmem')) {
      const size = firstChild(shmem, 'size');
      const text = size && elementText(size);
      const number = parseUnsigned(text?.value);
      // libvirt reads the size in bytes unless a unit is given.
      const kib = size && number !== undefined ? toKiB(number, value(xml, size, 'unit') ?? 'b') : undefined;
      if (text && kib !== undefined && kib > 0) {
        const bytes = kib * 1024;
        if (!Number.isInteger(Math.log2(bytes))) {
          report({ span: text.span, message: 'QEMU maps shared memory in a power-of-two size: libvirt refuses this size. Use e.g. 4 MiB or 64 MiB.' });
        } else if (kib < 1024) {
          report({ span: text.span, message: 'Shared memory must be at least 1 MiB: libvirt refuses a smaller size.' });
        }
      }
      const address = addressOf(shmem);
      const addressType = value(xml, address, 'type');
      if (address && addressType !== undefined && addressType !== 'pci') {
        report({ span: spanOf(xml, address, 'type'), message: `An ivshmem device is a PCI device: libvirt refuses an address of type '${addressType}'.` });
      }
      const msi = firstChild(shmem, 'msi');
      if (msi && !firstChild(shmem, 'server')) {
        report({
          span: msi.nameSpan,
          message: "MSI interrupts come from the ivshmem server (the doorbell): libvirt refuses <msi> without a <server>. Add <server path=...> with model 'ivshmem-doorbell', or remove <msi>.",
        });
      }
    }
  },
};
