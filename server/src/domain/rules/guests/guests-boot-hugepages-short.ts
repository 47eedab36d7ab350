import { KERNEL_PARAMETERS } from '../../../kb/cmdline/sources';
import { guide, libvirt } from '../../../kb/sources';
import { pageSizeLabel } from '../../../host/sizes';
import { guestLabel } from '../../../guests/load';
import { attribute } from '../../../xml/query';
import type { DomainRule } from '../context';
import { canRun, documentClaims, guestClaims, otherGuests } from './claims';

/**
 * VT115: the huge pages of a size that this guest and the guests that can run with it ask for add up to
 * more than the host's kernel command line reserves at boot (hugepagesz=/hugepages=, read from the
 * workspace's etc/default/grub, BLS entries or grub.cfg of the same tree as the guests). Pages reserved at
 * boot are the ones sure to exist (guide 8.2.3.3); whichever guest starts last finds too few.
 */
export const guestsBootHugepagesShort: DomainRule = {
  meta: {
    code: 'VT115',
    name: 'guests-boot-hugepages-short',
    title: "The kernel command line must reserve the huge pages the host's guests ask for",
    severity: 'warning',
    sources: [
      guide('8.2.3.3', 'Enabling 1 GB huge pages for guests at boot or runtime'),
      KERNEL_PARAMETERS,
      libvirt('memory-backing', 'Memory Backing'),
    ],
    fixable: false,
  },
  needs: ['bootHugepages'],
  check(context, report) {
    const boot = context.bootHugepages;
    if (!boot) return;
    const others = otherGuests(context).filter(canRun);
    for (const demand of documentClaims(context).hugepages) {
      const reserved = boot.pages.find((pages) => pages.sizeKiB === demand.sizeKiB);
      if (!reserved) continue;
      const sharing = others.flatMap((guest) => {
        const pages = guestClaims(guest, context.host?.defaultHugepageKiB ?? null)
          .hugepages.filter((theirs) => theirs.sizeKiB === demand.sizeKiB)
          .reduce((sum, theirs) => sum + theirs.pages, 0);
        return pages > 0 ? [{ guest, pages }] : [];
      });
      const asked = demand.pages + sharing.reduce((sum, { pages }) => sum + pages, 0);
      if (asked <= reserved.count) continue;
      const span = demand.page ? attribute(demand.page.element, 'size')?.valueSpan : context.model.memoryBacking?.hugepages?.element.nameSpan;
      if (!span) continue;
      const who = sharing.length > 0 ? `this guest ${demand.pages}; ${sharing.map(({ guest, pages }) => `${guestLabel(guest)} ${pages}`).join('; ')}` : `this guest alone`;
      report({
        span,
        message:
          `The kernel command line in ${boot.path} reserves ${reserved.count} huge pages of ${pageSizeLabel(demand.sizeKiB)} at boot, ` +
          `but ${asked} are asked for (${who}). Raise hugepages= after hugepagesz=${pageSizeLabel(demand.sizeKiB).replace(' ', '').replace('GiB', 'G').replace('MiB', 'M')} ` +
          'there (guide 8.2.3.3), or give the guests less memory: the guest that starts last does not start.',
      });
    }
  },
};
