import type { FixSpec } from '../../../core/types';
import { guide, libvirt } from '../../../kb/sources';
import { attribute } from '../../../xml/query';
import type { VcpuPinModel } from '../../model';
import type { DomainRule, DomainRuleContext } from '../context';
import { cleanIds, idList, lineOf, maxVcpus, soundAttribute } from '../guest';
import { removeElement } from '../edits';

/**
 * VT131: two `<vcpupin>`s for one vCPU. libvirt refuses the domain ("duplicate vcpupin for vcpu").
 * Pins of vCPUs the guest does not have are skipped by libvirt before it looks for duplicates (VT130).
 */
export const duplicateVcpupin: DomainRule = {
  meta: {
    code: 'VT131',
    name: 'duplicate-vcpupin',
    title: 'Each vCPU may be pinned once',
    severity: 'error',
    sources: [libvirt('cpu-tuning', 'CPU Tuning'), guide('9.3.4', 'Domain vCPU Threads')],
    fixable: true,
    libvirt: { stage: 'define', says: 'duplicate vcpupin' },
  },
  paths: ['domain/cputune/vcpupin'],
  check(context, report) {
    const count = maxVcpus(context.model);
    const firstPins = new Map<number, VcpuPinModel>();
    for (const pin of context.model.cputune?.vcpupins ?? []) {
      const vcpu = attribute(pin.element, 'vcpu');
      if (pin.vcpu === undefined || !vcpu || !soundAttribute(context.xml, vcpu)) continue;
      if (count !== undefined && pin.vcpu >= count) continue;
      const first = firstPins.get(pin.vcpu);
      if (!first) {
        firstPins.set(pin.vcpu, pin);
        continue;
      }
      const line = lineOf(context, first.element.span.start);
      const firstIds = cleanIds(context.xml, first.cpuset);
      const theseIds = cleanIds(context.xml, pin.cpuset);
      const same = firstIds !== undefined && theseIds !== undefined && idList(firstIds) === idList(theseIds);
      const detail = same
        ? ' Both pin it to the same host CPUs.'
        : firstIds && theseIds
          ? ` That pin says ${idList(firstIds)}, this one ${idList(theseIds)}: keep the one you mean.`
          : '';
      report({
        span: vcpu.valueSpan,
        message: `vCPU ${pin.vcpu} is already pinned on line ${line}: libvirt refuses a second <vcpupin> for the same vCPU.${detail}`,
        fixes: same ? removal(context, pin, line) : [],
      });
    }
  },
};

/** Removing a pin that repeats an earlier one word for word loses nothing. */
function removal(context: DomainRuleContext, pin: VcpuPinModel, line: number): FixSpec[] {
  const edit = removeElement(context.text, pin.element);
  return edit ? [{ title: `Remove this repeat of the pin on line ${line}`, edits: [edit], isPreferred: true }] : [];
}
