import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT177 flags a pflash loader on x86 without ACPI", () => {
  const text = guest("", {"os": "<os>\n    <type arch='x86_64' machine='q35'>hvm</type>\n    <loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader>\n  </os>"});
  const results = found(text, 'VT177');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "pflash");
  assert.match(results[0]!.message, /<features><acpi\/><\/features>/);
});

test("VT177 flags firmware='efi' without ACPI", () => {
  const text = guest("  <features><pae/></features>", {"os": "<os firmware='efi'>\n    <type arch='x86_64' machine='q35'>hvm</type>\n    \n  </os>"});
  const results = found(text, 'VT177');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "efi");
  assert.match(results[0]!.message, /UEFI/);
});

test("VT177 is silent with <acpi/>", () => {
  assert.deepEqual(found(guest("  <features><acpi/></features>", {"os": "<os firmware='efi'>\n    <type arch='x86_64' machine='q35'>hvm</type>\n    \n  </os>"}), 'VT177').map((result) => result.message), []);
});

test("VT177 is silent for BIOS guests and for other architectures", () => {
  assert.deepEqual(found(guest("", {"os": "<os>\n    <type arch='aarch64' machine='virt'>hvm</type>\n    <loader readonly='yes' type='pflash'>/usr/share/AAVMF/AAVMF_CODE.fd</loader>\n  </os>"}), 'VT177').map((result) => result.message), []);
});
