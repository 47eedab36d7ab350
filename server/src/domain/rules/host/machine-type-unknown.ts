import { machineNamed, nearestMachine } from '../../../host/libvirtQueries';
import { libvirt } from '../../../kb/sources';
import { attribute, firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';
import { FORMAT_CAPS, hostLibvirtWords, libvirtOf } from './libvirtFacts';

/**
 * VT160: `<os><type machine=...>` names a machine type this host's emulator does not offer (`virsh
 * capabilities` lists the ones it has per arch). libvirt refuses the domain when it is defined ("Emulator
 * ... does not support machine type"; checked against libvirt 9.0). A domain written on RHEL
 * (`pc-q35-rhel7.6.0`) meets this on any other distribution's QEMU. Names the nearest type the emulator
 * has: the newest of the same family.
 */
export const machineTypeUnknown: DomainRule = {
  meta: {
    code: 'VT160',
    name: 'machine-type-unknown',
    title: "The machine type must be one this host's QEMU offers",
    severity: 'error',
    sources: [libvirt('operating-system-booting', 'Operating system booting'), FORMAT_CAPS],
    fixable: true,
    libvirt: {
      stage: 'define',
      says: 'does not support machine type',
      hostDependent: true,
      example: "<os>\n  <type arch='x86_64' machine='pc-q35-rhel7.6.0'>hvm</type>\n</os>",
      fixed: "<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n</os>",
    },
  },
  needs: ['host'],
  check(context, report) {
    const found = libvirtOf(context);
    const type = context.model.os && firstChild(context.model.os.element, 'type');
    const written = type && attribute(type, 'machine');
    const name = context.model.os?.machine;
    if (!found?.guest || !written?.valueSpan || !name || found.guest.machines.length === 0) return;
    if (machineNamed(found.guest, name)) return;
    const nearest = nearestMachine(found.guest, name);
    const alias = nearest && found.guest.machines.find((machine) => machine.canonical === nearest)?.name;
    report({
      span: written.valueSpan,
      message:
        `This host's ${hostLibvirtWords(found.facts, found.guest)} has no machine type '${name}' for ${found.guest.arch}: ` +
        `libvirt refuses the domain when it is defined.` +
        (nearest ? ` The nearest it has: '${nearest}'${alias ? ` (the '${alias}' alias names it)` : ''}.` : ''),
      fixes: nearest ? [{ title: `Use machine type '${nearest}' (this host's QEMU)`, edits: [{ span: written.valueSpan, newText: nearest }] }] : [],
    });
  },
};
