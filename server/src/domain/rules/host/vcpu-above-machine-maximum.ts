import { domainCapabilitiesFor, machineNamed } from '../../../host/libvirtQueries';
import { libvirt } from '../../../kb/sources';
import type { DomainRule } from '../context';
import { maxVcpus } from '../guest';
import { FORMAT_CAPS, FORMAT_DOMCAPS, hostLibvirtWords, libvirtOf } from './libvirtFacts';

/**
 * VT162: more vCPUs than the machine type takes on this host (`maxCpus` of the machine in `virsh
 * capabilities`, or the `<vcpu max>` of domcapabilities). libvirt refuses the domain when it is defined
 * ("Maximum CPUs greater than specified machine type limit"; checked against libvirt 9.0).
 */
export const vcpuAboveMachineMaximum: DomainRule = {
  meta: {
    code: 'VT162',
    name: 'vcpu-above-machine-maximum',
    title: "The vCPU count must not exceed what the machine type takes on this host",
    severity: 'error',
    sources: [libvirt('cpu-allocation', 'CPU Allocation'), FORMAT_CAPS, FORMAT_DOMCAPS],
    fixable: false,
    libvirt: { stage: 'define', says: 'Maximum CPUs greater than specified machine type limit', hostDependent: true, example: '<vcpu>300</vcpu>', fixed: '<vcpu>8</vcpu>' },
  },
  needs: ['host'],
  check(context, report) {
    const found = libvirtOf(context);
    const vcpu = context.model.vcpu;
    const count = maxVcpus(context.model);
    if (!found || !vcpu || count === undefined) return;
    const machineName = context.model.os?.machine;
    const machine = found.guest && machineName !== undefined ? machineNamed(found.guest, machineName) : undefined;
    const caps = domainCapabilitiesFor(found.facts, found.query);
    const limit = machine?.maxCpus ?? (machineName === undefined ? caps?.vcpuMax : undefined) ?? null;
    if (limit === null || count <= limit) return;
    const text = vcpu.element.children.find((node) => node.kind === 'text');
    report({
      span: text?.span ?? vcpu.element.nameSpan,
      message:
        `The guest has ${count} vCPUs, but machine type '${machine?.name ?? caps?.machine ?? 'default'}' takes at most ${limit} on this host's ` +
        `${hostLibvirtWords(found.facts, found.guest)}: libvirt refuses the domain when it is defined.`,
    });
  },
};
