import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../server/src/core/types';
import { call, caseDocument, caseLimitMs, checkCase, checkMessageSizes, checkObjectTexts, cpuMs, DIAGNOSTICS_MS_PER_FINDING, findingsAllowanceMs, type Failure } from './check';
import { Random } from './random';

test('a whole case over its CPU time limit fails (twice over: it is timed again), and a case within it does not', async () => {
  const fuzzCase = { kind: 'ksmtuned' as const, path: '/etc/ksmtuned.conf', text: 'KSM_MONITOR_INTERVAL=60\nKSM_SLEEP_MSEC=10\n' };
  const over = await checkCase(fuzzCase, { caseLimitMs: 0.001 });
  assert.deepEqual(over.map((failure) => `${failure.property} in ${failure.service}`), ['case over its time limit in the whole case']);
  assert.deepEqual(await checkCase(fuzzCase), []);
  // Scaled by size as the calls' limit is: a text of three million characters gets three times the limit.
  assert.equal(caseLimitMs({ ...fuzzCase, text: 'x'.repeat(3_000_000) }, { limitMs: 10 }), 3 * caseLimitMs(fuzzCase, { limitMs: 10 }));
  // A chain gets more for each edit: each version is checked against a fresh document.
  const edits = Array.from({ length: 10 }, () => ({ start: 0, end: 0, text: 'x' }));
  assert.equal(caseLimitMs({ ...fuzzCase, edits }, { limitMs: 10 }), caseLimitMs(fuzzCase, { limitMs: 10 }) + 10 * 2 * 10);
});

test('a lint may take more time for each finding it answers, and no more', () => {
  const spin = (ms: number) => {
    const until = cpuMs() + ms;
    while (cpuMs() < until);
  };
  // 10,000 findings allow 50 ms beyond a limit of 10 ms: a 30 ms lint that answers them is not slow...
  const many = Array.from({ length: 10_000 }, () => 0);
  assert.equal(findingsAllowanceMs(many), 10_000 * DIAGNOSTICS_MS_PER_FINDING);
  const failures: Failure[] = [];
  call(failures, 10, 'diagnostics', () => (spin(30), many), findingsAllowanceMs);
  assert.equal(failures.length, 0, JSON.stringify(failures));
  // ...but the same lint answering none is, and so is any call without an allowance.
  call(failures, 10, 'diagnostics', (): number[] => (spin(30), []), findingsAllowanceMs);
  call(failures, 10, 'completion', () => (spin(30), many));
  assert.deepEqual(failures.map((failure) => `${failure.property} in ${failure.service}`), ['slow in diagnostics', 'slow in completion']);
});

test('a case that never returns is saved by the watchdog thread, which ends the run', { timeout: 60_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-watchdog-'));
  try {
    // A child process arms the watchdog as the engine does and then spins for ever, as a hung call would.
    const script = `
      const { Watchdog } = require(${JSON.stringify(join(__dirname, 'watchdog.js'))});
      const watchdog = new Watchdog();
      watchdog.arm({ fuzzCase: { kind: 'domain', path: '/x.xml', text: '<domain/>' }, found: 'seed 1, case 7 (test)', withHost: false, cpuLimitMs: 300, wallLimitMs: 600_000, saveTo: ${JSON.stringify(folder)} });
      setTimeout(() => { for (;;); }, 50);
    `;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 50_000 });
    assert.equal(run.signal, 'SIGTERM', `${run.status} ${run.stderr}`);
    assert.match(run.stdout, /^failure domain: case over its time limit in the whole case \(stopped by the watchdog\), seed 1, case 7 \(test\): \d+ ms of CPU/);
    const saved = readdirSync(folder);
    assert.equal(saved.length, 1);
    const entry = JSON.parse(readFileSync(join(folder, saved[0]!), 'utf8')) as { found: string; failure: string; text: string };
    assert.equal(entry.text, '<domain/>');
    assert.equal(entry.found, 'seed 1, case 7 (test)');
    assert.match(entry.failure, /^case over its time limit/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a disarmed watchdog lets the process end by itself', { timeout: 60_000 }, () => {
  const script = `
    const { Watchdog } = require(${JSON.stringify(join(__dirname, 'watchdog.js'))});
    const watchdog = new Watchdog();
    watchdog.arm({ fuzzCase: { kind: 'domain', path: '/x.xml', text: '' }, found: 'test', withHost: false, cpuLimitMs: 60_000, wallLimitMs: 600_000 });
    watchdog.disarm();
    console.log('done');
  `;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 50_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, 'done\n');
});

test('messages that grow faster than the text fail, one mention of a value each does not', () => {
  // A value mentioned once in its one finding, however long it is, is what a message may do.
  const document = caseDocument({ kind: 'cmdline', path: '/etc/kernel/cmdline', text: `iommu=${'x'.repeat(10_000)}\n` });
  const finding = (message: string): Finding => ({ rule: 'VT301', severity: 'error', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, fixes: [] });
  const once: Failure[] = [];
  checkMessageSizes(document, [finding(document.getText())], once, 'diagnostics');
  assert.equal(once.length, 0);
  // The whole value repeated in each of a thousand findings (VT301 on each item of a long list did) is not.
  const repeated: Failure[] = [];
  checkMessageSizes(document, Array.from({ length: 1000 }, () => finding(document.getText())), repeated, 'diagnostics');
  assert.deepEqual(repeated.map((failure) => failure.property), ['messages too long']);
});

test('a message or fix that is a JavaScript object made text fails, unless the document says the same', () => {
  const finding = (message: string, newText = 'y'): Finding => ({
    rule: 'VT104',
    severity: 'warning',
    message,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    fixes: [{ title: 'Write it', edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText }] }],
  });
  // What <bootmenu enable='constructor'/> was told before core/ownValue.ts, and the fix it was offered.
  const plain = caseDocument({ kind: 'domain', path: '/x.xml', text: "<domain><os><bootmenu enable='constructor'/></os></domain>" });
  for (const bad of [finding("Did you mean 'function Object() { [native code] }'?"), finding('ok', 'function Object() { [native code] }'), finding('[object Object] is not a model')]) {
    const failures: Failure[] = [];
    checkObjectTexts(plain, [bad], failures, 'diagnostics');
    assert.deepEqual(failures.map((failure) => failure.property), ['object as text']);
  }
  const failures: Failure[] = [];
  checkObjectTexts(plain, [finding("Did you mean 'yes'?")], failures, 'diagnostics');
  const quoting = caseDocument({ kind: 'domain', path: '/x.xml', text: '<domain><description>[object Object]</description></domain>' });
  checkObjectTexts(quoting, [finding("'[object Object]' is quoted from the file")], failures, 'diagnostics');
  assert.deepEqual(failures, []);
});

test('timing a slow case again leaves the seed where one timing leaves it: later cases do not depend on the load', async () => {
  const fuzzCase = { kind: 'ksmtuned' as const, path: '/etc/ksmtuned.conf', text: 'KSM_MONITOR_INTERVAL=60\nKSM_SLEEP_MSEC=10\nKSM_NPAGES_MAX=1250\n' };
  const timedOnce = new Random(42);
  await checkCase(fuzzCase, { random: timedOnce });
  const timedTwice = new Random(42);
  // Every case is over a limit this small, so it is timed a second time.
  const over = await checkCase(fuzzCase, { random: timedTwice, caseLimitMs: 0.001 });
  assert.equal(over.length, 1);
  assert.equal(timedTwice.next(), timedOnce.next());
});
