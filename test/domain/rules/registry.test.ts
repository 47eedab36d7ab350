import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMAIN_RULES } from '../../../server/src/domain/rules';

const root = join(__dirname, '..', '..', '..', '..');

test('rule codes and names are unique and well-formed', () => {
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const rule of DOMAIN_RULES) {
    assert.match(rule.meta.code, /^VT1[0-9]{2}$/);
    assert.match(rule.meta.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(!codes.has(rule.meta.code), `duplicate code ${rule.meta.code}`);
    assert.ok(!names.has(rule.meta.name), `duplicate name ${rule.meta.name}`);
    codes.add(rule.meta.code);
    names.add(rule.meta.name);
    assert.ok(rule.meta.sources.length > 0, `${rule.meta.code} names its sources`);
    assert.ok(rule.meta.title.length > 0);
  }
});

test('every rule has its page in docs/rules, and the README lists it', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const { meta } of DOMAIN_RULES) {
    const page = join(root, 'docs', 'rules', `${meta.code}.md`);
    assert.ok(existsSync(page), `docs/rules/${meta.code}.md exists`);
    const first = readFileSync(page, 'utf8').split('\n')[0];
    assert.equal(first, `# ${meta.code} ${meta.name}`, `${meta.code}'s page starts with its code and name`);
    assert.ok(readme.includes(meta.code) && readme.includes(meta.name), `README lists ${meta.code} ${meta.name}`);
  }
});
