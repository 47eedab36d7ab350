import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT187 flags an SMBIOS UUID other than <uuid>", () => {
  const text = guest("  <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>\n  <sysinfo type='smbios'><system><entry name='uuid'>c7a5fdbd-edaf-9455-926a-d65c16db1800</entry></system></sysinfo>", {});
  const results = found(text, 'VT187');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "c7a5fdbd-edaf-9455-926a-d65c16db1800");
  assert.match(results[0]!.message, /domain's own <uuid>/);
});

test("VT187 flags two seclabels of one model", () => {
  const text = guest("  <seclabel type='dynamic' model='dac' relabel='yes'/>\n  <seclabel type='dynamic' model='dac' relabel='yes'/>", {});
  const results = found(text, 'VT187');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "dac");
  assert.match(results[0]!.message, /already sets the dac label/);
});

test("VT187 is silent for the same UUID written in capitals, and for different models", () => {
  assert.deepEqual(found(guest("  <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>\n  <sysinfo type='smbios'><system><entry name='uuid'>C7A5FDBD-EDAF-9455-926A-D65C16DB1809</entry></system></sysinfo>\n  <seclabel type='dynamic' model='dac'/>\n  <seclabel type='dynamic' model='selinux'/>", {}), 'VT187').map((result) => result.message), []);
});
