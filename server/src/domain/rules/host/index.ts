import type { DomainRule } from '../context';
import { cpuModeUnsupported } from './cpu-mode-unsupported';
import { cpuModelUnknown } from './cpu-model-unknown';
import { deviceTypeUnsupported } from './device-type-unsupported';
import { hostCpuMissing } from './host-cpu-missing';
import { hostCpuOffline } from './host-cpu-offline';
import { hostHugepageSizeMissing } from './host-hugepage-size-missing';
import { hostHugepagesInsufficient } from './host-hugepages-insufficient';
import { hostNodeMissing } from './host-node-missing';
import { hostdevMissing } from './hostdev-missing';
import { hostdevRemoteNode } from './hostdev-remote-node';
import { machineTypeDeprecated } from './machine-type-deprecated';
import { machineTypeUnknown } from './machine-type-unknown';
import { nosharepagesWithoutKsm } from './nosharepages-without-ksm';
import { vcpuAboveMachineMaximum } from './vcpu-above-machine-maximum';
import { vcpuOvercommit } from './vcpu-overcommit';
import { vcpusOutsideMemoryNode } from './vcpus-outside-memory-node';

/**
 * Host-aware rules (VT150-VT169): they compare the domain with the host it will run on and stay
 * silent when no host is known (`context.host` unset) or the host does not know the fact.
 */
export const HOST_RULES: readonly DomainRule[] = [
  hostCpuMissing,
  hostCpuOffline,
  hostNodeMissing,
  hostHugepageSizeMissing,
  hostHugepagesInsufficient,
  vcpusOutsideMemoryNode,
  vcpuOvercommit,
  hostdevRemoteNode,
  hostdevMissing,
  nosharepagesWithoutKsm,
  machineTypeUnknown,
  machineTypeDeprecated,
  vcpuAboveMachineMaximum,
  cpuModeUnsupported,
  cpuModelUnknown,
  deviceTypeUnsupported,
];

/** The codes of the host-aware rules, for the panel's conflicts. */
export const HOST_RULE_CODES: ReadonlySet<string> = new Set(HOST_RULES.map((rule) => rule.meta.code));
