import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ksmFindings } from '../ksmtunedHelpers';

test('VT218: a Jinja ksmtuned.conf is said to be a template once; the templated lines are not judged', () => {
  const text = '# Managed by Salt\nKSM_NPAGES_MAX={{ pillar.ksm.npages_max }}\nKSM_SLEEP_MSEC={% if big %}10{% else %}100{% endif %}\nKSM_NPAGES_BOOST=-5\n';
  const findings = ksmFindings(text);
  assert.deepEqual(findings.map((finding) => finding.rule).sort(), ['VT207', 'VT218']);
  const notice = findings.find((finding) => finding.rule === 'VT218')!;
  assert.equal(notice.severity, 'information');
  assert.equal(notice.range.start.line, 1);
  assert.match(notice.message, /Jinja template \(4 template tags\)/);
});

test('VT218: an ordinary ksmtuned.conf gets no template notice', () => {
  assert.deepEqual(ksmFindings('KSM_NPAGES_MAX=1250\n# {not a tag}\n', 'VT218'), []);
});
