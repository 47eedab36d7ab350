import type { Fact } from '../types';
import { libvirtSection as libvirt } from './cite';

const VIRTIO_OPTIONS = libvirt('virtio-related-options');

/** Facts for the virtio transport attributes every virtio `<driver>` takes (disk, controller, interface). */
export function virtioDriverFacts(driverPath: string): Fact[] {
  return [
    {
      key: `${driverPath}@iommu`,
      summary: 'Makes the virtio device go through the emulated IOMMU.',
      sources: [VIRTIO_OPTIONS],
    },
    {
      key: `${driverPath}@ats`,
      summary: 'Address Translation Service for a PCIe virtio device, needed for IOTLB support with an emulated IOMMU.',
      sources: [VIRTIO_OPTIONS],
    },
    {
      key: `${driverPath}@packed`,
      summary: 'Asks for packed virtqueues: one descriptor ring instead of split rings, for better cache use.',
      details: 'Whether they are used is negotiated between QEMU, the vhost backend and the guest driver.',
      sources: [VIRTIO_OPTIONS],
    },
    {
      key: `${driverPath}@page_per_vq`,
      summary: 'Gives each virtqueue its own notification page on the device BAR.',
      advice: 'Recommended with vDPA on the host; otherwise leave it alone.',
      sources: [VIRTIO_OPTIONS],
    },
  ];
}
