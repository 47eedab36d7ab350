import { guide, libvirt } from '../../../kb/sources';
import { guestLabel } from '../../../guests/load';
import type { DomainRule } from '../context';
import { canRun, guestClaims, otherGuests } from './claims';

/**
 * VT113: KSM runs on the host, but this guest and every other guest that can run opt out of it with
 * `<nosharepages/>`. KSM then scans memory for no guest, at a CPU cost (guide 8.3); it can be stopped
 * (guide 8.3.4). A hint: other processes may still gain from it.
 */
export const guestsAllNosharepages: DomainRule = {
  meta: {
    code: 'VT113',
    name: 'guests-all-nosharepages',
    title: 'KSM runs for nothing when every guest opts out with <nosharepages/>',
    severity: 'hint',
    sources: [guide('8.3', 'Kernel Same-page Merging (KSM)'), guide('8.3.4', 'Deactivating KSM'), libvirt('memory-backing', 'Memory Backing')],
    fixable: false,
  },
  needs: ['host', 'guests'],
  check(context, report) {
    const host = context.host;
    const element = context.model.memoryBacking?.nosharepages;
    if (!host || host.ksm?.run !== 1 || !element || !context.guests?.length) return;
    const others = otherGuests(context).filter(canRun);
    if (others.length === 0 || others.some((guest) => !guestClaims(guest, host.defaultHugepageKiB).nosharepages)) return;
    report({
      span: element.nameSpan,
      message:
        `KSM runs on this host (/sys/kernel/mm/ksm/run is 1), but this guest and every other that can run (${others.map(guestLabel).join(', ')}) ` +
        'keep their memory out of it with <nosharepages/>: KSM scans for no guest at a CPU cost. Stop ksm and ksmtuned (guide 8.3.4), ' +
        'or let some guest share pages.',
    });
  },
};
