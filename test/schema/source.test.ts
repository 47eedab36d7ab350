import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemaSourceFor } from '../../server/src/schema/source';

test('builtin, and auto without libvirt on the host, mean no schema file', () => {
  assert.equal(schemaSourceFor('builtin'), undefined);
  assert.equal(schemaSourceFor('auto', '/nonexistent/libvirt/schemas/domain.rng'), undefined);
});

test("auto is the host's libvirt schema when it is installed", () => {
  const host = join(mkdtempSync(join(tmpdir(), 'virt-tune-host-')), 'domain.rng');
  writeFileSync(host, '<grammar/>');
  assert.deepEqual(schemaSourceFor('auto', host), { path: host, label: 'host libvirt schema' });
});

test("a path names its libvirt version when the path has one; a folder means its domain.rng; ~ is home", () => {
  assert.deepEqual(schemaSourceFor('/opt/libvirt-11.3.0/schemas/domain.rng'), {
    path: '/opt/libvirt-11.3.0/schemas/domain.rng',
    label: 'libvirt 11.3.0 schema',
  });
  assert.deepEqual(schemaSourceFor('/srv/schemas/domain.rng'), { path: '/srv/schemas/domain.rng', label: '/srv/schemas/domain.rng' });
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-schemas-'));
  assert.equal(schemaSourceFor(folder)?.path, join(folder, 'domain.rng'));
  assert.equal(schemaSourceFor('~/schemas/domain.rng')?.path, join(homedir(), 'schemas/domain.rng'));
});
