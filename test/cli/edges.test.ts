import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, closeSync, mkdirSync, openSync, symlinkSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN_DOMAIN, SELF_CLOSED_HUGEPAGES, folderWith, runCli, temporaryFolder } from './cliHarness';

// Bad input at the edges: each gets a clear message on stderr (or a clean skip) and an exit status that
// says so (2: a file that cannot be read; 1: error-level findings; 0: none).

const isRoot = process.getuid?.() === 0;

test('a binary file is not read as text: named, it is reported and the exit status is 2; in a folder, the rest is still linted', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const folder = folderWith({ 'guest.xml': png, 'vms/guest.xml': png, 'vms/good.xml': CLEAN_DOMAIN });
  const named = runCli(['lint', 'guest.xml'], folder);
  assert.equal(named.status, 2);
  assert.match(named.stderr, /not reading guest\.xml: it is a binary file \(a NUL byte at offset 8\)/);
  assert.equal(named.stdout, '');

  const walked = runCli(['lint', '--format', 'json', 'vms'], folder);
  assert.equal(walked.status, 2);
  assert.match(walked.stderr, /not reading vms[/\\]guest\.xml: it is a binary file/);
  assert.deepEqual((JSON.parse(walked.stdout) as { file: string }[]).map((entry) => entry.file), [join('vms', 'good.xml')]);
});

test('invalid UTF-8 and UTF-16 are reported with where, not linted as replacement characters', () => {
  const latin1 = Buffer.concat([Buffer.from("<domain type='kvm'>\n  <name>caf"), Buffer.from([0xe9]), Buffer.from('</name>\n</domain>\n')]);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLEAN_DOMAIN, 'utf16le')]);
  const folder = folderWith({ 'latin1.xml': latin1, 'utf16.xml': utf16, 'fine.xml': `\uFEFF${CLEAN_DOMAIN}` });
  const run = runCli(['lint', 'latin1.xml', 'utf16.xml', 'fine.xml'], folder);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /not reading latin1\.xml: it is not UTF-8 text \(an invalid byte at line 2\)/);
  assert.match(run.stderr, /not reading utf16\.xml: it is UTF-16 text; virt-tune reads UTF-8/);
  // The file that is fine (UTF-8 with a byte order mark) is linted all the same.
  assert.match(run.stderr, /0 errors, 0 warnings in 1 file/);
});

test('a 50 MB file is not read (virsh reads at most 10 MiB of XML): a clear message, exit status 2', () => {
  const folder = temporaryFolder();
  const path = join(folder, 'huge.xml');
  const fd = openSync(path, 'w');
  writeSync(fd, "<domain type='kvm'>\n<devices>\n");
  closeSync(fd);
  truncateSync(path, 50 * 1024 * 1024);
  const run = runCli(['lint', 'huge.xml', '--format', 'json'], folder);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /not reading huge\.xml: 50\.0 MiB, more than the 10 MiB virsh reads of an XML file/);
  assert.deepEqual(JSON.parse(run.stdout), []);
});

test('a folder of 10,000 files is walked: the 1,000 domains linted, the other XML skipped, one error found', () => {
  const folder = temporaryFolder();
  const vms = join(folder, 'vms');
  mkdirSync(vms);
  for (let index = 0; index < 10_000; index++) {
    const name = `${String(index).padStart(5, '0')}.xml`;
    const text = index % 10 !== 0 ? `<network>\n  <name>net${index}</name>\n</network>\n` : index === 5000 ? SELF_CLOSED_HUGEPAGES : CLEAN_DOMAIN;
    writeFileSync(join(vms, name), text);
  }
  const run = runCli(['lint', 'vms'], folder);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, /^vms[/\\]05000\.xml:6:15: error VT100 /m);
  assert.match(run.stderr, /^1 error, 0 warnings in 1000 files$/m);
});

test('a file that cannot be read: a clear message and exit status 2', (t) => {
  const folder = folderWith({ 'secret.xml': CLEAN_DOMAIN, 'folder.xml/guest.xml': CLEAN_DOMAIN });
  symlinkSync('gone.xml', join(folder, 'dangling.xml'));
  const dangling = runCli(['lint', 'dangling.xml'], folder);
  assert.equal(dangling.status, 2);
  assert.match(dangling.stderr, /cannot read dangling\.xml: no such file or folder/);

  // A folder named like a file is a folder: what it holds is linted.
  const folderNamedXml = runCli(['lint', 'folder.xml'], folder);
  assert.equal(folderNamedXml.status, 0);
  assert.match(folderNamedXml.stderr, /0 errors, 0 warnings in 1 file/);

  if (process.platform === 'linux') {
    // Unreadable even for root: the kernel refuses to read a process's memory at offset 0.
    const memory = runCli(['lint', '/proc/self/mem'], folder);
    assert.equal(memory.status, 2);
    assert.match(memory.stderr, /cannot read \/proc\/self\/mem: /);
  }

  if (isRoot) {
    t.diagnostic('chmod 000 does not stop root from reading: the permission case is left out when run as root');
    return;
  }
  chmodSync(join(folder, 'secret.xml'), 0o000);
  const secret = runCli(['lint', 'secret.xml'], folder);
  assert.equal(secret.status, 2);
  assert.match(secret.stderr, /cannot read secret\.xml: permission denied/);
});

test('a loop of symbolic links: named, a clear message and exit status 2; met in a folder, a clean skip', () => {
  const folder = folderWith({ 'vms/good.xml': CLEAN_DOMAIN });
  symlinkSync('b.xml', join(folder, 'a.xml'));
  symlinkSync('a.xml', join(folder, 'b.xml'));
  symlinkSync('../a.xml', join(folder, 'vms', 'loop.xml'));
  symlinkSync('..', join(folder, 'vms', 'parent'));

  const named = runCli(['lint', 'a.xml'], folder);
  assert.equal(named.status, 2);
  assert.match(named.stderr, /cannot read a\.xml: a loop of symbolic links/);

  // Links to folders are not followed (no cycle), a link that leads nowhere is passed over.
  const walked = runCli(['lint', '--format', 'json', 'vms'], folder);
  assert.equal(walked.status, 0, walked.stderr);
  assert.deepEqual((JSON.parse(walked.stdout) as { file: string }[]).map((entry) => entry.file), [join('vms', 'good.xml')]);
});
