import { libvirt, libvirtCode } from '../../../kb/sources';
import { parseUnsigned } from '../../../core/numbers';
import { firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';
import { runsOnQemu } from '../guest';
import { devicesNamed, spanOf, value } from './devices';

/** Memory device models that are hot-pluggable memory and need `<maxMemory>`. */
const HOTPLUG_MODELS: ReadonlySet<string> = new Set(['dimm', 'nvdimm', 'virtio-pmem', 'virtio-mem']);
/** The models that take one of `<maxMemory slots>` (the virtio ones are PCI devices and take none). */
const SLOT_MODELS: ReadonlySet<string> = new Set(['dimm', 'nvdimm']);

/**
 * VT174: memory hotplug needs three things together: `<maxMemory>` (the ceiling and the slots),
 * guest NUMA cells (QEMU would otherwise make one silently; libvirt wants it said, except on ppc64),
 * and no more DIMMs than slots. libvirt's QEMU driver refuses the domain when one is missing.
 */
export const memoryHotplugIncomplete: DomainRule = {
  meta: {
    code: 'VT174',
    name: 'memory-hotplug-incomplete',
    title: 'Memory devices need <maxMemory> with enough slots, and guest NUMA cells',
    severity: 'error',
    sources: [
      libvirtCode('src/qemu/qemu_domain.c', 'qemuDomainDefValidateMemoryHotplug'),
      libvirt('memory-allocation', 'Memory Allocation'),
      libvirt('memory-devices', 'Memory devices'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: 'At least one numa node' },
  },
  paths: ['domain/maxMemory', 'domain/devices/memory'],
  check(context, report) {
    const { model, xml } = context;
    if (!runsOnQemu(model)) return;
    const devices = devicesNamed(model, 'memory').filter((device) => HOTPLUG_MODELS.has(value(xml, device, 'model') ?? ''));
    const maxMemory = firstChild(model.root, 'maxMemory');
    if (!maxMemory) {
      for (const device of devices) {
        report({
          span: device.nameSpan,
          message:
            'A memory device is hot-pluggable memory, which needs <maxMemory slots=...> (the most memory the guest ' +
            'can reach and the slots to plug into): libvirt refuses a memory device without it.',
        });
      }
      return;
    }
    if ((model.cpu?.cells.length ?? 0) === 0 && !model.os?.arch?.startsWith('ppc64')) {
      report({
        span: maxMemory.nameSpan,
        message:
          '<maxMemory> turns on memory hotplug, which needs at least one guest NUMA cell (<cpu><numa><cell>): ' +
          'QEMU would add one silently, so libvirt refuses the domain until the cells are written.',
      });
    }
    const slots = parseUnsigned(value(xml, maxMemory, 'slots'));
    const slotted = devices.filter((device) => SLOT_MODELS.has(value(xml, device, 'model') ?? '')).length;
    if (slots !== undefined && slotted > slots) {
      report({
        span: spanOf(xml, maxMemory, 'slots'),
        message: `${slotted} DIMM and NVDIMM devices need ${slotted} slots, but <maxMemory> offers ${slots}: libvirt refuses the domain.`,
      });
    }
  },
};
