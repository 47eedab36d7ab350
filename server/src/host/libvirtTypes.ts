/**
 * What the host's libvirt says it offers, read from `virsh capabilities` (the guest arches, emulators and
 * machine types), `virsh domcapabilities` (per emulator, arch, machine type and virt type: CPU modes and
 * models, the vCPU maximum, loader values, device types) and `virsh version`. Part of the HostModel
 * (`host.libvirt`), so rules and completion read it from the host, never from virsh.
 */
export interface LibvirtFacts {
  /** Where it came from: a libvirt URI, or saved XML files. */
  source: string;
  /** libvirt's and the hypervisor's versions; null when read from saved files. */
  libvirtVersion: string | null;
  hypervisor: { name: string; version: string } | null;
  guests: GuestArch[];
  /** The domcapabilities read so far (the CLI and the server read those the domains ask for). */
  domainCapabilities: DomainCapabilities[];
}

/** One `<guest>` of `virsh capabilities`: an OS type and arch, its emulator, machine types and domain types. */
export interface GuestArch {
  osType: string;
  arch: string;
  emulator: string | null;
  machines: MachineType[];
  /** `<domain type=...>` values this arch supports: `qemu`, `kvm`. */
  domainTypes: string[];
}

export interface MachineType {
  name: string;
  /** For an alias (`q35`), the versioned type it stands for (`pc-q35-7.2`). */
  canonical: string | null;
  maxCpus: number | null;
  deprecated: boolean;
}

/** `virsh domcapabilities` for one emulator, arch, machine type and virt type. */
export interface DomainCapabilities {
  emulator: string | null;
  /** The virt type (`kvm`, `qemu`). */
  domain: string | null;
  machine: string | null;
  arch: string | null;
  vcpuMax: number | null;
  /** Whether <iothreads> is supported; null when not said. */
  iothreads: boolean | null;
  /** `<os>`: the firmware values (`efi`, `bios`) and the loader's enums (`type`, `readonly`, `secure`). */
  os: Feature | null;
  loader: Feature | null;
  cpuModes: CpuMode[];
  /** The devices (`disk`, `graphics`, `video`, `hostdev`, ...) with their enums (`bus`, `diskDevice`, `modelType`, ...). */
  devices: Record<string, Feature>;
  /** The features block (`gic`, `sev`, `hyperv`, ...). */
  features: Record<string, Feature>;
}

export interface Feature {
  supported: boolean;
  enums: Record<string, string[]>;
}

export interface CpuMode {
  name: string;
  supported: boolean;
  /** For `custom`: the CPU models and whether this host can run each; for `host-model`: the model it expands to. */
  models: { name: string; usable: boolean | null; vendor: string | null }[];
}
