import { derived } from '../../../core/derived';
import type { DomainModel } from '../../model';
import { elementText, firstChild } from '../../../xml/query';
import type { DomainRuleContext } from '../context';
import { cleanIds, guestMemoryKiB, maxVcpus } from '../guest';
import { hugePageDemands, type HugePageDemand } from '../host/hugepageDemand';
import { memoryBinding } from '../host/placement';
import type { XmlAttribute, XmlDocument } from '../../../xml/types';
import { guestXml } from '../../../guests/load';
import type { Guest } from '../../../guests/types';

/** What one guest takes from the host when it runs: what the cross-guest rules add up. */
export interface GuestClaims {
  /** Host CPUs of its `<vcpupin>`s and `<emulatorpin>`, each with where it was written. */
  pins: { label: string; cpus: number[]; attribute: XmlAttribute }[];
  /** vCPUs it runs (`current` when given). */
  vcpus: number | undefined;
  /** Its memory in KiB and the host nodes a strict `<numatune><memory>` binds it to. */
  strictMemory: { kib: number; nodes: number[] } | undefined;
  nosharepages: boolean;
  hugepages: HugePageDemand[];
}

const claimsByPageSize = derived((_model: DomainModel) => new Map<number | null, GuestClaims>());

/** The claims of a domain; `defaultHugepageKiB` is the host's default huge page size, when known. */
export function claimsOf(xml: XmlDocument, model: DomainModel, defaultHugepageKiB: number | null): GuestClaims {
  const pins: GuestClaims['pins'] = [];
  for (const pin of model.cputune?.vcpupins ?? []) {
    const cpus = cleanIds(xml, pin.cpuset);
    if (cpus && pin.cpuset && pin.vcpu !== undefined) pins.push({ label: `<vcpupin vcpu='${pin.vcpu}'>`, cpus, attribute: pin.cpuset.attribute });
  }
  const emulatorSet = model.cputune?.emulatorpin?.cpuset;
  const emulator = cleanIds(xml, emulatorSet);
  if (emulator && emulatorSet) pins.push({ label: '<emulatorpin>', cpus: emulator, attribute: emulatorSet.attribute });
  const count = maxVcpus(model);
  const current = model.vcpu?.current;
  const binding = memoryBinding(xml, model);
  const kib = guestMemoryKiB(model);
  return {
    pins,
    vcpus: count !== undefined && current !== undefined && current >= 1 && current <= count ? current : count,
    strictMemory: binding && binding.mode === 'strict' && kib !== undefined ? { kib, nodes: binding.nodes } : undefined,
    nosharepages: model.memoryBacking?.nosharepages !== undefined,
    hugepages: hugePageDemands(xml, model, defaultHugepageKiB),
  };
}

/** Claims computed once per model (a document version, or another guest) and default page size. */
function cachedClaims(xml: () => XmlDocument, model: DomainModel, defaultHugepageKiB: number | null): GuestClaims {
  const byPageSize = claimsByPageSize(model);
  let claims = byPageSize.get(defaultHugepageKiB);
  if (!claims) byPageSize.set(defaultHugepageKiB, (claims = claimsOf(xml(), model, defaultHugepageKiB)));
  return claims;
}

/** Another guest's claims. */
export function guestClaims(guest: Guest, defaultHugepageKiB: number | null): GuestClaims {
  return cachedClaims(() => guestXml(guest), guest.model, defaultHugepageKiB);
}

/** Whether a guest can hold host resources at the same time as the edited one: it runs, or starts with the host. */
export function canRun(guest: Guest): boolean {
  return guest.running || guest.autostart;
}

/** The document's own name (`<name>`), to tell it from the other guests. */
function ownName(context: DomainRuleContext): string | undefined {
  return nameOf(context.model);
}

function nameOf(model: DomainModel): string | undefined {
  const element = firstChild(model.root, 'name');
  return (element && elementText(element)?.value.trim()) || undefined;
}

/**
 * The guests of the host other than the document's: every guest but one of the same name (libvirt
 * allows one domain per name) or from the document's own file.
 */
export function otherGuests(context: DomainRuleContext): Guest[] {
  return otherGuestsOf(context.model, context.document.textDocument.uri, context.guests ?? []);
}

/** otherGuests for a domain's model and document uri. */
export function otherGuestsOf(model: DomainModel, uri: string, guests: readonly Guest[]): Guest[] {
  // Nearly always no guests are known: then the document's name need not be read.
  if (guests.length === 0) return [];
  const name = nameOf(model);
  return guests.filter(
    (guest) => guest.name !== name && !(guest.origin.kind === 'file' && uri.startsWith('file:') && fileUriPath(uri) === guest.origin.path),
  );
}

/** The document's own guest among the host's (the domain as libvirt has it now), when listed. */
export function ownGuest(context: DomainRuleContext): Guest | undefined {
  const name = ownName(context);
  return name === undefined ? undefined : context.guests?.find((guest) => guest.name === name);
}

/** The document's claims, computed once per version with the host's default page size. */
export function documentClaims(context: DomainRuleContext): GuestClaims {
  return cachedClaims(() => context.xml, context.model, context.host?.defaultHugepageKiB ?? null);
}

function fileUriPath(uri: string): string {
  return decodeURIComponent(new URL(uri).pathname);
}
