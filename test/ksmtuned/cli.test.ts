import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { folderWith, runCli } from '../cli/cliHarness';

const BROKEN = '# ksmtuned\nKSM_NPAGES_MAX = 2000\nKSM_NPAGE_MIN=64\n';

test('virt-tune lint finds ksmtuned.conf by its name in a folder and reports file:line:col', () => {
  const folder = folderWith({ 'etc/ksmtuned.conf': BROKEN, 'etc/other.conf': 'not ours\n', 'etc/host-ksmtuned.conf': 'DEBUG=1\n' });
  const run = runCli(['lint', 'etc'], folder);
  assert.equal(run.status, 1, run.stderr);
  assert.equal(
    run.stdout,
    [
      'etc/ksmtuned.conf:2:15: error VT202 bash reads "KSM_NPAGES_MAX = 2000" as a command named KSM_NPAGES_MAX, with what follows as its arguments: the command fails and KSM_NPAGES_MAX is never set. Write KSM_NPAGES_MAX=2000 with no spaces around =.',
      'etc/ksmtuned.conf:3:1: warning VT203 ksmtuned does not read KSM_NPAGE_MIN. Did you mean KSM_NPAGES_MIN?',
      '',
    ].join('\n'),
  );
  assert.match(run.stderr, /1 error, 1 warning in 2 files/);
});

test('--kind ksmtuned lints a file whatever its name; --format json names the kind', () => {
  const folder = folderWith({ 'ksm.settings': 'KSM_THRES_COEF=150\n' });
  const run = runCli(['lint', '--kind', 'ksmtuned', '--format', 'json', 'ksm.settings'], folder);
  assert.equal(run.status, 1, run.stderr);
  const [entry] = JSON.parse(run.stdout) as { kind: string; diagnostics: { rule: string }[] }[];
  assert.equal(entry!.kind, 'ksmtuned');
  assert.deepEqual(entry!.diagnostics.map((diagnostic) => diagnostic.rule), ['VT208']);
});

test('virt-tune fix applies the safe ksmtuned fixes and leaves the rest', () => {
  const folder = folderWith({ 'ksmtuned.conf': BROKEN });
  const run = runCli(['fix', 'ksmtuned.conf'], folder);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(readFileSync(join(folder, 'ksmtuned.conf'), 'utf8'), '# ksmtuned\nKSM_NPAGES_MAX=2000\nKSM_NPAGES_MIN=64\n');
});

test('virt-tune rules lists the ksmtuned rules beside the domain rules', () => {
  const run = runCli(['rules', '--format', 'json'], folderWith({}));
  const rules = JSON.parse(run.stdout) as { code: string; name: string }[];
  assert.ok(rules.some((rule) => rule.code === 'VT100'));
  assert.ok(rules.some((rule) => rule.code === 'VT201' && rule.name === 'stray-command'));
});
