import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

const disk = (driver: string): string =>
  domain(`  <devices>
    <disk type='file' device='disk'>
      ${driver}
      <source file='/var/lib/libvirt/images/guest.raw'/>
      <target dev='vda' bus='virtio'/>
    </disk>
  </devices>`);

test('VT140 flags io=native with cache=writeback and sets cache=none', () => {
  const text = disk(`<driver name='qemu' type='raw' cache='writeback' io='native'/>`);
  const [finding, ...rest] = findings(text, 'VT140');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.equal(rangeText(text, finding!), `io='native'`);
  assert.match(finding!.message, /cache='writeback'/);
  assert.match(finding!.message, /libvirt refuses/);
  const preferred = finding!.fixes.find((fix) => fix.isPreferred)!;
  const fixed = applyFix(text, preferred);
  assert.equal(fixed, text.replace(`cache='writeback'`, `cache='none'`));
  assert.deepEqual(findings(fixed, 'VT140'), []);
});

test('VT140 flags io=native without a cache attribute and inserts one in the same quote style', () => {
  const text = disk(`<driver name="qemu" type="raw" io="native" discard="unmap"/>`);
  const [finding] = findings(text, 'VT140');
  assert.equal(rangeText(text, finding!), `io="native"`);
  assert.match(finding!.message, /sets no cache mode/);
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.equal(fixed, text.replace(`io="native"`, `io="native" cache="none"`));
  assert.deepEqual(findings(fixed, 'VT140'), []);
});

test("VT140 counts cache='default' as no direct cache, and offers io='threads'", () => {
  const text = disk(`<driver name='qemu' type='raw' cache='default' io='native'/>`);
  const [finding] = findings(text, 'VT140');
  assert.match(finding!.message, /cache='default'/);
  const threads = finding!.fixes.find((fix) => fix.title.includes('threads'))!;
  const fixed = applyFix(text, threads);
  assert.equal(fixed, text.replace(`io='native'`, `io='threads'`));
  assert.deepEqual(findings(fixed, 'VT140'), []);
});

test('VT140 is silent for cache=none, cache=directsync, io=threads and an unknown cache value', () => {
  assert.deepEqual(findings(disk(`<driver name='qemu' type='raw' cache='none' io='native'/>`), 'VT140'), []);
  assert.deepEqual(findings(disk(`<driver name='qemu' type='raw' cache='directsync' io='native'/>`), 'VT140'), []);
  assert.deepEqual(findings(disk(`<driver name='qemu' type='raw' cache='writeback' io='threads'/>`), 'VT140'), []);
  assert.deepEqual(findings(disk(`<driver name='qemu' type='raw' cache='nonee' io='native'/>`), 'VT140'), []);
});
