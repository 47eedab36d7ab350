import { hostJson } from '../host/json';
import { pciKind } from '../host/pciClass';
import type { HostModel } from '../host/types';
import type { HostView } from '../protocol';

/** The host as the panel gets it (`virtTune/host`). */
export function hostView(host: HostModel): HostView {
  const json = hostJson(host);
  return {
    source: host.source,
    nodes: json.nodes,
    cpus: json.cpus,
    ksm: json.ksm && { run: json.ksm.run, pagesSharing: json.ksm.pagesSharing },
    thp: json.thp,
    pci: json.pci.map((device) => ({ ...device, kind: pciKind(device) })),
    hugepages: json.hugepages,
    defaultHugepageKiB: json.defaultHugepageKiB,
  };
}
