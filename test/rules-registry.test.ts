import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULE_METAS } from '../server/src/ruleRegistry';
import { DOMAIN_RULES } from '../server/src/domain/rules';
import { KSMTUNED_RULES } from '../server/src/ksmtuned/rules';
import { CMDLINE_RULES } from '../server/src/cmdline/rules';

const root = join(__dirname, '..', '..');

test('each file kind keeps its code range, in code order', () => {
  const ranges: [string, readonly { meta: { code: string } }[], RegExp][] = [
    // Domain rules went on at VT400 when VT100-VT199 was full.
    ['domain', DOMAIN_RULES, /^VT(1[0-9]{2}|4[0-9]{2})$/],
    ['ksmtuned', KSMTUNED_RULES, /^VT2[0-4][0-9]$/],
    ['cmdline', CMDLINE_RULES, /^VT3[0-4][0-9]$/],
  ];
  for (const [kind, rules, pattern] of ranges) {
    assert.ok(rules.length > 0, `${kind} has rules`);
    let previous = '';
    for (const { meta } of rules) {
      assert.match(meta.code, pattern, `${kind} rule ${meta.code}`);
      assert.ok(meta.code > previous, `${meta.code} comes after ${previous}`);
      previous = meta.code;
    }
  }
});

test('rule codes and names are unique and well-formed, each rule with a title and its sources', () => {
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const meta of ALL_RULE_METAS) {
    assert.match(meta.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(!codes.has(meta.code), `duplicate code ${meta.code}`);
    assert.ok(!names.has(meta.name), `duplicate name ${meta.name}`);
    codes.add(meta.code);
    names.add(meta.name);
    assert.ok(meta.sources.length > 0, `${meta.code} names its sources`);
    assert.ok(meta.title.length > 0, `${meta.code} has a title`);
  }
});

test('every rule has its page in docs/rules, and the README lists it in its rules table', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const meta of ALL_RULE_METAS) {
    const page = join(root, 'docs', 'rules', `${meta.code}.md`);
    assert.ok(existsSync(page), `docs/rules/${meta.code}.md exists`);
    const first = readFileSync(page, 'utf8').split('\n')[0];
    assert.equal(first, `# ${meta.code} ${meta.name}`, `${meta.code}'s page starts with its code and name`);
    const row = `| [${meta.code}](docs/rules/${meta.code}.md) | \`${meta.name}\` | ${meta.severity} |`;
    assert.ok(readme.includes(row), `README lists ${meta.code}: ${row}`);
  }
});

test('no page in docs/rules belongs to a rule that does not exist', () => {
  const codes = new Set(ALL_RULE_METAS.map((meta) => meta.code));
  for (const file of readdirSync(join(root, 'docs', 'rules'))) {
    assert.ok(codes.has(file.replace(/\.md$/, '')), `docs/rules/${file} has a rule`);
  }
});

test("each libvirt function a rule cites is on its page, in the same file of libvirt's sources", () => {
  for (const meta of ALL_RULE_METAS) {
    const page = readFileSync(join(root, 'docs', 'rules', `${meta.code}.md`), 'utf8');
    for (const source of meta.sources) {
      if (source.kind !== 'libvirt-code') continue;
      // One line may name several functions of one file before the file: `a()` and `b()` in [`file`](...).
      const cited = `\`${source.symbol}()\``;
      const line = page.split('\n').find((text) => text.includes(cited)) ?? '';
      const file = /\[`([^`]+)`\]/.exec(line.slice(line.indexOf(cited)))?.[1];
      assert.equal(file, source.file, `docs/rules/${meta.code}.md cites ${source.symbol}() in ${source.file}`);
    }
  }
});
