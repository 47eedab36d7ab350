import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildDomainModel } from '../../server/src/domain/model';
import { tuneDocument, tuneFixes } from '../../server/src/tune/service';
import { parseXml } from '../../server/src/xml/parser';
import { guideHost } from './hosts';

const GUEST = `<domain type='kvm'>
  <name>rhel7</name>
  <memory unit='GiB'>6</memory>
  <vcpu placement='static'>4</vcpu>
  <cputune>
  </cputune>
</domain>
`;

test('the tuner runs once per version, host and guest list: the hovers and code actions of one version share its answer', () => {
  const host = guideHost();
  const first = TextDocument.create('file:///tune/service.xml', 'xml', 1, GUEST);
  const tuned = tuneDocument(first, { host });
  assert.ok(tuned && tuned.choices.length > 0);
  assert.equal(tuneDocument(first, { host }), tuned, 'asked again for the same version');
  // What the editor is offered is what a fresh run gives.
  const offset = GUEST.indexOf('<cputune>') + 2;
  const fixes = tuneFixes(first, offset, { host });
  assert.deepEqual(fixes.map((fix) => fix.title), tuned.choices.filter((choice) => choice.edits.length > 0).map((choice) => `Tune for this host: ${choice.summary}`));

  // Another host read, another guest list or another version: worked out again.
  assert.notEqual(tuneDocument(first, { host: guideHost() }), tuned);
  const other = parseXml("<domain type='kvm'><name>db</name><vcpu>1</vcpu><cputune><vcpupin vcpu='0' cpuset='1'/></cputune></domain>");
  const guests = [{ name: 'db', origin: { kind: 'file' as const, path: 'db.xml' }, running: true, autostart: true, model: buildDomainModel(other.root!) }];
  const withGuests = tuneDocument(first, { host, guests });
  assert.notEqual(withGuests, tuned);
  assert.equal(tuneDocument(first, { host, guests }), withGuests);
  const second = TextDocument.update(first, [{ text: GUEST.replace('>4</vcpu>', '>2</vcpu>') }], 2);
  const again = tuneDocument(second, { host });
  assert.notEqual(again, tuned);
  assert.notDeepEqual(again?.choices.map((choice) => choice.summary), tuned.choices.map((choice) => choice.summary));
});
