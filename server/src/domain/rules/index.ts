import type { DomainRule } from './context';
import { wellFormed } from './well-formed';

/**
 * Every domain rule, in code order. Each group has a folder of its own: structure (VT101-VT109),
 * memory (VT120-VT129), cpu and NUMA (VT130-VT139), disk and network I/O (VT140-VT149).
 */
export const DOMAIN_RULES: readonly DomainRule[] = [wellFormed];
