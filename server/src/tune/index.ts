import { runsOnQemu } from '../domain/rules/guest';
import { fitPlacements, guestNeeds } from './fit';
import { explain } from './explain';
import { hostView } from './hostView';
import type { TuneChoice, TuneInput, TuneResult } from './types';
import { summary } from './explain';
import { guestTopology } from './topology';
import { iothreadCount, placementEdits } from './write';

export type { TuneChoice, TuneInput, TuneResult, Placement } from './types';
export { isolatedCpus } from './isolation';

/** The title a choice is offered under, in the editor and the CLI. */
export const TUNE_TITLE = 'Tune for this host';

/**
 * "Tune for this host": the placements of the guest that fit the host and its other guests, each
 * written out as edits of the owned blocks (see write.ts) with a Markdown explanation. Nothing is
 * offered for a document that is not well-formed: its tree is a guess, and so would the edits be.
 */
export function tuneDomain(input: TuneInput): TuneResult {
  if (input.xml.problems.length > 0) {
    return { choices: [], notes: ['The XML is not well-formed (VT100): correct that first, then tune.'] };
  }
  if (!runsOnQemu(input.model)) {
    return { choices: [], notes: [`Tune for this host writes libvirt's QEMU/KVM settings; this domain is type='${input.model.type ?? ''}'.`] };
  }
  const needs = guestNeeds(input);
  if (typeof needs === 'string') return { choices: [], notes: [needs] };
  const view = hostView(input.host, input.model, input.guests ?? [], input.isolatedCpus ?? []);
  const { placements, notes } = fitPlacements(input, needs, view);
  const iothreads = iothreadCount(input.model);
  const multiqueueNet = input.model.interfaces.filter((device) => device.modelType === 'virtio').length;
  const multiqueueScsi = input.model.controllers.filter((controller) => controller.type === 'scsi' && controller.model === 'virtio-scsi').length;
  const choices: TuneChoice[] = placements.map((placement) => {
    const avoided = new Map<number, string>();
    for (const node of view.filter((entry) => placement.nodes.includes(entry.id))) for (const [cpu, why] of node.taken) avoided.set(cpu, why);
    return {
      placement,
      summary: summary(placement, view),
      edits: placementEdits(input.text, input.model, placement),
      ...explain(placement, {
        view,
        notes,
        iothreads,
        avoided,
        multiqueueNet: needs.vcpus > 1 ? multiqueueNet : 0,
        multiqueueScsi: needs.vcpus > 1 ? multiqueueScsi : 0,
        hardLimitKept: input.model.memtune?.hardLimit?.kib === needs.hardLimitKiB,
        deviceNodes: needs.deviceNodes,
        topology: guestTopology(input.model, placement),
      }),
    };
  });
  if (choices.length === 0 && notes.length === 0) notes.push(`No host node set fits ${needs.vcpus} vCPUs in equal cells${needs.threads > 1 ? ` of ${needs.threads}-thread cores` : ''}.`);
  return { choices, notes };
}
