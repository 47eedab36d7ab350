import { guide, libvirt } from '../../../kb/sources';
import type { FixSpec } from '../../../core/types';
import { attribute, childElements } from '../../../xml/query';
import type { DomainRule, DomainRuleContext } from '../context';
import { brokenByXml } from '../structure/values';
import { maxVcpus, soundAttribute } from '../guest';
import { removeElement } from '../edits';
import { vcpuRange } from './vcpus';

/**
 * VT130: `<vcpupin vcpu='N'>` for a vCPU the guest does not have (N at or above `<vcpu>`'s count).
 * libvirt does not refuse it: it skips the pin with only a log warning ("Ignoring vcpupin for missing
 * vcpus") and drops it from the saved definition, so the pinning silently never happens. A warning.
 */
export const vcpupinOutOfRange: DomainRule = {
  meta: {
    code: 'VT130',
    name: 'vcpupin-out-of-range',
    title: '<vcpupin> must name a vCPU the guest has',
    severity: 'warning',
    sources: [libvirt('cpu-tuning', 'CPU Tuning'), guide('9.3.4', 'Domain vCPU Threads')],
    fixable: true,
    libvirt: { stage: 'accepted' },
  },
  paths: ['domain/cputune/vcpupin'],
  check(context, report) {
    const count = maxVcpus(context.model);
    if (count === undefined) return;
    const pins = context.model.cputune?.vcpupins ?? [];
    const highest = Math.max(...pins.map((pin) => pin.vcpu ?? -1));
    const raise = raiseVcpuCount(context, highest + 1);
    for (const pin of pins) {
      const vcpu = attribute(pin.element, 'vcpu');
      if (pin.vcpu === undefined || pin.vcpu < count || !vcpu || !soundAttribute(context.xml, vcpu)) continue;
      const removal = removeElement(context.text, pin.element);
      report({
        span: vcpu.valueSpan,
        message:
          `vCPU ${pin.vcpu} does not exist: the guest has ${vcpuRange(count)}. libvirt skips this pin with only ` +
          'a log message and leaves it out of the saved definition, so it never takes effect. Raise <vcpu> or ' +
          'pin an existing vCPU.',
        fixes: [...(removal ? [{ title: `Remove the pin of vCPU ${pin.vcpu}`, edits: [removal] }] : []), ...(raise ? [raise] : [])],
      });
    }
  },
};

/**
 * The fix that gives the guest the vCPUs its pins name: `<vcpu>`'s count raised to `wanted` (the highest
 * pinned vCPU plus one, so one fix serves every pin). Not offered where a new count would need more than
 * that number to change and libvirt would refuse or leave vCPUs out: no `<vcpu>` element or a count that
 * is not plainly written, `<vcpus>` listing each vCPU, a `<topology>` whose product must equal the count,
 * or guest NUMA cells that must hold every vCPU (VT134).
 */
function raiseVcpuCount(context: DomainRuleContext, wanted: number): FixSpec | undefined {
  const { model, xml } = context;
  const vcpu = model.vcpu;
  const root = xml.root;
  if (!vcpu?.countSpan || vcpu.count === undefined || wanted <= vcpu.count || brokenByXml(xml, vcpu.countSpan)) return undefined;
  if (!root || childElements(root, 'vcpus').length > 0 || model.cpu?.topology || (model.cpu?.cells.length ?? 0) > 0) return undefined;
  return { title: `Raise <vcpu> from ${vcpu.count} to ${wanted}`, edits: [{ span: vcpu.countSpan, newText: String(wanted) }] };
}
