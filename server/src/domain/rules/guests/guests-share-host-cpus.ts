import { guide, libvirt } from '../../../kb/sources';
import { guestLabel } from '../../../guests/load';
import type { DomainRule } from '../context';
import { idList } from '../guest';
import { canRun, documentClaims, guestClaims, otherGuests } from './claims';

/**
 * VT110: a `<vcpupin>` or `<emulatorpin>` of this guest takes host CPUs that another guest of the host
 * pins too, and that guest runs or starts with the host. Pinning is meant to give threads CPUs of their
 * own (guide 9.3.2: cache efficiency); two guests pinned to one CPU take turns on it. A warning naming
 * the other guest, in both guests' documents.
 */
export const guestsShareHostCpus: DomainRule = {
  meta: {
    code: 'VT110',
    name: 'guests-share-host-cpus',
    title: 'Two guests that run together should not be pinned to the same host CPUs',
    severity: 'warning',
    sources: [guide('9.3.2', 'NUMA vCPU Pinning'), guide('9.3.5', 'Using emulatorpin'), libvirt('cpu-tuning', 'CPU Tuning')],
    fixable: false,
  },
  check(context, report) {
    const others = otherGuests(context).filter(canRun);
    if (others.length === 0) return;
    const defaultSize = context.host?.defaultHugepageKiB ?? null;
    const theirs = others.map((guest) => ({ guest, pins: guestClaims(guest, defaultSize).pins }));
    for (const pin of documentClaims(context).pins) {
      const span = pin.attribute.valueSpan;
      if (!span) continue;
      const shared = theirs.flatMap(({ guest, pins }) => {
        const hit = pins.filter((other) => other.cpus.some((cpu) => pin.cpus.includes(cpu)));
        if (hit.length === 0) return [];
        const cpus = [...new Set(hit.flatMap((other) => other.cpus.filter((cpu) => pin.cpus.includes(cpu))))];
        return [`${idList(cpus, 'CPU')} with guest ${guestLabel(guest)} (${hit.map((other) => other.label).join(', ')})`];
      });
      if (shared.length === 0) continue;
      report({
        span,
        message:
          `${pin.label} shares host ${shared.join('; ')}. Both guests can run at the same time, so their threads take turns on ` +
          'these CPUs and lose what pinning is for (guide 9.3.2); give each guest CPUs of its own.',
      });
    }
  },
};
