import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hostView } from '../../server/src/panel/hostView';
import { domainLayout } from '../../server/src/panel/layout';
import type { DomainLayout, HostView } from '../../server/src/protocol';
import { fixtureHost, HOSTS } from './hostFixtures';

/**
 * The panel's data for the fixture: the two-node host and test/fixtures/hosts/guest-on-two-nodes.xml,
 * a guest pinned across both nodes with memory bound to node 0, 1 GiB pages the host lacks, a pin of
 * a CPU the host does not have and a NIC passed through.
 */
export async function panelFixture(): Promise<{ host: HostView; layout: DomainLayout }> {
  const host = await fixtureHost('two-nodes');
  const text = readFileSync(join(HOSTS, 'guest-on-two-nodes.xml'), 'utf8');
  const layout = domainLayout(TextDocument.create('file:///guests/guest-on-two-nodes.xml', 'xml', 1, text), host);
  if (!layout) throw new Error('the fixture guest is not a domain');
  return { host: { ...hostView(host), source: 'sysfs test/fixtures/hosts/two-nodes' }, layout };
}
