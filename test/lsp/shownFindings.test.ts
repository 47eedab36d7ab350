import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../server/src/core/types';
import type { RuleLevels } from '../../server/src/lsp/ruleLevels';
import { ShownFindings } from '../../server/src/lsp/shownFindings';

function finding(line: number, rule: string, fixed: boolean): Finding {
  const range = { start: { line, character: 0 }, end: { line, character: 2 } };
  return { rule, severity: 'warning', message: rule, range, fixes: fixed ? [{ title: 'fix', edits: [{ range, newText: '' }] }] : [] };
}

test('the shown findings are made once per lint result, verdict and rule levels, with those that carry fixes', () => {
  const shown = new ShownFindings();
  const fast = [finding(0, 'VT305', true), finding(2, 'VT308', false)];
  const none: RuleLevels = new Map();
  const first = shown.of(fast, [], none);
  assert.deepEqual(first.all, fast);
  assert.deepEqual(first.fixable, [fast[0]]);
  // Asked again with another empty verdict: the same lists, not made again.
  assert.equal(shown.of(fast, [], none), first);

  // The verdict merged in, in the file's order.
  const verdict = [finding(1, 'VT198', true)];
  const withVerdict = shown.of(fast, verdict, none);
  assert.deepEqual(withVerdict.all.map((f) => f.rule), ['VT305', 'VT198', 'VT308']);
  assert.deepEqual(withVerdict.fixable.map((f) => f.rule), ['VT305', 'VT198']);

  // Rule levels: a rule turned off is neither shown nor fixable.
  const off: RuleLevels = new Map([['VT305', 'off']]);
  const levelled = shown.of(fast, verdict, off);
  assert.deepEqual(levelled.all.map((f) => f.rule), ['VT198', 'VT308']);
  assert.deepEqual(levelled.fixable.map((f) => f.rule), ['VT198']);

  // A new lint result (a new version) is made afresh.
  const next = [finding(0, 'VT305', false)];
  assert.deepEqual(shown.of(next, verdict, off).all.map((f) => f.rule), ['VT198']);
});
