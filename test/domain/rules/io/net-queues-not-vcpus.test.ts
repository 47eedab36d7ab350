import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

const nic = (driver: string, options: { vcpus?: number; model?: string; type?: string } = {}): string =>
  domain(
    `  <devices>
    <interface type='${options.type ?? 'network'}'>
      <source network='default'/>
      <model type='${options.model ?? 'virtio'}'/>
      ${driver}
    </interface>
  </devices>`,
    { vcpus: options.vcpus ?? 4 },
  );

test('VT143 hints when a virtio interface has fewer queues than vCPUs and sets the vCPU count', () => {
  const text = nic(`<driver name='vhost' queues='2'/>`, { vcpus: 8 });
  const [finding, ...rest] = findings(text, 'VT143');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'hint');
  assert.equal(rangeText(text, finding!), '2');
  assert.match(finding!.message, /2 queues for 8 vCPUs/);
  assert.ok(!finding!.fixes[0]!.isPreferred);
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.equal(fixed, text.replace(`queues='2'`, `queues='8'`));
  assert.deepEqual(findings(fixed, 'VT143'), []);
});

test('VT143 caps its suggestion at the 256 queues of a tap device', () => {
  const text = nic(`<driver name='vhost' queues='16'/>`, { vcpus: 300 });
  const [finding] = findings(text, 'VT143');
  assert.equal(applyFix(text, finding!.fixes[0]!), text.replace(`queues='16'`, `queues='256'`));
  assert.deepEqual(findings(nic(`<driver name='vhost' queues='256'/>`, { vcpus: 300 }), 'VT143'), []);
});

test('VT143 accepts the current vCPU count', () => {
  const text = domain(
    `  <devices>\n    <interface type='bridge'>\n      <source bridge='br0'/>\n      <model type='virtio'/>\n      <driver queues='2'/>\n    </interface>\n  </devices>`,
  ).replace(`<vcpu placement='static'>4</vcpu>`, `<vcpu placement='static' current='2'>4</vcpu>`);
  assert.deepEqual(findings(text, 'VT143'), []);
});

test('VT143 is silent with queues equal to the vCPUs, without queues, for other models and invalid counts', () => {
  assert.deepEqual(findings(nic(`<driver name='vhost' queues='4'/>`), 'VT143'), []);
  assert.deepEqual(findings(nic(`<driver name='vhost'/>`), 'VT143'), []);
  assert.deepEqual(findings(nic(`<driver name='vhost' queues='2'/>`, { model: 'e1000' }), 'VT143'), []);
  assert.deepEqual(findings(nic(`<driver queues='2'/>`, { type: 'vhostuser' }), 'VT143'), []);
  assert.deepEqual(findings(nic(`<driver name='vhost' queues='0'/>`), 'VT143'), []);
  assert.deepEqual(findings(nic(`<driver name='vhost' queues='300'/>`), 'VT143'), []);
  assert.deepEqual(findings(nic(`<driver name='vhost' queues='many'/>`), 'VT143'), []);
});

test('VT143 leaves single-queue interface types alone: more queues there would keep the guest from starting (VT145)', () => {
  // libvirt 9.0 refuses queues above 1 on these types at start; advising one queue per vCPU would break the guest.
  for (const type of ['user', 'mcast', 'udp']) {
    assert.deepEqual(findings(nic("<driver queues='1'/>", { vcpus: 4, type }), 'VT143'), [], type);
    const two = nic("<driver queues='2'/>", { vcpus: 4, type });
    assert.deepEqual(findings(two, 'VT143'), [], type);
    assert.equal(findings(two, 'VT145').length, 1, type);
  }
  assert.equal(findings(nic("<driver queues='1'/>", { vcpus: 4, type: 'ethernet' }), 'VT143').length, 1);
});
