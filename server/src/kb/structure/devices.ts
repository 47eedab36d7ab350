import type { ElementSpec, ValueType } from '../types';
import { attribute, countElement, element, integer, memoryElement, oneOf, onoff, openElement, string, yesno } from './build';

const VIRTIO_MODEL: readonly (readonly [string, string])[] = [
  ['virtio', 'virtio, the usual choice'],
  ['virtio-transitional', 'virtio for old (0.9) and new (1.0) guest drivers'],
  ['virtio-non-transitional', 'virtio 1.0 guest drivers only'],
];

/** `ats`, `iommu`, `packed`, `page_per_vq`: the virtio transport options every virtio `<driver>` takes. */
const VIRTIO_DRIVER_OPTIONS = ['iommu', 'ats', 'packed', 'page_per_vq'].map((name) => attribute(name, onoff));

const IO_ERROR_POLICY: readonly (readonly [string, string])[] = [
  ['stop', 'pause the guest'],
  ['report', 'report the error to the guest'],
  ['ignore', 'ignore the error'],
];

/** The throttling limits of a disk's `<iotune>` (and of `<throttlegroup>`); 0 or absent means no limit. */
const IOTUNE_LIMITS = ['total', 'read', 'write'].flatMap((direction) =>
  ['bytes_sec', 'iops_sec'].flatMap((measure) => {
    const name = `${direction}_${measure}`;
    return [name, `${name}_max`, `${name}_max_length`];
  }),
);

/** `<iothreads><iothread id=''><queue id=''/></iothread></iothreads>` under a disk's or a controller's driver. */
function iothreadMapping(driverPath: string): ElementSpec[] {
  return [
    element(`${driverPath}/iothreads`, { children: ['iothread'] }),
    element(`${driverPath}/iothreads/iothread`, { children: ['queue'], attributes: [attribute('id', integer(0), true)] }),
    element(`${driverPath}/iothreads/iothread/queue`, { attributes: [attribute('id', integer(0), true)], empty: true }),
  ];
}

const DEVICE_NAMES = [
  'emulator', 'disk', 'controller', 'lease', 'filesystem', 'interface', 'input', 'sound', 'audio', 'hostdev',
  'graphics', 'video', 'console', 'parallel', 'serial', 'channel', 'smartcard', 'redirdev', 'redirfilter', 'hub',
  'watchdog', 'memballoon', 'rng', 'tpm', 'shmem', 'memory', 'iommu', 'vsock', 'crypto', 'panic', 'pstore', 'nvram',
];

const DISK_CHILDREN = [
  'driver', 'source', 'backingStore', 'mirror', 'target', 'iotune', 'throttlefilters', 'boot', 'encryption',
  'readonly', 'shareable', 'transient', 'serial', 'wwn', 'vendor', 'product', 'blockio', 'geometry', 'auth',
  'address', 'alias', 'acpi', 'backenddomain',
];

const CONTROLLER_CHILDREN = ['driver', 'model', 'address', 'alias', 'acpi', 'master', 'target', 'pcihole64'];

const INTERFACE_CHILDREN = [
  'source', 'mac', 'model', 'driver', 'target', 'coalesce', 'tune', 'backend', 'bandwidth', 'vlan', 'virtualport',
  'link', 'mtu', 'ip', 'route', 'portForward', 'port', 'teaming', 'filterref', 'script', 'downscript', 'guest',
  'boot', 'rom', 'address', 'alias', 'acpi', 'backenddomain',
];

const CACHE_MODE: ValueType = oneOf(
  ['default', "the hypervisor's default"],
  ['none', 'bypass the host page cache (O_DIRECT)'],
  ['writethrough', 'cache on the host, write through to storage'],
  ['writeback', 'cache on the host, write back later'],
  ['directsync', 'bypass the host page cache and write through'],
  ['unsafe', 'cache on the host and ignore flush requests'],
);

const DISK_FORMAT: ValueType = oneOf(
  ['raw', 'raw image'],
  ['qcow2', 'QEMU copy-on-write v2'],
  ['qcow', 'QEMU copy-on-write v1'],
  ['qed', 'QEMU enhanced disk'],
  ['vmdk', 'VMware disk'],
  ['vpc', 'Virtual PC (vhd) disk'],
  ['vhd', 'Virtual Hard Disk'],
  ['vdi', 'VirtualBox disk'],
  ['bochs', 'Bochs disk'],
  ['cloop', 'compressed loop image'],
  ['cow', 'User Mode Linux COW'],
  ['dmg', 'Apple disk image'],
  ['iso', 'ISO 9660 image'],
  ['fat', 'virtual FAT directory'],
  ['dir', 'directory'],
  ['luks', 'LUKS encrypted image'],
  ['ploop', 'Virtuozzo ploop image'],
  ['aio', "Xen's asynchronous I/O driver type"],
);

/** Controller models of every controller type together; which go with which type is not modelled here. */
const CONTROLLER_MODEL: ValueType = oneOf(
  ['virtio-scsi', 'SCSI: virtio-scsi (paravirtual, multi-queue capable)'],
  ['auto', 'SCSI: let libvirt choose'],
  ['buslogic', 'SCSI: BusLogic'],
  ['ibmvscsi', 'SCSI: IBM virtual SCSI'],
  ['lsilogic', 'SCSI: LSI Logic'],
  ['lsisas1068', 'SCSI: LSI SAS 1068'],
  ['lsisas1078', 'SCSI: LSI SAS 1078'],
  ['vmpvscsi', 'SCSI: VMware paravirtual'],
  ['ncr53c90', 'SCSI: NCR 53C90 (built-in only)'],
  ['am53c974', 'SCSI: AM53C974'],
  ['dc390', 'SCSI: DC-390'],
  ['virtio', 'virtio-serial: virtio'],
  ['virtio-transitional', 'virtio for old and new guest drivers'],
  ['virtio-non-transitional', 'virtio 1.0 guest drivers only'],
  ['piix3-uhci', 'USB: PIIX3 UHCI'],
  ['piix4-uhci', 'USB: PIIX4 UHCI'],
  ['ehci', 'USB: EHCI'],
  ['ich9-ehci1', 'USB: ICH9 EHCI'],
  ['ich9-uhci1', 'USB: ICH9 UHCI companion 1'],
  ['ich9-uhci2', 'USB: ICH9 UHCI companion 2'],
  ['ich9-uhci3', 'USB: ICH9 UHCI companion 3'],
  ['vt82c686b-uhci', 'USB: VIA UHCI'],
  ['pci-ohci', 'USB: PCI OHCI'],
  ['nec-xhci', 'USB: NEC XHCI'],
  ['qemu-xhci', 'USB: QEMU XHCI'],
  ['qusb1', 'USB: Xen PV USB 1.1'],
  ['qusb2', 'USB: Xen PV USB 2.0'],
  ['none', 'USB: no USB bus at all'],
  ['piix3', 'IDE: PIIX3 (vbox)'],
  ['piix4', 'IDE: PIIX4 (vbox)'],
  ['ich6', 'IDE: ICH6 (vbox)'],
  ['pci-root', 'PCI: root bus'],
  ['pcie-root', 'PCI Express: root complex'],
  ['pci-bridge', 'PCI: PCI-to-PCI bridge'],
  ['dmi-to-pci-bridge', 'PCI: DMI-to-PCI bridge'],
  ['pcie-root-port', 'PCI Express: root port'],
  ['pcie-switch-upstream-port', 'PCI Express: switch upstream port'],
  ['pcie-switch-downstream-port', 'PCI Express: switch downstream port'],
  ['pci-expander-bus', 'PCI: expander bus'],
  ['pcie-expander-bus', 'PCI Express: expander bus'],
  ['pcie-to-pci-bridge', 'PCI Express to PCI bridge'],
);

const INTERFACE_TYPE: ValueType = oneOf(
  ['network', 'a libvirt virtual network'],
  ['bridge', 'a host bridge'],
  ['user', 'user-mode networking (SLIRP or passt)'],
  ['ethernet', 'a tap device set up by scripts or by hand'],
  ['direct', 'macvtap on a physical interface'],
  ['hostdev', 'a PCI network device passed through'],
  ['vhostuser', 'a vhost-user socket'],
  ['vdpa', 'a vDPA device'],
  ['mcast', 'a multicast tunnel'],
  ['server', 'a TCP tunnel, listening end'],
  ['client', 'a TCP tunnel, connecting end'],
  ['udp', 'a UDP unicast tunnel'],
  ['null', 'no backend at all'],
  ['vds', 'a VMware distributed switch'],
  ['internal', 'an internal network (VirtualBox)'],
);

/**
 * `<devices>` and, in full, the tuning-relevant devices: `<disk>` (driver, iotune), `<controller>`
 * (driver: virtio-scsi queues) and `<interface>` (model, driver: multi-queue, coalesce), transcribed from
 * libvirt 11.3.0's domaincommon.rng. Other devices, and the children of these three that carry no
 * tuning, are placed but not described.
 */
export const DEVICE_SPECS: readonly ElementSpec[] = [
  element('domain/devices', { children: DEVICE_NAMES }),
  ...DEVICE_NAMES.filter((name) => !['disk', 'controller', 'interface'].includes(name)).map((name) =>
    openElement(`domain/devices/${name}`),
  ),

  // Hard drives, floppy disks, CDROMs
  element('domain/devices/disk', {
    children: DISK_CHILDREN,
    attributes: [
      attribute(
        'type',
        oneOf(
          ['file', 'an image file'],
          ['block', 'a host block device'],
          ['dir', 'a host directory as a virtual FAT disk'],
          ['network', 'a network storage protocol'],
          ['volume', 'a libvirt storage pool volume'],
          ['nvme', 'a host NVMe disk'],
          ['vhostuser', 'a vhost-user-blk backend'],
          ['vhostvdpa', 'a vhost-vdpa backend'],
        ),
      ),
      attribute(
        'device',
        oneOf(
          ['disk', 'a hard disk (the default)'],
          ['cdrom', 'a CD-ROM drive'],
          ['floppy', 'a floppy drive'],
          ['lun', 'a SCSI LUN passed through'],
        ),
      ),
      attribute('model', oneOf(...VIRTIO_MODEL)),
      attribute('rawio', yesno),
      attribute('sgio', oneOf(['filtered', 'filter unprivileged SG_IO (the default)'], ['unfiltered', 'pass unprivileged SG_IO'])),
      attribute(
        'snapshot',
        oneOf(
          ['internal', 'snapshot inside the image (qcow2)'],
          ['external', 'snapshot into a separate file'],
          ['no', 'take no part in snapshots'],
          ['manual', 'snapshots handled outside libvirt'],
        ),
      ),
    ],
  }),
  ...DISK_CHILDREN.filter((name) => !['driver', 'iotune'].includes(name)).map((name) => openElement(`domain/devices/disk/${name}`)),
  element('domain/devices/disk/driver', {
    children: ['iothreads', 'metadata_cache'],
    attributes: [
      attribute('name', string),
      attribute('type', DISK_FORMAT),
      attribute('cache', CACHE_MODE),
      attribute(
        'io',
        oneOf(['threads', 'a pool of host user-space threads'], ['native', 'Linux native asynchronous I/O'], ['io_uring', 'Linux io_uring']),
      ),
      attribute('ioeventfd', onoff),
      attribute('event_idx', onoff),
      attribute('copy_on_read', onoff),
      attribute('discard', oneOf(['unmap', 'pass discard (trim) requests to the storage'], ['ignore', 'drop discard requests'])),
      attribute('discard_no_unref', onoff),
      attribute(
        'detect_zeroes',
        oneOf(
          ['off', 'do not look for zero writes'],
          ['on', 'detect writes of zeroes'],
          ['unmap', 'detect them and discard the area if discard allows'],
        ),
      ),
      attribute('iothread', integer(0)),
      attribute('queues', integer(1)),
      attribute('queue_size', integer(1)),
      attribute('error_policy', oneOf(...IO_ERROR_POLICY, ['enospace', 'pause only when the host is out of space'])),
      attribute('rerror_policy', oneOf(...IO_ERROR_POLICY)),
      ...VIRTIO_DRIVER_OPTIONS,
    ],
  }),
  ...iothreadMapping('domain/devices/disk/driver'),
  element('domain/devices/disk/driver/metadata_cache', { children: ['max_size'] }),
  memoryElement('domain/devices/disk/driver/metadata_cache/max_size'),
  element('domain/devices/disk/iotune', { children: [...IOTUNE_LIMITS, 'size_iops_sec', 'group_name'] }),
  ...[...IOTUNE_LIMITS, 'size_iops_sec'].map((name) => countElement(`domain/devices/disk/iotune/${name}`)),
  element('domain/devices/disk/iotune/group_name', { text: string }),

  // Controllers
  element('domain/devices/controller', {
    children: CONTROLLER_CHILDREN,
    attributes: [
      attribute(
        'type',
        oneOf(
          ['ide', 'IDE'],
          ['fdc', 'floppy'],
          ['scsi', 'SCSI'],
          ['sata', 'SATA'],
          ['usb', 'USB'],
          ['ccid', 'smartcard (CCID)'],
          ['virtio-serial', 'virtio serial'],
          ['pci', 'PCI / PCI Express'],
          ['xenbus', 'Xen bus'],
          ['isa', 'ISA'],
        ),
        true,
      ),
      attribute('index', integer(0)),
      attribute('model', CONTROLLER_MODEL),
      attribute('ports', integer(0)),
      attribute('vectors', integer(0)),
      attribute('maxGrantFrames', integer(0)),
      attribute('maxEventChannels', integer(0)),
    ],
  }),
  ...CONTROLLER_CHILDREN.filter((name) => !['driver', 'model'].includes(name)).map((name) =>
    openElement(`domain/devices/controller/${name}`),
  ),
  element('domain/devices/controller/driver', {
    children: ['iothreads'],
    attributes: [
      attribute('queues', integer(0)),
      attribute('cmd_per_lun', integer(0)),
      attribute('max_sectors', integer(0)),
      attribute('ioeventfd', onoff),
      attribute('iothread', integer(0)),
      ...VIRTIO_DRIVER_OPTIONS,
    ],
  }),
  ...iothreadMapping('domain/devices/controller/driver'),
  element('domain/devices/controller/model', {
    attributes: [
      attribute(
        'name',
        oneOf(
          ['pci-bridge', 'QEMU pci-bridge'],
          ['i82801b11-bridge', 'QEMU i82801b11-bridge'],
          ['ioh3420', 'QEMU ioh3420 root port'],
          ['pcie-root-port', 'QEMU pcie-root-port'],
          ['x3130-upstream', 'QEMU x3130-upstream switch port'],
          ['xio3130-downstream', 'QEMU xio3130-downstream switch port'],
          ['pxb', 'QEMU pxb expander'],
          ['pxb-pcie', 'QEMU pxb-pcie expander'],
          ['pcie-pci-bridge', 'QEMU pcie-pci-bridge'],
          ['spapr-pci-host-bridge', 'pSeries PCI host bridge'],
        ),
        true,
      ),
    ],
    empty: true,
  }),

  // Network interfaces
  element('domain/devices/interface', {
    children: INTERFACE_CHILDREN,
    attributes: [attribute('type', INTERFACE_TYPE, true), attribute('trustGuestRxFilters', yesno), attribute('managed', yesno)],
  }),
  ...INTERFACE_CHILDREN.filter((name) => !['model', 'driver', 'coalesce'].includes(name)).map((name) =>
    openElement(`domain/devices/interface/${name}`),
  ),
  // libvirt passes any model name on to the hypervisor, so the type is free text (virtio, e1000e, rtl8139, ...).
  element('domain/devices/interface/model', { attributes: [attribute('type', string, true)], empty: true }),
  element('domain/devices/interface/driver', {
    children: ['host', 'guest'],
    attributes: [
      attribute(
        'name',
        oneOf(
          ['vhost', 'the in-kernel vhost-net backend'],
          ['qemu', 'the user-space QEMU backend'],
          ['vfio', 'VFIO device assignment (hostdev interfaces)'],
          ['kvm', 'legacy KVM device assignment (hostdev interfaces)'],
          ['xen', 'Xen backend'],
        ),
      ),
      attribute('txmode', oneOf(['iothread', 'transmit from a bottom half (tx=bh)'], ['timer', 'transmit from QEMU with a retry timer'])),
      attribute('ioeventfd', onoff),
      attribute('event_idx', onoff),
      // The schema sets no upper bound; 256 is the kernel's limit for a multi-queue tap device (guide 5.4.2.1),
      // which backs every interface type but vhost-user (QEMU itself allows more there, a rare case).
      attribute('queues', integer(1, 256)),
      attribute('rx_queue_size', integer(1)),
      attribute('tx_queue_size', integer(1)),
      attribute('rss', onoff),
      attribute('rss_hash_report', onoff),
      attribute('model', string),
      ...VIRTIO_DRIVER_OPTIONS,
    ],
  }),
  element('domain/devices/interface/driver/host', {
    attributes: ['csum', 'gso', 'tso4', 'tso6', 'ecn', 'ufo', 'mrg_rxbuf'].map((name) => attribute(name, onoff)),
    empty: true,
  }),
  element('domain/devices/interface/driver/guest', {
    attributes: ['csum', 'tso4', 'tso6', 'ecn', 'ufo'].map((name) => attribute(name, onoff)),
    empty: true,
  }),
  element('domain/devices/interface/coalesce', { children: ['rx'] }),
  element('domain/devices/interface/coalesce/rx', { children: ['frames'] }),
  element('domain/devices/interface/coalesce/rx/frames', { attributes: [attribute('max', integer(0))], empty: true }),
];
