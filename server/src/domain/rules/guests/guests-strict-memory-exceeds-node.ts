import { guide, libvirt } from '../../../kb/sources';
import { formatKiB } from '../../../kb/units';
import { guestLabel } from '../../../guests/load';
import type { DomainRule } from '../context';
import { idList } from '../guest';
import { memoryBinding } from '../host/placement';
import { canRun, documentClaims, guestClaims, otherGuests } from './claims';

/**
 * VT112: guests that can run together bind their memory strictly (`<numatune><memory mode='strict'>`)
 * to host nodes that hold less memory than they add up to. In strict mode the kernel takes no memory
 * from other nodes: when the nodes run out, guest processes are killed (guide 9.1). Counted: this
 * guest and every other whose strict nodes lie within this guest's.
 */
export const guestsStrictMemoryExceedsNode: DomainRule = {
  meta: {
    code: 'VT112',
    name: 'guests-strict-memory-exceeds-node',
    title: 'Guests bound strictly to host nodes must fit in those nodes together',
    severity: 'warning',
    sources: [guide('9.1', 'NUMA Memory Allocation Policies'), guide('9.3.3', 'Domain Processes'), libvirt('numa-node-tuning', 'NUMA Node Tuning')],
    fixable: false,
  },
  needs: ['host', 'guests'],
  check(context, report) {
    const host = context.host;
    if (!host || !context.guests?.length) return;
    const own = documentClaims(context).strictMemory;
    const binding = memoryBinding(context.xml, context.model);
    if (!own || !binding?.attribute.valueSpan) return;
    const nodes = own.nodes.map((id) => host.nodes.find((node) => node.id === id));
    if (nodes.some((node) => node?.memTotalKiB === null || node?.memTotalKiB === undefined)) return;
    const totalKiB = nodes.reduce((sum, node) => sum + node!.memTotalKiB!, 0);
    const sharing = otherGuests(context)
      .filter(canRun)
      .flatMap((guest) => {
        const theirs = guestClaims(guest, host.defaultHugepageKiB).strictMemory;
        return theirs && theirs.nodes.every((node) => own.nodes.includes(node)) ? [{ guest, kib: theirs.kib }] : [];
      });
    const sum = own.kib + sharing.reduce((total, { kib }) => total + kib, 0);
    if (sharing.length === 0 || own.kib > totalKiB || sum <= totalKiB) return;
    report({
      span: binding.attribute.valueSpan,
      message:
        `Guests bound strictly to host ${idList(own.nodes, 'node')} add up to ${formatKiB(sum)} (this guest ${formatKiB(own.kib)}; ` +
        `${sharing.map(({ guest, kib }) => `${guestLabel(guest)} ${formatKiB(kib)}`).join('; ')}), more than the ${formatKiB(totalKiB)} ` +
        `the node${own.nodes.length === 1 ? ' holds' : 's hold'}. Strict mode takes nothing from other nodes, so when they run out the kernel ` +
        "kills guest processes (guide 9.1); bind some guests elsewhere or use mode='preferred'.",
    });
  },
};
