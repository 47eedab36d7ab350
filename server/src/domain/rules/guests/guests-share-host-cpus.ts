import { guide, libvirt } from '../../../kb/sources';
import { guestLabel } from '../../../guests/load';
import type { Guest } from '../../../guests/types';
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
  needs: ['guests'],
  check(context, report) {
    const others = otherGuests(context).filter(canRun);
    if (others.length === 0) return;
    const defaultSize = context.host?.defaultHugepageKiB ?? null;
    // host CPU -> guest -> the pins of that guest on it: one pass over every pin, however many there are.
    const owners = new Map<number, Map<Guest, Set<string>>>();
    for (const guest of others) {
      for (const pin of guestClaims(guest, defaultSize).pins) {
        for (const cpu of pin.cpus) {
          let byGuest = owners.get(cpu);
          if (!byGuest) owners.set(cpu, (byGuest = new Map()));
          let labels = byGuest.get(guest);
          if (!labels) byGuest.set(guest, (labels = new Set()));
          labels.add(pin.label);
        }
      }
    }
    for (const pin of documentClaims(context).pins) {
      const span = pin.attribute.valueSpan;
      if (!span) continue;
      const shared = new Map<Guest, { cpus: number[]; labels: Set<string> }>();
      for (const cpu of pin.cpus) {
        for (const [guest, labels] of owners.get(cpu) ?? []) {
          const entry = shared.get(guest) ?? { cpus: [], labels: new Set<string>() };
          entry.cpus.push(cpu);
          for (const label of labels) entry.labels.add(label);
          shared.set(guest, entry);
        }
      }
      if (shared.size === 0) continue;
      const parts = [...shared].map(([guest, { cpus, labels }]) => `${idList(cpus, 'CPU')} with guest ${guestLabel(guest)} (${[...labels].slice(0, 4).join(', ')}${labels.size > 4 ? ', ...' : ''})`);
      report({
        span,
        message:
          `${pin.label} shares host ${parts.join('; ')}. Both guests can run at the same time, so their threads take turns on ` +
          'these CPUs and lose what pinning is for (guide 9.3.2); give each guest CPUs of its own.',
      });
    }
  },
};
