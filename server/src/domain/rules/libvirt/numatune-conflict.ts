import { guide, libvirt, libvirtCode } from '../../../kb/sources';
import { attribute } from '../../../xml/query';
import type { DomainRule } from '../context';
import { lineOf, soundAttribute } from '../guest';
import { spanOf } from './devices';

/**
 * VT175: `<numatune>` contradicting itself. placement='static' needs a nodeset to be static about. One `<memnode>` per guest cell; a memnode binds a cell to
 * host nodes, which cannot go with `placement='auto'` (numad picks the nodes); and 'restrictive' (cgroups
 * only, no mbind) cannot be mixed with the other modes, since libvirt applies it to the whole guest.
 */
export const numatuneConflict: DomainRule = {
  meta: {
    code: 'VT175',
    name: 'numatune-conflict',
    title: '<numatune> must not contradict itself (static without nodeset, memnode conflicts)',
    severity: 'error',
    sources: [
      libvirtCode('src/conf/numa_conf.c', 'virDomainNumatuneParseXML'),
      libvirtCode('src/conf/numa_conf.c', 'virDomainNumatuneNodeParseXML'),
      libvirtCode('src/conf/numa_conf.c', 'virDomainNumaDefValidate'),
      libvirt('numa-node-tuning', 'NUMA Node Tuning'),
      guide('9.3.9', 'Guest NUMA Topology'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: 'Multiple memnode elements' },
  },
  paths: ['domain/numatune'],
  check(context, report) {
    const numatune = context.model.numatune;
    if (!numatune) return;
    const memory = numatune.memory;
    if (memory?.placement === 'static' && !attribute(memory.element, 'nodeset')) {
      report({
        span: spanOf(context.xml, memory.element, 'placement'),
        message:
          "placement='static' binds the guest's memory to the host nodes of nodeset=, but there is no nodeset: " +
          "libvirt refuses it. Add nodeset='...', or use placement='auto' (numad chooses).",
      });
    }
    if (numatune.memnodes.length === 0) return;
    const memoryMode = memory?.mode ?? 'strict';
    if (memory?.placement === 'auto') {
      const placement = attribute(memory.element, 'placement');
      report({
        span: placement && soundAttribute(context.xml, placement) ? placement.valueSpan : memory.element.nameSpan,
        message:
          "placement='auto' lets numad choose the host nodes for the whole guest, and <memnode> binds cells to " +
          "nodes of your choosing: libvirt refuses the two together. Use placement='static' with a nodeset, or drop the memnodes.",
      });
    }
    const seen = new Map<number, number>();
    for (const memnode of numatune.memnodes) {
      if (memnode.cellid !== undefined) {
        const earlier = seen.get(memnode.cellid);
        if (earlier !== undefined) {
          report({
            span: spanOf(context.xml, memnode.element, 'cellid'),
            message:
              `Guest cell ${memnode.cellid} already has a <memnode> on line ${lineOf(context, earlier)}: libvirt refuses ` +
              'a second one. Merge them into one memnode.',
          });
        } else seen.set(memnode.cellid, memnode.element.start);
      }
      const mode = memnode.mode ?? 'strict';
      if ((mode === 'restrictive') === (memoryMode === 'restrictive')) continue;
      report({
        span: spanOf(context.xml, memnode.element, 'mode'),
        message:
          memoryMode === 'restrictive'
            ? "<numatune><memory mode='restrictive'> makes every memnode restrictive too: libvirt refuses a memnode " +
              `with mode '${mode}'. Set mode='restrictive' here.`
            : "A restrictive memnode needs <numatune><memory mode='restrictive'>: 'restrictive' is applied through " +
              `the guest's cgroup as a whole, while <memory> is '${memoryMode}'. libvirt 11 refuses the mix; ` +
              'libvirt 9.0 still accepted it.',
      });
    }
  },
};
