import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applySafeFixes } from '../../server/src/cli/safeFixes';
import { detectKind } from '../../server/src/services';
import { ksmFindings } from './ksmtunedHelpers';

const examples = join(__dirname, '..', '..', '..', 'examples', 'ksmtuned');
const GUIDE_COPY = join(examples, 'guide-8.3.2-ksmtuned.conf');
const TUNED = join(examples, 'ksmtuned.conf');

test("the guide's 8.3.2 ksmtuned.conf, pasted as printed, is flagged on each line its page layout broke, and only there", () => {
  const text = readFileSync(GUIDE_COPY, 'utf8');
  const found = ksmFindings(text);
  const lines = text.split('\n');
  assert.deepEqual(
    found.map((finding) => [finding.rule, finding.severity, lines[finding.range.start.line]]),
    [
      ['VT201', 'error', 'less than `thres`.'],
      ['VT201', 'error', 'value, when `free memory` is greater than `thres`.'],
      ['VT201', 'error', '`thres`.'],
      ['VT201', 'error', 'is less than `KSM_THRES_CONST`, then reset `thres` value to'],
      ['VT201', 'error', '`KSM_THRES_CONST` value.'],
    ],
  );
  assert.ok(found.every((finding) => /wrapped onto a line of its own without #/.test(finding.message)));
});

test("the safe fixes turn the guide's copy into a clean file that only gained #s", () => {
  const text = readFileSync(GUIDE_COPY, 'utf8');
  const outcome = applySafeFixes(GUIDE_COPY, 'ksmtuned', text);
  assert.deepEqual(outcome.remaining, []);
  assert.equal(outcome.applied, 5);
  assert.equal(outcome.text.replace(/^# /gm, ''), text.replace(/^# /gm, ''));
});

test('a correct, tuned ksmtuned.conf is clean', () => {
  assert.deepEqual(ksmFindings(readFileSync(TUNED, 'utf8')), []);
});

test('the kind comes from the file name (or the editor language), whatever the text', () => {
  assert.equal(detectKind('/etc/ksmtuned.conf', ''), 'ksmtuned');
  assert.equal(detectKind('examples/ksmtuned/guide-8.3.2-ksmtuned.conf', '<domain>'), 'ksmtuned');
  assert.equal(detectKind('C:\\etc\\KSMTUNED.CONF', ''), 'ksmtuned');
  assert.equal(detectKind('/Untitled-1', 'KSM_NPAGES_MAX=1', 'ksmtuned'), 'ksmtuned');
  assert.equal(detectKind('/etc/ksmtuned.conf.bak', 'KSM_NPAGES_MAX=1'), undefined);
  assert.equal(detectKind('/etc/sysconfig/ksm', 'KSM_MAX_KERNEL_PAGES='), undefined);
});
