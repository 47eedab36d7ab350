import { BLOCK_PARAMS } from './block';
import { CPU_PARAMS } from './cpu';
import { canonicalParamName } from './documented';
import { IOMMU_PARAMS } from './iommu';
import { KVM_PARAMS } from './kvm';
import { MEMORY_PARAMS } from './memory';
import type { KernelParamSpec } from './types';

export * from './types';
export { canonicalParamName, isDocumentedParam, isUserspaceParam, DOCUMENTED_KERNEL_VERSION, DOCUMENTED_NAMES, DOCUMENTED_MODULES } from './documented';

/** Every kernel parameter the knowledge base describes, the guide's first. */
export const KERNEL_PARAMS: readonly KernelParamSpec[] = [...MEMORY_PARAMS, ...BLOCK_PARAMS, ...CPU_PARAMS, ...IOMMU_PARAMS, ...KVM_PARAMS];

const BY_NAME = new Map(KERNEL_PARAMS.map((spec) => [spec.name, spec]));

/** The spec of a parameter as written on a command line (`kvm-intel.nested` finds `kvm_intel.nested`). */
export function kernelParam(name: string): KernelParamSpec | undefined {
  return BY_NAME.get(canonicalParamName(name));
}

/** The modules whose options the knowledge base describes (`kvm`, `kvm_intel`, ...): the part before the dot. */
export const KNOWN_MODULES: ReadonlySet<string> = new Set(
  KERNEL_PARAMS.filter((spec) => spec.name.includes('.')).map((spec) => spec.name.slice(0, spec.name.indexOf('.'))),
);

/** The names of a module's options the knowledge base describes. */
export function moduleParams(module: string): KernelParamSpec[] {
  const canonical = canonicalParamName(module);
  return KERNEL_PARAMS.filter((spec) => spec.name.startsWith(`${canonical}.`));
}
