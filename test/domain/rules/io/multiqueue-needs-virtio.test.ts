import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

const nic = (inner: string, type = 'network'): string =>
  domain(`  <devices>
    <interface type='${type}'>
      <source network='default'/>
${inner}
    </interface>
  </devices>`);

test('VT144 warns about queues on an e1000 interface and can switch the model to virtio', () => {
  const text = nic(`      <model type='e1000'/>\n      <driver name='vhost' queues='4'/>`);
  const [finding, ...rest] = findings(text, 'VT144');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'warning');
  assert.equal(rangeText(text, finding!), `queues='4'`);
  assert.match(finding!.message, /model is 'e1000'/);
  const toVirtio = finding!.fixes.find((fix) => fix.title.startsWith('Use <model'))!;
  const fixed = applyFix(text, toVirtio);
  assert.equal(fixed, text.replace(`<model type='e1000'/>`, `<model type='virtio'/>`));
  assert.deepEqual(findings(fixed, 'VT144'), []);
});

test('VT144 warns when there is no model at all and removes the queues attribute', () => {
  const text = nic(`      <driver name='vhost' queues='4'/>`);
  const [finding] = findings(text, 'VT144');
  assert.match(finding!.message, /no <model type=\.\.\.>/);
  assert.equal(finding!.fixes.length, 1);
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.equal(fixed, text.replace(`<driver name='vhost' queues='4'/>`, `<driver name='vhost'/>`));
  assert.deepEqual(findings(fixed, 'VT144'), []);
});

test('VT144 is silent for virtio models, a single queue, and a count that does not parse', () => {
  assert.deepEqual(findings(nic(`      <model type='virtio'/>\n      <driver name='vhost' queues='4'/>`), 'VT144'), []);
  assert.deepEqual(findings(nic(`      <model type='virtio-non-transitional'/>\n      <driver queues='4'/>`), 'VT144'), []);
  assert.deepEqual(findings(nic(`      <model type='e1000'/>\n      <driver name='vhost' queues='1'/>`), 'VT144'), []);
  assert.deepEqual(findings(nic(`      <model type='e1000'/>\n      <driver name='vhost' queues='four'/>`), 'VT144'), []);
  assert.deepEqual(findings(nic(`      <model type='e1000'/>\n      <driver name='vhost' queues='300'/>`), 'VT144'), []);
});
