import type { ElementSpec, ValueType } from '../types';
import { attribute, element, integer, oneOf, openElement, string } from './build';

const LIFECYCLE_ACTION: readonly (readonly [string, string])[] = [
  ['destroy', 'stop the domain and free its resources'],
  ['restart', 'start it again with the same configuration'],
  ['preserve', 'keep its resources for analysis'],
  ['rename-restart', 'rename the stopped domain and start a new one'],
];
const LIFECYCLE: ValueType = oneOf(...LIFECYCLE_ACTION);

/**
 * The `<domain>` root and its top-level children. The tuning elements have their own files; the rest
 * of the domain (os, features, clock, ...) is placed but not described (`openElement`). The root's
 * child list is complete, so a top-level element libvirt does not know (the guide's `<cpuset>`
 * wrapper, 9.3.2) is an error.
 */
export const DOMAIN_SPECS: readonly ElementSpec[] = [
  element('domain', {
    children: [
      // General metadata
      'name', 'uuid', 'genid', 'title', 'description', 'metadata',
      // Resources and their tuning
      'maxMemory', 'memory', 'currentMemory', 'vcpu', 'vcpus', 'iothreads', 'iothreadids', 'defaultiothread',
      'cputune', 'memoryBacking', 'memtune', 'numatune', 'blkiotune', 'resource', 'cpu',
      // Booting, platform and lifecycle
      'sysinfo', 'bootloader', 'bootloader_args', 'os', 'idmap', 'features', 'clock', 'throttlegroups', 'perf', 'pm',
      'on_poweroff', 'on_reboot', 'on_crash', 'on_lockfailure',
      // Devices and security
      'devices', 'seclabel', 'keywrap', 'launchSecurity',
    ],
    attributes: [
      attribute('id', integer(0)),
      attribute(
        'type',
        oneOf(
          ['kvm', 'QEMU with KVM hardware acceleration'],
          ['qemu', 'QEMU with software emulation (TCG)'],
          ['kqemu', 'the old kqemu accelerator (obsolete)'],
          ['xen', 'the Xen hypervisor'],
          ['lxc', 'Linux containers'],
          ['uml', 'User Mode Linux'],
          ['openvz', 'OpenVZ containers'],
          ['test', "libvirt's test driver"],
          ['vmware', 'VMware hypervisors'],
          ['hyperv', 'Microsoft Hyper-V'],
          ['vbox', 'VirtualBox'],
          ['phyp', 'IBM PowerVM'],
          ['vz', 'Virtuozzo'],
          ['bhyve', 'the FreeBSD bhyve hypervisor'],
          ['hvf', "macOS's Hypervisor.framework (with QEMU)"],
        ),
        true,
      ),
    ],
  }),
  element('domain/name', { text: string }),
  element('domain/uuid', { text: string }),
  element('domain/genid', { text: string }),
  element('domain/title', { text: string }),
  element('domain/description', { text: string }),
  openElement('domain/metadata'),
  openElement('domain/resource'),
  openElement('domain/sysinfo'),
  openElement('domain/bootloader'),
  openElement('domain/bootloader_args'),
  openElement('domain/os'),
  openElement('domain/idmap'),
  openElement('domain/features'),
  openElement('domain/clock'),
  openElement('domain/throttlegroups'),
  openElement('domain/perf'),
  openElement('domain/pm'),
  element('domain/on_poweroff', { text: LIFECYCLE }),
  element('domain/on_reboot', { text: LIFECYCLE }),
  element('domain/on_crash', {
    text: oneOf(
      ...LIFECYCLE_ACTION,
      ['coredump-destroy', 'dump its core, then destroy it'],
      ['coredump-restart', 'dump its core, then restart it'],
    ),
  }),
  element('domain/on_lockfailure', {
    text: oneOf(
      ['poweroff', 'force the domain off'],
      ['restart', 'power it off and start it again'],
      ['pause', 'pause it until the lock can be taken again'],
      ['ignore', 'keep running as if nothing happened'],
    ),
  }),
  openElement('domain/seclabel'),
  openElement('domain/keywrap'),
  openElement('domain/launchSecurity'),
];
