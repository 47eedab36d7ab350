import type { Connection } from 'vscode-languageserver/node';
import type { GuestsAccess } from '../guests/lspGuests';
import type { LibvirtAccess } from '../libvirt/lspLibvirt';
import {
  LIBVIRT_CHANGED_NOTIFICATION,
  LIBVIRT_DEFINE_REQUEST,
  LIBVIRT_DOMAINS_REQUEST,
  LIBVIRT_READ_REQUEST,
  LIBVIRT_SCHEME,
  type LibvirtDefineParams,
  type LibvirtDefineResult,
  type LibvirtDomainsResult,
  type LibvirtReadParams,
  type LibvirtReadResult,
} from '../protocol';
import { identityChange, locateRefusal } from './identity';

const NO_LIBVIRT = 'No libvirt connection: set virtTune.libvirt (auto asks qemu:///system when virtTune.host is live), and check that libvirtd runs and you may use it.';

/**
 * The libvirt view's requests: the domains, a domain's persistent XML, and defining a text with
 * validation (as `virsh edit` saves), all through the libvirt adapter of `virtTune.libvirt`.
 */
export function attachLibvirtDomainRequests(connection: Connection, libvirt: LibvirtAccess, guests: GuestsAccess): void {
  libvirt.onDidChange(() => void connection.sendNotification(LIBVIRT_CHANGED_NOTIFICATION));
  connection.onRequest(LIBVIRT_DOMAINS_REQUEST, async (): Promise<LibvirtDomainsResult> => {
    await libvirt.settled();
    const opened = libvirt.current()?.connection;
    if (!opened) return { uri: null, domains: [], problem: NO_LIBVIRT };
    const listed = await opened.listDomains();
    if (!listed.ok) return { uri: opened.uri, domains: [], problem: listed.message };
    guests.invalidate();
    const known = await guests.fresh(`${LIBVIRT_SCHEME}:/`);
    return {
      uri: opened.uri,
      domains: listed.value.map((domain) => {
        const model = known?.find((guest) => guest.origin.kind === 'libvirt' && guest.name === domain.name)?.model;
        const pinned = model ? (model.cputune?.vcpupins.length ?? 0) > 0 || model.cputune?.emulatorpin !== undefined : null;
        return { ...domain, pinned };
      }),
    };
  });

  connection.onRequest(LIBVIRT_READ_REQUEST, async (params: LibvirtReadParams): Promise<LibvirtReadResult> => {
    await libvirt.settled();
    const opened = libvirt.current()?.connection;
    if (!opened) return { ok: false, message: NO_LIBVIRT };
    const xml = await opened.dumpXml(params.name);
    return xml.ok ? { ok: true, xml: xml.value } : { ok: false, message: xml.message };
  });

  connection.onRequest(LIBVIRT_DEFINE_REQUEST, async (params: LibvirtDefineParams): Promise<LibvirtDefineResult> => {
    await libvirt.settled();
    const opened = libvirt.current()?.connection;
    if (!opened) return { ok: false, message: NO_LIBVIRT };
    if (params.name !== undefined) {
      const current = await opened.dumpXml(params.name);
      if (!current.ok) return { ok: false, message: `libvirt no longer has '${params.name}': ${current.message}` };
      const changed = identityChange(current.value, params.xml);
      if (changed) return { ok: false, message: changed, ...located(changed, params.xml) };
    }
    const defined = await opened.define(params.xml, { validate: true });
    guests.invalidate();
    if (defined.ok) return { ok: true, name: defined.value };
    return { ok: false, message: defined.message, ...located(defined.message, params.xml) };
  });
}

function located(message: string, xml: string): { at?: { line: number; character: number; length: number } } {
  const at = locateRefusal(message, xml);
  return at ? { at } : {};
}
