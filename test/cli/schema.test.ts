import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { HOST_SCHEMA } from '../../server/src/schema/source';
import { CORPUS_DIR, missing } from '../kb/shared';
import { GUEST, guestWith } from '../schema/guest';
import { folderWith, runCli } from './cliHarness';

const SCHEMA = resolve(CORPUS_DIR, 'schemas/domain.rng');
const skip = missing(SCHEMA) ?? false;
/** A disk without <target>: only libvirt's schema says so (VT108), on line 12, column 6. */
const NO_TARGET = guestWith("      <target dev='vda' bus='virtio'/>\n", '');
const VT108_LINE = /^guest\.xml:12:6: error VT108 <disk> needs a <target> inside it: .* \(libvirt 11\.3\.0 schema\)$/m;

test('lint --schema PATH: the schema verdict is located and says which schema judged it; exit 1', { skip }, () => {
  const folder = folderWith({ 'guest.xml': NO_TARGET, 'clean.xml': GUEST });
  const run = runCli(['lint', '--schema', SCHEMA, 'guest.xml', 'clean.xml'], folder);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, VT108_LINE);
  assert.doesNotMatch(run.stdout, /^clean\.xml:.* error /m);
  const byFolder = runCli(['lint', '--schema', dirname(SCHEMA), '--format', 'json', 'guest.xml'], folder);
  assert.equal(byFolder.status, 1, byFolder.stderr);
  const [entry] = JSON.parse(byFolder.stdout) as { diagnostics: { rule: string; range: unknown }[] }[];
  assert.deepEqual(entry!.diagnostics.filter((diagnostic) => diagnostic.rule === 'VT108').map((diagnostic) => diagnostic.range), [
    { start: { line: 11, character: 5 }, end: { line: 11, character: 9 } },
  ]);
});

test('lint --schema builtin consults no schema, and auto is builtin where libvirt is not installed', { skip }, () => {
  const folder = folderWith({ 'guest.xml': NO_TARGET });
  const builtin = runCli(['lint', '--schema', 'builtin', 'guest.xml'], folder);
  assert.equal(builtin.status, 0, builtin.stdout + builtin.stderr);
  assert.doesNotMatch(builtin.stdout, /VT108/);
  const auto = runCli(['lint', 'guest.xml'], folder);
  if (existsSync(HOST_SCHEMA)) assert.match(auto.stdout, /VT108 .*\(host libvirt schema\)$/m);
  else assert.deepEqual([auto.status, auto.stdout], [0, builtin.stdout]);
});

test('lint --schema with a file that is not there: one line naming it, exit 2, nothing linted', () => {
  const folder = folderWith({ 'guest.xml': NO_TARGET });
  const run = runCli(['lint', '--schema', '/nonexistent/libvirt/domain.rng', 'guest.xml'], folder);
  assert.equal(run.status, 2);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr, 'virt-tune: Cannot read the libvirt schema /nonexistent/libvirt/domain.rng: no such file.\n');
});

test('lint --schema with a file that is not a schema: one line naming it, exit 2', () => {
  const folder = folderWith({ 'guest.xml': NO_TARGET, 'bad.rng': '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="nowhere"/></start></grammar>' });
  const run = runCli(['lint', '--schema', 'bad.rng', 'guest.xml'], folder);
  assert.equal(run.status, 2);
  assert.equal(run.stdout, '');
  // Our own validator's compiler says where in the file (libxml2, the fallback, refuses it too).
  assert.match(run.stderr, /^virt-tune: Cannot compile the RelaxNG schema \S*bad\.rng: \S*bad\.rng:1: no definition of "nowhere"\.\n$/);
});

test('rules lists VT108 schema-invalid among the structure rules', () => {
  const run = runCli(['rules'], process.cwd());
  assert.equal(run.status, 0);
  assert.match(run.stdout, /^VT107 .*\nVT108 +schema-invalid +error +The domain must be valid against libvirt's schema\n/m);
});
