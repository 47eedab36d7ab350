import type { Fact } from '../types';
import { guideSection as guide, libvirtSection as libvirt } from './cite';
import { virtioDriverFacts } from './virtio';

const BLKIO = libvirt('block-i-o-tuning');
const DISKS = libvirt('hard-drives-floppy-disks-cdroms');
const CONTROLLERS = libvirt('controllers');
const IOTHREADS = libvirt('iothreads-allocation');

/** `read_bytes_sec` -> `read throughput`, `total_iops_sec` -> `total I/O operations`. */
function describeLimit(direction: string, measure: string): { what: string; unit: string } {
  const scope = direction === 'total' ? 'combined read and write' : direction;
  return measure === 'bytes_sec'
    ? { what: `${scope} throughput`, unit: 'bytes per second' }
    : { what: `${scope} I/O operations`, unit: 'operations per second' };
}

const iotuneLimitFacts: Fact[] = ['total', 'read', 'write'].flatMap((direction) =>
  ['bytes_sec', 'iops_sec'].flatMap((measure): Fact[] => {
    const name = `${direction}_${measure}`;
    const { what, unit } = describeLimit(direction, measure);
    const exclusive =
      direction === 'total'
        ? ` It cannot be combined with \`read_${measure}\` or \`write_${measure}\`.`
        : ` It cannot be combined with \`total_${measure}\`.`;
    const fromGuide = [guide('7.4.1'), DISKS];
    return [
      {
        key: `domain/devices/disk/iotune/${name}`,
        summary: `Caps the disk's ${what} per second.`,
        details: `0 or absent means no limit.${exclusive}`,
        unit,
        sources: fromGuide,
      },
      {
        key: `domain/devices/disk/iotune/${name}_max`,
        summary: `The burst ceiling for ${what}: how far the disk may go above \`${name}\` for a short time.`,
        details: `0 or absent means no burst.${exclusive.replace(new RegExp(measure, 'g'), `${measure}_max`)}`,
        unit,
        sources: [DISKS],
      },
      {
        key: `domain/devices/disk/iotune/${name}_max_length`,
        summary: `How many seconds a burst up to \`${name}_max\` may last; only valid with \`${name}_max\` set.`,
        unit: 'seconds',
        sources: [DISKS],
      },
    ];
  }),
);

/** `<iothreads><iothread id><queue id/>` under a disk's or a virtio-scsi controller's driver. */
function iothreadMappingFacts(driverPath: string, device: string): Fact[] {
  const source = driverPath.includes('/disk/') ? DISKS : CONTROLLERS;
  return [
    {
      key: `${driverPath}/iothreads/iothread`,
      summary: `One IOThread the ${device} uses, optionally with the virtqueues it serves.`,
      sources: [source],
    },
    { key: `${driverPath}/iothreads/iothread@id`, summary: 'The id of the IOThread.', sources: [source, IOTHREADS] },
    {
      key: `${driverPath}/iothreads/iothread/queue`,
      summary: 'A virtqueue this IOThread serves; with a mapping, every queue must be mapped.',
      sources: [source],
    },
    {
      key: `${driverPath}/iothreads/iothread/queue@id`,
      summary: 'The virtqueue number, from 0 to `queues` minus one.',
      sources: [source],
    },
  ];
}

/** A disk driver attribute with one fact per value, for the error policies. */
const ERROR_POLICY_VALUES: readonly (readonly [string, string])[] = [
  ['stop', 'The guest is paused on an I/O error.'],
  ['report', 'The error is passed on to the guest.'],
  ['ignore', 'The error is ignored and the guest carries on.'],
];

export const BLOCK_FACTS: readonly Fact[] = [
  // Block I/O Tuning (blkiotune)
  {
    key: 'domain/blkiotune',
    summary: "The domain's block I/O cgroup settings: an overall I/O weight, and weights or limits per host block device.",
    details:
      'The guide calls it the `<blkio>` element; in the XML it is `<blkiotune>`. `virsh blkiotune` shows and ' +
      'changes it: on the running guest (`--live`), from the next boot (`--config`), or in the current state (`--current`).',
    sources: [guide('7.1'), BLKIO],
  },
  {
    key: 'domain/blkiotune/weight',
    summary: "The domain's share of block I/O, relative to the other domains.",
    range: '100–1000 (libvirt notes that kernels after 2.6.39 take 10–1000)',
    sources: [guide('7.1'), BLKIO],
  },
  {
    key: 'domain/blkiotune/device',
    summary: 'Weight and limits for one host block device the domain uses.',
    details:
      'Several guest disks can share one host device when their image files live on the same host ' +
      "filesystem, which is why these settings sit at domain level; a single disk's limits go in its " +
      '`<iotune>`. `virsh blkiotune --device-weights` changes only the devices it names.',
    sources: [guide('7.1'), BLKIO],
  },
  {
    key: 'domain/blkiotune/device/path',
    summary: 'The absolute path of the host block device, such as `/dev/sda`.',
    sources: [BLKIO],
  },
  {
    key: 'domain/blkiotune/device/weight',
    summary: "The domain's relative I/O weight on this device.",
    details: 'With `virsh blkiotune --device-weights`, a weight of 0 removes the device from the list.',
    range: '100–1000 (10–1000 on kernels after 2.6.39)',
    sources: [guide('7.1'), BLKIO],
  },
  {
    key: 'domain/blkiotune/device/read_bytes_sec',
    summary: 'Caps reads from this device, in bytes per second.',
    unit: 'bytes per second',
    sources: [BLKIO],
  },
  {
    key: 'domain/blkiotune/device/write_bytes_sec',
    summary: 'Caps writes to this device, in bytes per second.',
    unit: 'bytes per second',
    sources: [BLKIO],
  },
  {
    key: 'domain/blkiotune/device/read_iops_sec',
    summary: 'Caps read operations on this device per second.',
    unit: 'operations per second',
    sources: [BLKIO],
  },
  {
    key: 'domain/blkiotune/device/write_iops_sec',
    summary: 'Caps write operations on this device per second.',
    unit: 'operations per second',
    sources: [BLKIO],
  },

  // Disks
  {
    key: 'domain/devices/disk',
    summary: 'A guest disk, CD-ROM or floppy, and the host storage behind it.',
    advice:
      'Cache mode, I/O mode and I/O limits are its main tuning knobs; set through virt-manager, they take ' +
      'effect once the guest restarts (guide 3.3).',
    sources: [guide('3.3'), DISKS],
  },
  {
    key: 'domain/devices/disk/driver',
    summary: 'Hypervisor-side settings of the disk: image format, cache and I/O modes, error policies, queues and IOThreads.',
    sources: [guide('7.2'), guide('7.3'), DISKS],
  },
  {
    key: 'domain/devices/disk/driver@name',
    summary: 'The backend driver: `qemu` for QEMU/KVM (Xen has `tap`, `tap2`, `phy`, `file`).',
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/driver@type',
    summary: 'The image format the backend reads: `raw`, `qcow2`, ...',
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/driver@cache',
    summary: 'How the host caches the disk’s I/O.',
    advice: '`none` is generally the best choice (guide 7.2).',
    default: "the hypervisor's default",
    sources: [guide('7.2'), guide('3.3'), DISKS],
  },
  {
    key: 'domain/devices/disk/driver@cache=none',
    summary: "The host page cache is bypassed; the disk's own write cache may still hold data.",
    advice:
      'Generally the best choice and suited to guests with heavy I/O; of the cache modes, the guide names it ' +
      'as the one that supports migration (guide 7.2).',
    sources: [guide('7.2'), DISKS],
  },
  {
    key: 'domain/devices/disk/driver@cache=writethrough',
    summary: 'I/O goes through the host page cache, but a write completes only once it is on the storage.',
    details: 'Slower, and it scales badly.',
    advice:
      'For a few guests with light I/O, or for guests without write-back cache support (RHEL 5.5 and older) ' +
      'that never migrate (guide 7.2).',
    sources: [guide('7.2'), DISKS],
  },
  {
    key: 'domain/devices/disk/driver@cache=writeback',
    summary: 'I/O goes through the host page cache, and a write completes once it is in that cache.',
    sources: [guide('7.2'), DISKS],
  },
  {
    key: 'domain/devices/disk/driver@cache=directsync',
    summary: 'Like `writethrough`, except that the host page cache is bypassed.',
    sources: [guide('7.2'), DISKS],
  },
  {
    key: 'domain/devices/disk/driver@cache=unsafe',
    summary: "The host may cache all of the disk's I/O and ignores the guest's flush requests.",
    details: 'Data the guest believes flushed can be lost if the host crashes.',
    sources: [guide('7.2'), DISKS],
  },
  {
    key: 'domain/devices/disk/driver@cache=default',
    summary: "The hypervisor's default cache mode, the same as leaving `cache` out.",
    sources: [guide('7.2'), DISKS],
  },
  {
    key: 'domain/devices/disk/driver@io',
    summary: 'How QEMU submits the disk’s I/O to the host: a thread pool, native AIO, or io_uring.',
    details:
      'The guide also lists `default`, which libvirt does not accept as a value: leave `io` out for the ' +
      'default (threads on RHEL 7).',
    default: 'the hypervisor default (`threads` on RHEL 7)',
    sources: [guide('7.3'), guide('3.3'), DISKS],
  },
  {
    key: 'domain/devices/disk/driver@io=threads',
    summary: 'I/O runs in a pool of host user-space threads.',
    details: 'The default on Red Hat Enterprise Linux 7 (guide 7.3).',
    sources: [guide('7.3'), DISKS],
  },
  {
    key: 'domain/devices/disk/driver@io=native',
    summary: 'Linux kernel asynchronous I/O, used together with direct I/O.',
    details: 'The default in Red Hat Virtualization environments (guide 7.3).',
    sources: [guide('7.3'), DISKS],
  },
  {
    key: 'domain/devices/disk/driver@io=io_uring',
    summary: "Linux's io_uring interface (libvirt 6.3, QEMU 5.0 and later).",
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/driver@ioeventfd',
    summary: "Lets QEMU handle the disk's I/O notifications in a separate thread while the guest keeps running.",
    details: 'Guests with high system CPU use during I/O may gain; on an overloaded host it can add I/O latency.',
    advice: 'libvirt advises leaving it alone unless you know exactly why you change it.',
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/driver@event_idx',
    summary: 'Virtio event index: when on, the guest takes fewer interrupts and exits.',
    advice: 'QEMU usually enables it where supported; turn it off only if it proves worse for the workload.',
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/driver@copy_on_read',
    summary: 'Copies data read from the backing file into the image, so repeated reads stay local.',
    details: 'Helps when the backing file sits on slow network storage.',
    default: '`off`',
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/driver@discard',
    summary: 'Whether the guest’s discard (trim/unmap) requests reach the storage (`unmap`) or are dropped (`ignore`).',
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/driver@discard=unmap',
    summary: "Discard requests are passed to the host's storage.",
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/driver@discard=ignore',
    summary: 'Discard requests are dropped.',
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/driver@discard_no_unref',
    summary: 'For qcow2 images: guest discards mark clusters as zero without freeing them, which limits fragmentation.',
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/driver@detect_zeroes',
    summary: 'Whether writes of zeroes are detected, and optionally turned into discards.',
    details: 'Detection costs CPU time but can save space or time on slow media.',
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/driver@detect_zeroes=off',
    summary: 'Zero writes are not detected.',
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/driver@detect_zeroes=on',
    summary: 'Zero writes are detected and stored efficiently.',
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/driver@detect_zeroes=unmap',
    summary: 'Zero writes are detected and the area is discarded when `discard` allows it (otherwise as `on`).',
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/driver@iothread',
    summary: 'The IOThread that serves this disk, from 1 to the `<iothreads>` count.',
    details:
      'For virtio disks on PCI or CCW addresses; several disks may share an IOThread. Not together with ' +
      '`<iothreads>` inside the driver.',
    sources: [DISKS, IOTHREADS],
  },
  {
    key: 'domain/devices/disk/driver/iothreads',
    summary: 'Spreads the disk’s virtqueues over several IOThreads, optionally mapping queues to threads.',
    details: 'A queue mapping needs `queues` on the driver and must cover every queue.',
    sources: [DISKS],
  },
  ...iothreadMappingFacts('domain/devices/disk/driver', 'disk'),
  {
    key: 'domain/devices/disk/driver/metadata_cache',
    summary: 'Caching of image-format metadata for the top image of the disk.',
    advice: 'The hypervisor default is enough in most cases.',
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/driver/metadata_cache/max_size',
    summary: "The most memory QEMU's qcow2 driver may use to cache the image's metadata.",
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/driver/metadata_cache/max_size@unit',
    summary: 'The unit of the size (`bytes`, `KiB`, ...).',
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/driver@queues',
    summary: 'The number of virtqueues of a virtio-blk or vhost-user-blk disk.',
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/driver@queue_size',
    summary: 'The size of each virtqueue of a virtio-blk or vhost-user-blk disk.',
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/driver@error_policy',
    summary: 'What the hypervisor does on a read or write error.',
    default: "the hypervisor's choice",
    sources: [DISKS],
  },
  ...ERROR_POLICY_VALUES.map(([value, summary]): Fact => ({
    key: `domain/devices/disk/driver@error_policy=${value}`,
    summary,
    sources: [DISKS],
  })),
  {
    key: 'domain/devices/disk/driver@error_policy=enospace',
    summary: 'The guest is paused when the host runs out of space; other errors follow the default.',
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/driver@rerror_policy',
    summary: 'What to do on read errors only, overriding `error_policy` for them.',
    details: '`enospace` is not a read-error policy.',
    sources: [DISKS],
  },
  ...ERROR_POLICY_VALUES.map(([value, summary]): Fact => ({
    key: `domain/devices/disk/driver@rerror_policy=${value}`,
    summary: `On read errors: ${summary.charAt(0).toLowerCase()}${summary.slice(1)}`,
    sources: [DISKS],
  })),
  ...virtioDriverFacts('domain/devices/disk/driver'),
  {
    key: 'domain/devices/disk/iotune',
    summary: 'Throttles this one disk: caps on its throughput and its I/O operations per second.',
    details:
      'Limits keep one guest from starving others on shared storage, enforce service levels, or mimic a ' +
      'slower disk. `virsh blkdeviotune` sets them on a running guest; `<blkiotune>` is the domain-wide ' +
      'counterpart per host device.',
    advice:
      "The guide's example caps `vda` at 1000 operations and 50 MB (52428800 bytes) per second " +
      '(`total_iops_sec`, `total_bytes_sec`).',
    sources: [guide('7.4.1'), DISKS],
  },
  ...iotuneLimitFacts,
  {
    key: 'domain/devices/disk/iotune/size_iops_sec',
    summary: 'The I/O size, in bytes, that counts as one operation for the IOPS limits; larger requests count as several.',
    unit: 'bytes',
    sources: [DISKS],
  },
  {
    key: 'domain/devices/disk/iotune/group_name',
    summary: 'Disks with the same group name share one set of limits.',
    details: 'It stops a guest from multiplying its quota by splitting one disk into several.',
    sources: [DISKS],
  },

  // Controllers
  {
    key: 'domain/devices/controller',
    summary: 'A bus controller that devices attach to: IDE, SATA, SCSI, USB, PCI, virtio-serial, ...',
    details: 'libvirt adds the usual controllers on its own; an explicit one sets its model or driver options.',
    sources: [CONTROLLERS],
  },
  {
    key: 'domain/devices/controller@type',
    summary: 'The kind of bus the controller provides.',
    sources: [CONTROLLERS],
  },
  {
    key: 'domain/devices/controller@type=scsi',
    summary: 'A SCSI host adapter; its `model` selects the emulated or paravirtual adapter.',
    sources: [guide('7.4.2.1'), CONTROLLERS],
  },
  {
    key: 'domain/devices/controller@index',
    summary: 'The number of this controller among those of its type, referred to by device addresses.',
    default: 'the lowest free index of that type',
    sources: [CONTROLLERS],
  },
  {
    key: 'domain/devices/controller@model',
    summary: 'The controller model; which ones apply depends on `type`.',
    sources: [CONTROLLERS],
  },
  {
    key: 'domain/devices/controller@model=virtio-scsi',
    summary: 'The paravirtual virtio-scsi adapter, which can use several request queues.',
    details: 'SCSI controllers have no plain `virtio` model: `virtio-scsi` plays that part.',
    advice: 'Give it `<driver queues="N"/>` to enable multi-queue (guide 7.4.2.1).',
    sources: [guide('7.4.2'), guide('7.4.2.1'), CONTROLLERS, libvirt('virtio-device-models')],
  },
  {
    key: 'domain/devices/controller/driver',
    summary: 'Driver options of the controller: queues, command limits, ioeventfd and IOThreads.',
    sources: [guide('7.4.2.1'), CONTROLLERS],
  },
  {
    key: 'domain/devices/controller/driver@queues',
    summary: 'The number of request queues; for virtio-scsi, more than one enables multi-queue.',
    details:
      'Multi-queue virtio-scsi lets each vCPU use its own queue and interrupt without disturbing the others; ' +
      'it is off by default on RHEL 7 (guide 7.4.2).',
    advice: 'Match the number of vCPUs (libvirt; the guide: the total number of vCPU queues).',
    sources: [guide('7.4.2'), guide('7.4.2.1'), CONTROLLERS],
  },
  {
    key: 'domain/devices/controller/driver@cmd_per_lun',
    summary: 'The most commands that may be queued on each device behind the controller.',
    sources: [CONTROLLERS],
  },
  {
    key: 'domain/devices/controller/driver@max_sectors',
    summary: 'The most data one command may transfer, counted in 512-byte sectors.',
    unit: 'sectors of 512 bytes',
    sources: [CONTROLLERS],
  },
  {
    key: 'domain/devices/controller/driver@ioeventfd',
    summary: "Lets QEMU handle the controller's I/O notifications asynchronously in a separate thread.",
    sources: [CONTROLLERS],
  },
  {
    key: 'domain/devices/controller/driver@iothread',
    summary: 'The IOThread serving a virtio-scsi controller; every disk on the controller uses it.',
    details: 'To give SCSI disks different IOThreads, define one controller per IOThread.',
    range: '1 to the `<iothreads>` count',
    sources: [CONTROLLERS, IOTHREADS],
  },
  {
    key: 'domain/devices/controller/driver/iothreads',
    summary: 'Spreads a virtio-scsi controller’s queues over several IOThreads; not together with `iothread`.',
    sources: [CONTROLLERS],
  },
  ...iothreadMappingFacts('domain/devices/controller/driver', 'virtio-scsi controller'),
  ...virtioDriverFacts('domain/devices/controller/driver'),
];
