import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { domainDiagnostics } from '../../server/src/domain/diagnostics';
import { loadHostPath } from '../../server/src/host/load';
import { folderWith, ROOT, runCli } from './cliHarness';

const HOST = join(ROOT, 'examples', 'hosts', 'guide-4-node');
const EVERYDAY = readFileSync(join(ROOT, 'examples', 'everyday-mistakes.xml'), 'utf8');

test('tune prints the unified diff and why, writes nothing; --write applies that diff atomically; then it is already tuned', async () => {
  const folder = folderWith({ 'web01.xml': EVERYDAY });
  const dry = runCli(['tune', '--host', HOST, 'web01.xml'], folder);
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, /^--- web01\.xml\n\+\+\+ web01\.xml\n@@ /);
  assert.match(dry.stdout, /^-    <vcpupin vcpu='4' cpuset='3'\/>$/m);
  assert.match(dry.stdout, /^\+    <emulatorpin cpuset='0'\/>$/m);
  assert.match(dry.stdout, /^### Tune for this host: across nodes 0-3 with 4 guest NUMA cells: 1 vCPU and 2 GiB each, 1 GiB pages on nodes 1-2$/m);
  assert.match(dry.stdout, /Guide 9\.3\.2 \(NUMA vCPU Pinning\)/);
  assert.match(dry.stderr, /web01\.xml: would be tuned across nodes 0-3/);
  assert.equal(readFileSync(join(folder, 'web01.xml'), 'utf8'), EVERYDAY);

  const written = runCli(['tune', '--host', HOST, '--write', 'web01.xml'], folder);
  assert.equal(written.status, 0, written.stderr);
  assert.doesNotMatch(written.stdout, /^--- /m);
  const after = readFileSync(join(folder, 'web01.xml'), 'utf8');
  assert.deepEqual(readdirSync(folder), ['web01.xml']);
  // The file is what the printed diff says: every removed line was in the old file, every added one is in the new.
  for (const line of dry.stdout.slice(0, dry.stdout.indexOf('\n### ')).split('\n')) {
    if (/^-[^-]/.test(line)) assert.ok(EVERYDAY.split('\n').includes(line.slice(1)), line);
    if (/^\+[^+]/.test(line)) assert.ok(after.split('\n').includes(line.slice(1)), line);
  }
  // What remains is the three mistakes outside the blocks the tuner owns, none about tuning.
  const host = await loadHostPath(HOST);
  const left = domainDiagnostics(TextDocument.create('file:///w.xml', 'xml', 1, after), { host }).filter((finding) => finding.severity === 'error' || finding.severity === 'warning');
  assert.deepEqual(left.map((finding) => finding.rule), ['VT105', 'VT140', 'VT141']);

  const again = runCli(['tune', '--host', HOST, 'web01.xml'], folder);
  assert.equal(again.status, 0, again.stderr);
  assert.doesNotMatch(again.stdout, /^--- /m);
  assert.match(again.stderr, /already tuned/);
});

test('tune: --node picks among the placements, --no-lock leaves memory unlocked, no fit is exit 1 with the reasons', () => {
  const small = EVERYDAY.replace('>8</memory>', '>1</memory>').replace('>4</vcpu>', '>1</vcpu>');
  const folder = folderWith({ 'small.xml': small });
  const onNode3 = runCli(['tune', '--host', HOST, '--node', '3', '--no-lock', 'small.xml'], folder);
  assert.equal(onNode3.status, 0, onNode3.stderr);
  assert.match(onNode3.stdout, /^\+    <memory mode='strict' nodeset='3'\/>$/m);
  assert.match(onNode3.stdout, /^-    <locked\/>$/m);
  assert.doesNotMatch(onNode3.stdout, /hard_limit/);
  const none = runCli(['tune', '--host', HOST, '--node', '7', 'small.xml'], folder);
  assert.equal(none.status, 1);
  assert.match(none.stderr, /no placement fits .* using node 7:\n {2}The host has no node 7\./);
});

test('tune usage errors: one FILE, a numeric --node, a host to tune for', () => {
  const folder = folderWith({ 'a.xml': EVERYDAY, 'b.xml': EVERYDAY });
  assert.match(runCli(['tune', '--host', HOST, 'a.xml', 'b.xml'], folder).stderr, /tune takes one FILE \(got 2\)/);
  assert.match(runCli(['tune', '--host', HOST, '--node', 'x', 'a.xml'], folder).stderr, /--node must be a host NUMA node number/);
  assert.match(runCli(['tune', '--host', 'none', 'a.xml'], folder).stderr, /tune needs a host/);
  assert.equal(runCli(['tune', '--host', HOST, 'a.xml', 'b.xml'], folder).status, 2);
});
