import { libvirt, libvirtCode } from '../../../kb/sources';
import { firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';
import { runsOnQemu } from '../guest';
import { spanOf, value } from './devices';

/** Whether the guest is x86: its arch says so, or (no arch written) its machine type is a PC one. */
function isX86(arch: string | undefined, machine: string | undefined): boolean {
  if (arch !== undefined) return arch === 'x86_64' || arch === 'i686';
  return machine !== undefined && /^(pc|q35)\b/.test(machine);
}

/**
 * VT177: on x86, UEFI firmware needs ACPI: OVMF hands the guest its hardware description through ACPI
 * tables. libvirt's QEMU driver refuses UEFI (firmware='efi', or a pflash loader) without
 * `<features><acpi/>`.
 */
export const uefiNeedsAcpi: DomainRule = {
  meta: {
    code: 'VT177',
    name: 'uefi-needs-acpi',
    title: 'UEFI on x86 needs <features><acpi/>',
    severity: 'error',
    sources: [libvirtCode('src/qemu/qemu_validate.c', 'qemuValidateDomainDef'), libvirt('hypervisor-features', 'Hypervisor features')],
    fixable: false,
    libvirt: { stage: 'define', says: 'UEFI requires ACPI' },
  },
  check(context, report) {
    const { model, xml } = context;
    const os = model.os?.element;
    if (!os || !runsOnQemu(model) || !isX86(model.os?.arch, model.os?.machine)) return;
    const loader = firstChild(os, 'loader');
    const efi = value(xml, os, 'firmware') === 'efi';
    const pflash = loader !== undefined && value(xml, loader, 'type') === 'pflash';
    if (!efi && !pflash) return;
    const features = firstChild(model.root, 'features');
    const acpi = features && firstChild(features, 'acpi');
    if (acpi && value(xml, acpi, 'state') !== 'off') return;
    report({
      span: efi ? spanOf(xml, os, 'firmware') : spanOf(xml, loader!, 'type'),
      message:
        'UEFI firmware on x86 describes the hardware to the guest through ACPI: libvirt refuses UEFI without ' +
        '<features><acpi/></features>. Add <acpi/> to <features>.',
    });
  },
};
