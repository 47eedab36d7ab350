import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DOMAIN_RULES } from '../../server/src/domain/rules';
import { claimCell } from '../../server/src/libvirt/claimWords';
import { ROOT } from '../cli/cliHarness';

test("the README's rules table says, per domain rule, where libvirt turns it down (its declared claim)", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
  for (const { meta } of DOMAIN_RULES) {
    const row = readme.find((line) => line.startsWith(`| [${meta.code}](`));
    if (!row) continue; // the registry test says a row is missing
    const cells = row.split(' | ');
    const last = (cells[cells.length - 1] ?? '').replace(/\s*\|$/, '').trim();
    const expected = claimCell(meta.libvirt);
    assert.equal(cells.length >= 6 ? last : '', expected, `README's row of ${meta.code} should end with "| ${expected} |" (its libvirt claim): ${row}`);
  }
});
