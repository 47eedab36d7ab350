import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HELP } from '../../server/src/cli/main';
import { ALL_RULE_METAS, GUEST_RULE_CODES, HOST_RULE_CODES } from '../../server/src/ruleRegistry';

/** `VT150-VT153, VT160` as the codes it names. */
function expand(ranges: string): string[] {
  return ranges.split(/,\s*/).flatMap((run) => {
    const [first, last = first] = run.trim().split('-').map((code) => Number(code.slice(2)));
    return Array.from({ length: last! - first! + 1 }, (_, index) => `VT${first! + index}`);
  });
}

test('the help text names exactly the rule codes the registry has, per kind and for the host-aware rules', () => {
  const rules = /^Rules \(virt-tune rules lists them\): domain XML ([^;]+);\nksmtuned\.conf ([^;]+); kernel command lines ([^.]+)\.$/m.exec(HELP);
  assert.ok(rules, HELP);
  const named = [rules[1]!, rules[2]!, rules[3]!].flatMap(expand).sort();
  assert.deepEqual(named, ALL_RULE_METAS.map((meta) => meta.code).sort());
  const host = /host-aware rules \(([^)]+)\)/.exec(HELP);
  assert.deepEqual(expand(host![1]!).sort(), [...HOST_RULE_CODES].sort());
  const guests = /rules across guests\s+\(([^)]+)\)/.exec(HELP);
  assert.deepEqual(expand(guests![1]!).sort(), [...GUEST_RULE_CODES].sort());
  // Every code the help names is a rule that exists.
  const known = new Set(ALL_RULE_METAS.map((meta) => meta.code));
  for (const [code] of HELP.matchAll(/VT\d+/g)) assert.ok(known.has(code), code);
});
