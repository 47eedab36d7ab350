import type { DomainRule } from './context';
import { wellFormed } from './well-formed';
import { STRUCTURE_RULES } from './structure';
import { IO_RULES } from './io';
import { MEMORY_RULES } from './memory';
import { CPU_RULES } from './cpu';
import { HOST_RULES } from './host';
import { LIBVIRT_RULES } from './libvirt';
import { GUEST_RULES } from './guests';

/**
 * Every domain rule, in code order. Each group has a folder of its own: structure (VT101-VT109),
 * the cross-guest rules (VT110-VT119), silent unless the host's other guests are known, memory
 * (VT120-VT129), cpu and NUMA (VT130-VT139), disk and network I/O (VT140-VT149), the host-aware
 * rules (VT150-VT169), silent unless a host is known, and what libvirt's C code refuses beyond its
 * schema (VT170-VT199).
 */
export const DOMAIN_RULES: readonly DomainRule[] = [wellFormed, ...STRUCTURE_RULES, ...GUEST_RULES, ...MEMORY_RULES, ...CPU_RULES, ...IO_RULES, ...HOST_RULES, ...LIBVIRT_RULES];
