import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressNumber } from '../../../../server/src/domain/rules/libvirt/devices';
import { found, guest } from './guest';

test("VT182 flags two devices at one PCI address", () => {
  const text = guest("  <devices>\n    <interface type='user'><model type='virtio'/><address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/></interface><interface type='user'><model type='e1000'/><address type='pci' bus='0' slot='5'/></interface>\n  </devices>", {});
  const results = found(text, 'VT182');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "address");
  assert.match(results[0]!.message, /PCI address 0000:00:05.0/);
});

test("VT182 flags two IDE disks at one drive address", () => {
  const text = guest("  <devices>\n    <disk type='file' device='disk'><source file='/var/lib/libvirt/images/a.img'/><target dev='hda' bus='ide'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk><disk type='file' device='disk'><source file='/b.img'/><target dev='hdb' bus='ide'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>\n  </devices>", {});
  const results = found(text, 'VT182');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "address");
  assert.match(results[0]!.message, /ide drive address controller=0 bus=0 target=0 unit=0/);
});

test("VT182 is silent for a serial console that repeats its serial port address, and for one drive address on two buses", () => {
  assert.deepEqual(found(guest("  <devices>\n    <serial type='pty'><target type='pci-serial' port='0'/><address type='pci' slot='0x04'/></serial><console type='pty'><target type='serial' port='0'/><address type='pci' slot='0x04'/></console><disk type='file' device='disk'><source file='/var/lib/libvirt/images/a.img'/><target dev='hda' bus='ide'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk><disk type='file' device='disk'><source file='/b.img'/><target dev='sda' bus='sata'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>\n  </devices>", {}), 'VT182').map((result) => result.message), []);
});

test('addressNumber reads plain numbers as the regular expressions it stands for do', () => {
  const slow = (text: string): number | undefined => {
    const trimmed = text.trim();
    if (/^0x[0-9a-f]+$/i.test(trimmed)) return Number.parseInt(trimmed.slice(2), 16);
    if (/^[0-9]+$/.test(trimmed)) return Number(trimmed);
    return undefined;
  };
  const samples = ['0', '7', '0x0', '0X1f', '0xFFff', ' 5 ', '0x', '', 'x1', '1.5', '-1', '0x1g', '00012', '999999999999999', '9999999999999999', '0x1fffffffffffff', '0xfffffffffffff', '0xffffffffffffff', '１', '0x\u0661'];
  const random = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const next = random(7);
  const alphabet = '0123456789abcdefxX ';
  for (let i = 0; i < 5000; i++) samples.push(Array.from({ length: 1 + Math.floor(next() * 18) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
  for (const sample of samples) assert.equal(addressNumber(sample), slow(sample), JSON.stringify(sample));
});

test('VT182 tells apart addresses whose parts do not fit the short key, and finds equal ones', () => {
  const pci = (domain: string, slot: string) => `<interface type='user'><address type='pci' domain='${domain}' bus='0' slot='${slot}'/></interface>`;
  const text = (a: string, b: string) => guest(`  <devices>\n    ${a}${b}\n  </devices>`, {});
  assert.equal(found(text(pci('0x10000', '1'), pci('0x10000', '0x1')), 'VT182').length, 1);
  assert.equal(found(text(pci('0x10000', '1'), pci('0x1000', '1')), 'VT182').length, 0);
  assert.match(found(text(pci('0x10000', '1'), pci('65536', '1')), 'VT182')[0]!.message, /PCI address 10000:00:01.0/);
  const drive = (unit: string) => `<disk type='file' device='disk'><source file='/a.img'/><target dev='hd${unit.length}' bus='ide'/><address type='drive' controller='0' bus='0' target='0' unit='${unit}'/></disk>`;
  assert.equal(found(text(drive('99999'), drive('0x1869f')), 'VT182').length, 1);
  assert.equal(found(text(drive('99999'), drive('9999')), 'VT182').length, 0);
});
