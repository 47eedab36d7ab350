import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT184 flags overlapping vcpusched", () => {
  const text = guest("  <cputune><vcpusched vcpus='0-1' scheduler='fifo' priority='1'/><vcpusched vcpus='1-2' scheduler='fifo' priority='1'/></cputune>", {"vcpus": 4});
  const results = found(text, 'VT184');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "1-2");
  assert.match(results[0]!.message, /vCPU 1 already has a scheduler/);
});

test("VT184 flags a scheduler for an I/O thread the guest lacks", () => {
  const text = guest("  <iothreads>1</iothreads>\n  <cputune><iothreadsched iothreads='2' scheduler='batch'/></cputune>", {});
  const results = found(text, 'VT184');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "2");
  assert.match(results[0]!.message, /no I\/O thread 2 \(it has I\/O thread 1/);
});

test("VT184 is silent for separate vCPUs and existing I/O threads", () => {
  assert.deepEqual(found(guest("  <iothreads>2</iothreads>\n  <cputune><vcpusched vcpus='0' scheduler='fifo' priority='1'/><vcpusched vcpus='1' scheduler='rr' priority='1'/><iothreadsched iothreads='1-2' scheduler='batch'/></cputune>", {"vcpus": 2}), 'VT184').map((result) => result.message), []);
});

test('VT184 counts the I/O threads libvirt fills in beside <iothreadids>', () => {
  // <iothreads>3 with only id 1 listed: libvirt 9.0 defines threads 1, 2 and 3.
  const text = guest("  <iothreads>3</iothreads>\n  <iothreadids><iothread id='1'/></iothreadids>\n  <cputune><iothreadsched iothreads='3' scheduler='batch'/></cputune>", {});
  assert.deepEqual(found(text, 'VT184'), []);
});
