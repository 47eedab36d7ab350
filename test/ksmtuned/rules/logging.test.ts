import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN_CONF, fixed, ksmFindings, onlyFinding } from '../ksmtunedHelpers';

// VT211 empty-pidfile, VT212 debug-off-value, VT214 logfile-without-debug, VT215 logfile-location.

test('VT211: an empty PIDFILE is an error on its name; the preferred fix comments the line out', () => {
  const text = 'KSM_NPAGES_MAX=1250\nPIDFILE=\n';
  const { finding, covered } = onlyFinding(text, 'VT211');
  assert.equal(finding.severity, 'error');
  assert.equal(covered, 'PIDFILE');
  assert.match(finding.message, /never starts its tuning loop/);
  assert.equal(finding.fixes[0]!.isPreferred, true);
  assert.equal(fixed(text, finding), 'KSM_NPAGES_MAX=1250\n# PIDFILE=\n');
  assert.equal(ksmFindings('PIDFILE=""\n', 'VT211').length, 1);
});

test('VT211: a PIDFILE with a path, or an empty one overridden later, is clean', () => {
  assert.deepEqual(ksmFindings('PIDFILE=/run/ksmtune.pid\n', 'VT211'), []);
  assert.deepEqual(ksmFindings('PIDFILE=\nPIDFILE=/run/ksmtune.pid\n', 'VT211'), []);
  assert.deepEqual(ksmFindings(CLEAN_CONF, 'VT211'), []);
});

test('VT212: DEBUG=0 turns debugging on: a warning with a preferred fix commenting it out', () => {
  const text = 'LOGFILE=/var/log/ksmtuned\nDEBUG=0\n';
  const { finding, covered } = onlyFinding(text, 'VT212');
  assert.equal(finding.severity, 'warning');
  assert.equal(covered, '0');
  assert.match(finding.message, /DEBUG=0 turns debug logging on: ksmtuned only checks that DEBUG is not empty/);
  assert.equal(fixed(text, finding), 'LOGFILE=/var/log/ksmtuned\n# DEBUG=0\n');
  for (const value of ['no', 'false', 'OFF', '"0"']) assert.equal(ksmFindings(`DEBUG=${value}\n`, 'VT212').length, 1, value);
});

test('VT212: DEBUG=1, DEBUG=yes and an empty DEBUG are clean', () => {
  assert.deepEqual(ksmFindings('DEBUG=1\nDEBUG=yes\n', 'VT212'), []);
  assert.deepEqual(ksmFindings('DEBUG=\n', 'VT212'), []);
});

test('VT214: LOGFILE without DEBUG is information on LOGFILE', () => {
  const text = 'LOGFILE=/var/log/ksmtuned\n';
  const { finding, covered } = onlyFinding(text, 'VT214');
  assert.equal(finding.severity, 'information');
  assert.equal(covered, 'LOGFILE');
  assert.match(finding.message, /LOGFILE is only written when DEBUG is set, and DEBUG is not/);
  assert.equal(ksmFindings('LOGFILE=/var/log/ksmtuned\nDEBUG=\n', 'VT214').length, 1);
  assert.deepEqual(ksmFindings(CLEAN_CONF, 'VT214'), []);
  assert.deepEqual(ksmFindings('LOGFILE=\n', 'VT214'), []);
});

test('VT215: a log elsewhere than /var/log/ksmtuned is a hint with a fix back to it', () => {
  const text = 'LOGFILE=/home/admin/ksm.log\nDEBUG=1\n';
  const { finding, covered } = onlyFinding(text, 'VT215');
  assert.equal(finding.severity, 'hint');
  assert.equal(covered, '/home/admin/ksm.log');
  assert.match(finding.message, /SELinux/);
  assert.equal(fixed(text, finding), 'LOGFILE=/var/log/ksmtuned\nDEBUG=1\n');
  assert.deepEqual(ksmFindings(CLEAN_CONF, 'VT215'), []);
});
