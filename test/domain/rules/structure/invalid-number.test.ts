import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

const nic = (queues: string) =>
  domain(`  <devices>\n    <interface type='network'>\n      <source network='default'/>\n      <model type='virtio'/>\n      <driver name='vhost' queues='${queues}'/>\n    </interface>\n  </devices>`);

test('VT105 flags a blkiotune weight below 100', () => {
  const text = domain(`  <blkiotune>\n    <weight>50</weight>\n  </blkiotune>`);
  const [finding, ...rest] = findings(text, 'VT105');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.match(finding!.message, /libvirt does not accept <weight>50<\/weight>: it takes 100 to 1000/);
  assert.equal(rangeText(text, finding!), '50');
  assert.deepEqual(findings(text.replace('>50<', '>500<'), 'VT105'), []);
});

test('VT105 flags interface driver queues of 0 and 300, and a word', () => {
  for (const queues of ['0', '300']) {
    const text = nic(queues);
    const [finding, ...rest] = findings(text, 'VT105');
    assert.equal(rest.length, 0);
    assert.match(finding!.message, /it takes 1 to 256/);
    assert.equal(rangeText(text, finding!), queues);
  }
  const word = nic('four');
  const [finding] = findings(word, 'VT105');
  assert.match(finding!.message, /queues='four' on <driver>: it takes an integer/);
});

test('VT105 flags a vcpu count of 0', () => {
  const text = domain('', { vcpus: 0 });
  const [finding] = findings(text, 'VT105');
  assert.match(finding!.message, /<vcpu>/);
  assert.equal(rangeText(text, finding!), '0');
});

test('VT105 splits a size with its unit glued on into the number and unit=', () => {
  const text = domain(`  <memtune>\n    <hard_limit>4G</hard_limit>\n  </memtune>`);
  const [finding, ...rest] = findings(text, 'VT105');
  assert.equal(rest.length, 0);
  assert.match(finding!.message, /<hard_limit>4G<\/hard_limit>: a size is a whole number/);
  assert.equal(rangeText(text, finding!), '4G');
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.ok(fixed.includes(`<hard_limit unit='G'>4</hard_limit>`));
  assert.deepEqual(findings(fixed, 'VT105'), []);
  assert.deepEqual(findings(fixed, 'VT103'), []);
});

test('VT105 flags an empty size, and a fraction without a fix', () => {
  const empty = domain(`  <memtune>\n    <hard_limit unit='GiB'></hard_limit>\n  </memtune>`);
  const [emptyFinding] = findings(empty, 'VT105');
  assert.match(emptyFinding!.message, /<hard_limit> is empty/);
  assert.equal(rangeText(empty, emptyFinding!), 'hard_limit');

  const fraction = domain(`  <memtune>\n    <hard_limit unit='GiB'>1.5</hard_limit>\n  </memtune>`);
  const [fractionFinding] = findings(fraction, 'VT105');
  assert.equal(rangeText(fraction, fractionFinding!), '1.5');
  assert.deepEqual(fractionFinding!.fixes, []);
});

test('VT105 is silent on numbers in range', () => {
  assert.deepEqual(findings(nic('4'), 'VT105'), []);
  assert.deepEqual(findings(domain(`  <memtune>\n    <hard_limit unit='GiB'>5</hard_limit>\n  </memtune>`, { vcpus: 8 }), 'VT105'), []);
});

test('VT105 compares numbers of any length exactly against the range', () => {
  // Beyond 15 digits a double no longer holds every integer; the comparison must stay exact.
  for (const queues of ['257', '0000000000000004', '00000000000000000256', '-0']) {
    const message = findings(nic(queues), 'VT105')[0]?.message;
    const expected = queues === '257' || queues === '-0' ? /it takes 1 to 256/ : undefined;
    if (expected) assert.match(message ?? '', expected, queues);
    else assert.equal(message, undefined, queues);
  }
  const huge = findings(nic('9007199254740993'), 'VT105');
  assert.equal(huge.length, 1);
  assert.match(huge[0]!.message, /queues='9007199254740993' on <driver>: it takes 1 to 256/);
  assert.equal(findings(nic('-99999999999999999999'), 'VT105').length, 1);
});
