import { guide, libvirt } from '../../../kb/sources';
import type { DomainRule } from '../context';
import { runsOnQemu, sizeSpan } from '../guest';
import { removeElement } from '../edits';

/**
 * VT129: `<memtune><min_guarantee>` on a QEMU/KVM guest. The guide (8.2.2) lists it among the memtune
 * options, but libvirt documents it for VMware ESX and OpenVZ only, and its QEMU driver refuses a domain
 * that sets it when it is defined ("Parameter 'min_guarantee' not supported by QEMU"; libvirt 9.0 checked). A value of 0 is "not set" to
 * libvirt and passes.
 */
export const minGuaranteeUnsupported: DomainRule = {
  meta: {
    code: 'VT129',
    name: 'min-guarantee-unsupported',
    title: 'min_guarantee is refused by QEMU/KVM guests',
    severity: 'error',
    sources: [libvirt('memory-tuning', 'Memory Tuning'), guide('8.2.2', 'Memory Tuning with virsh')],
    fixable: true,
    libvirt: { stage: 'define', says: "Parameter 'min_guarantee' not supported by QEMU" },
  },
  paths: ['domain/memtune/min_guarantee'],
  check(context, report) {
    const guarantee = context.model.memtune?.minGuarantee;
    if (!guarantee || guarantee.kib === 0 || !runsOnQemu(context.model)) return;
    const span = sizeSpan(context.xml, guarantee);
    if (!span) return;
    const removal = removeElement(context.text, guarantee.element);
    report({
      span,
      message:
        "libvirt's QEMU driver refuses a domain with min_guarantee as soon as it is defined: only the VMware ESX and " +
        'OpenVZ drivers support it, although guide 8.2.2 lists it. Remove it; soft_limit is the nearest ' +
        'QEMU/KVM setting.',
      fixes: removal ? [{ title: 'Remove <min_guarantee>', edits: [removal], isPreferred: true }] : [],
    });
  },
};
