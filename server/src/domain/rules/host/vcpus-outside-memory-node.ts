import { guide, libvirt } from '../../../kb/sources';
import { nodeCpusFact, nodesOfCpus } from '../../../host/queries';
import type { DomainRule } from '../context';
import { idList } from '../guest';
import { memoryBinding, vcpuHostCpus } from './placement';

/**
 * VT155: `<numatune>` binds the guest's memory to one host node, but the vCPUs are pinned (partly or
 * wholly) to CPUs of other nodes. Every access from those vCPUs crosses nodes: the NUMA misses the
 * guide says pinning and numatune should avoid together (9.3, 9.3.2). It runs, so a warning.
 */
export const vcpusOutsideMemoryNode: DomainRule = {
  meta: {
    code: 'VT155',
    name: 'vcpus-outside-memory-node',
    title: 'Pinned vCPUs should sit on the host node their memory is bound to',
    severity: 'warning',
    sources: [guide('9.3', 'libvirt NUMA Tuning'), guide('9.3.2', 'NUMA vCPU Pinning'), libvirt('numa-node-tuning', 'NUMA Node Tuning')],
    fixable: false,
  },
  needs: ['host'],
  check(context, report) {
    const host = context.host;
    if (!host) return;
    const binding = memoryBinding(context.xml, context.model);
    // The vCPUs' host CPUs only for memory bound to one node (not the common case).
    if (!binding || binding.nodes.length !== 1 || binding.mode === 'interleave') return;
    const cpus = vcpuHostCpus(context.xml, context.model);
    if (!cpus) return;
    const memoryNode = binding.nodes[0]!;
    // A node the host lacks is VT152's error; saying the vCPUs are far from it would only mislead.
    if (!host.nodes.some((node) => node.id === memoryNode)) return;
    const vcpuNodes = nodesOfCpus(host, cpus);
    const remote = vcpuNodes.filter((node) => node !== memoryNode);
    if (remote.length === 0) return;
    const remoteCpus = cpus.filter((cpu) => remote.includes(host.cpus.find((entry) => entry.id === cpu)?.node ?? -1));
    const whole = !vcpuNodes.includes(memoryNode);
    report({
      span: binding.attribute.valueSpan,
      message:
        `Memory is bound to host node ${memoryNode}, but the vCPUs are pinned to host ${idList(remoteCpus, 'CPU')} on ` +
        `${idList(remote, 'node')} (${nodeCpusFact(host, [memoryNode, ...remote])}): ` +
        (whole ? 'every vCPU reaches its memory across nodes. ' : 'those vCPUs reach their memory across nodes. ') +
        `Pin the vCPUs to node ${memoryNode}'s CPUs or bind memory where they run (guide 9.3.2).`,
    });
  },
};
