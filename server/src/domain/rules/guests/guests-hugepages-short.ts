import { guide, libvirt } from '../../../kb/sources';
import { availablePages, supportedPageSizes } from '../../../host/queries';
import { pageSizeLabel } from '../../../host/sizes';
import { guestLabel } from '../../../guests/load';
import { attribute } from '../../../xml/query';
import type { DomainRule } from '../context';
import type { HugePageDemand } from '../host/hugepageDemand';
import { idList } from '../guest';
import { canRun, documentClaims, guestClaims, otherGuests, ownGuest } from './claims';

/**
 * VT111: the huge pages of a size that this guest and the other guests that can run with it ask for,
 * on the host nodes this guest's pages must come from, add up to more than the host holds there: the
 * free pages plus those running guests already hold. The guest fits alone (else VT154 speaks), but not
 * beside the others: whichever starts last fails (guide 9.3.10, 8.2.3).
 */
export const guestsHugepagesShort: DomainRule = {
  meta: {
    code: 'VT111',
    name: 'guests-hugepages-short',
    title: 'The guests that run together must not ask for more huge pages than the host holds',
    severity: 'warning',
    sources: [guide('8.2.3.2', 'Configuring Static Huge Pages'), guide('9.3.10', 'Assigning Host Huge Pages to Multiple Guest NUMA Nodes'), libvirt('memory-backing', 'Memory Backing')],
    fixable: false,
  },
  needs: ['host', 'guests'],
  check(context, report) {
    const host = context.host;
    const sizes = host && supportedPageSizes(host);
    if (!host || !sizes) return;
    const others = otherGuests(context).filter(canRun);
    if (others.length === 0) return;
    const self = ownGuest(context);
    for (const demand of documentClaims(context).hugepages) {
      if (!sizes.includes(demand.sizeKiB)) continue;
      const available = availablePages(host, demand.sizeKiB, demand.nodes);
      if (!available) continue;
      const sharing = others.flatMap((guest) => {
        const pages = guestClaims(guest, host.defaultHugepageKiB)
          .hugepages.filter((theirs) => theirs.sizeKiB === demand.sizeKiB && drawsFrom(theirs, demand))
          .reduce((sum, theirs) => sum + theirs.pages, 0);
        return pages > 0 ? [{ guest, pages }] : [];
      });
      if (sharing.length === 0) continue;
      // Free counts leave out the pages running guests hold; capabilities' totals include them.
      const held = available.kind === 'free' ? sharing.filter(({ guest }) => guest.running).reduce((sum, { pages }) => sum + pages, 0) + (self?.running ? demand.pages : 0) : 0;
      const there = available.count + held;
      const asked = demand.pages + sharing.reduce((sum, { pages }) => sum + pages, 0);
      if (demand.pages > there || asked <= there) continue;
      const span = demand.page ? attribute(demand.page.element, 'size')?.valueSpan : context.model.memoryBacking?.hugepages?.element.nameSpan;
      if (!span) continue;
      const where = demand.nodes ? ` on host ${idList(demand.nodes, 'node')}` : '';
      const holds = available.kind === 'free' ? `${available.count} free${held > 0 ? ` + ${held} held by running guests` : ''}` : `${available.count} in all`;
      report({
        span,
        message:
          `With the guests that can run beside it, ${asked} huge pages of ${pageSizeLabel(demand.sizeKiB)} are asked for${where} ` +
          `(this guest ${demand.pages}; ${sharing.map(({ guest, pages }) => `${guestLabel(guest)} ${pages}`).join('; ')}), ` +
          `but the host holds ${there} (${holds}). Whichever guest starts last finds too few pages and does not start; ` +
          'reserve more (guide 8.2.3) or do not run them together.',
      });
    }
  },
};

/** Whether another guest's pages come from the nodes this demand draws on (any node when either is unbound). */
function drawsFrom(theirs: HugePageDemand, ours: HugePageDemand): boolean {
  if (!ours.nodes || !theirs.nodes) return true;
  return theirs.nodes.some((node) => ours.nodes!.includes(node));
}
