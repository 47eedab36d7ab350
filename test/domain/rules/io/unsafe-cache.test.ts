import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

const disk = (driver: string): string =>
  domain(`  <devices>
    <disk type='file' device='disk'>
      ${driver}
      <source file='/var/lib/libvirt/images/guest.qcow2'/>
      <target dev='vda' bus='virtio'/>
    </disk>
  </devices>`);

test("VT147 warns about cache='unsafe' and offers none or writeback", () => {
  const text = disk(`<driver name='qemu' type='qcow2' cache='unsafe'/>`);
  const [finding, ...rest] = findings(text, 'VT147');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'warning');
  assert.equal(rangeText(text, finding!), `cache='unsafe'`);
  assert.match(finding!.message, /flush requests/);
  assert.deepEqual(
    finding!.fixes.map((fix) => applyFix(text, fix)),
    [text.replace(`cache='unsafe'`, `cache='none'`), text.replace(`cache='unsafe'`, `cache='writeback'`)],
  );
  assert.deepEqual(findings(applyFix(text, finding!.fixes[0]!), 'VT147'), []);
});

test("VT147 does not offer writeback next to io='native'", () => {
  const text = disk(`<driver name='qemu' type='qcow2' cache='unsafe' io='native'/>`);
  const [finding] = findings(text, 'VT147');
  assert.equal(finding!.fixes.length, 1);
  assert.deepEqual(findings(applyFix(text, finding!.fixes[0]!), 'VT140'), []);
});

test('VT147 is silent for the other cache modes', () => {
  for (const mode of ['none', 'writeback', 'writethrough', 'directsync', 'default']) {
    assert.deepEqual(findings(disk(`<driver name='qemu' type='qcow2' cache='${mode}'/>`), 'VT147'), []);
  }
  assert.deepEqual(findings(disk(`<driver name='qemu' type='qcow2'/>`), 'VT147'), []);
});
