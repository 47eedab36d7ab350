import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, guest } from './guest';

test("VT178 flags a unix serial without a socket path", () => {
  const text = guest("  <devices>\n    <serial type='unix'><target port='0'/></serial>\n  </devices>", {});
  const results = found(text, 'VT178');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "serial");
  assert.match(results[0]!.message, /<serial type='unix'> needs the path of its socket/);
});

test("VT178 flags a tcp source without a host", () => {
  const text = guest("  <devices>\n    <serial type='tcp'><source mode='bind' service='5678'/><target port='0'/></serial>\n  </devices>", {});
  const results = found(text, 'VT178');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "source");
  assert.match(results[0]!.message, /needs a host/);
});

test("VT178 flags a third udp source", () => {
  const text = guest("  <devices>\n    <serial type='udp'><source mode='connect' host='localhost' service='1'/><source mode='bind' host='localhost' service='2'/><source mode='connect' host='localhost' service='3'/><target port='0'/></serial>\n  </devices>", {});
  const results = found(text, 'VT178');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "source");
  assert.match(results[0]!.message, /at most two <source>/);
});

test("VT178 flags a reconnect timeout of 0", () => {
  const text = guest("  <devices>\n    <channel type='tcp'><source mode='connect' host='localhost' service='1234'><reconnect enabled='yes' timeout='0'/></source><target type='virtio' name='x'/></channel>\n  </devices>", {});
  const results = found(text, 'VT178');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "0");
  assert.match(results[0]!.message, /timeout='0'/);
});

test("VT178 flags an egd rng backend without a path", () => {
  const text = guest("  <devices>\n    <rng model='virtio'><backend model='egd' type='unix'><source mode='connect'/></backend></rng>\n  </devices>", {});
  const results = found(text, 'VT178');
  assert.equal(results.length, 1, results.map((result) => result.message).join('\n'));
  assert.equal(results[0]!.finding.severity, 'error');
  assert.equal(results[0]!.at, "source");
  assert.match(results[0]!.message, /<rng type=.unix.> needs the path/);
});

test("VT178 is silent for complete sources and for the virtio channel whose socket libvirt names", () => {
  assert.deepEqual(found(guest("  <devices>\n    <serial type='tcp'><source mode='bind' host='127.0.0.1' service='5678'/><target port='0'/></serial><channel type='unix'><source mode='bind'/><target type='virtio' name='org.qemu.guest_agent.0'/></channel><console type='pty'/>\n  </devices>", {}), 'VT178').map((result) => result.message), []);
});
