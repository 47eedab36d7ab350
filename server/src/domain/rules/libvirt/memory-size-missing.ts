import { libvirt, libvirtCode } from '../../../kb/sources';
import { firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';

/**
 * VT194: a domain that says nowhere how much memory it has: no `<memory>` and no guest NUMA cells
 * (whose sizes would add up to it). The schema lets `<memory>` out; libvirt refuses the domain.
 */
export const memorySizeMissing: DomainRule = {
  meta: {
    code: 'VT194',
    name: 'memory-size-missing',
    title: 'A domain needs <memory> (or guest NUMA cells giving the size)',
    severity: 'error',
    sources: [libvirtCode('src/conf/domain_postparse.c', 'virDomainDefPostParseMemory'), libvirt('memory-allocation', 'Memory Allocation')],
    fixable: false,
    libvirt: { stage: 'define', says: 'Memory size must be specified' },
  },
  check(context, report) {
    const root = context.model.root;
    if (firstChild(root, 'memory') || (context.model.cpu?.cells.length ?? 0) > 0) return;
    // A document that is still being typed has no <devices> or <os> yet either: speak once it has a body.
    if (!firstChild(root, 'os') && !firstChild(root, 'devices')) return;
    report({
      span: root.nameSpan,
      message: "The domain gives no memory size: libvirt refuses it without <memory> (e.g. <memory unit='GiB'>4</memory>) or guest NUMA cells with their sizes.",
    });
  },
};
