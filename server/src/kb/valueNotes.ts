import { libvirt } from './sources';
import type { Source } from './types';
import { ownValue } from '../core/ownValue';

/**
 * Short descriptions of the values libvirt's schema lists (which it never describes), in the project's
 * own words, each group with the formatdomain section it is drawn from. A value with a fact of its own
 * (`domain/devices/disk/driver@cache=none`) is described there instead. Keys: an attribute
 * (`domain/devices/disk@device`) or an element whose text is an enumeration (`domain/on_crash`).
 */
export interface ValueNotes {
  key: string;
  source: Source;
  values: Readonly<Record<string, string>>;
}

const OVERVIEW = libvirt('element-and-attribute-overview', 'Element and attribute overview');
const EVENTS = libvirt('events-configuration', 'Events configuration');
const CPU_TUNING = libvirt('cpu-tuning', 'CPU Tuning');
const CPU_MODEL = libvirt('cpu-model-and-topology', 'CPU model and topology');
const HMAT = libvirt('acpi-heterogeneous-memory-attribute-table', 'ACPI Heterogeneous Memory Attribute Table');
const DISKS = libvirt('hard-drives-floppy-disks-cdroms', 'Hard drives, floppy disks, CDROMs');
const CONTROLLERS = libvirt('controllers', 'Controllers');
const INTERFACES = libvirt('network-interfaces', 'Network interfaces');
const NIC_DRIVER = libvirt('setting-nic-driver-specific-options', 'Setting NIC driver-specific options');

/** What libvirt does when the guest powers off, reboots or crashes. */
const LIFECYCLE: Readonly<Record<string, string>> = {
  destroy: 'stop the domain and free its resources',
  restart: 'start it again with the same configuration',
  preserve: 'keep its resources for analysis',
  'rename-restart': 'rename the stopped domain and start a new one',
};

function notes(key: string, source: Source, values: Record<string, string>): ValueNotes {
  return { key, source, values };
}

export const VALUE_NOTES: readonly ValueNotes[] = [
  notes('domain@type', OVERVIEW, {
    kvm: 'QEMU with KVM hardware acceleration',
    qemu: 'QEMU with software emulation (TCG)',
    kqemu: 'the old kqemu accelerator (obsolete)',
    xen: 'the Xen hypervisor',
    lxc: 'Linux containers',
    uml: 'User Mode Linux',
    openvz: 'OpenVZ containers',
    test: "libvirt's test driver",
    vmware: 'VMware hypervisors',
    hyperv: 'Microsoft Hyper-V',
    vbox: 'VirtualBox',
    phyp: 'IBM PowerVM',
    vz: 'Virtuozzo',
    bhyve: 'the FreeBSD bhyve hypervisor',
    hvf: "macOS's Hypervisor.framework (with QEMU)",
  }),
  notes('domain/on_poweroff', EVENTS, LIFECYCLE),
  notes('domain/on_reboot', EVENTS, LIFECYCLE),
  notes('domain/on_crash', EVENTS, {
    ...LIFECYCLE,
    'coredump-destroy': 'dump its core, then destroy it',
    'coredump-restart': 'dump its core, then restart it',
  }),
  notes('domain/on_lockfailure', EVENTS, {
    poweroff: 'force the domain off',
    restart: 'power it off and start it again',
    pause: 'pause it until the lock can be taken again',
    ignore: 'keep running as if nothing happened',
  }),
  notes('domain/cputune/iothreadsched@scheduler', CPU_TUNING, {
    batch: 'non-interactive batch scheduling',
    idle: 'run only when the CPU is otherwise idle',
    fifo: 'real-time first-in first-out (needs priority)',
    rr: 'real-time round-robin (needs priority)',
  }),
  notes('domain/cputune/emulatorsched@scheduler', CPU_TUNING, {
    batch: 'non-interactive batch scheduling',
    idle: 'run only when the CPU is otherwise idle',
    fifo: 'real-time first-in first-out (needs priority)',
    rr: 'real-time round-robin (needs priority)',
  }),
  notes('domain/cpu/model@fallback', CPU_MODEL, {
    allow: 'fall back to a close model the hypervisor supports (the default)',
    forbid: 'refuse to start with an unsupported model',
  }),
  notes('domain/cpu/cache@mode', CPU_MODEL, {
    emulate: 'report made-up cache data',
    passthrough: "pass the host's cache data through",
    disable: 'report no cache',
  }),
  notes('domain/cpu/maxphysaddr@mode', CPU_MODEL, {
    passthrough: "use the host's number of physical address bits",
    emulate: 'use the number given in bits',
  }),
  notes('domain/cpu/numa/cell/cache@associativity', HMAT, {
    none: 'no associativity',
    direct: 'direct mapped',
    full: 'fully associative',
  }),
  notes('domain/cpu/numa/cell/cache@policy', HMAT, {
    none: 'no write policy',
    writeback: 'write-back',
    writethrough: 'write-through',
  }),
  notes('domain/cpu/numa/interconnects/latency@type', HMAT, {
    access: 'access (read and write)',
    read: 'read',
    write: 'write',
  }),
  notes('domain/cpu/numa/interconnects/bandwidth@type', HMAT, {
    access: 'access (read and write)',
    read: 'read',
    write: 'write',
  }),
  notes('domain/devices/disk@type', DISKS, {
    file: 'an image file',
    block: 'a host block device',
    dir: 'a host directory as a virtual FAT disk',
    network: 'a network storage protocol',
    volume: 'a libvirt storage pool volume',
    nvme: 'a host NVMe disk',
    vhostuser: 'a vhost-user-blk backend',
    vhostvdpa: 'a vhost-vdpa backend',
  }),
  notes('domain/devices/disk@device', DISKS, {
    disk: 'a hard disk (the default)',
    cdrom: 'a CD-ROM drive',
    floppy: 'a floppy drive',
    lun: 'a SCSI LUN passed through',
  }),
  notes('domain/devices/disk@model', DISKS, {
    virtio: 'virtio, the usual choice',
    'virtio-transitional': 'virtio for old (0.9) and new (1.0) guest drivers',
    'virtio-non-transitional': 'virtio 1.0 guest drivers only',
  }),
  notes('domain/devices/disk@sgio', DISKS, {
    filtered: 'filter unprivileged SG_IO (the default)',
    unfiltered: 'pass unprivileged SG_IO',
  }),
  notes('domain/devices/disk@snapshot', DISKS, {
    internal: 'snapshot inside the image (qcow2)',
    external: 'snapshot into a separate file',
    no: 'take no part in snapshots',
    manual: 'snapshots handled outside libvirt',
  }),
  notes('domain/devices/disk/driver@type', DISKS, {
    raw: 'raw image',
    qcow2: 'QEMU copy-on-write v2',
    qcow: 'QEMU copy-on-write v1',
    qed: 'QEMU enhanced disk',
    vmdk: 'VMware disk',
    vpc: 'Virtual PC (vhd) disk',
    vhd: 'Virtual Hard Disk',
    vdi: 'VirtualBox disk',
    bochs: 'Bochs disk',
    cloop: 'compressed loop image',
    cow: 'User Mode Linux COW',
    dmg: 'Apple disk image',
    iso: 'ISO 9660 image',
    fat: 'virtual FAT directory',
    dir: 'directory',
    luks: 'LUKS encrypted image',
    ploop: 'Virtuozzo ploop image',
    aio: "Xen's asynchronous I/O driver type",
  }),
  notes('domain/devices/controller@type', CONTROLLERS, {
    ide: 'IDE',
    fdc: 'floppy',
    sata: 'SATA',
    usb: 'USB',
    ccid: 'smartcard (CCID)',
    'virtio-serial': 'virtio serial',
    pci: 'PCI / PCI Express',
    xenbus: 'Xen bus',
    isa: 'ISA',
  }),
  notes('domain/devices/controller@model', CONTROLLERS, {
    auto: 'SCSI: let libvirt choose',
    buslogic: 'SCSI: BusLogic',
    ibmvscsi: 'SCSI: IBM virtual SCSI',
    lsilogic: 'SCSI: LSI Logic',
    lsisas1068: 'SCSI: LSI SAS 1068',
    lsisas1078: 'SCSI: LSI SAS 1078',
    vmpvscsi: 'SCSI: VMware paravirtual',
    ncr53c90: 'SCSI: NCR 53C90 (built-in only)',
    am53c974: 'SCSI: AM53C974',
    dc390: 'SCSI: DC-390',
    virtio: 'virtio-serial: virtio',
    'virtio-transitional': 'virtio for old and new guest drivers',
    'virtio-non-transitional': 'virtio 1.0 guest drivers only',
    'piix3-uhci': 'USB: PIIX3 UHCI',
    'piix4-uhci': 'USB: PIIX4 UHCI',
    ehci: 'USB: EHCI',
    'ich9-ehci1': 'USB: ICH9 EHCI',
    'ich9-uhci1': 'USB: ICH9 UHCI companion 1',
    'ich9-uhci2': 'USB: ICH9 UHCI companion 2',
    'ich9-uhci3': 'USB: ICH9 UHCI companion 3',
    'vt82c686b-uhci': 'USB: VIA UHCI',
    'pci-ohci': 'USB: PCI OHCI',
    'nec-xhci': 'USB: NEC XHCI',
    'qemu-xhci': 'USB: QEMU XHCI',
    qusb1: 'USB: Xen PV USB 1.1',
    qusb2: 'USB: Xen PV USB 2.0',
    none: 'USB: no USB bus at all',
    piix3: 'IDE: PIIX3 (vbox)',
    piix4: 'IDE: PIIX4 (vbox)',
    ich6: 'IDE: ICH6 (vbox)',
    'pci-root': 'PCI: root bus',
    'pcie-root': 'PCI Express: root complex',
    'pci-bridge': 'PCI: PCI-to-PCI bridge',
    'dmi-to-pci-bridge': 'PCI: DMI-to-PCI bridge',
    'pcie-root-port': 'PCI Express: root port',
    'pcie-switch-upstream-port': 'PCI Express: switch upstream port',
    'pcie-switch-downstream-port': 'PCI Express: switch downstream port',
    'pci-expander-bus': 'PCI: expander bus',
    'pcie-expander-bus': 'PCI Express: expander bus',
    'pcie-to-pci-bridge': 'PCI Express to PCI bridge',
  }),
  notes('domain/devices/controller/model@name', CONTROLLERS, {
    'pci-bridge': 'QEMU pci-bridge',
    'i82801b11-bridge': 'QEMU i82801b11-bridge',
    ioh3420: 'QEMU ioh3420 root port',
    'pcie-root-port': 'QEMU pcie-root-port',
    'x3130-upstream': 'QEMU x3130-upstream switch port',
    'xio3130-downstream': 'QEMU xio3130-downstream switch port',
    pxb: 'QEMU pxb expander',
    'pxb-pcie': 'QEMU pxb-pcie expander',
    'pcie-pci-bridge': 'QEMU pcie-pci-bridge',
    'spapr-pci-host-bridge': 'pSeries PCI host bridge',
  }),
  notes('domain/devices/interface@type', INTERFACES, {
    user: 'user-mode networking (SLIRP or passt)',
    ethernet: 'a tap device set up by scripts or by hand',
    direct: 'macvtap on a physical interface',
    hostdev: 'a PCI network device passed through',
    vhostuser: 'a vhost-user socket',
    vdpa: 'a vDPA device',
    mcast: 'a multicast tunnel',
    server: 'a TCP tunnel, listening end',
    client: 'a TCP tunnel, connecting end',
    udp: 'a UDP unicast tunnel',
    null: 'no backend at all',
    vds: 'a VMware distributed switch',
    internal: 'an internal network (VirtualBox)',
  }),
  notes('domain/devices/interface/driver@name', NIC_DRIVER, {
    xen: 'Xen backend',
  }),
  notes('domain/devices/interface/driver@txmode', NIC_DRIVER, {
    iothread: 'transmit from a bottom half (tx=bh)',
    timer: 'transmit from QEMU with a retry timer',
  }),];

const BY_KEY = new Map(VALUE_NOTES.map((entry) => [entry.key, entry]));

/** The description of one value of an attribute (`path@name`) or of an element's text (`path`). */
export function valueNote(key: string, value: string): string | undefined {
  const entry = BY_KEY.get(key);
  return entry && ownValue(entry.values, value);
}
