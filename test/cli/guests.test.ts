import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, folderWith, runCli, temporaryFolder } from './cliHarness';

const HOST = join(ROOT, 'test', 'fixtures', 'hosts', 'two-nodes');
/** web01 (autostart: vCPUs on host CPUs 2 and 4, emulator on 6), db01 (autostart) and batch01, as test/guests/guestFixtures.ts says. */
const GUESTS = join(ROOT, 'test', 'guests', 'fixtures', 'two-nodes');

interface JsonResult {
  file: string;
  diagnostics: { rule: string; message: string }[];
}

/**
 * A copy of the fixture's /etc/libvirt/qemu under `name`, with web03: web01 renamed, autostarted too (so
 * both pin CPUs 2, 4 and 6). Without `autostart/` it is an inventory of domain files, no copy of libvirt's.
 */
function hostFolder(name: string, autostart = true): string {
  const folder = temporaryFolder();
  cpSync(GUESTS, join(folder, name), { recursive: true, verbatimSymlinks: true });
  const web01 = readFileSync(join(GUESTS, 'web01.xml'), 'utf8');
  writeFileSync(join(folder, name, 'web03.xml'), web01.replace('<name>web01</name>', '<name>web03</name>'));
  if (autostart) symlinkSync('../web03.xml', join(folder, name, 'autostart', 'web03.xml'));
  else rmSync(join(folder, name, 'autostart'), { recursive: true });
  return folder;
}

function crossGuestFindings(run: { stdout: string }): string[] {
  return (JSON.parse(run.stdout) as JsonResult[]).flatMap((result) =>
    result.diagnostics.filter((finding) => /^VT11\d$/.test(finding.rule)).map((finding) => `${result.file} ${finding.rule}`),
  );
}

const SHARED = ['qemu/web01.xml VT110', 'qemu/web03.xml VT110'];

test('lint of a copy of /etc/libvirt/qemu compares its guests, as VS Code does: two autostarted guests pinned to the same CPUs', () => {
  const folder = hostFolder('qemu');
  const run = runCli(['lint', '--format', 'json', '--host', HOST, 'qemu'], folder);
  const found = crossGuestFindings(run);
  for (const finding of SHARED) assert.ok(found.includes(finding), `${finding} in ${found.join(', ')}`);
  const web01 = (JSON.parse(run.stdout) as JsonResult[]).find((result) => result.file === join('qemu', 'web01.xml'))!;
  assert.match(web01.diagnostics.find((finding) => finding.rule === 'VT110')!.message, /shares host CPU 2 with guest 'web03'/);
  // libvirt's autostart/ links are the same guests: linted once, under their own names.
  assert.deepEqual(
    (JSON.parse(run.stdout) as JsonResult[]).map((result) => result.file).filter((file) => file.includes('autostart')),
    [],
  );
  // Lint workers see the same guests.
  const threaded = runCli(['lint', '--format', 'json', '--host', HOST, 'qemu'], folder, { VIRT_TUNE_LINT_THREADS: '2' });
  assert.deepEqual(crossGuestFindings(threaded), found);
});

test('lint --guests: none says nothing across guests; a folder that is no copy of libvirt\'s is compared only when --guests names it', () => {
  const folder = hostFolder('inventory', false);
  assert.deepEqual(crossGuestFindings(runCli(['lint', '--format', 'json', '--host', HOST, 'inventory'], folder)), []);
  const named = crossGuestFindings(runCli(['lint', '--format', 'json', '--host', HOST, '--guests', 'inventory', 'inventory'], folder));
  for (const finding of SHARED) assert.ok(named.includes(finding.replace('qemu/', 'inventory/')), `${finding} in ${named.join(', ')}`);
  const libvirtCopy = hostFolder('qemu');
  assert.deepEqual(crossGuestFindings(runCli(['lint', '--format', 'json', '--host', HOST, '--guests', 'none', 'qemu'], libvirtCopy)), []);
});

test('files of two folders named in turn each take their own folder\'s guests', () => {
  const folder = hostFolder('qemu');
  cpSync(join(folder, 'qemu'), join(folder, 'inventory'), { recursive: true, verbatimSymlinks: true });
  rmSync(join(folder, 'inventory', 'autostart'), { recursive: true });
  const files = ['qemu/web01.xml', 'inventory/web01.xml', 'qemu/web03.xml', 'inventory/web03.xml'];
  // Enough files that the run counts as many (a folder's answer is reused for the files after it).
  const many = Array.from({ length: 12 }, () => files).flat();
  const found = crossGuestFindings(runCli(['lint', '--format', 'json', '--host', HOST, ...files, ...many], folder, { VIRT_TUNE_LINT_THREADS: '0' }));
  for (const finding of SHARED) assert.ok(found.includes(finding), `${finding} in ${found.join(', ')}`);
  // The inventory's files get nothing across guests, and the copy's files what they get alone.
  assert.deepEqual(found, crossGuestFindings(runCli(['lint', '--format', 'json', '--host', HOST, 'qemu/web01.xml', 'qemu/web03.xml'], folder)));
});

test('lint --guests: a path that cannot be read, or auto or none beside paths, is a usage error', () => {
  const folder = hostFolder('qemu');
  const missing = runCli(['lint', '--guests', 'nowhere', 'qemu'], folder);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /--guests must be auto, none or existing files and folders \(cannot read 'nowhere'\)/);
  const mixed = runCli(['lint', '--guests', 'none', '--guests', 'qemu', 'qemu'], folder);
  assert.equal(mixed.status, 2);
  assert.match(mixed.stderr, /--guests none cannot be given with paths/);
});

test('a link to a file outside the folder walked is linted under the link\'s name', () => {
  const outside = folderWith({ 'guest.xml': readFileSync(join(GUESTS, 'batch01.xml'), 'utf8') });
  const folder = temporaryFolder();
  cpSync(GUESTS, join(folder, 'vms'), { recursive: true, verbatimSymlinks: true });
  symlinkSync(join(outside, 'guest.xml'), join(folder, 'vms', 'elsewhere.xml'));
  const run = runCli(['lint', '-v', 'vms'], folder);
  const files = run.stdout.split('\n').map((line) => line.split(':')[0]!);
  assert.ok(files.includes(join('vms', 'elsewhere.xml')), files.join(', '));
  assert.ok(!files.some((file) => file.includes('autostart')), files.join(', '));
  assert.match(run.stderr, /vms[/\\]autostart[/\\]web01\.xml: skipped, a link to .*web01\.xml, which is linted under its own name/);
});

test('tune avoids the CPUs the other guests of a copy of /etc/libvirt/qemu pin (--guests auto), as VS Code does; --guests none does not; not with --libvirt', () => {
  const folder = hostFolder('qemu');
  const pins = (args: string[]) => {
    const run = runCli(['tune', '--host', HOST, ...args, join('qemu', 'batch01.xml')], folder);
    assert.equal(run.status, 0, run.stderr);
    return [...run.stdout.matchAll(/^\+ *<(?:vcpupin vcpu='\d+'|emulatorpin) cpuset='(\d+)'\/>$/gm)].map((match) => Number(match[1]));
  };
  // web01 and web03 pin CPUs 2, 4 and 6, db01 9 and 11 (both autostart): batch01 goes elsewhere.
  const avoided = pins([]);
  assert.ok(avoided.length === 3 && !avoided.some((cpu) => [2, 4, 6, 9, 11].includes(cpu)), avoided.join(' '));
  assert.deepEqual(pins(['--guests', 'none']), [2, 4, 6]);
  const both = runCli(['tune', '--host', HOST, '--libvirt', 'none', '--guests', 'none', join('qemu', 'batch01.xml')], folder);
  assert.equal(both.status, 2);
  assert.match(both.stderr, /from --libvirt or from --guests, not both/);
});
