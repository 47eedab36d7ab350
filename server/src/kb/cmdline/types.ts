import type { Source } from '../types';

/** The host architectures virt-tune tells apart on a kernel command line (the kernel's own names). */
export type KernelArch = 'x86_64' | 'aarch64' | 'ppc64le' | 's390x' | 'riscv64';

export interface KernelEnumValue {
  value: string;
  /** Short description, in the project's own words. */
  doc?: string;
  /** Only on these architectures. */
  arch?: readonly KernelArch[];
  /** Still accepted, but the kernel's documentation calls it deprecated; `instead` says what replaces it. */
  deprecated?: { instead: string };
}

/**
 * Options a newer kernel reads after an enum's keyword, each after a comma (`mitigations=auto,no_guest_host`):
 * the kernel matches the value's start against the keywords (the keyword itself may be left out), then
 * reads the options one by one and stops at the first it does not know. Kernels before `since`, and other
 * architectures than `arch`, take only a keyword and ignore the whole value.
 */
export interface TrailingOptions {
  options: readonly KernelEnumValue[];
  /** The first kernel version that reads them (`6.17`). */
  since: string;
  /** Only on these architectures. */
  arch: readonly KernelArch[];
}

/** What a kernel parameter's value may be, as the kernel parses it. */
export type KernelValueType =
  /** No value: the parameter is a switch (`nowatchdog`). */
  | { kind: 'flag' }
  /**
   * One of a closed list, compared exactly. With `list`, several options separated by commas
   * (`intel_iommu=on,sm_on`). With `alsoBool`, the kernel's boolean spellings are taken as well.
   */
  | { kind: 'enum'; values: readonly KernelEnumValue[]; list?: boolean; alsoBool?: boolean; extra?: { pattern: RegExp; expected: string }; trailing?: TrailingOptions }
  /**
   * The kernel's boolean (kstrtobool): 1/0, y/n, on/off, true/false, by the first letters. `spellings`
   * are the true and false spellings the documentation uses, offered first (1 and 0 unless given).
   */
  | { kind: 'bool'; spellings?: readonly [string, string] }
  /** Exactly `on` or `off`. */
  | { kind: 'onoff' }
  | { kind: 'integer'; min?: number; max?: number }
  /** A size as the kernel's memparse reads it: a number and one of the `suffixes`; `nodes` allows `<node>:<size>,...`. */
  | { kind: 'size'; suffixes: string; nodes?: boolean }
  /** A page count, or per node `<node>:<count>,...` (hugepages=). */
  | { kind: 'count'; nodes?: boolean }
  /** A cpu list in the kernel's syntax (admin-guide/kernel-parameters.rst, "cpu lists"). */
  | { kind: 'cpulist' }
  /** `[flag,...,]<cpu-list>`: leading flags from `flags`, then a cpu list (isolcpus=). */
  | { kind: 'flaggedCpulist'; flags: readonly KernelEnumValue[] }
  /** A value checked against a pattern, with what the pattern means said in words. */
  | { kind: 'pattern'; pattern: RegExp; expected: string }
  | { kind: 'string' };

/**
 * What happens when the parameter is given more than once: `last` (every copy is read, the last one's
 * setting stays), `first` (later copies are refused or ignored), `each` (every copy counts: hugepagesz=
 * and hugepages= pairs), `accumulate` (each copy's options add to the earlier ones': `intel_iommu=on
 * intel_iommu=igfx_off` turns the IOMMU on *and* leaves graphics out, so no copy may be removed).
 */
export type Repeat = 'last' | 'first' | 'each' | 'accumulate';

/** A kernel command line parameter as the knowledge base describes it. */
export interface KernelParamSpec {
  /** As the kernel matches it, dashes written as underscores: `kvm_intel.nested`. */
  name: string;
  /** How the kernel's documentation spells it, when that differs (`kvm-intel.nested`). */
  documentedAs?: string;
  value: KernelValueType;
  /** The parameter may also be given bare, with no `=value` (`rcu_nocbs`, `nosmt`). */
  valueOptional?: boolean;
  /** Only on these architectures; undefined for all. */
  arch?: readonly KernelArch[];
  default?: string;
  /** One sentence, Markdown, in the project's own words. */
  summary: string;
  details?: string;
  /** The guide's (or the kernel documentation's) advice. */
  advice?: string;
  repeat: Repeat;
  /** Why a repeat behaves as it does, when it is not the usual `last`. */
  repeatNote?: string;
  /**
   * The kernel function that parses the parameter (and its file), which is what `repeat` was read from:
   * `intel_iommu_setup() (drivers/iommu/intel/iommu.c)`. A fix removes a copy only when this is known.
   */
  parsedBy?: string;
  sources: readonly Source[];
  /**
   * The module that reads this option when it can be built as a loadable one (Kconfig tristate, and built
   * so by the usual distributions): modprobe hands it the command line's value, and a value its setter
   * refuses makes the whole module refuse to load, where a built-in one logs it and keeps its default.
   */
  loadableModule?: string;
  /**
   * A value after which the kernel refuses every later setting of the option (`kvm.nx_huge_pages=never`:
   * its setter answers EPERM from then on), so a later copy does not win as `repeat` says.
   */
  lastingValue?: string;
  /**
   * A value the kernel refuses sets nothing, so an earlier copy's value stays (read from `parsedBy`'s code:
   * it checks the value before it assigns). Unknown when absent: some setters do something else with a
   * value they cannot read (rcu_nocbs= then offloads every CPU).
   */
  refusedKeepsEarlier?: boolean;
  /** What the kernel does with a value it cannot read, when it does not just log it and keep its default. */
  refusedDoes?: string;
}
