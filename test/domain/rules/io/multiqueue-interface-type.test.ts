import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

const nic = (type: string, inner: string, queues = "<driver queues='2'/>"): string =>
  domain(`  <devices>\n    <interface type='${type}'>\n      ${inner}\n      ${queues}\n    </interface>\n  </devices>`, { vcpus: 2 });

test('VT145 flags queues above 1 on a virtio interface of a single-queue type, and offers to remove them (not preferred)', () => {
  // Each refused by libvirt 9.0 at start: "multiqueue is not supported for network interfaces of type ...".
  for (const type of ['user', 'mcast', 'server', 'client', 'udp', 'null']) {
    const text = nic(type, "<model type='virtio'/>");
    const [finding, ...rest] = findings(text, 'VT145');
    assert.equal(rest.length, 0, type);
    assert.equal(finding!.severity, 'error');
    assert.equal(rangeText(text, finding!), "queues='2'");
    assert.match(finding!.message, new RegExp(`type '${type}' has a single-queue backend: libvirt refuses to start the guest`));
    assert.equal(finding!.fixes.length, 1);
    assert.notEqual(finding!.fixes[0]!.isPreferred, true);
    assert.equal(applyFix(text, finding!.fixes[0]!), text.replace(" queues='2'", ''));
  }
});

test('VT145 is silent for tap and vhost-user types, one queue, another model (VT144), and a user interface with another backend', () => {
  for (const type of ['network', 'bridge', 'direct', 'ethernet', 'vhostuser']) assert.deepEqual(findings(nic(type, "<model type='virtio'/>"), 'VT145'), [], type);
  assert.deepEqual(findings(nic('user', "<model type='virtio'/>", "<driver queues='1'/>"), 'VT145'), []);
  assert.deepEqual(findings(nic('user', "<model type='e1000'/>"), 'VT145'), []);
  assert.deepEqual(findings(nic('user', "<backend type='passt'/>\n      <model type='virtio'/>"), 'VT145'), []);
});
