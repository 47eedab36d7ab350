import type { FixSpec } from '../../../core/types';
import { guide, libvirt } from '../../../kb/sources';
import { attribute } from '../../../xml/query';
import type { DomainRule } from '../context';
import { soundAttribute } from '../guest';
import { replaceValue } from '../edits';
import { brokenByXml } from '../structure/values';

/**
 * VT132: `<vcpu current='N'>` above the vCPU count (the element's text, the maximum). libvirt refuses
 * it ("maxvcpus must not be less than current vcpus"). Which number is wrong is the user's call, so
 * both fixes are offered and neither is preferred.
 */
export const vcpuCurrentAboveCount: DomainRule = {
  meta: {
    code: 'VT132',
    name: 'vcpu-current-above-count',
    title: "<vcpu current> must not exceed the vCPU count",
    severity: 'error',
    sources: [libvirt('cpu-allocation', 'CPU Allocation'), guide('9.3.3', 'Domain Processes')],
    fixable: true,
    libvirt: { stage: 'define', says: 'maximum vCPU count must not be less than current vCPU count' },
  },
  check(context, report) {
    const vcpu = context.model.vcpu;
    const current = vcpu && attribute(vcpu.element, 'current');
    if (!vcpu || !current || vcpu.count === undefined || vcpu.current === undefined) return;
    if (vcpu.current <= vcpu.count || !soundAttribute(context.xml, current)) return;
    const fixes: FixSpec[] = [];
    const lower = replaceValue(current, String(vcpu.count));
    if (lower) fixes.push({ title: `Lower current to ${vcpu.count}`, edits: [lower] });
    if (vcpu.countSpan && !brokenByXml(context.xml, vcpu.countSpan)) {
      fixes.push({ title: `Raise the vCPU count to ${vcpu.current}`, edits: [{ span: vcpu.countSpan, newText: String(vcpu.current) }] });
    }
    report({
      span: current.valueSpan,
      message:
        `current='${vcpu.current}' is above the guest's ${vcpu.count} vCPUs: current is how many of them are ` +
        'online at boot, so it cannot exceed the count in <vcpu>, and libvirt refuses the domain.',
      fixes,
    });
  },
};
