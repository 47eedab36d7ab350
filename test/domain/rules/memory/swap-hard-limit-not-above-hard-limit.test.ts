import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, findings, rangeText } from '../../../helpers';

const memtune = (hard: string, swap: string) => `  <memtune>\n    ${hard}\n    ${swap}\n  </memtune>`;

test('VT121 is an error when swap_hard_limit is below hard_limit, compared across units', () => {
  const text = domain(memtune(`<hard_limit unit='GiB'>4</hard_limit>`, `<swap_hard_limit unit='MiB'>2048</swap_hard_limit>`));
  const [finding, ...rest] = findings(text, 'VT121');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.equal(rangeText(text, finding!), '2048');
  assert.match(finding!.message, /swap_hard_limit \(2 GiB\) is below hard_limit \(4 GiB\)/);
});

test('VT121 is a warning when swap_hard_limit equals hard_limit in other units', () => {
  const text = domain(memtune(`<hard_limit unit='G'>4</hard_limit>`, `<swap_hard_limit>4194304</swap_hard_limit>`));
  const [finding] = findings(text, 'VT121');
  assert.equal(finding!.severity, 'warning');
  assert.equal(rangeText(text, finding!), '4194304');
  assert.match(finding!.message, /equals hard_limit \(4 GiB\)/);
});

test('VT121 is silent when swap_hard_limit is larger, unlimited, or a value does not parse', () => {
  assert.deepEqual(findings(domain(memtune(`<hard_limit unit='GiB'>4</hard_limit>`, `<swap_hard_limit unit='GiB'>6</swap_hard_limit>`)), 'VT121'), []);
  const unlimited = '<hard_limit>9007199254740991</hard_limit>';
  assert.deepEqual(findings(domain(memtune(unlimited, '<swap_hard_limit>9007199254740991</swap_hard_limit>')), 'VT121'), []);
  assert.deepEqual(findings(domain(memtune(`<hard_limit unit='GiB'>4</hard_limit>`, `<swap_hard_limit>lots</swap_hard_limit>`)), 'VT121'), []);
});
