import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ksmFindings, onlyFinding } from '../ksmtunedHelpers';

// VT219 integer-too-large, VT220 ksm-never-stops, and VT215's labelled log paths.

test('VT219: past bash 64-bit integers is an error; npages past pages_to_scan\'s 32 bits too', () => {
  const huge = onlyFinding('KSM_NPAGES_BOOST=99999999999999999999\n', 'VT219');
  assert.equal(huge.covered, '99999999999999999999');
  assert.match(huge.finding.message, /64-bit integers \(-9223372036854775808 to 9223372036854775807\).*integer expression expected/);
  const npages = onlyFinding('KSM_NPAGES_MAX=5000000000\n', 'VT219');
  assert.match(npages.finding.message, /at most 4294967295/);
});

test('VT219: the largest values bash and the kernel take are fine', () => {
  assert.deepEqual(ksmFindings('KSM_NPAGES_MAX=4294967295\nKSM_THRES_CONST=9223372036854775807\nKSM_NPAGES_DECAY=-9223372036854775808\n', 'VT219'), []);
});

test('VT220: KSM_THRES_COEF=100 keeps KSM boosting for ever, the arithmetic shown; 99 and the default do not', () => {
  const { finding, covered } = onlyFinding('KSM_THRES_COEF=100\n', 'VT220');
  assert.equal(covered, '100');
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /thres = total × 100 \/ 100 = total.*committed \+ total < total: never/);
  assert.deepEqual(ksmFindings('KSM_THRES_COEF=99\n', 'VT220'), []);
  assert.deepEqual(ksmFindings('KSM_NPAGES_MAX=1250\n', 'VT220'), []);
});

test('VT215: any path the SELinux policy labels as ksmtuned\'s log (/var/log/ksmtuned*) is not flagged', () => {
  assert.deepEqual(ksmFindings('LOGFILE=/var/log/ksmtuned.log\nDEBUG=1\n', 'VT215'), []);
  assert.deepEqual(ksmFindings('LOGFILE=/var/log/ksmtuned-debug\nDEBUG=1\n', 'VT215'), []);
  assert.equal(ksmFindings('LOGFILE=/var/log/ksm.log\nDEBUG=1\n', 'VT215').length, 1);
});
