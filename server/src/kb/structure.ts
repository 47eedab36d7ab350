import type { ElementSpec } from './types';

/** Seed only: the knowledge-base work fills the whole tuning part of the domain. */
export const DOMAIN_STRUCTURE: readonly ElementSpec[] = [
  {
    path: 'domain/cputune',
    children: ['vcpupin', 'emulatorpin'],
    childrenKnown: true,
    attributes: [],
    attributesKnown: true,
  },
  {
    path: 'domain/cputune/vcpupin',
    children: [],
    childrenKnown: true,
    attributes: [
      { name: 'vcpu', type: { kind: 'integer', min: 0 }, required: true },
      { name: 'cpuset', type: { kind: 'cpuset' }, required: true },
    ],
    attributesKnown: true,
    empty: true,
  },
];

const BY_PATH = new Map(DOMAIN_STRUCTURE.map((spec) => [spec.path, spec]));

export function elementSpec(path: string): ElementSpec | undefined {
  return BY_PATH.get(path);
}
