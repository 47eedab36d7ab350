import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN_CONF, fixed, ksmFindings, onlyFinding } from '../ksmtunedHelpers';

// VT204 invalid-number, VT208 value-out-of-range, VT210 leading-zero, VT213 empty-value.

test('VT204: a non-integer where bash arithmetic needs one is an error on the value, saying what goes wrong', () => {
  const text = 'KSM_THRES_COEF=1.5\n';
  const { finding, covered } = onlyFinding(text, 'VT204');
  assert.equal(finding.severity, 'error');
  assert.equal(covered, '1.5');
  assert.match(finding.message, /KSM_THRES_COEF must be a whole number \(percent of host memory\): "1\.5" is not one, and bash arithmetic cannot use it/);
  assert.deepEqual(finding.fixes, []);
});

test('VT204: a number with its own unit written after it has a preferred fix that drops the unit', () => {
  const text = 'KSM_SLEEP_MSEC="10ms"\n';
  const { finding, covered } = onlyFinding(text, 'VT204');
  assert.equal(covered, '"10ms"');
  assert.equal(finding.fixes[0]!.isPreferred, true);
  assert.equal(fixed(text, finding), 'KSM_SLEEP_MSEC=10\n');
  const percent = 'KSM_THRES_COEF=20%\n';
  assert.equal(fixed(percent, onlyFinding(percent, 'VT204').finding), 'KSM_THRES_COEF=20\n');
  // A unit that is not the variable's own is not dropped: 2M is not 2 KiB.
  assert.deepEqual(onlyFinding('KSM_THRES_CONST=2M\n', 'VT204').finding.fixes, []);
});

test('VT204: the test-only integers say their bound is not applied', () => {
  const { finding } = onlyFinding('KSM_NPAGES_MIN=lots\n', 'VT204');
  assert.match(finding.message, /the integer test that keeps `npages` above it fails/);
});

test('VT204: KSM_MONITOR_INTERVAL takes what sleep takes: fractions and s/m/h/d suffixes, not words', () => {
  for (const good of ['60', '1.5', '2m', '0.5h', '.5']) assert.deepEqual(ksmFindings(`KSM_MONITOR_INTERVAL=${good}\n`, 'VT204'), [], good);
  const text = 'KSM_MONITOR_INTERVAL="60 seconds"\n';
  const { finding } = onlyFinding(text, 'VT204');
  assert.match(finding.message, /number of seconds that sleep accepts \(60, 1\.5, 2m\): "60 seconds" is not, and sleep refuses it/);
  assert.equal(fixed(text, finding), 'KSM_MONITOR_INTERVAL=60\n');
});

test('VT204: empty values, computed values, signs and paths are not judged', () => {
  const text = 'KSM_NPAGES_MAX=\nKSM_NPAGES_MIN=$((32 * 2))\nKSM_NPAGES_DECAY=-50\nKSM_NPAGES_BOOST=+300\nLOGFILE=/tmp/x y\nDEBUG=yes\n';
  assert.deepEqual(ksmFindings(text, 'VT204'), []);
  assert.deepEqual(ksmFindings(CLEAN_CONF, 'VT204'), []);
});

test('VT208: KSM_THRES_COEF outside 0..100 is an error saying what happens', () => {
  const above = onlyFinding('KSM_THRES_COEF=150\n', 'VT208');
  assert.equal(above.finding.severity, 'error');
  assert.equal(above.covered, '150');
  assert.match(above.finding.message, /KSM_THRES_COEF must be 0 to 100: with 150, above 100 the threshold is more than the host has/);
  assert.equal(ksmFindings('KSM_THRES_COEF=-5\n', 'VT208').length, 1);
  assert.deepEqual(ksmFindings('KSM_THRES_COEF=0\nKSM_THRES_COEF=100\n', 'VT208'), []);
});

test('VT208: a negative npages bound and a zero monitor interval are errors', () => {
  assert.match(onlyFinding('KSM_NPAGES_MIN=-1\n', 'VT208').finding.message, /the kernel takes only a count of 0 or more in pages_to_scan/);
  assert.equal(ksmFindings('KSM_NPAGES_MAX=-10\n', 'VT208').length, 1);
  assert.match(onlyFinding('KSM_MONITOR_INTERVAL=0\n', 'VT208').finding.message, /keeps a CPU busy/);
  assert.equal(ksmFindings('KSM_MONITOR_INTERVAL=0s\n', 'VT208').length, 1);
  assert.deepEqual(ksmFindings(`${CLEAN_CONF}KSM_NPAGES_MIN=0\n`, 'VT208'), []);
});

test('VT210: a leading zero bash reads as octal is a warning with a preferred fix to the decimal digits', () => {
  const text = 'KSM_NPAGES_MIN=010\n';
  const { finding, covered } = onlyFinding(text, 'VT210');
  assert.equal(finding.severity, 'warning');
  assert.equal(covered, '010');
  assert.match(finding.message, /reads 010 as the octal number 8, not 10/);
  assert.equal(finding.fixes[0]!.isPreferred, true);
  assert.equal(fixed(text, finding), 'KSM_NPAGES_MIN=10\n');
});

test('VT210: 08 is no octal number at all: an error', () => {
  const text = 'KSM_SLEEP_MSEC=08\n';
  const { finding } = onlyFinding(text, 'VT210');
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /cannot read 08: the leading 0 makes it octal, which has no 8 or 9/);
  assert.equal(fixed(text, finding), 'KSM_SLEEP_MSEC=8\n');
});

test('VT210: 0, 07 (the same either way) and paths are clean', () => {
  assert.deepEqual(ksmFindings('KSM_NPAGES_MIN=0\nKSM_SLEEP_MSEC=07\nLOGFILE=/var/log/010\n', 'VT210'), []);
});

test('VT213: an empty numeric value is information: ksmtuned uses its default; a fix writes it', () => {
  const text = 'KSM_NPAGES_MAX=\n';
  const { finding, covered } = onlyFinding(text, 'VT213');
  assert.equal(finding.severity, 'information');
  assert.equal(covered, 'KSM_NPAGES_MAX');
  assert.match(finding.message, /KSM_NPAGES_MAX is empty, so ksmtuned uses its default, 1250/);
  assert.equal(fixed(text, finding), 'KSM_NPAGES_MAX=1250\n');
  const quoted = 'KSM_THRES_COEF=""\n';
  const second = onlyFinding(quoted, 'VT213');
  assert.equal(second.covered, '""');
  assert.equal(fixed(quoted, second.finding), 'KSM_THRES_COEF=20\n');
});

test('VT213: an array bash refuses (a quote left open in it, an operator) is no empty value', () => {
  // The fuzzer's seed 17171: 'Write the default, 10' made KSM_SLEEP_MSEC=10(" (bash: unexpected token '(') and
  // brought the ) below back as a line bash refuses. bash 5 refuses each of these lines (VT201 says so).
  assert.deepEqual(ksmFindings('KSM_SLEEP_MSEC=("\n)', 'VT213'), []);
  assert.deepEqual(ksmFindings('KSM_SLEEP_MSEC=(\'a\n)\n', 'VT213'), []);
  assert.deepEqual(ksmFindings('KSM_NPAGES_BOOST=(30/>\nKSM_SLEEP_MSEC=(10 2</0)\n', 'VT213'), []);
  // An empty array is read, and still reported: $KSM_SLEEP_MSEC is empty.
  assert.equal(ksmFindings('KSM_SLEEP_MSEC=()\n', 'VT213').length, 1);
});

test('VT213: empty LOGFILE and DEBUG mean something (stdout, off) and are not flagged', () => {
  assert.deepEqual(ksmFindings('LOGFILE=\nDEBUG=\n', 'VT213'), []);
  assert.deepEqual(ksmFindings(CLEAN_CONF, 'VT213'), []);
});
