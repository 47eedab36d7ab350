import { libvirt, libvirtCode } from '../../../kb/sources';
import { firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';
import { runsOnQemu } from '../guest';
import { addressOf, devicesNamed, spanOf, value } from './devices';

type MachineKind = 'i440fx' | 'q35' | 'arm-virt';

/** The machine family as libvirt's QEMU driver tells it (qemuDomainMachineIsQ35 and friends); undefined when unknown or not written. */
function machineKind(arch: string | undefined, machine: string | undefined): MachineKind | undefined {
  if (machine === undefined) return undefined;
  const x86 = arch === undefined || arch === 'x86_64' || arch === 'i686';
  if (x86 && (machine === 'q35' || machine.startsWith('pc-q35-'))) return 'q35';
  if (x86 && (machine === 'pc' || /^pc-(0\.|1\.|i440fx-)/.test(machine) || machine.startsWith('rhel'))) return 'i440fx';
  if ((arch === 'aarch64' || arch === 'armv7l') && (machine === 'virt' || machine.startsWith('virt-'))) return 'arm-virt';
  return undefined;
}

const ROOT_FOR: Readonly<Record<'i440fx' | 'q35', string>> = { i440fx: 'pci-root', q35: 'pcie-root' };

/**
 * VT188: devices that do not exist on the guest's machine type: the wrong PCI root (i440fx has a
 * conventional PCI root, Q35 a PCI Express one), PCI expander buses of the other family, an SMM TSEG size
 * outside Q35, and IOMMUs
 * (Intel's needs Q35; virtio's needs Q35 or ARM virt, ACPI, and a PCI address).
 */
export const machineMismatch: DomainRule = {
  meta: {
    code: 'VT188',
    name: 'machine-mismatch',
    title: "Devices must exist on the guest's machine type (PCI root, expander buses, IOMMU)",
    severity: 'error',
    sources: [
      libvirtCode('src/qemu/qemu_domain.c', 'qemuDomainDefAddDefaultDevices'),
      libvirtCode('src/qemu/qemu_domain.c', 'qemuDomainDefTsegPostParse'),
      libvirtCode('src/qemu/qemu_validate.c', 'qemuValidateDomainDeviceDefControllerPCI'),
      libvirtCode('src/qemu/qemu_validate.c', 'qemuValidateDomainDeviceDefIOMMU'),
      libvirt('controllers', 'Controllers'),
      libvirt('iommu-devices', 'IOMMU devices'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: "'intel' is only supported with Q35" },
  },
  check(context, report) {
    const { xml, model } = context;
    if (!runsOnQemu(model)) return;
    const machine = model.os?.machine;
    const kind = machineKind(model.os?.arch, machine);
    if (kind === undefined) return;
    const machineSpan = (): string => `machine '${machine}'`;
    const pcFamily = kind === 'arm-virt' ? undefined : kind;
    for (const controller of devicesNamed(model, 'controller')) {
      if (value(xml, controller, 'type') !== 'pci' || pcFamily === undefined) continue;
      const controllerModel = value(xml, controller, 'model');
      const index = value(xml, controller, 'index')?.trim();
      const root: string = ROOT_FOR[pcFamily];
      if (index === '0' && (controllerModel === 'pci-root' || controllerModel === 'pcie-root') && controllerModel !== root) {
        report({
          span: spanOf(xml, controller, 'model'),
          message: `The root bus of ${machineSpan()} (${kind === 'q35' ? 'Q35, PCI Express' : 'i440fx, conventional PCI'}) is a ${root}: libvirt refuses model='${controllerModel}' for index 0.`,
        });
      }
      const wanted: MachineKind | undefined = controllerModel === 'pci-expander-bus' ? 'i440fx' : controllerModel === 'pcie-expander-bus' ? 'q35' : undefined;
      if (wanted !== undefined && wanted !== pcFamily) {
        report({
          span: spanOf(xml, controller, 'model'),
          message: `A ${controllerModel} extends ${wanted === 'q35' ? "Q35's PCI Express root" : "i440fx's PCI root"}: libvirt refuses it on ${machineSpan()}. Use ${wanted === 'q35' ? 'pci-expander-bus' : 'pcie-expander-bus'} here.`,
        });
      }
    }
    const features = firstChild(model.root, 'features');
    const smm = features && firstChild(features, 'smm');
    const tseg = smm && firstChild(smm, 'tseg');
    if (tseg && value(xml, smm!, 'state') === 'on' && kind !== 'q35') {
      report({ span: tseg.nameSpan, message: `TSEG is the SMM memory of the Q35 chipset: libvirt refuses a <tseg> size on ${machineSpan()}.` });
    }
    for (const iommu of devicesNamed(model, 'iommu')) {
      const iommuModel = value(xml, iommu, 'model');
      if (iommuModel === 'intel' && kind !== 'q35') {
        report({ span: spanOf(xml, iommu, 'model'), message: `The Intel IOMMU is part of the Q35 chipset: libvirt refuses it on ${machineSpan()}.` });
      }
      if (iommuModel !== 'virtio') continue;
      if (kind === 'i440fx') {
        report({ span: spanOf(xml, iommu, 'model'), message: `The virtio IOMMU works on Q35 and ARM virt machines only: libvirt refuses it on ${machineSpan()}.` });
        continue;
      }
      if (!features || !firstChild(features, 'acpi')) {
        report({ span: spanOf(xml, iommu, 'model'), message: 'The guest finds the virtio IOMMU through ACPI: libvirt refuses it without <features><acpi/>.' });
      }
      const addressType = value(xml, addressOf(iommu), 'type');
      if (addressType !== undefined && addressType !== 'pci') {
        report({ span: spanOf(xml, addressOf(iommu)!, 'type'), message: `The virtio IOMMU is a PCI device: libvirt refuses an address of type '${addressType}'.` });
      }
    }
  },
};
