import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dumpDifferences, dumpLines, passOf } from './findingsDumpCompare';

const line = (name: string, value: unknown) => JSON.stringify([name, value]);

test('findingsDumpCompare names each text whose line changed, went or came, and its pass', () => {
  const kept = line('tests/a.xml', [{ rule: 'VT101', message: 'a ",b' }]);
  const before = dumpLines([kept, line('cmdline: x at /etc/kernel/cmdline', [1]), line('ksmtuned: gone', [2]), ''].join('\n'));
  const after = dumpLines([kept, line('cmdline: x at /etc/kernel/cmdline', [3]), line('fix: came', { applied: 1 }), ''].join('\n'));
  assert.deepEqual(dumpDifferences(before, after), [
    { how: 'changed', name: 'cmdline: x at /etc/kernel/cmdline' },
    { how: 'only before', name: 'ksmtuned: gone' },
    { how: 'only after', name: 'fix: came' },
  ]);
  assert.deepEqual(dumpDifferences(before, before), []);
  assert.equal(passOf('tests/a.xml +host'), 'domain, built-in structure (--schema builtin)');
  assert.equal(passOf('cmdline: x'), 'kernel command lines');
  assert.equal(passOf('builtin: regression y'), 'domain, built-in structure, more texts (other fixtures, fuzz seeds and regressions)');
});
