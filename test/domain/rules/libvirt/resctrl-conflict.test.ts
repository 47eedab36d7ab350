import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT180 flags two cachetunes with the same vCPUs", () => {
  const text = guest("  <cputune><cachetune vcpus='0'><cache id='0' level='3' type='code' size='12' unit='KiB'/></cachetune><cachetune vcpus='0'><cache id='0' level='3' type='data' size='18' unit='KiB'/></cachetune></cputune>", {"vcpus": 2});
  const results = found(text, 'VT180');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "0");
  assert.match(results[0]!.message, /already has these vCPUs/);
});

test("VT180 flags a memorytune partly overlapping a cachetune", () => {
  const text = guest("  <cputune><cachetune vcpus='0-1'><cache id='0' level='3' type='code' size='12' unit='KiB'/></cachetune><memorytune vcpus='0'><node id='0' bandwidth='50'/></memorytune></cputune>", {"vcpus": 2});
  const results = found(text, 'VT180');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "0");
  assert.match(results[0]!.message, /overlap those of the <cachetune>/);
});

test("VT180 flags 'both' beside 'code' for one cache, and a monitor outside its group", () => {
  const text = guest("  <cputune><cachetune vcpus='0-1'><cache id='0' level='3' type='both' size='12' unit='KiB'/><cache id='0' level='3' type='code' size='6' unit='KiB'/><monitor level='3' vcpus='2'/></cachetune></cputune>", {"vcpus": 4});
  const results = found(text, 'VT180');
  assert.equal(results.length, 2, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "code");
  assert.match(results[0]!.message, /type 'both' covers/);
  assert.equal(results[1]!.finding.severity, 'error');
  assert.equal(results[1]!.at, "2");
  assert.match(results[1]!.message, /<monitor> watches vCPUs of its own group/);
});

test("VT180 is silent for a memorytune joining a cachetune with the same vCPUs", () => {
  assert.deepEqual(found(guest("  <cputune><cachetune vcpus='0-1'><cache id='0' level='3' type='code' size='12' unit='KiB'/><cache id='0' level='3' type='data' size='12' unit='KiB'/></cachetune><memorytune vcpus='0-1'><node id='0' bandwidth='50'/></memorytune></cputune>", {"vcpus": 2}), 'VT180').map((result) => result.message), []);
});
