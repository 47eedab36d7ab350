import type { Severity } from '../core/types';
import type { HostJson } from './json';

/**
 * The custom requests between the extension's host panel and the language server, so that both see
 * the same machine (under Remote-SSH the server runs on the hypervisor). Only types and names here:
 * the client bundles this file.
 */

/** `virtTune/host`: the host as the server reads it now (re-read when older than a few seconds); null when none is set. */
export const HOST_REQUEST = 'virtTune/host';
/** `virtTune/domainLayout`: what a domain document asks of the host, with its host-aware findings. */
export const DOMAIN_LAYOUT_REQUEST = 'virtTune/domainLayout';

export interface HostView extends HostJson {
  /** Where the host was read: `sysfs /`, `capabilities /path/caps.xml`. */
  source: string;
}

export interface DomainLayoutParams {
  uri: string;
}

/** A domain's claims on the host, for the panel to draw on top of the host. */
export interface DomainLayout {
  uri: string;
  /** `<name>`. */
  name: string | null;
  /** The vCPU count (`<vcpu>`). */
  vcpus: number | null;
  /** Host CPUs per vCPU: its `<vcpupin>`, else `<vcpu cpuset>`; vCPUs with neither are left out. */
  vcpuPins: { vcpu: number; cpus: number[]; from: 'vcpupin' | 'cpuset' }[];
  emulatorPin: number[] | null;
  /** `<numatune><memory>`: mode and host nodes (null with placement='auto' or no nodeset). */
  memory: { mode: string; nodes: number[] } | null;
  memnodes: { cell: number; mode: string; nodes: number[] }[];
  /** Guest NUMA cells: their vCPUs and memory. */
  cells: { id: number; vcpus: number[]; memoryKiB: number | null }[];
  /** Huge page sizes the guest asks for, with the guest cells each serves (null: all). */
  hugepages: { sizeKiB: number; cells: number[] | null }[];
  /** PCI addresses of the host devices given to the guest. */
  hostdevs: string[];
  /** The host-aware findings (VT150-VT169). */
  conflicts: { rule: string; severity: Severity; message: string; line: number }[];
  /** What the conflicts are about, to draw in the error colour; missing ones are those the host lacks. */
  marks: {
    cpus: number[];
    nodes: number[];
    /** Huge page counts (node and size) that fall short. */
    hugepages: { node: number; sizeKiB: number }[];
    pci: string[];
    missingCpus: number[];
    missingNodes: number[];
    missingPci: string[];
  };
}
