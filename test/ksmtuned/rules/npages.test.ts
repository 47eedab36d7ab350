import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN_CONF, fixed, ksmFindings, onlyFinding } from '../ksmtunedHelpers';

// VT205 npages-min-above-max, VT206 decay-not-negative, VT207 boost-not-positive, VT216 sleep-below-floor.

test('VT205: MIN above MAX is an error on the MIN value; the fix swaps the two values and nothing else', () => {
  const text = 'KSM_NPAGES_MIN=2000 # low\nKSM_NPAGES_MAX="1250"\n';
  const { finding, covered } = onlyFinding(text, 'VT205');
  assert.equal(finding.severity, 'error');
  assert.equal(covered, '2000');
  assert.match(finding.message, /KSM_NPAGES_MIN \(2000\) is above KSM_NPAGES_MAX \(1250\): .* jumps between 2000 and 1250/);
  assert.equal(finding.fixes[0]!.isPreferred, undefined);
  assert.equal(fixed(text, finding), 'KSM_NPAGES_MIN="1250" # low\nKSM_NPAGES_MAX=2000\n');
});

test("VT205: against ksmtuned's default for the one not set, with no swap", () => {
  const min = onlyFinding('KSM_NPAGES_MIN=1500\n', 'VT205');
  assert.match(min.finding.message, /KSM_NPAGES_MAX \(1250, ksmtuned's default\)/);
  assert.deepEqual(min.finding.fixes, []);
  const max = onlyFinding('KSM_NPAGES_MAX=32\n', 'VT205');
  assert.equal(max.covered, '32');
  assert.match(max.finding.message, /KSM_NPAGES_MIN \(64, ksmtuned's default\) is above KSM_NPAGES_MAX \(32\)/);
});

test('VT205: the last assignment counts; equal bounds and computed values are fine', () => {
  assert.deepEqual(ksmFindings('KSM_NPAGES_MIN=5000\nKSM_NPAGES_MIN=64\n', 'VT205'), []);
  assert.deepEqual(ksmFindings('KSM_NPAGES_MIN=500\nKSM_NPAGES_MAX=500\n', 'VT205'), []);
  assert.deepEqual(ksmFindings('KSM_NPAGES_MIN=$LOW\nKSM_NPAGES_MAX=10\n', 'VT205'), []);
  assert.deepEqual(ksmFindings(CLEAN_CONF, 'VT205'), []);
});

test('VT206: a positive decay is a warning; the fix (not preferred) adds the minus sign', () => {
  const text = 'KSM_NPAGES_DECAY=50\n';
  const { finding, covered } = onlyFinding(text, 'VT206');
  assert.equal(finding.severity, 'warning');
  assert.equal(covered, '50');
  assert.match(finding.message, /50 makes KSM scan faster while memory is plentiful/);
  assert.equal(finding.fixes[0]!.isPreferred, undefined);
  assert.equal(fixed(text, finding), 'KSM_NPAGES_DECAY=-50\n');
});

test('VT206: a zero decay is information; a negative one is clean', () => {
  const { finding } = onlyFinding('KSM_NPAGES_DECAY=0\n', 'VT206');
  assert.equal(finding.severity, 'information');
  assert.deepEqual(finding.fixes, []);
  assert.deepEqual(ksmFindings(CLEAN_CONF, 'VT206'), []);
});

test('VT207: a negative boost is a warning with a fix dropping the sign; zero is information', () => {
  const text = 'KSM_NPAGES_BOOST=-300\n';
  const { finding, covered } = onlyFinding(text, 'VT207');
  assert.equal(finding.severity, 'warning');
  assert.equal(covered, '-300');
  assert.match(finding.message, /-300 makes KSM scan slower exactly when memory is short/);
  assert.equal(fixed(text, finding), 'KSM_NPAGES_BOOST=300\n');
  assert.equal(onlyFinding('KSM_NPAGES_BOOST=0\n', 'VT207').finding.severity, 'information');
  assert.deepEqual(ksmFindings(CLEAN_CONF, 'VT207'), []);
});

test('VT216: KSM_SLEEP_MSEC below 10 is a hint: ksmtuned writes at least 10', () => {
  const small = onlyFinding('KSM_SLEEP_MSEC=5\n', 'VT216');
  assert.equal(small.finding.severity, 'hint');
  assert.equal(small.covered, '5');
  assert.match(small.finding.message, /on a host with 16 GiB or more, 5 gives 10 ms like the default/);
  assert.match(onlyFinding('KSM_SLEEP_MSEC=0\n', 'VT216').finding.message, /with 0, KSM pauses 10 ms on every host/);
  assert.deepEqual(ksmFindings('KSM_SLEEP_MSEC=10\nKSM_SLEEP_MSEC=1\nKSM_SLEEP_MSEC=40\n', 'VT216'), []);
});
