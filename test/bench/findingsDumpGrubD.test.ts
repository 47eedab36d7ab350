import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Finding } from '../../server/src/core/types';
import { runCli, temporaryFolder } from '../cli/cliHarness';
import { GRUB_FOLDER_CASES, grubFolderTexts, writeGrubFolder } from './findingsDumpGrubD';
import { passContext, PASSES } from './findingsDumpPasses';

/** What the dump's pass with this prefix writes for the cases (its mutants left out), by name. */
async function passLines(prefix: string): Promise<Map<string, unknown>> {
  const pass = PASSES.find((candidate) => candidate.prefix === prefix)!;
  const lines = new Map<string, unknown>();
  await pass.run((name, value) => {
    if (!name.startsWith(`${prefix}mutant `)) lines.set(name.slice(prefix.length), value);
  }, await passContext({ every: 1 }));
  return lines;
}

/** Each case's folder written as `INDEX/etc/default/grub` and `INDEX/etc/default/grub.d/...`. */
function writeCases(): string {
  const root = temporaryFolder();
  for (const [index, grubCase] of GRUB_FOLDER_CASES.entries()) writeGrubFolder(join(root, String(index), 'etc', 'default'), grubCase);
  return root;
}

test('findings:dump, grub.d passes: every case says what virt-tune lint and fix --dry-run say for the same files', { timeout: 120_000 }, async () => {
  const root = writeCases();
  const texts = (await grubFolderTexts({ every: 1 })).filter((text) => !text.name.startsWith('mutant '));
  // The file of the case a dump text is, relative to root.
  const fileOf = new Map(
    texts.map((text) => {
      const index = GRUB_FOLDER_CASES.findIndex((candidate) => text.name === `${candidate.name} at ${text.path}`);
      assert.ok(index >= 0, text.name);
      return [text.name, `${index}${text.path}`];
    }),
  );
  const files = [...fileOf.values()];

  const lint = runCli(['lint', '--format', 'json', ...files], root);
  assert.ok(lint.status === 0 || lint.status === 1, lint.stderr);
  const cli = new Map((JSON.parse(lint.stdout) as { file: string; diagnostics: unknown[] }[]).map((entry) => [entry.file, entry.diagnostics]));
  const dumped = await passLines('grub.d: ');
  for (const [name, file] of fileOf) {
    const found = ((dumped.get(name) ?? []) as Finding[]).map(({ rule, severity, message, range }) => ({ rule, severity, message, range }));
    assert.deepEqual(cli.get(file), found, name);
  }
  // The cases reach what they were written for.
  const rules = new Set([...dumped.values()].flatMap((found) => (found as Finding[]).map((finding) => finding.rule)));
  for (const rule of ['VT305', 'VT315', 'VT319', 'VT320', 'VT321']) assert.ok(rules.has(rule), rule);

  const fix = runCli(['fix', '--dry-run', ...files], root);
  assert.ok(fix.status === 0 || fix.status === 1, fix.stderr);
  // fix prints a diff per file it would change, headed by the file's path; the dump's are headed a and b.
  const diffs = new Map(fix.stdout.split(/^(?=--- )/m).filter((diff) => diff !== '').map((diff) => [diff.slice(4, diff.indexOf('\n')), diff.slice(diff.indexOf('\n@@') + 1)]));
  const fixed = await passLines('grub.d fix: ');
  for (const [name, file] of fileOf) {
    const line = fixed.get(name) as { diff: string } | undefined;
    assert.equal(diffs.get(file), line?.diff.replace(/^--- a\n\+\+\+ b\n/, ''), name);
  }
  assert.ok(fixed.size > 0, 'no fix in the cases');
});
