import { domainCapabilitiesFor } from '../../../host/libvirtQueries';
import { libvirt } from '../../../kb/sources';
import { attribute } from '../../../xml/query';
import type { DomainRule } from '../context';
import { FORMAT_DOMCAPS, hostLibvirtWords, libvirtOf } from './libvirtFacts';

/**
 * VT163: a `<cpu mode>` this host's hypervisor does not support for the domain's virt type
 * (`<mode supported='no'>` in domcapabilities: host-passthrough for a `type='qemu'` guest, or on a host
 * without usable KVM). libvirt defines it; the guest does not start ("CPU mode ... is not supported by
 * hypervisor"; checked against libvirt 9.0).
 */
export const cpuModeUnsupported: DomainRule = {
  meta: {
    code: 'VT163',
    name: 'cpu-mode-unsupported',
    title: "The CPU mode must be one this host's hypervisor supports",
    severity: 'error',
    sources: [libvirt('cpu-model-and-topology', 'CPU model and topology'), FORMAT_DOMCAPS],
    fixable: false,
    libvirt: { stage: 'start', says: 'is not supported by hypervisor', hostDependent: true, example: "<cpu mode='host-passthrough'/>", fixed: "<cpu mode='host-model'/>" },
  },
  needs: ['host'],
  check(context, report) {
    const found = libvirtOf(context);
    const cpu = context.model.cpu?.element;
    const mode = cpu && attribute(cpu, 'mode');
    if (!found || !mode?.value || !mode.valueSpan) return;
    const caps = domainCapabilitiesFor(found.facts, found.query);
    const known = caps?.cpuModes.find((entry) => entry.name === mode.value);
    if (!caps || !known || known.supported) return;
    const supported = caps.cpuModes.filter((entry) => entry.supported).map((entry) => `'${entry.name}'`);
    report({
      span: mode.valueSpan,
      message:
        `This host's ${hostLibvirtWords(found.facts, found.guest)} does not support CPU mode '${mode.value}' for a type='${caps.domain ?? found.query.virttype}' guest: ` +
        `libvirt defines the domain, but the guest does not start.` +
        (supported.length > 0 ? ` It supports ${supported.join(', ')}.` : ''),
    });
  },
};
