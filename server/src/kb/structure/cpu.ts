import type { ElementSpec, ValueType } from '../types';
import { attribute, countElement, cpuset, element, integer, memory, memoryUnit, oneOf, onoff, string, yesno } from './build';

/** Scheduling policies of `<vcpusched>`, `<iothreadsched>` and `<emulatorsched>` (libvirt has no `other`). */
const SCHEDULER: ValueType = oneOf(
  ['batch', 'non-interactive batch scheduling'],
  ['idle', 'run only when the CPU is otherwise idle'],
  ['fifo', 'real-time first-in first-out (needs priority)'],
  ['rr', 'real-time round-robin (needs priority)'],
);
/** Real-time priority; the host kernel usually accepts 1-99, the schema 0-65535. */
const PRIORITY = integer(0, 65535);
/** CFS enforcement interval in microseconds. */
const PERIOD = integer(1000, 1000000);
/** CFS quota in microseconds: 1000-17592186044415, 0 for unset, any negative value for unlimited. */
const QUOTA = integer(undefined, 17592186044415);
const MEM_ACCESS: ValueType = oneOf(['shared', 'mapped shared (vhost-user disks, virtiofs)'], ['private', 'mapped private']);
const INTERCONNECT_TYPE: ValueType = oneOf(['access', 'access (read and write)'], ['read', 'read'], ['write', 'write']);

/**
 * vCPUs, IOThreads, `<cputune>` and `<cpu>` (model, topology, guest NUMA cells), transcribed from
 * libvirt 11.3.0's domaincommon.rng and cputypes.rng.
 */
export const CPU_SPECS: readonly ElementSpec[] = [
  // CPU Allocation
  element('domain/vcpu', {
    attributes: [
      attribute('cpuset', cpuset),
      attribute('current', integer(1, 65535)),
      attribute(
        'placement',
        oneOf(['static', 'pin to the cpuset given (all host CPUs when none is)'], ['auto', 'pin where numad advises; cpuset is ignored']),
      ),
    ],
    text: integer(1, 65535),
  }),
  element('domain/vcpus', { children: ['vcpu'] }),
  element('domain/vcpus/vcpu', {
    attributes: [
      attribute('enabled', yesno, true),
      attribute('hotpluggable', yesno),
      attribute('id', integer(0), true),
      attribute('order', integer(0)),
    ],
    empty: true,
  }),

  // IOThreads Allocation
  countElement('domain/iothreads'),
  element('domain/iothreadids', { children: ['iothread'] }),
  element('domain/iothreadids/iothread', {
    children: ['poll'],
    attributes: [
      attribute('id', integer(0), true),
      attribute('thread_pool_max', integer(0)),
      attribute('thread_pool_min', integer(0)),
    ],
  }),
  element('domain/iothreadids/iothread/poll', {
    attributes: [attribute('grow', integer(0)), attribute('max', integer(0)), attribute('shrink', integer(0))],
    empty: true,
  }),
  element('domain/defaultiothread', {
    attributes: [attribute('thread_pool_max', integer(0)), attribute('thread_pool_min', integer(0))],
    empty: true,
  }),

  // CPU Tuning
  element('domain/cputune', {
    children: [
      'vcpupin', 'emulatorpin', 'iothreadpin',
      'shares', 'period', 'quota', 'global_period', 'global_quota',
      'emulator_period', 'emulator_quota', 'iothread_period', 'iothread_quota',
      'vcpusched', 'iothreadsched', 'emulatorsched', 'cachetune', 'memorytune',
    ],
  }),
  element('domain/cputune/vcpupin', {
    attributes: [attribute('vcpu', integer(0, 65535), true), attribute('cpuset', cpuset, true)],
    empty: true,
  }),
  element('domain/cputune/emulatorpin', { attributes: [attribute('cpuset', cpuset, true)], empty: true }),
  element('domain/cputune/iothreadpin', {
    attributes: [attribute('iothread', integer(0), true), attribute('cpuset', cpuset, true)],
    empty: true,
  }),
  countElement('domain/cputune/shares'),
  element('domain/cputune/period', { text: PERIOD }),
  element('domain/cputune/quota', { text: QUOTA }),
  element('domain/cputune/global_period', { text: PERIOD }),
  element('domain/cputune/global_quota', { text: QUOTA }),
  element('domain/cputune/emulator_period', { text: PERIOD }),
  element('domain/cputune/emulator_quota', { text: QUOTA }),
  element('domain/cputune/iothread_period', { text: PERIOD }),
  element('domain/cputune/iothread_quota', { text: QUOTA }),
  element('domain/cputune/vcpusched', {
    attributes: [attribute('vcpus', cpuset), attribute('scheduler', SCHEDULER, true), attribute('priority', PRIORITY)],
    empty: true,
  }),
  element('domain/cputune/iothreadsched', {
    attributes: [attribute('iothreads', cpuset), attribute('scheduler', SCHEDULER, true), attribute('priority', PRIORITY)],
    empty: true,
  }),
  element('domain/cputune/emulatorsched', {
    attributes: [attribute('scheduler', SCHEDULER, true), attribute('priority', PRIORITY)],
    empty: true,
  }),
  element('domain/cputune/cachetune', {
    children: ['cache', 'monitor'],
    attributes: [attribute('vcpus', cpuset, true), attribute('id', string)],
  }),
  element('domain/cputune/cachetune/cache', {
    attributes: [
      attribute('id', integer(0), true),
      attribute('level', integer(0), true),
      attribute('type', oneOf(['code', 'instructions only'], ['data', 'data only'], ['both', 'unified code and data']), true),
      // In bytes unless `unit` says otherwise, so not the KiB-default `memory` kind.
      attribute('size', integer(0), true),
      attribute('unit', memoryUnit),
    ],
    empty: true,
  }),
  element('domain/cputune/cachetune/monitor', {
    attributes: [attribute('level', integer(0), true), attribute('vcpus', cpuset, true)],
    empty: true,
  }),
  element('domain/cputune/memorytune', { children: ['node', 'monitor'], attributes: [attribute('vcpus', cpuset, true)] }),
  element('domain/cputune/memorytune/node', {
    attributes: [attribute('id', integer(0), true), attribute('bandwidth', integer(0), true)],
    empty: true,
  }),
  element('domain/cputune/memorytune/monitor', { attributes: [attribute('vcpus', cpuset, true)], empty: true }),

  // CPU model and topology
  element('domain/cpu', {
    children: ['model', 'vendor', 'topology', 'cache', 'maxphysaddr', 'feature', 'numa'],
    attributes: [
      attribute(
        'mode',
        oneOf(
          ['custom', 'describe the guest CPU by model and features (the default)'],
          ['host-model', "copy the host's CPU model and features as libvirt understands them"],
          ['host-passthrough', 'show the guest exactly the host CPU'],
          ['maximum', 'the most capable CPU the hypervisor can provide'],
        ),
      ),
      attribute(
        'match',
        oneOf(
          ['minimum', 'the model is a lower bound; a better CPU may be given'],
          ['exact', 'the guest CPU must match exactly (the default)'],
          ['strict', 'the host CPU itself must match exactly'],
        ),
      ),
      attribute(
        'check',
        oneOf(
          ['none', 'no check by libvirt'],
          ['partial', 'libvirt checks before starting only'],
          ['full', 'libvirt checks the CPU the hypervisor created'],
        ),
      ),
      attribute('migratable', onoff),
      attribute('deprecated_features', onoff),
    ],
  }),
  element('domain/cpu/model', {
    attributes: [
      attribute(
        'fallback',
        oneOf(
          ['allow', 'fall back to a close model the hypervisor supports (the default)'],
          ['forbid', 'refuse to start with an unsupported model'],
        ),
      ),
      attribute('vendor_id', string),
    ],
    text: string,
  }),
  element('domain/cpu/vendor', { text: string }),
  element('domain/cpu/topology', {
    attributes: [
      attribute('sockets', integer(1), true),
      attribute('dies', integer(1)),
      attribute('clusters', integer(1)),
      attribute('cores', integer(1), true),
      attribute('threads', integer(1), true),
    ],
    empty: true,
  }),
  element('domain/cpu/cache', {
    attributes: [
      attribute('level', integer(1, 3)),
      attribute(
        'mode',
        oneOf(
          ['emulate', 'report made-up cache data'],
          ['passthrough', "pass the host's cache data through"],
          ['disable', 'report no cache'],
        ),
        true,
      ),
    ],
    empty: true,
  }),
  element('domain/cpu/maxphysaddr', {
    attributes: [
      attribute(
        'mode',
        oneOf(['passthrough', "use the host's number of physical address bits"], ['emulate', 'use the number given in bits']),
        true,
      ),
      attribute('bits', integer(0)),
      attribute('limit', integer(0)),
    ],
    empty: true,
  }),
  element('domain/cpu/feature', {
    attributes: [
      attribute(
        'policy',
        oneOf(
          ['force', 'claim the feature even if the host lacks it'],
          ['require', 'fail unless the host has it or it can be emulated (the default)'],
          ['optional', 'provide it only if the host has it'],
          ['disable', 'hide it from the guest'],
          ['forbid', 'fail if the host has it'],
        ),
      ),
      attribute('name', string, true),
    ],
    empty: true,
  }),
  element('domain/cpu/numa', { children: ['cell', 'interconnects'] }),
  element('domain/cpu/numa/cell', {
    children: ['distances', 'cache'],
    attributes: [
      attribute('id', integer(0)),
      attribute('cpus', cpuset),
      attribute('memory', memory, true),
      attribute('unit', memoryUnit),
      attribute('memAccess', MEM_ACCESS),
      attribute('discard', yesno),
    ],
  }),
  element('domain/cpu/numa/cell/distances', { children: ['sibling'] }),
  element('domain/cpu/numa/cell/distances/sibling', {
    attributes: [attribute('id', integer(0), true), attribute('value', integer(10, 255), true)],
    empty: true,
  }),
  element('domain/cpu/numa/cell/cache', {
    children: ['size', 'line'],
    attributes: [
      attribute('level', integer(0), true),
      attribute('associativity', oneOf(['none', 'no associativity'], ['direct', 'direct mapped'], ['full', 'fully associative']), true),
      attribute('policy', oneOf(['none', 'no write policy'], ['writeback', 'write-back'], ['writethrough', 'write-through']), true),
    ],
  }),
  element('domain/cpu/numa/cell/cache/size', {
    attributes: [attribute('value', integer(0), true), attribute('unit', memoryUnit)],
    empty: true,
  }),
  element('domain/cpu/numa/cell/cache/line', {
    attributes: [attribute('value', integer(0), true), attribute('unit', memoryUnit)],
    empty: true,
  }),
  element('domain/cpu/numa/interconnects', { children: ['latency', 'bandwidth'] }),
  element('domain/cpu/numa/interconnects/latency', {
    attributes: [
      attribute('initiator', integer(0), true),
      attribute('target', integer(0), true),
      attribute('cache', integer(0)),
      attribute('type', INTERCONNECT_TYPE, true),
      attribute('value', integer(0), true),
    ],
    empty: true,
  }),
  element('domain/cpu/numa/interconnects/bandwidth', {
    attributes: [
      attribute('initiator', integer(0), true),
      attribute('target', integer(0), true),
      attribute('cache', integer(0)),
      attribute('type', INTERCONNECT_TYPE, true),
      attribute('value', integer(0), true),
      // The schema demands it; libvirt's documentation treats it as optional (KiB by default).
      attribute('unit', memoryUnit),
    ],
    empty: true,
  }),
];
