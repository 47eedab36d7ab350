import type { SpanEdit } from '../core/types';
import type { DomainModel } from '../domain/model';
import type { Guest } from '../guests/types';
import type { HostModel } from '../host/types';
import type { XmlDocument } from '../xml/types';

/** What the tuner is asked: a domain (its text, tree and model), the host, and what else lives there. */
export interface TuneInput {
  text: string;
  xml: XmlDocument;
  model: DomainModel;
  host: HostModel;
  /** The host's other guests; one with this domain's name is this domain and is left out. */
  guests?: readonly Guest[];
  /** Host CPUs the kernel command line isolates (isolcpus=, nohz_full=): see isolation.ts. */
  isolatedCpus?: readonly number[];
  /** Only placements that use this host node. */
  node?: number;
  /** Lock the guest's memory with a hard_limit (default true); off where RLIMIT_MEMLOCK cannot be raised. */
  lockMemory?: boolean;
}

/** One guest NUMA cell of a placement: the host node it lives on, its vCPUs and memory. */
export interface CellPlan {
  /** The guest cell id, 0-based. */
  id: number;
  node: number;
  /** Guest vCPU ids of the cell, ascending. */
  vcpus: number[];
  /** Per vCPU of the cell, in order: the host CPU it is pinned to. */
  hostCpus: number[];
  /** The host cores the cell's vCPUs run on (each core's threads). */
  cores: number[][];
  memoryKiB: number;
  /** The huge page size backing the cell, undefined for ordinary memory. */
  pageKiB: number | undefined;
}

/** How the guest is laid out on the host. */
export interface Placement {
  nodes: number[];
  cells: CellPlan[];
  /** vCPUs per core in the guest's topology (and per host core it is pinned to). */
  threads: number;
  /** Host CPU(s) for the emulator threads and the I/O threads. */
  emulatorCpus: number[];
  /** No CPU of the nodes was left beside the vCPUs: the emulator shares the first cell's vCPU CPUs. */
  emulatorShared: boolean;
  /** KiB; undefined when memory is not locked. */
  hardLimitKiB: number | undefined;
  vcpus: number;
  memoryKiB: number;
}

/** A placement that fits, written out: its title, its edits and why. */
export interface TuneChoice {
  placement: Placement;
  /** "on node 1: cores 1+9,5+13 free, 3.2 GiB free, 2 of 2 1 GiB pages free" (without "Tune for this host: "). */
  summary: string;
  edits: SpanEdit[];
  /** Markdown: what was written and why, with the guide's sections. */
  markdown: string;
  /** The explanation's line for each block it writes (`cputune`, `numatune`, `cpu`, `memoryBacking`, `memtune`, `iothreads`). */
  blocks: Record<string, string>;
}

export interface TuneResult {
  choices: TuneChoice[];
  /** Why nothing (or nothing more) fits: one line per reason, for the user. */
  notes: string[];
}
