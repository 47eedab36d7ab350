import type { LibvirtClaim } from '../core/types';

/**
 * A rule's libvirt claim as the README's rules table writes it (the "libvirt" column), checked by
 * test/rules-registry.test.ts so the table says what `npm run test:libvirt` checks.
 */
export function claimCell(claim: LibvirtClaim | undefined): string {
  if (!claim) return '';
  const stage = {
    define: 'refused by `virsh define`',
    validate: 'refused by `virsh edit`; `virsh define` drops it',
    start: 'defined; does not start',
    accepted: 'accepted',
  }[claim.stage];
  return claim.note ? `${stage} (${claim.note})` : stage;
}
