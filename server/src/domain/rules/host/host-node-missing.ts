import { guide, libvirt } from '../../../kb/sources';
import { hostNodeIds, nodesFact } from '../../../host/queries';
import type { IdSet } from '../../model';
import type { DomainRule } from '../context';
import { cleanIds, idList } from '../guest';

/**
 * VT152: `<numatune>` binds memory to host NUMA nodes the host does not have. libvirt checks the
 * nodeset against the host when the guest starts and refuses it ("NUMA node N is unavailable").
 * Hugepage `<page nodeset>` counts guest cells, not host nodes: VT124 checks those.
 */
export const hostNodeMissing: DomainRule = {
  meta: {
    code: 'VT152',
    name: 'host-node-missing',
    title: '<numatune> nodesets must name host NUMA nodes that exist',
    severity: 'error',
    sources: [guide('9.3.3', 'Domain Processes'), libvirt('numa-node-tuning', 'NUMA Node Tuning')],
    fixable: false,
    libvirt: { stage: 'start', says: 'is unavailable', hostDependent: true },
  },
  needs: ['host'],
  check(context, report) {
    const host = context.host;
    const ids = host && hostNodeIds(host);
    const numatune = context.model.numatune;
    if (!host || !ids || !numatune) return;
    const sets: { label: string; nodeset: IdSet | undefined }[] = numatune.memnodes.map((memnode) => ({
      label: `<memnode cellid='${memnode.cellid ?? '?'}'>`,
      nodeset: memnode.nodeset,
    }));
    // With placement='auto' libvirt asks numad and ignores the nodeset.
    if (numatune.memory && numatune.memory.placement !== 'auto') sets.unshift({ label: '<numatune><memory>', nodeset: numatune.memory.nodeset });
    for (const { label, nodeset } of sets) {
      const nodes = cleanIds(context.xml, nodeset);
      const span = nodeset?.attribute.valueSpan;
      if (!nodes || !span) continue;
      const missing = nodes.filter((node) => !ids.has(node));
      if (missing.length === 0) continue;
      report({
        span,
        message:
          `${label} binds memory to host NUMA ${idList(missing, 'node')}, which the host does not have: ${nodesFact(host)}. ` +
          'libvirt refuses a nodeset with an unavailable node when the guest starts.',
      });
    }
  },
};
