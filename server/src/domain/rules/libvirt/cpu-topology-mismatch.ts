import { libvirt, libvirtCode } from '../../../kb/sources';
import { attribute } from '../../../xml/query';
import type { DomainRule } from '../context';
import { maxVcpus } from '../guest';

/**
 * VT173: `<cpu><topology>` describes every vCPU the guest can have: sockets × dies × clusters × cores
 * × threads must equal the maximum vCPU count (`<vcpu>`). QEMU refuses any other product, and
 * libvirt checks it before it starts QEMU.
 */
export const cpuTopologyMismatch: DomainRule = {
  meta: {
    code: 'VT173',
    name: 'cpu-topology-mismatch',
    title: 'The CPU topology must multiply out to the vCPU count',
    severity: 'error',
    sources: [
      libvirtCode('src/qemu/qemu_validate.c', 'qemuValidateDomainVCpuTopology'),
      libvirtCode('src/conf/domain_conf.c', 'virDomainDefGetVcpusTopology'),
      libvirt('cpu-model-and-topology', 'CPU model and topology'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: "CPU topology doesn't match" },
  },
  paths: ['domain/cpu/topology'],
  check(context, report) {
    const topology = context.model.cpu?.topology;
    const vcpus = maxVcpus(context.model);
    if (!topology || vcpus === undefined) return;
    const { sockets, dies = 1, clusters = 1, cores, threads } = topology;
    if (!sockets || cores === undefined || threads === undefined) return;
    // A dies or clusters value that does not parse is the structure rules' to report.
    if ((topology.dies === undefined && attribute(topology.element, 'dies')) || (topology.clusters === undefined && attribute(topology.element, 'clusters'))) return;
    const product = sockets * dies * clusters * cores * threads;
    if (product === vcpus) return;
    const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
    const factors = [
      count(sockets, 'socket', 'sockets'),
      dies !== 1 ? count(dies, 'die', 'dies') : '',
      clusters !== 1 ? count(clusters, 'cluster', 'clusters') : '',
      count(cores, 'core', 'cores'),
      count(threads, 'thread', 'threads'),
    ]
      .filter((factor) => factor !== '')
      .join(' × ');
    report({
      span: topology.element.nameSpan,
      message:
        `The topology gives ${factors} = ${product} vCPUs, but <vcpu> sets ${vcpus}: the product must equal the ` +
        'maximum vCPU count, and libvirt refuses the domain otherwise. Change the topology or <vcpu> (use ' +
        "<vcpu current='N'> to boot with fewer).",
    });
  },
};
