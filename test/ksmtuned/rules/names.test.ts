import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN_CONF, fixed, ksmFindings, onlyFinding } from '../ksmtunedHelpers';

// VT203 unknown-variable, VT209 duplicate-variable.

test('VT203: a misspelt variable is a warning on its name with did-you-mean; one candidate makes a preferred rename', () => {
  const text = 'KSM_NPAGE_MAX=1250\n';
  const { finding, covered } = onlyFinding(text, 'VT203');
  assert.equal(finding.severity, 'warning');
  assert.equal(covered, 'KSM_NPAGE_MAX');
  assert.match(finding.message, /ksmtuned does not read KSM_NPAGE_MAX\. Did you mean KSM_NPAGES_MAX\?/);
  assert.equal(finding.fixes.length, 1);
  assert.equal(finding.fixes[0]!.isPreferred, true);
  assert.equal(fixed(text, finding), 'KSM_NPAGES_MAX=1250\n');
});

test('VT203: a name in the wrong case says bash names are case-sensitive', () => {
  const text = 'ksm_npages_max=1250\n';
  const { finding } = onlyFinding(text, 'VT203');
  assert.match(finding.message, /case-sensitive\)\. Did you mean KSM_NPAGES_MAX\?/);
  assert.equal(fixed(text, finding), 'KSM_NPAGES_MAX=1250\n');
});

test('VT203: only the nearest names are offered; a tie gives one fix each, none preferred', () => {
  assert.deepEqual(onlyFinding('KSM_NPAGES_MI=1\n', 'VT203').finding.fixes.map((fix) => fix.title), ['Rename to KSM_NPAGES_MIN']);
  const { finding } = onlyFinding('KSM_NPAGES_M=1\n', 'VT203');
  assert.match(finding.message, /Did you mean KSM_NPAGES_MAX or KSM_NPAGES_MIN\?/);
  assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.isPreferred]), [
    ['Rename to KSM_NPAGES_MAX', undefined],
    ['Rename to KSM_NPAGES_MIN', undefined],
  ]);
});

test("VT203: the ksm service's own variable is named as such; a name like nothing lists what ksmtuned reads", () => {
  const foreign = onlyFinding('KSM_MAX_KERNEL_PAGES=0\n', 'VT203').finding;
  assert.match(foreign.message, /the ksm service reads it from its own file/);
  const unrelated = onlyFinding('COLOR=blue\n', 'VT203').finding;
  assert.match(unrelated.message, /ksmtuned does not read COLOR, so setting it has no effect\. It reads KSM_MONITOR_INTERVAL, /);
  assert.deepEqual(unrelated.fixes, []);
});

test("VT203: the user's helper variables (expanded elsewhere in the file) and shell variables are not flagged", () => {
  const text = 'BASE=500\nKSM_NPAGES_MAX=$((BASE * 2))\nPATH=/usr/sbin:/usr/bin\n';
  assert.deepEqual(ksmFindings(text, 'VT203'), []);
  assert.deepEqual(ksmFindings(`${CLEAN_CONF}PIDFILE=/run/ksmtune.pid\n`, 'VT203'), []);
});

test('VT209: a variable set twice is a warning on the first, naming the line that wins', () => {
  const text = 'KSM_NPAGES_MAX=1250\nKSM_NPAGES_MIN=64\nKSM_NPAGES_MAX=2000\n';
  const { finding, covered } = onlyFinding(text, 'VT209');
  assert.equal(finding.severity, 'warning');
  assert.equal(covered, 'KSM_NPAGES_MAX');
  assert.equal(finding.range.start.line, 0);
  assert.match(finding.message, /KSM_NPAGES_MAX is set again on line 3 \(to 2000\): bash keeps the last assignment, so this one \(1250\) has no effect/);
  assert.equal(finding.fixes[0]!.isPreferred, undefined);
  assert.equal(fixed(text, finding), '# KSM_NPAGES_MAX=1250\nKSM_NPAGES_MIN=64\nKSM_NPAGES_MAX=2000\n');
});

test('VT209: the same value twice is a hint with a preferred fix; three times gives two findings', () => {
  const same = 'DEBUG=1\nDEBUG=1\n';
  const { finding } = onlyFinding(same, 'VT209');
  assert.equal(finding.severity, 'hint');
  assert.match(finding.message, /set again on line 2 to the same value/);
  assert.equal(finding.fixes[0]!.isPreferred, true);
  assert.equal(ksmFindings('DEBUG=1\nDEBUG=2\nDEBUG=3\n', 'VT209').length, 2);
  assert.deepEqual(ksmFindings(CLEAN_CONF, 'VT209'), []);
});

test('VT209: no line is commented out that holds part of an array spanning lines', () => {
  // The fuzzer's seed 10404: commenting out 'KSM_THRES_COEF=(' left 'e' and ')KSM_THRES_COEF=' as lines bash refuses.
  const opened = 'KSM_THRES_COEF=(\ne\n)KSM_THRES_COEF=\n';
  assert.deepEqual(ksmFindings(opened, 'VT209').map((finding) => finding.fixes.length), [0]);
  // The line holding the ) (and an assignment after it) is part of the array too.
  const closing = 'X=(1\n2\n) KSM_NPAGES_MIN=64\nKSM_NPAGES_MIN=65\n';
  assert.deepEqual(ksmFindings(closing, 'VT209').map((finding) => finding.fixes.length), [0]);
  // An array closed on its own line is one line like any other.
  assert.equal(fixed('KSM_THRES_COEF=(20)\nKSM_THRES_COEF=30\n', ksmFindings('KSM_THRES_COEF=(20)\nKSM_THRES_COEF=30\n', 'VT209')[0]!), '# KSM_THRES_COEF=(20)\nKSM_THRES_COEF=30\n');
});
