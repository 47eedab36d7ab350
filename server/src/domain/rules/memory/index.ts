import type { DomainRule } from '../context';
import { hardLimitBelowMemory } from './hard-limit-below-memory';
import { hugepageNodesetUnknownCell } from './hugepage-nodeset-unknown-cell';
import { hugepagePagesConflict } from './hugepage-pages-conflict';
import { hugepageSizeNotHuge } from './hugepage-size-not-huge';
import { limitAboveHardLimit } from './limit-above-hard-limit';
import { lockedWithoutHardLimit } from './locked-without-hard-limit';
import { memnodeUnknownCell } from './memnode-unknown-cell';
import { minGuaranteeUnsupported } from './min-guarantee-unsupported';
import { preferredMultipleNodes } from './preferred-multiple-nodes';
import { swapHardLimitNotAboveHardLimit } from './swap-hard-limit-not-above-hard-limit';

/** Memory tuning (VT120-VT129): memtune limits, locked memory, huge pages, NUMA memory policy. */
export const MEMORY_RULES: readonly DomainRule[] = [
  lockedWithoutHardLimit,
  swapHardLimitNotAboveHardLimit,
  limitAboveHardLimit,
  hardLimitBelowMemory,
  hugepageNodesetUnknownCell,
  preferredMultipleNodes,
  memnodeUnknownCell,
  hugepagePagesConflict,
  hugepageSizeNotHuge,
  minGuaranteeUnsupported,
];
