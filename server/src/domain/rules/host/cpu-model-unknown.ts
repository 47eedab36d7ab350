import { closestNames } from '../../../core/similarity';
import { domainCapabilitiesFor } from '../../../host/libvirtQueries';
import { libvirt } from '../../../kb/sources';
import { attributeValue, elementText, firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';
import { FORMAT_DOMCAPS, hostLibvirtWords, libvirtOf } from './libvirtFacts';

/**
 * VT164: a `<cpu mode='custom'><model>` this host's hypervisor does not know (not among the custom
 * mode's models in domcapabilities). libvirt defines it; the guest does not start ("Unknown CPU model";
 * checked against libvirt 9.0). With did-you-mean among the models it knows.
 */
export const cpuModelUnknown: DomainRule = {
  meta: {
    code: 'VT164',
    name: 'cpu-model-unknown',
    title: "A custom CPU model must be one this host's hypervisor knows",
    severity: 'error',
    sources: [libvirt('cpu-model-and-topology', 'CPU model and topology'), FORMAT_DOMCAPS],
    fixable: true,
    libvirt: {
      stage: 'start',
      says: 'Unknown CPU model',
      hostDependent: true,
      example: "<cpu mode='custom'>\n  <model>Skylake-Servr</model>\n</cpu>",
      fixed: "<cpu mode='custom'>\n  <model>qemu64</model>\n</cpu>",
    },
  },
  needs: ['host'],
  check(context, report) {
    const found = libvirtOf(context);
    const cpu = context.model.cpu?.element;
    const model = cpu && firstChild(cpu, 'model');
    const text = model && elementText(model);
    const mode = cpu && (attributeValue(cpu, 'mode') ?? 'custom');
    if (!found || !text || mode !== 'custom') return;
    const name = text.value.trim();
    const custom = domainCapabilitiesFor(found.facts, found.query)?.cpuModes.find((entry) => entry.name === 'custom');
    if (!name || !custom || custom.models.length === 0 || custom.models.some((entry) => entry.name === name)) return;
    const suggestions = closestNames(name, custom.models.map((entry) => entry.name));
    report({
      span: text.span,
      message:
        `This host's ${hostLibvirtWords(found.facts, found.guest)} knows no CPU model '${name}': libvirt defines the domain, but the guest does not start.` +
        (suggestions.length > 0 ? ` Did you mean ${suggestions.map((entry) => `'${entry}'`).join(' or ')}?` : ''),
      fixes: suggestions.map((entry, index) => ({ title: `Use CPU model '${entry}'`, edits: [{ span: text.span, newText: entry }], isPreferred: index === 0 && suggestions.length === 1 })),
    });
  },
};
