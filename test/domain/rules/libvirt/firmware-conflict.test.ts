import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT176 flags <nvram> with firmware='bios'", () => {
  const text = guest("  <features><acpi/></features>", {"os": "<os firmware='bios'>\n    <type arch='x86_64' machine='pc'>hvm</type>\n    <nvram>/var/lib/libvirt/qemu/nvram/guest_VARS.fd</nvram>\n  </os>"});
  const results = found(text, 'VT176');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "nvram");
  assert.match(results[0]!.message, /firmware='bios'/);
});

test("VT176 flags a loader without a path when firmware= is not set", () => {
  const text = guest("  <features><acpi/></features>", {"os": "<os>\n    <type arch='x86_64' machine='pc'>hvm</type>\n    <loader readonly='yes' type='pflash'/>\n  </os>"});
  const results = found(text, 'VT176');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "loader");
  assert.match(results[0]!.message, /names no firmware file/);
});

test("VT176 flags NVRAM beside a stateless loader", () => {
  const text = guest("  <features><acpi/></features>", {"os": "<os>\n    <type arch='x86_64' machine='pc'>hvm</type>\n    <loader stateless='yes' readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader><nvram template='/usr/share/OVMF/OVMF_VARS.fd'/>\n  </os>"});
  const results = found(text, 'VT176');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "nvram");
  assert.match(results[0]!.message, /stateless='yes' runs without NVRAM/);
});

test("VT176 flags stateless='no' on a loader that is not pflash", () => {
  const text = guest("", {"os": "<os>\n    <type arch='x86_64' machine='pc'>hvm</type>\n    <loader stateless='no'>/usr/share/seabios/bios.bin</loader>\n  </os>"});
  const results = found(text, 'VT176');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "no");
  assert.match(results[0]!.message, /only a pflash loader has/);
});

test("VT176 flags enrolled keys without Secure Boot", () => {
  const text = guest("  <features><acpi/></features>", {"os": "<os firmware='efi'>\n    <type arch='x86_64' machine='q35'>hvm</type>\n    <firmware><feature enabled='yes' name='enrolled-keys'/><feature enabled='no' name='secure-boot'/></firmware>\n  </os>"});
  const results = found(text, 'VT176');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "yes");
  assert.match(results[0]!.message, /'enrolled-keys' enabled while 'secure-boot'/);
});

test("VT176 flags firmware features without firmware=", () => {
  const text = guest("  <features><acpi/></features>", {"os": "<os>\n    <type arch='x86_64' machine='pc'>hvm</type>\n    <firmware><feature enabled='yes' name='secure-boot'/></firmware>\n  </os>"});
  const results = found(text, 'VT176');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "firmware");
  assert.match(results[0]!.message, /no firmware= attribute/);
});

test("VT176 is silent for a manual UEFI loader with its NVRAM", () => {
  assert.deepEqual(found(guest("  <features><acpi/></features>", {"os": "<os>\n    <type arch='x86_64' machine='pc'>hvm</type>\n    <loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader><nvram template='/usr/share/OVMF/OVMF_VARS.fd'>/var/lib/libvirt/qemu/nvram/guest_VARS.fd</nvram>\n  </os>"}), 'VT176').map((result) => result.message), []);
});

test("VT176 is silent for firmware='efi' with features and a loader (libvirt 11 accepts them together)", () => {
  assert.deepEqual(found(guest("  <features><acpi/></features>", {"os": "<os firmware='efi'>\n    <type arch='x86_64' machine='q35'>hvm</type>\n    <firmware><feature enabled='yes' name='enrolled-keys'/><feature enabled='yes' name='secure-boot'/></firmware><loader secure='yes'/>\n  </os>"}), 'VT176').map((result) => result.message), []);
});
