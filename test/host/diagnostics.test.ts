import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { domainDiagnostics } from '../../server/src/domain/diagnostics';
import { domain } from '../helpers';
import { fixtureHost } from './hostFixtures';

test('findings of one document version are cached per host: a host change gives new findings, no host the old ones', async () => {
  const text = domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='5'/>\n  </cputune>`);
  const document = TextDocument.create('file:///test/host-cache.xml', 'xml', 1, text);
  const codes = (host?: Awaited<ReturnType<typeof fixtureHost>>) => domainDiagnostics(document, host ? { host } : {}).map((finding) => finding.rule);
  const without = codes();
  assert.ok(!without.includes('VT150'));
  assert.ok(codes(await fixtureHost('one-node')).includes('VT150'), 'CPU 5 is not on the one-node host');
  assert.ok(!codes(await fixtureHost('two-nodes')).includes('VT150'), 'it is on the two-node host');
  assert.deepEqual(codes(), without);
  assert.equal(domainDiagnostics(document), domainDiagnostics(document), 'the same list while nothing changes');
});
