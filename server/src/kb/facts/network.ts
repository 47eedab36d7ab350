import type { Fact } from '../types';
import { guideSection as guide, libvirtSection as libvirt } from './cite';
import { virtioDriverFacts } from './virtio';

const INTERFACES = libvirt('network-interfaces');
const NIC_MODEL = libvirt('setting-the-nic-model');
const NIC_DRIVER = libvirt('setting-nic-driver-specific-options');
const COALESCE = libvirt('coalesce-settings');

/** Offload switches of `<driver><host>` and `<driver><guest>`. */
const OFFLOADS: readonly (readonly [string, string])[] = [
  ['csum', 'checksum offload'],
  ['gso', 'generic segmentation offload'],
  ['tso4', 'TCP segmentation offload for IPv4'],
  ['tso6', 'TCP segmentation offload for IPv6'],
  ['ecn', 'TSO with explicit congestion notification'],
  ['ufo', 'UDP fragmentation offload'],
];

function offloadFacts(side: 'host' | 'guest'): Fact[] {
  return OFFLOADS.filter(([name]) => side === 'host' || name !== 'gso').map(([name, what]) => ({
    key: `domain/devices/interface/driver/${side}@${name}`,
    summary: `Turns ${what} on the ${side} side on or off.`,
    default: 'on where supported',
    sources: [NIC_DRIVER],
  }));
}

export const NETWORK_FACTS: readonly Fact[] = [
  {
    key: 'domain/devices/interface',
    summary: 'A guest network card and the host connection behind it.',
    sources: [guide('5.4.2.1'), INTERFACES],
  },
  {
    key: 'domain/devices/interface@type',
    summary: 'How the interface connects to the host: a libvirt network, a bridge, a passed-through device, ...',
    sources: [INTERFACES],
  },
  {
    key: 'domain/devices/interface@type=network',
    summary: 'Connects to a libvirt virtual network through a tap device.',
    details: 'Coalesce (rx batching) settings apply to this type and to `bridge` (guide 5.5).',
    sources: [guide('5.5'), INTERFACES, COALESCE],
  },
  {
    key: 'domain/devices/interface@type=bridge',
    summary: 'Connects a tap device to a host bridge.',
    details: 'Coalesce (rx batching) settings apply to this type and to `network` (guide 5.5).',
    sources: [guide('5.5'), INTERFACES, COALESCE],
  },
  {
    key: 'domain/devices/interface@trustGuestRxFilters',
    summary: "Lets the host trust the guest's reports of MAC address and receive-filter changes.",
    default: '`no`, for security',
    sources: [INTERFACES],
  },
  {
    key: 'domain/devices/interface/model',
    summary: 'The network card model the guest sees.',
    sources: [guide('5.4.2.1'), NIC_MODEL],
  },
  {
    key: 'domain/devices/interface/model@type',
    summary: 'The NIC model: `virtio` for the paravirtual card, or an emulated one such as `e1000e` or `rtl8139`.',
    details:
      'libvirt passes any name on to the hypervisor, but devices it does not know may get wrong addresses ' +
      'or handling.',
    advice: 'Multi-queue needs `virtio` (guide 5.4.2.1).',
    sources: [guide('5.4.2.1'), NIC_MODEL],
  },
  {
    key: 'domain/devices/interface/driver',
    summary: 'Backend and virtio-net options of the interface: vhost or QEMU backend, queues, ring sizes and offloads.',
    sources: [guide('5.4.2.1'), NIC_DRIVER],
  },
  {
    key: 'domain/devices/interface/driver@name',
    summary: 'The backend: `vhost` (in the kernel) or `qemu` (user space); `vfio` or `kvm` for passed-through devices.',
    default: '`vhost` when the host supports it, else `qemu`',
    sources: [guide('5.2'), NIC_DRIVER],
  },
  {
    key: 'domain/devices/interface/driver@name=vhost',
    summary: 'The vhost-net kernel backend, which moves part of virtio into the host kernel.',
    details: 'It saves copies and lowers latency and CPU use (guide 5.2). Requiring it on a host without vhost support fails.',
    sources: [guide('5.2'), guide('5.4.2.1'), NIC_DRIVER],
  },
  {
    key: 'domain/devices/interface/driver@name=qemu',
    summary: 'The user-space backend inside QEMU.',
    sources: [NIC_DRIVER],
  },
  {
    key: 'domain/devices/interface/driver@name=vfio',
    summary: 'VFIO device assignment, for `hostdev` interfaces; works with UEFI Secure Boot.',
    sources: [NIC_DRIVER],
  },
  {
    key: 'domain/devices/interface/driver@name=kvm',
    summary: 'Legacy KVM device assignment, for `hostdev` interfaces.',
    sources: [NIC_DRIVER],
  },
  {
    key: 'domain/devices/interface/driver@queues',
    summary: 'The number of virtio-net queue pairs; with several, vCPUs send and receive packets in parallel.',
    details:
      'Single-queue virtio-net does not scale with the vCPU count. Multi-queue raises total throughput, ' +
      'helps incoming traffic most, can occasionally slow outgoing traffic, and costs more CPU. Inside the ' +
      'guest, turn the queues on with `ethtool -L eth0 combined M` (M from 1 to N). Needs `<model type="virtio"/>`.',
    advice:
      'Gains are largest with large packets, many simultaneous connections, and as many queues as vCPUs ' +
      "(guide 5.4.2). Raise `max_files` in /etc/libvirt/qemu.conf to 2048: the default 1024 can keep guests " +
      'with multi-queue from starting (guide 5.4.2.1).',
    range: '1–256 (the most a multi-queue tap device supports)',
    sources: [guide('5.4.2'), guide('5.4.2.1'), NIC_DRIVER],
  },
  {
    key: 'domain/devices/interface/driver@txmode',
    summary: 'How transmission proceeds when the transmit buffer is full: in a bottom half (`iothread`) or on a timer.',
    advice: 'libvirt advises leaving it alone unless you know exactly why you change it.',
    sources: [NIC_DRIVER],
  },
  {
    key: 'domain/devices/interface/driver@ioeventfd',
    summary: "Lets QEMU handle the interface's I/O notifications in a separate thread while the guest keeps running.",
    advice: 'libvirt advises leaving it alone unless you know exactly why you change it.',
    sources: [NIC_DRIVER],
  },
  {
    key: 'domain/devices/interface/driver@event_idx',
    summary: 'Virtio event index: when on, the guest takes fewer interrupts and exits.',
    advice: 'libvirt advises leaving it alone unless you know exactly why you change it.',
    sources: [NIC_DRIVER],
  },
  {
    key: 'domain/devices/interface/driver@rx_queue_size',
    summary: 'The size of each receive virtqueue.',
    details: 'The default depends on the hypervisor; QEMU wants a power of two from 256 to 1024.',
    sources: [NIC_DRIVER],
  },
  {
    key: 'domain/devices/interface/driver@tx_queue_size',
    summary: 'The size of each transmit virtqueue.',
    details:
      'The default depends on the hypervisor; QEMU wants a power of two from 256 to 1024 and may honour it ' +
      'only for some interface types (vhost-user).',
    sources: [NIC_DRIVER],
  },
  {
    key: 'domain/devices/interface/driver@rss',
    summary: 'Receive-side scaling in QEMU for a virtio NIC on a tap backend.',
    advice: 'It depends on the vCPU, tap and vhost setup; libvirt advises leaving it alone unless you know the details.',
    sources: [NIC_DRIVER],
  },
  {
    key: 'domain/devices/interface/driver@rss_hash_report',
    summary: 'Puts the packet hash computed by QEMU into the virtio header, usually together with `rss`.',
    sources: [NIC_DRIVER],
  },
  {
    key: 'domain/devices/interface/driver@model',
    summary: 'For a passed-through (`hostdev`) interface: the host VFIO variant driver to bind the device to.',
    details: 'Without it libvirt picks the best matching VFIO driver, or the generic vfio-pci.',
    sources: [libvirt('usb-pci-scsi-devices')],
  },
  ...virtioDriverFacts('domain/devices/interface/driver'),
  {
    key: 'domain/devices/interface/driver/host',
    summary: 'Host-side offloads of the virtio NIC, each `on` or `off`; QEMU enables the supported ones by default.',
    sources: [NIC_DRIVER],
  },
  ...offloadFacts('host'),
  {
    key: 'domain/devices/interface/driver/host@mrg_rxbuf',
    summary: 'Mergeable receive buffers on the host side.',
    default: '`on`',
    sources: [NIC_DRIVER],
  },
  {
    key: 'domain/devices/interface/driver/guest',
    summary: 'Guest-side offloads of the virtio NIC, each `on` or `off`; QEMU enables the supported ones by default.',
    sources: [NIC_DRIVER],
  },
  ...offloadFacts('guest'),
  {
    key: 'domain/devices/interface/coalesce',
    summary: 'Interrupt coalescing (packet batching) for the interface.',
    details: 'Only interfaces of type `network` and `bridge` support it.',
    sources: [guide('5.5'), COALESCE],
  },
  {
    key: 'domain/devices/interface/coalesce/rx',
    summary: 'Coalescing settings for received packets.',
    sources: [guide('5.5'), COALESCE],
  },
  {
    key: 'domain/devices/interface/coalesce/rx/frames',
    summary: 'Receive batching by frame count (tun/tap rx batching).',
    sources: [guide('5.5'), COALESCE],
  },
  {
    key: 'domain/devices/interface/coalesce/rx/frames@max',
    summary: 'The most packets received before an interrupt is raised.',
    details:
      'On long transmission paths, handing packets to the kernel in batches can use caches better. ' +
      '`ethtool -C $tap rx-frames N` sets the same on the host tap device.',
    advice: "The guide's example batches up to 7 frames (guide 5.5).",
    range: '0 or more',
    sources: [guide('5.5'), COALESCE],
  },
];
