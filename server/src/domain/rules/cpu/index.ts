import type { DomainRule } from '../context';
import { autoPlacementIgnoresCpuset } from './auto-placement-ignores-cpuset';
import { duplicateVcpupin } from './duplicate-vcpupin';
import { emulatorpinOverlapsVcpupin } from './emulatorpin-overlaps-vcpupin';
import { numaCellSplitsCore } from './numa-cell-splits-core';
import { numaCellsMissVcpus } from './numa-cells-miss-vcpus';
import { numaCellsOverlap } from './numa-cells-overlap';
import { numaMemoryMismatch } from './numa-memory-mismatch';
import { pinningIncomplete } from './pinning-incomplete';
import { vcpuCurrentAboveCount } from './vcpu-current-above-count';
import { vcpupinOutOfRange } from './vcpupin-out-of-range';

/** CPU and NUMA (VT130-VT139): vCPU pinning, vCPU counts, guest NUMA cells and topology. */
export const CPU_RULES: readonly DomainRule[] = [
  vcpupinOutOfRange,
  duplicateVcpupin,
  vcpuCurrentAboveCount,
  numaCellsOverlap,
  numaCellsMissVcpus,
  numaMemoryMismatch,
  pinningIncomplete,
  autoPlacementIgnoresCpuset,
  numaCellSplitsCore,
  emulatorpinOverlapsVcpupin,
];
