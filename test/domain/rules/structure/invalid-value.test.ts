import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

const disk = (driver: string) =>
  domain(`  <devices>\n    <disk type='file' device='disk'>\n      ${driver}\n      <source file='/var/lib/libvirt/images/guest.img'/>\n      <target dev='vda' bus='virtio'/>\n    </disk>\n  </devices>`);

test('VT104 flags a misspelt cache mode, lists the valid ones and replaces the value', () => {
  const text = disk(`<driver name='qemu' type='raw' cache='writebak'/>`);
  const [finding, ...rest] = findings(text, 'VT104');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.match(finding!.message, /libvirt does not accept cache='writebak' on <driver>/);
  for (const mode of ['none', 'writethrough', 'writeback', 'directsync', 'unsafe']) assert.match(finding!.message, new RegExp(`'${mode}'`));
  assert.match(finding!.message, /Did you mean 'writeback'\?/);
  assert.equal(rangeText(text, finding!), 'writebak');
  assert.equal(finding!.fixes[0]!.isPreferred, true);
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.ok(fixed.includes(`cache='writeback'/>`));
  assert.deepEqual(findings(fixed, 'VT104'), []);
});

test('VT104 flags an io mode and a vcpu placement, case included', () => {
  const io = disk(`<driver name='qemu' type='raw' io='nativ'/>`);
  const [ioFinding] = findings(io, 'VT104');
  assert.equal(rangeText(io, ioFinding!), 'nativ');
  assert.match(ioFinding!.message, /Did you mean 'native'\?/);

  const placement = domain('').replace("placement='static'", "placement='Auto'");
  const [placementFinding] = findings(placement, 'VT104');
  assert.equal(rangeText(placement, placementFinding!), 'Auto');
  assert.equal(applyFix(placement, placementFinding!.fixes[0]!), domain('').replace("placement='static'", "placement='auto'"));
});

test('VT104 flags an unknown memory unit and lists the units', () => {
  const text = domain(`  <memtune>\n    <hard_limit unit='gigs'>5</hard_limit>\n  </memtune>`);
  const [finding, ...rest] = findings(text, 'VT104');
  assert.equal(rest.length, 0);
  assert.equal(rangeText(text, finding!), 'gigs');
  assert.match(finding!.message, /'GiB'/);
  assert.deepEqual(finding!.fixes, []);
});

test('VT104 is silent on valid values, units in any case, entities, and values VT100 reports', () => {
  assert.deepEqual(findings(disk(`<driver name='qemu' type='raw' cache='none' io='native'/>`), 'VT104'), []);
  assert.deepEqual(findings(disk(`<driver name='qemu' type='raw' cache='&#110;one'/>`), 'VT104'), []);
  assert.deepEqual(findings(domain(`  <memtune>\n    <hard_limit unit='gib'>5</hard_limit>\n  </memtune>`), 'VT104'), []);
  const unterminated = disk(`<driver name='qemu' type='raw' cache='writebak/>`);
  assert.ok(findings(unterminated, 'VT100').length > 0);
  assert.deepEqual(findings(unterminated, 'VT104'), []);
});
