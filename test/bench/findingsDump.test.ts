import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_DIR, missing, SHARED_DIR } from '../kb/shared';
import { ROOT } from './findingsDumpTexts';

const DUMP = join(__dirname, 'findingsDump.js');
/** Every pass the dump must keep, by the prefix of its lines (the first pass's lines have none). */
const PREFIXES = ['builtin: ', 'schema corpus/libvirt-11.3.0/schemas/domain.rng: ', 'cmdline: ', 'ksmtuned: ', 'fix: ', 'large: ', 'grub.d: ', 'grub.d fix: '];

function dump(folder: string, name: string): { text: string; stdout: string } {
  const out = join(folder, name);
  // A short dump: every 40th corpus file and 1/40 of the mutants, every other text whole.
  const run = spawnSync(process.execPath, [DUMP, out, '--every', '40'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return { text: readFileSync(out, 'utf8'), stdout: run.stdout };
}

/** A line's name: its first JSON string. */
function nameOf(line: string): string {
  return (JSON.parse(line) as [string, unknown])[0];
}

test('findings:dump writes every pass, the same bytes twice, and no path of this machine', { skip: missing(CORPUS_DIR), timeout: 300_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-dump-'));
  try {
    const first = dump(folder, 'first.jsonl');
    const second = dump(folder, 'second.jsonl');
    assert.ok(first.text === second.text, 'two runs of the dump differ');
    assert.equal(first.stdout.split('\n').filter((line) => / texts, /.test(line)).length, PREFIXES.length + 1, first.stdout);

    const names = first.text.split('\n').filter((line) => line !== '').map(nameOf);
    const byPass = (prefix: string) => names.filter((name) => name.startsWith(prefix));
    const unprefixed = names.filter((name) => !PREFIXES.some((prefix) => name.startsWith(prefix)));
    assert.ok(unprefixed.some((name) => name.endsWith(' +host')) && unprefixed.some((name) => !name.endsWith(' +host')), 'the built-in domain pass, without and with the host');
    for (const prefix of PREFIXES) assert.ok(byPass(prefix).length > 0, `no line of the pass '${prefix}'`);
    assert.ok(unprefixed.every((name) => /^(tests\/|examples\/|test\/|mutant \d+ of tests\/)/.test(name)), 'the first pass names its texts as it always did');

    // The schema pass gives libvirt's verdict (not the built-in structure alone), the fix pass an edit.
    const schemaLines = first.text.split('\n').filter((line) => line.startsWith(`["${PREFIXES[1]}`));
    assert.ok(schemaLines.some((line) => line.includes('(libvirt 11.3.0 schema)')), 'no finding of the schema verdict');
    assert.ok(byPass('cmdline: ').some((name) => name.includes(' at /etc/kernel/cmdline')), 'command line texts opened at the fuzzer paths');
    assert.ok(first.text.split('\n').some((line) => line.startsWith('["fix: ') && line.includes('"diff":"--- a\\n+++ b\\n@@')), 'no fix applied');
    assert.ok(first.text.split('\n').some((line) => line.startsWith('["large: ') && /"sha256":"[0-9a-f]{64}"/.test(line)), 'no digest of a large regression');
    assert.ok(first.text.split('\n').some((line) => line.startsWith('["grub.d: ') && line.includes('"rule":"VT320"')), 'no finding of a drop-in (VT320)');

    // The grub.d cases are read from a temporary folder, their files named as under /etc/default.
    for (const path of [ROOT, SHARED_DIR, folder, join(tmpdir(), 'virt-tune-dump-grub-d-')]) assert.ok(!first.text.includes(path), `the dump names ${path}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
