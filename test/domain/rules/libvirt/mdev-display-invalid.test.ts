import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT198 flags a vGPU display without <graphics>", () => {
  const text = guest("  <devices>\n    <hostdev mode='subsystem' type='mdev' model='vfio-pci' display='on'><source><address uuid='53764d0e-85a0-42b4-af5c-2046b460b1d0'/></source></hostdev>\n  </devices>", {});
  const results = found(text, 'VT198');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "on");
  assert.match(results[0]!.message, /guest has none/);
});

test("VT198 flags a second vGPU with ramfb='on'", () => {
  const text = guest("  <devices>\n    <graphics type='vnc'/><hostdev mode='subsystem' type='mdev' model='vfio-pci' display='on' ramfb='on'><source><address uuid='53764d0e-85a0-42b4-af5c-2046b460b1d0'/></source></hostdev><hostdev mode='subsystem' type='mdev' model='vfio-pci' display='on' ramfb='on'><source><address uuid='53764d0e-85a0-42b4-af5c-2046b460b1d1'/></source></hostdev>\n  </devices>", {});
  const results = found(text, 'VT198');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "on");
  assert.match(results[0]!.message, /already has ramfb/);
});

test("VT198 is silent with <graphics> and one ramfb", () => {
  assert.deepEqual(found(guest("  <devices>\n    <graphics type='vnc'/><hostdev mode='subsystem' type='mdev' model='vfio-pci' display='on' ramfb='on'><source><address uuid='53764d0e-85a0-42b4-af5c-2046b460b1d0'/></source></hostdev><hostdev mode='subsystem' type='mdev' model='vfio-pci' display='on'><source><address uuid='53764d0e-85a0-42b4-af5c-2046b460b1d1'/></source></hostdev>\n  </devices>", {}), 'VT198').map((result) => result.message), []);
});
