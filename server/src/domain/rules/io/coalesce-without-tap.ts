import { guide, libvirt } from '../../../kb/sources';
import { firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';
import { removeElementFixes } from '../edits';

/** libvirt's interface types; another value is the structure rules' to report. */
const INTERFACE_TYPES: ReadonlySet<string> = new Set([
  'user', 'ethernet', 'vhostuser', 'server', 'client', 'mcast', 'network', 'bridge',
  'internal', 'direct', 'hostdev', 'udp', 'vdpa', 'null', 'vds',
]);

/** The types backed by a tap device, the only ones whose rx batching `<coalesce>` sets. */
const TAP_TYPES: ReadonlySet<string> = new Set(['network', 'bridge']);

/**
 * VT148: `<coalesce>` on an interface that is not of type 'network' or 'bridge'. The setting is the tun/tap
 * device's rx batching (Guide 5.5), and libvirt documents it for those two types only; its QEMU driver
 * refuses it on any other type when the domain is defined (libvirt 9.0 checked).
 */
export const coalesceWithoutTap: DomainRule = {
  meta: {
    code: 'VT148',
    name: 'coalesce-without-tap',
    title: "<coalesce> works only on interfaces of type 'network' or 'bridge'",
    severity: 'error',
    sources: [guide('5.5', 'Batching Network Packets'), libvirt('coalesce-settings', 'Coalesce settings')],
    fixable: true,
    libvirt: { stage: 'define', says: 'coalesce settings on interface type direct are not supported' },
  },
  paths: ['domain/devices/interface/coalesce'],
  check(context, report) {
    for (const iface of context.model.interfaces) {
      const coalesce = firstChild(iface.element, 'coalesce');
      if (!coalesce || iface.type === undefined || !INTERFACE_TYPES.has(iface.type) || TAP_TYPES.has(iface.type)) continue;
      report({
        span: coalesce.nameSpan,
        message:
          `<coalesce> sets the rx batching of a tap device, which only interfaces of type 'network' and 'bridge' have: ` +
          `libvirt refuses it on type '${iface.type}' when the domain is defined.`,
        fixes: removeElementFixes(context.text, coalesce),
      });
    }
  },
};
