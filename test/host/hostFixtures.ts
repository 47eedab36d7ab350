import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../server/src/core/types';
import { domainDiagnostics } from '../../server/src/domain/diagnostics';
import { loadHostPath } from '../../server/src/host/load';
import type { HostModel } from '../../server/src/host/types';

/** The repository root, from out/test/host. */
export const ROOT = join(__dirname, '..', '..', '..');
export const HOSTS = join(ROOT, 'test', 'fixtures', 'hosts');

/** The snapshot trees (and the capabilities file) under test/fixtures/hosts. */
export type FixtureHost = 'two-nodes' | 'one-node' | 'no-numa' | 'offline-cpus' | 'missing-files' | 'capabilities-two-nodes.xml';

const loaded = new Map<FixtureHost, Promise<HostModel>>();

export function fixtureHost(name: FixtureHost): Promise<HostModel> {
  let host = loaded.get(name);
  if (!host) {
    host = loadHostPath(join(HOSTS, name));
    loaded.set(name, host);
  }
  return host;
}

let counter = 0;

/** The findings of one rule for a domain text on a host. */
export function hostFindings(text: string, host: HostModel | undefined, code?: string): Finding[] {
  counter++;
  const document = TextDocument.create(`file:///test/host-${counter}.xml`, 'xml', 1, text);
  const all = domainDiagnostics(document, host ? { host } : {});
  return code ? all.filter((finding) => finding.rule === code) : all;
}
