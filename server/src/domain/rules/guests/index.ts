import type { DomainRule } from '../context';
import { guestsAllNosharepages } from './guests-all-nosharepages';
import { guestsBootHugepagesShort } from './guests-boot-hugepages-short';
import { guestsHugepagesShort } from './guests-hugepages-short';
import { guestsShareHostCpus } from './guests-share-host-cpus';
import { guestsStrictMemoryExceedsNode } from './guests-strict-memory-exceeds-node';
import { guestsVcpuOvercommit } from './guests-vcpu-overcommit';

/**
 * Cross-guest rules (VT110-VT119): they compare the domain with the host's other guests (`context.guests`,
 * libvirt's domains or the workspace's files) and stay silent without them. Each finding names the other
 * guests.
 */
export const GUEST_RULES: readonly DomainRule[] = [guestsShareHostCpus, guestsHugepagesShort, guestsStrictMemoryExceedsNode, guestsAllNosharepages, guestsVcpuOvercommit, guestsBootHugepagesShort];

export const GUEST_RULE_CODES: ReadonlySet<string> = new Set(GUEST_RULES.map((rule) => rule.meta.code));
