import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveSettingPath } from '../../server/src/lsp/workspaceFolder';

test('a relative virtTune.schema path is taken from the workspace folder; keywords and absolute paths stay', () => {
  assert.equal(resolveSettingPath('schemas/domain.rng', '/srv/vms'), '/srv/vms/schemas/domain.rng');
  assert.equal(resolveSettingPath('auto', '/srv/vms'), 'auto');
  assert.equal(resolveSettingPath('builtin', '/srv/vms'), 'builtin');
  assert.equal(resolveSettingPath('/usr/share/libvirt/schemas/domain.rng', '/srv/vms'), '/usr/share/libvirt/schemas/domain.rng');
  assert.equal(resolveSettingPath('~/schemas', '/srv/vms'), '~/schemas');
  assert.equal(resolveSettingPath('schemas/domain.rng', undefined), 'schemas/domain.rng');
});
