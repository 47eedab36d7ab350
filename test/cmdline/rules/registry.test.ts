import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CMDLINE_RULES } from '../../../server/src/cmdline/rules';
import { DOMAIN_RULES } from '../../../server/src/domain/rules';
import { KSMTUNED_RULES } from '../../../server/src/ksmtuned/rules';
import { ALL_RULE_METAS } from '../../../server/src/ruleRegistry';

const root = join(__dirname, '..', '..', '..', '..');

test('command line rule codes are VT300-VT349 in order, names unique among all rules and well-formed, each with sources', () => {
  const names = new Set([...DOMAIN_RULES, ...KSMTUNED_RULES].map((rule) => rule.meta.name));
  let previous = '';
  for (const { meta } of CMDLINE_RULES) {
    assert.match(meta.code, /^VT3[0-4][0-9]$/);
    assert.ok(meta.code > previous, `${meta.code} comes after ${previous}`);
    previous = meta.code;
    assert.match(meta.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(!names.has(meta.name), `duplicate name ${meta.name}`);
    names.add(meta.name);
    assert.ok(meta.sources.length > 0, `${meta.code} names its sources`);
    assert.ok(meta.title.length > 0);
  }
});

test('every command line rule has its page in docs/rules, the README lists it, and `virt-tune rules` knows it', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const { meta } of CMDLINE_RULES) {
    const page = join(root, 'docs', 'rules', `${meta.code}.md`);
    assert.ok(existsSync(page), `docs/rules/${meta.code}.md exists`);
    const first = readFileSync(page, 'utf8').split('\n')[0];
    assert.equal(first, `# ${meta.code} ${meta.name}`, `${meta.code}'s page starts with its code and name`);
    assert.ok(readme.includes(`[${meta.code}](docs/rules/${meta.code}.md) | \`${meta.name}\` | ${meta.severity} |`), `README lists ${meta.code} ${meta.name}`);
    assert.ok(ALL_RULE_METAS.some((known) => known.code === meta.code), `${meta.code} is in the rule registry`);
  }
});
