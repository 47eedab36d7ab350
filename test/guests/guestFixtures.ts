import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../server/src/core/types';
import { readGuestFiles } from '../../server/src/guests/files';
import type { Guest, Guests } from '../../server/src/guests/types';
import type { HostModel } from '../../server/src/host/types';
import { serviceFor, type ServiceOptions } from '../../server/src/services';
import { ROOT } from '../host/hostFixtures';

/**
 * test/guests/fixtures/two-nodes (kept out of test/fixtures, whose files seed the fuzzer): a copy of a host's /etc/libvirt/qemu for the two-node fixture host.
 * web01 (autostart: vCPUs on CPUs 2 and 4, emulator on 6, 600 MiB of 2 MiB pages strict on node 0,
 * nosharepages), db01 (autostart: CPUs 9 and 11, 28 GiB strict on node 1, nosharepages), batch01
 * (not autostart: CPUs 10 and 12), a broken file and a network: the last two are no guests.
 */
export const GUEST_FOLDER = join(ROOT, 'test', 'guests', 'fixtures', 'two-nodes');

export function folderGuests(): Promise<Guest[]> {
  return readGuestFiles([GUEST_FOLDER]);
}

/** The same guests with some of them changed (running, autostart). */
export function withState(guests: readonly Guest[], changes: Record<string, Partial<Pick<Guest, 'running' | 'autostart'>>>): Guests {
  return guests.map((guest) => ({ ...guest, ...changes[guest.name] }));
}

let counter = 0;

/** The findings of one rule, through the domain service, for a text beside the guests on a host. */
export function guestFindings(text: string, host: HostModel, guests: Guests, code: string, extra: Omit<ServiceOptions, 'host' | 'guests'> = {}): Finding[] {
  counter++;
  const document = TextDocument.create(`file:///test/guests/doc-${counter}.xml`, 'xml', 1, text);
  return serviceFor('domain')!.diagnostics(document, { host, guests, ...extra }).filter((finding) => finding.rule === code);
}
