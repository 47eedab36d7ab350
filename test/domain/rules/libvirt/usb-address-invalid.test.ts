import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT179 flags two devices on one port", () => {
  const text = guest("  <devices>\n    <controller type='usb' index='0'/><hub type='usb'><address type='usb' bus='0' port='1'/></hub><input type='mouse' bus='usb'><address type='usb' bus='0' port='1'/></input>\n  </devices>", {});
  const results = found(text, 'VT179');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "1");
  assert.match(results[0]!.message, /Another device already uses this port/);
});

test("VT179 flags a port path through a hub that is not there", () => {
  const text = guest("  <devices>\n    <controller type='usb' index='0'/><input type='mouse' bus='usb'><address type='usb' bus='0' port='1.2'/></input>\n  </devices>", {});
  const results = found(text, 'VT179');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "1.2");
  assert.match(results[0]!.message, /no USB hub at port 1/);
});

test("VT179 flags a bus without a controller", () => {
  const text = guest("  <devices>\n    <controller type='usb' index='0'/><hub type='usb'><address type='usb' bus='1'/></hub>\n  </devices>", {});
  const results = found(text, 'VT179');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "1");
  assert.match(results[0]!.message, /no USB controller with index 1/);
});

test("VT179 flags a port beyond the i440fx default controller's two, and beyond a hub's eight", () => {
  const text = guest("  <devices>\n    <controller type='usb' index='0'/><hub type='usb'><address type='usb' bus='0' port='1'/></hub><input type='mouse' bus='usb'><address type='usb' bus='0' port='4'/></input><input type='tablet' bus='usb'><address type='usb' bus='0' port='1.9'/></input>\n  </devices>", {});
  const results = found(text, 'VT179');
  assert.equal(results.length, 2, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "4");
  assert.match(results[0]!.message, /the controller has 2 ports/);
  assert.equal(results[1]!.finding.severity, 'error');
  assert.equal(results[1]!.at, "1.9");
  assert.match(results[1]!.message, /a USB hub has 8 ports/);
});

test("VT179 flags USB devices when model='none' turned USB off", () => {
  const text = guest("  <devices>\n    <controller type='usb' model='none'/><input type='tablet' bus='usb'/>\n  </devices>", {});
  const results = found(text, 'VT179');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "input");
  assert.match(results[0]!.message, /model='none' turns USB off/);
});

test("VT179 is silent for a hub and devices behind it, in any order", () => {
  assert.deepEqual(found(guest("  <devices>\n    <controller type='usb' index='0' model='qemu-xhci' ports='8'/><input type='mouse' bus='usb'><address type='usb' bus='0' port='1.3'/></input><hub type='usb'><address type='usb' bus='0' port='1'/></hub><input type='tablet' bus='usb'><address type='usb' bus='0' port='7'/></input>\n  </devices>", {}), 'VT179').map((result) => result.message), []);
});
