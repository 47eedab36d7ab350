import { machineNamed, nearestMachine } from '../../../host/libvirtQueries';
import { libvirt } from '../../../kb/sources';
import { attribute, firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';
import { FORMAT_CAPS, hostLibvirtWords, libvirtOf } from './libvirtFacts';

/**
 * VT161: a machine type this host's QEMU marks deprecated (`deprecated='yes'` in `virsh capabilities`).
 * It still runs, but QEMU may drop it in a later release, and then the guest no longer starts after an
 * upgrade: a warning, naming the newest type of the same family.
 */
export const machineTypeDeprecated: DomainRule = {
  meta: {
    code: 'VT161',
    name: 'machine-type-deprecated',
    title: "The machine type should not be one this host's QEMU deprecates",
    severity: 'warning',
    sources: [libvirt('operating-system-booting', 'Operating system booting'), FORMAT_CAPS],
    fixable: false,
  },
  needs: ['host'],
  check(context, report) {
    const found = libvirtOf(context);
    const type = context.model.os && firstChild(context.model.os.element, 'type');
    const written = type && attribute(type, 'machine');
    const name = context.model.os?.machine;
    if (!found?.guest || !written?.valueSpan || !name) return;
    if (!machineNamed(found.guest, name)?.deprecated) return;
    const newer = nearestMachine({ ...found.guest, machines: found.guest.machines.filter((machine) => machine.name !== name) }, name);
    report({
      span: written.valueSpan,
      message:
        `This host's ${hostLibvirtWords(found.facts, found.guest)} marks machine type '${name}' deprecated: it runs today, ` +
        `but a later QEMU may drop it and the guest would then not start.` +
        (newer ? ` The newest of its family here is '${newer}' (changing it changes the guest's virtual hardware).` : ''),
    });
  },
};
