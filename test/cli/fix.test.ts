import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import {
  CLEAN_DOMAIN,
  SELF_CLOSED_HUGEPAGES,
  SELF_CLOSED_HUGEPAGES_FIXED,
  UNCLOSED_DEVICES,
  folderWith,
  runCli,
} from './cliHarness';

test('fix --dry-run prints a unified diff of the safe fixes and writes nothing', () => {
  const folder = folderWith({ 'guest.xml': SELF_CLOSED_HUGEPAGES });
  const run = runCli(['fix', '--dry-run', 'guest.xml'], folder);
  assert.notEqual(run.status, 2, run.stderr);
  assert.match(run.stdout, /^--- guest\.xml\n\+\+\+ guest\.xml\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
  assert.match(run.stdout, /^- {4}<hugepages\/>$/m);
  assert.match(run.stdout, /^\+ {4}<hugepages>$/m);
  assert.equal(readFileSync(join(folder, 'guest.xml'), 'utf8'), SELF_CLOSED_HUGEPAGES);
  assert.match(run.stderr, /would apply 1 fix in 1 file/);
});

test('fix replaces the file through a rename (a new inode), keeping its mode, and leaves no temporary file', () => {
  const folder = folderWith({ 'guest.xml': SELF_CLOSED_HUGEPAGES });
  const path = join(folder, 'guest.xml');
  chmodSync(path, 0o640);
  const before = statSync(path);
  const run = runCli(['fix', 'guest.xml'], folder);
  assert.notEqual(run.status, 2, run.stderr);
  assert.equal(readFileSync(path, 'utf8'), SELF_CLOSED_HUGEPAGES_FIXED);
  const after = statSync(path);
  assert.equal(after.mode & 0o7777, 0o640);
  assert.notEqual(after.ino, before.ino);
  assert.deepEqual(readdirSync(folder), ['guest.xml']);
  assert.equal(runCli(['fix', 'guest.xml'], folder).stderr, 'applied 0 fixes in 0 files\n');
});

test('fix leaves a file byte for byte when its well-formedness error has no safe fix, even if another has one', () => {
  const mixed = UNCLOSED_DEVICES.replace('<name>guest</name>', '<name>guest</name>\n  <memoryBacking>\n    <hugepages/>\n    </hugepages>\n  </memoryBacking>');
  const folder = folderWith({ 'unclosed.xml': UNCLOSED_DEVICES, 'mixed.xml': mixed });
  const run = runCli(['fix', 'unclosed.xml', 'mixed.xml'], folder);
  assert.equal(run.status, 1);
  assert.equal(readFileSync(join(folder, 'unclosed.xml'), 'utf8'), UNCLOSED_DEVICES);
  assert.equal(readFileSync(join(folder, 'mixed.xml'), 'utf8'), mixed);
  assert.match(run.stderr, /unclosed\.xml: left unchanged: not well-formed XML \(VT100\)/);
  assert.match(run.stderr, /mixed\.xml: left unchanged/);
  const dryRun = runCli(['fix', '--dry-run', 'mixed.xml'], folder);
  assert.equal(dryRun.stdout, '');
});

test('fix keeps a byte order mark and CRLF line ends', () => {
  const crlf = (text: string) => '\uFEFF' + text.replace(/\n/g, '\r\n');
  const folder = folderWith({ 'guest.xml': crlf(SELF_CLOSED_HUGEPAGES) });
  runCli(['fix', 'guest.xml'], folder);
  assert.equal(readFileSync(join(folder, 'guest.xml'), 'utf8'), crlf(SELF_CLOSED_HUGEPAGES_FIXED));
});

test('fix writes through a symbolic link, which stays a link', () => {
  const folder = folderWith({ 'real.xml': SELF_CLOSED_HUGEPAGES });
  symlinkSync('real.xml', join(folder, 'link.xml'));
  runCli(['fix', 'link.xml'], folder);
  assert.ok(statSync(join(folder, 'link.xml'), { throwIfNoEntry: true }).isFile());
  assert.equal(readFileSync(join(folder, 'real.xml'), 'utf8'), SELF_CLOSED_HUGEPAGES_FIXED);
  assert.equal(readdirSync(folder).sort().join(' '), 'link.xml real.xml');
  assert.ok(readdirSync(folder, { withFileTypes: true }).find((entry) => entry.name === 'link.xml')?.isSymbolicLink());
});

test('fix on a clean file changes nothing and exits 0; on a missing file exits 2', () => {
  const folder = folderWith({ 'guest.xml': CLEAN_DOMAIN });
  const clean = runCli(['fix', 'guest.xml'], folder);
  assert.equal(clean.status, 0);
  assert.equal(readFileSync(join(folder, 'guest.xml'), 'utf8'), CLEAN_DOMAIN);
  const missing = runCli(['fix', 'missing.xml'], folder);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read missing\.xml/);
});

test('fix does not rewrite a file that is not valid UTF-8', () => {
  const bytes = Buffer.concat([Buffer.from(SELF_CLOSED_HUGEPAGES.replace('<name>guest</name>', '<name>gu')), Buffer.from([0xff]), Buffer.from('</name>')]);
  const folder = folderWith({ 'latin.xml': bytes });
  const run = runCli(['fix', 'latin.xml'], folder);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /latin\.xml: it is not UTF-8 text \(an invalid byte at line 14\)/);
  assert.deepEqual(readFileSync(join(folder, 'latin.xml')), bytes);
});

test('fix says which fix it took where a finding offered two (cache=none rather than io=threads)', () => {
  const nativeIo = CLEAN_DOMAIN.replace(
    '</domain>',
    "  <devices>\n    <disk type='file' device='disk'>\n      <driver name='qemu' type='raw' io='native' cache='writeback'/>\n      <source file='/var/lib/libvirt/images/g.img'/>\n      <target dev='vda' bus='virtio'/>\n    </disk>\n  </devices>\n</domain>",
  );
  const line = nativeIo.split('\n').findIndex((text) => text.includes("io='native'")) + 1;
  const folder = folderWith({ 'guest.xml': nativeIo });
  const dryRun = runCli(['fix', '--dry-run', 'guest.xml'], folder);
  assert.match(dryRun.stderr, new RegExp(`^virt-tune: guest\\.xml:${line}: VT\\d+: would apply "Set cache='none'" \\(the other fix: "Use io='threads' and keep the cache mode"; pick it in the editor instead\\)$`, 'm'), dryRun.stderr);
  const run = runCli(['fix', 'guest.xml'], folder);
  assert.match(run.stderr, /: applied "Set cache='none'" \(the other fix: "Use io='threads'/);
  assert.match(readFileSync(join(folder, 'guest.xml'), 'utf8'), /io='native' cache='none'/);
  // One fix only: nothing to say.
  assert.doesNotMatch(runCli(['fix', '--dry-run', 'guest.xml'], folderWith({ 'guest.xml': SELF_CLOSED_HUGEPAGES })).stderr, /the other fix/);
});
