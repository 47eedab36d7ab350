import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMAIN_RULES } from '../../../server/src/domain/rules';
import { KSMTUNED_RULES } from '../../../server/src/ksmtuned/rules';

const root = join(__dirname, '..', '..', '..', '..');

test('ksmtuned rule codes are VT200-VT249 in order, names unique and well-formed, each with sources', () => {
  const names = new Set(DOMAIN_RULES.map((rule) => rule.meta.name));
  let previous = '';
  for (const { meta } of KSMTUNED_RULES) {
    assert.match(meta.code, /^VT2[0-4][0-9]$/);
    assert.ok(meta.code > previous, `${meta.code} comes after ${previous}`);
    previous = meta.code;
    assert.match(meta.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(!names.has(meta.name), `duplicate name ${meta.name}`);
    names.add(meta.name);
    assert.ok(meta.sources.length > 0, `${meta.code} names its sources`);
    assert.ok(meta.title.length > 0);
  }
});

test('every ksmtuned rule has its page in docs/rules, and the README lists it', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const { meta } of KSMTUNED_RULES) {
    const page = join(root, 'docs', 'rules', `${meta.code}.md`);
    assert.ok(existsSync(page), `docs/rules/${meta.code}.md exists`);
    const first = readFileSync(page, 'utf8').split('\n')[0];
    assert.equal(first, `# ${meta.code} ${meta.name}`, `${meta.code}'s page starts with its code and name`);
    assert.ok(readme.includes(`[${meta.code}](docs/rules/${meta.code}.md) | \`${meta.name}\` | ${meta.severity} |`), `README lists ${meta.code} ${meta.name}`);
  }
});
