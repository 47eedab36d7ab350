import type { HostFiles } from './files';
import type { PciDevice } from './types';

const PCI_FOLDER = '/sys/bus/pci/devices';
const MAX_DEVICES = 4096;
const PCI_ADDRESS = /[0-9a-f]{4,8}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]/gi;

/**
 * PCI devices with their NUMA node and class (guide 9.3.11: /sys/.../numa_node), and the network
 * interfaces and block devices behind each: the device's own `net/` and `block/` folders, and the
 * links of /sys/class/net and /sys/block, which also find disks a few levels down (virtio, NVMe, SCSI).
 */
export async function readPciDevices(files: HostFiles): Promise<PciDevice[]> {
  const addresses = ((await files.names(PCI_FOLDER, true)) ?? []).filter(isPciAddress).slice(0, MAX_DEVICES);
  if (addresses.length === 0) return [];
  const [devices, netLinks, blockLinks] = await Promise.all([
    Promise.all(addresses.map((address) => readDevice(files, address))),
    namesByDevice(files, '/sys/class/net'),
    namesByDevice(files, '/sys/block'),
  ]);
  for (const device of devices) {
    const linked = [...(netLinks.get(device.address) ?? []), ...(blockLinks.get(device.address) ?? [])];
    device.names = [...new Set([...device.names, ...linked])].sort();
  }
  return devices;
}

function isPciAddress(name: string): boolean {
  return /^[0-9a-f]{4,8}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]$/i.test(name);
}

async function readDevice(files: HostFiles, address: string): Promise<PciDevice> {
  const folder = `${PCI_FOLDER}/${address}`;
  const [node, pciClass, entries] = await Promise.all([
    files.number(`${folder}/numa_node`),
    files.text(`${folder}/class`),
    files.names(folder, true),
  ]);
  const names: string[] = [];
  for (const holder of ['net', 'block']) {
    if (entries?.includes(holder)) names.push(...((await files.names(`${folder}/${holder}`, true)) ?? []));
  }
  return {
    address: address.toLowerCase(),
    node: node === undefined || node < 0 ? null : node,
    class: pciClass?.trim() || null,
    names,
  };
}

/** The entries of a class folder whose link passes through a PCI device, by the nearest device's address. */
async function namesByDevice(files: HostFiles, folder: string): Promise<Map<string, string[]>> {
  const byDevice = new Map<string, string[]>();
  const names = (await files.names(folder, true)) ?? [];
  const targets = await Promise.all(names.slice(0, MAX_DEVICES).map((name) => files.link(`${folder}/${name}`)));
  names.forEach((name, index) => {
    const address = [...(targets[index] ?? '').matchAll(PCI_ADDRESS)].pop()?.[0]?.toLowerCase();
    if (address) byDevice.set(address, [...(byDevice.get(address) ?? []), name]);
  });
  return byDevice;
}
