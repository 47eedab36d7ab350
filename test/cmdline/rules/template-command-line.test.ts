import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { rangeText } from '../../helpers';
import { serviceFor } from '../../../server/src/services';
import { cmdlineFindings, DEFAULT_GRUB, GRUB_CFG } from '../cmdlineHelpers';

const CODE = 'VT310';

test('VT310: a Jinja /etc/default/grub is said to be a template once, and its tags make no findings', () => {
  const text = [
    '{# managed by ansible #}',
    'GRUB_TIMEOUT=5',
    '{% if isolate %}',
    'GRUB_CMDLINE_LINUX="isolcpus={{ isolcpus }} nohz_full={{ isolcpus }} numa_balancing=0"',
    '{% endif %}',
    'GRUB_CMDLINE_LINUX_DEFAULT="transparent_hugepage=off"',
    '',
  ].join('\n');
  const findings = cmdlineFindings(text, DEFAULT_GRUB);
  const notices = findings.filter((finding) => finding.rule === CODE);
  assert.equal(notices.length, 1);
  assert.equal(rangeText(text, notices[0]!), '{# managed by ansible #}');
  assert.equal(notices[0]!.severity, 'information');
  assert.match(notices[0]!.message, /Jinja template \(5 template tags\).*`virt-tune fix` leaves template files unchanged/);
  // The line the tags touch is not judged; the plain line after it still is.
  assert.deepEqual(findings.filter((finding) => finding.rule !== CODE).map((finding) => [finding.rule, rangeText(text, finding)]), [['VT301', 'off']]);
});

test('VT310: an ERB grub.cfg keeps its tag whole in one parameter; no stray line is made of a template line', () => {
  const text = 'linux /vmlinuz-6.8.0 root=/dev/sda1 <%= @extra_args.join(" ") %> quiet\n<% if @serial %>\ninitrd /initrd.img\n';
  const findings = cmdlineFindings(text, GRUB_CFG);
  assert.deepEqual(findings.map((finding) => finding.rule), [CODE]);
  assert.match(findings[0]!.message, /ERB template \(2 template tags\)/);
});

test('VT310: files without template syntax get nothing, shell ${#x} and GRUB ${var} included', () => {
  assert.deepEqual(cmdlineFindings('GRUB_CMDLINE_LINUX="${GRUB_CMDLINE_LINUX} quiet ${#x}"\n', DEFAULT_GRUB, CODE), []);
  assert.deepEqual(cmdlineFindings('linux /vmlinuz ${extra} quiet\n', GRUB_CFG, CODE), []);
});

test('nothing is offered for completion inside a template tag; outside it as usual', () => {
  const service = serviceFor('cmdline')!;
  const text = 'GRUB_CMDLINE_LINUX="isolcpus={{ cpus }} "\n';
  const document = TextDocument.create('file:///etc/default/grub', 'grub', 1, text);
  assert.deepEqual(service.completion(document, document.positionAt(text.indexOf('cpus }}')), {}).items, []);
  assert.ok(service.completion(document, document.positionAt(text.indexOf(' "') + 1), {}).items.length > 0);
});
