import { guide, libvirt } from '../../../kb/sources';
import type { IdSet } from '../../model';
import type { XmlElement } from '../../../xml/types';
import type { DomainRule } from '../context';
import { cleanIds, idList } from '../guest';
import { replaceValue } from '../edits';

/**
 * VT125: `mode='preferred'` with more than one host node. The guide's preferred policy prefers one
 * node. What several do depends on the host: libvirt before 9.3 refuses them ("only supports single
 * node"), the kernel's plain preferred policy uses only the first node, and only newer libvirt, QEMU
 * and kernels (5.15+) turn the set into "preferred-many". Runs or not, it is not what the guide
 * describes: a warning.
 */
export const preferredMultipleNodes: DomainRule = {
  meta: {
    code: 'VT125',
    name: 'preferred-multiple-nodes',
    title: "Memory mode 'preferred' takes a single host node",
    severity: 'warning',
    sources: [guide('9.1', 'NUMA Memory Allocation Policies'), libvirt('numa-node-tuning', 'NUMA Node Tuning')],
    fixable: true,
  },
  paths: ['domain/numatune'],
  check(context, report) {
    const numatune = context.model.numatune;
    if (!numatune) return;
    const policies: { element: XmlElement; mode: string | undefined; nodeset: IdSet | undefined }[] = [...numatune.memnodes];
    // With placement='auto' libvirt ignores the nodeset and asks numad instead.
    if (numatune.memory && numatune.memory.placement !== 'auto') policies.unshift(numatune.memory);
    for (const policy of policies) {
      if (policy.mode !== 'preferred') continue;
      const ids = cleanIds(context.xml, policy.nodeset);
      if (!ids || ids.length < 2 || !policy.nodeset) continue;
      const first = ids[0]!;
      const edit = replaceValue(policy.nodeset.attribute, String(first));
      report({
        span: policy.nodeset.attribute.valueSpan!,
        message:
          `mode='preferred' with host ${idList(ids, 'node')}: the preferred policy prefers one node (guide 9.1). ` +
          'libvirt before 9.3 refuses several; elsewhere the kernel uses only the first one, or, with newer ' +
          'libvirt, QEMU and Linux 5.15+, prefers them all. For a set of nodes use strict or interleave.',
        fixes: edit ? [{ title: `Prefer host node ${first} only`, edits: [edit] }] : [],
      });
    }
  },
};
