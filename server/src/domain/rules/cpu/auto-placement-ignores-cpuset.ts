import type { FixSpec } from '../../../core/types';
import { guide, libvirt } from '../../../kb/sources';
import { attribute } from '../../../xml/query';
import type { DomainRule } from '../context';
import { soundAttribute } from '../guest';
import { removeAttribute, replaceValue } from '../edits';

/**
 * VT137: `<vcpu placement='auto' cpuset='...'>`. With automatic placement libvirt pins the domain to
 * the nodes numad advises and does not even read the cpuset, so the CPUs written there are not used.
 * Removing the cpuset changes nothing libvirt does, hence the preferred fix; switching to static
 * placement keeps the cpuset in force instead.
 */
export const autoPlacementIgnoresCpuset: DomainRule = {
  meta: {
    code: 'VT137',
    name: 'auto-placement-ignores-cpuset',
    title: "<vcpu placement='auto'> ignores its cpuset",
    severity: 'warning',
    sources: [libvirt('cpu-allocation', 'CPU Allocation'), guide('9.3.3', 'Domain Processes')],
    fixable: true,
    libvirt: { stage: 'accepted' },
  },
  check(context, report) {
    const vcpu = context.model.vcpu;
    if (!vcpu || vcpu.placement !== 'auto') return;
    const cpuset = attribute(vcpu.element, 'cpuset');
    const placement = attribute(vcpu.element, 'placement');
    if (!cpuset || !placement || !soundAttribute(context.xml, placement)) return;
    const fixes: FixSpec[] = [
      { title: 'Remove cpuset (automatic placement does not use it)', edits: [removeAttribute(context.text, cpuset)], isPreferred: true },
    ];
    const toStatic = replaceValue(placement, 'static');
    if (toStatic) fixes.push({ title: "Use placement='static' to keep this cpuset", edits: [toStatic] });
    report({
      span: cpuset.span,
      message:
        "With placement='auto' libvirt places the domain on the host nodes numad advises and ignores cpuset, " +
        "so these CPUs are not used. Drop cpuset, or use placement='static' to keep it.",
      fixes,
    });
  },
};
