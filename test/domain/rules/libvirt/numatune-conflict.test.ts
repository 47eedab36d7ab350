import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT175 flags two memnodes for one cell", () => {
  const text = guest("  <numatune><memnode cellid='0' mode='strict' nodeset='0'/><memnode cellid='0' mode='strict' nodeset='0'/></numatune>\n  <cpu><numa><cell id='0' cpus='0' memory='64' unit='MiB'/><cell id='1' cpus='1' memory='64' unit='MiB'/></numa></cpu>", {"vcpus": 2});
  const results = found(text, 'VT175');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "0");
  assert.match(results[0]!.message, /Guest cell 0 already has a <memnode>/);
});

test("VT175 flags a strict memnode under a restrictive <memory>", () => {
  const text = guest("  <numatune><memory mode='restrictive' nodeset='0'/><memnode cellid='0' mode='strict' nodeset='0'/></numatune>\n  <cpu><numa><cell id='0' cpus='0' memory='64' unit='MiB'/><cell id='1' cpus='1' memory='64' unit='MiB'/></numa></cpu>", {"vcpus": 2});
  const results = found(text, 'VT175');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "strict");
  assert.match(results[0]!.message, /makes every memnode restrictive/);
});

test("VT175 flags a restrictive memnode under another <memory> mode, saying libvirt 9.0 accepted it", () => {
  const text = guest("  <numatune><memnode cellid='0' mode='restrictive' nodeset='0'/></numatune>\n  <cpu><numa><cell id='0' cpus='0' memory='64' unit='MiB'/><cell id='1' cpus='1' memory='64' unit='MiB'/></numa></cpu>", {"vcpus": 2});
  const results = found(text, 'VT175');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "restrictive");
  assert.match(results[0]!.message, /libvirt 11 refuses the mix; libvirt 9.0 still accepted it/);
});

test("VT175 flags placement='static' without a nodeset", () => {
  const text = guest("  <numatune><memory mode='strict' placement='static'/></numatune>", {});
  const results = found(text, 'VT175');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "static");
  assert.match(results[0]!.message, /there is no nodeset/);
});

test("VT175 flags memnodes with placement='auto'", () => {
  const text = guest("  <numatune><memory mode='strict' placement='auto'/><memnode cellid='0' mode='strict' nodeset='0'/></numatune>\n  <cpu><numa><cell id='0' cpus='0' memory='64' unit='MiB'/><cell id='1' cpus='1' memory='64' unit='MiB'/></numa></cpu>", {"vcpus": 2});
  const results = found(text, 'VT175');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "auto");
  assert.match(results[0]!.message, /numad choose/);
});

test("VT175 is silent for one memnode per cell and a static nodeset", () => {
  assert.deepEqual(found(guest("  <numatune><memory mode='strict' nodeset='0'/><memnode cellid='0' mode='strict' nodeset='0'/><memnode cellid='1' mode='preferred' nodeset='0'/></numatune>\n  <cpu><numa><cell id='0' cpus='0' memory='64' unit='MiB'/><cell id='1' cpus='1' memory='64' unit='MiB'/></numa></cpu>", {"vcpus": 2}), 'VT175').map((result) => result.message), []);
});

test("VT175 is silent for restrictive everywhere", () => {
  assert.deepEqual(found(guest("  <numatune><memory mode='restrictive' nodeset='0'/><memnode cellid='0' mode='restrictive' nodeset='0'/></numatune>\n  <cpu><numa><cell id='0' cpus='0' memory='64' unit='MiB'/><cell id='1' cpus='1' memory='64' unit='MiB'/></numa></cpu>", {"vcpus": 2}), 'VT175').map((result) => result.message), []);
});
