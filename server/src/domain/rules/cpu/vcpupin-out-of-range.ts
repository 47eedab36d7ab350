import { guide, libvirt } from '../../../kb/sources';
import { attribute } from '../../../xml/query';
import type { DomainRule } from '../context';
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
  },
  check(context, report) {
    const count = maxVcpus(context.model);
    if (count === undefined) return;
    for (const pin of context.model.cputune?.vcpupins ?? []) {
      const vcpu = attribute(pin.element, 'vcpu');
      if (pin.vcpu === undefined || pin.vcpu < count || !vcpu || !soundAttribute(context.xml, vcpu)) continue;
      const removal = removeElement(context.text, pin.element);
      report({
        span: vcpu.valueSpan,
        message:
          `vCPU ${pin.vcpu} does not exist: the guest has ${vcpuRange(count)}. libvirt skips this pin with only ` +
          'a log message and leaves it out of the saved definition, so it never takes effect. Raise <vcpu> or ' +
          'pin an existing vCPU.',
        fixes: removal ? [{ title: `Remove the pin of vCPU ${pin.vcpu}`, edits: [removal] }] : [],
      });
    }
  },
};
