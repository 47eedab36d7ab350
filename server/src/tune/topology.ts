import type { DomainModel } from '../domain/model';
import type { Placement } from './types';

/** A topology level between socket and core that libvirt lets the user set (formatdomain: `topology`). */
type Layer = 'dies' | 'clusters';

export interface GuestTopology {
  sockets: number;
  /** The levels the user wrote that still divide each socket's cores, in libvirt's order. */
  layers: [Layer, number][];
  cores: number;
  threads: number;
  /** The levels the user wrote that the placement cannot keep: each socket's cores do not divide by them. */
  dropped: [Layer, number][];
  /** Each socket's cores, before the kept levels divide them. */
  coresPerSocket: number;
}

/**
 * The topology a placement writes: one socket per guest cell, the guest's threads per core, and the
 * dies and clusters the user wrote kept wherever they divide each socket's cores (libvirt multiplies
 * sockets, dies, clusters, cores and threads into the vCPU count, so a level that does not divide cannot stay).
 */
export function guestTopology(model: DomainModel, placement: Placement): GuestTopology {
  const sockets = placement.cells.length;
  const coresPerSocket = placement.vcpus / sockets / placement.threads;
  const written = model.cpu?.topology;
  const layers: [Layer, number][] = [];
  const dropped: [Layer, number][] = [];
  let cores = coresPerSocket;
  for (const layer of ['dies', 'clusters'] as const) {
    const value = written?.[layer];
    if (value === undefined || value < 1) continue;
    if (cores % value === 0) {
      layers.push([layer, value]);
      cores /= value;
    } else dropped.push([layer, value]);
  }
  return { sockets, layers, cores, threads: placement.threads, dropped, coresPerSocket };
}
