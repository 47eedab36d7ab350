import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rangeText } from '../../helpers';
import { cmdlineDiagnostics } from '../../../server/src/cmdline/diagnostics';
import type { Finding } from '../../../server/src/core/types';
import type { GrubDropIns } from '../../../server/src/grubDropIns/types';
import { cmdlineTextDocument, DEFAULT_GRUB } from '../cmdlineHelpers';
import { dropInsOf, sourceLikeGrubMkconfig } from '../dropInShell';

const LINUX = 'GRUB_CMDLINE_LINUX';
const DEFAULT = 'GRUB_CMDLINE_LINUX_DEFAULT';
const VARIABLES = [LINUX, DEFAULT];

/** An Ubuntu host tuned in /etc/default/grub, and the drop-in its cloud image ships (the same shape, written here). */
const TUNED = 'GRUB_DEFAULT=0\nGRUB_TIMEOUT=5\nGRUB_CMDLINE_LINUX_DEFAULT="quiet splash default_hugepagesz=1G hugepagesz=1G hugepages=16"\nGRUB_CMDLINE_LINUX=""\n';
const CLOUDIMG = '# Cloud Image settings\nGRUB_RECORDFAIL_TIMEOUT=0\nGRUB_TIMEOUT=0\nGRUB_CMDLINE_LINUX_DEFAULT="console=tty1 console=ttyS0"\nGRUB_TERMINAL=console\n';

function findings(text: string, dropIns: GrubDropIns | undefined, code?: string, path = DEFAULT_GRUB): Finding[] {
  const all = cmdlineDiagnostics(cmdlineTextDocument(text, path), dropIns ? { grubDropIns: dropIns } : {});
  return code ? all.filter((finding) => finding.rule === code) : all;
}

/** dash (Debian's /bin/sh, which runs grub-mkconfig) and bash give the same values; the values. */
function sourced(grub: string, dropIns: Record<string, string>): Record<string, string> {
  const dash = sourceLikeGrubMkconfig('dash', grub, dropIns, VARIABLES);
  const bash = sourceLikeGrubMkconfig('bash', grub, dropIns, VARIABLES);
  assert.equal(dash.status, 0, dash.stderr);
  assert.deepEqual(bash.values, dash.values);
  return dash.values;
}

test('VT320: a drop-in that assigns GRUB_CMDLINE_LINUX_DEFAULT replaces the value of /etc/default/grub, as dash and bash source them', () => {
  assert.equal(sourced(TUNED, { '50-cloudimg-settings.cfg': CLOUDIMG })[DEFAULT], 'console=tty1 console=ttyS0');
  const found = findings(TUNED, dropInsOf({ '50-cloudimg-settings.cfg': CLOUDIMG }), 'VT320');
  assert.deepEqual(found.map((finding) => [rangeText(TUNED, finding), finding.range.start.line, finding.severity, finding.fixes.length]), [[DEFAULT, 2, 'warning', 0]]);
  assert.match(
    found[0]!.message,
    /^GRUB_CMDLINE_LINUX_DEFAULT is set again by the drop-in grub\.d\/50-cloudimg-settings\.cfg \(line 4\), which grub-mkconfig sources after this file, without referring to \$GRUB_CMDLINE_LINUX_DEFAULT.*so quiet splash default_hugepagesz=1G hugepagesz=1G and 1 more never reach the kernel/,
  );
  // Without the drop-ins (no adapter read them), nothing is said.
  assert.deepEqual(findings(TUNED, undefined, 'VT320'), []);
});

test('VT320 names the first drop-in, in the order dash lists them, that replaces the value; a command after it changes nothing', () => {
  const grub = 'GRUB_CMDLINE_LINUX="rd.lvm.lv=vg/root crashkernel=512M"\n';
  const dropIns = {
    // Byte order: 5_... comes after 50-...: the tuning of 5_ is sourced last.
    '5_tuning.cfg': 'GRUB_CMDLINE_LINUX="$GRUB_CMDLINE_LINUX hugepages=8"\n',
    '50-site.cfg': 'GRUB_CMDLINE_LINUX="console=ttyS0"\n',
    'init-select.cfg': 'if [ -x /sbin/init ]; then GRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX_DEFAULT quiet"; fi\n',
  };
  assert.equal(sourced(grub, dropIns)[LINUX], 'console=ttyS0 hugepages=8');
  const found = findings(grub, dropInsOf(dropIns), 'VT320');
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /^GRUB_CMDLINE_LINUX is set again by the drop-in grub\.d\/50-site\.cfg \(line 1\).*so rd\.lvm\.lv=vg\/root crashkernel=512M never reach the kernel/);
});

test('VT320 is silent where the drop-ins keep the value, and where it cannot be sure', () => {
  const cases: [string, string, Record<string, string>][] = [
    ['refers to the variable', TUNED, { '50-cloudimg-settings.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX_DEFAULT console=ttyS0"\n' }],
    ['refers with braces', TUNED, { '99-tuning.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT="${GRUB_CMDLINE_LINUX_DEFAULT} console=ttyS0"\n' }],
    ['sets other variables only', TUNED, { '40-force-partuuid.cfg': 'GRUB_FORCE_PARTUUID=1234\nGRUB_TIMEOUT=0\n' }],
    ['an empty value replaced loses nothing', 'GRUB_CMDLINE_LINUX=""\n', { '50-site.cfg': 'GRUB_CMDLINE_LINUX="console=ttyS0"\n' }],
    ['a command in a drop-in before the replacement', TUNED, { '10-pick.cfg': '[ -e /etc/tuned ] && GRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX_DEFAULT x=1"\n', '50-cloudimg-settings.cfg': CLOUDIMG }],
    ['a command in /etc/default/grub', `${TUNED}if [ -e /etc/tuned ]; then GRUB_TIMEOUT=1; fi\n`, { '50-cloudimg-settings.cfg': CLOUDIMG }],
    ['another variable takes the value first', 'GRUB_CMDLINE_LINUX="hugepages=8"\nGRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX quiet"\n', { '50-site.cfg': 'GRUB_CMDLINE_LINUX="console=ttyS0"\n' }],
    ['a quote left open in a drop-in before it', TUNED, { '10-broken.cfg': 'GRUB_TIMEOUT="5\n', '50-cloudimg-settings.cfg': CLOUDIMG }],
  ];
  for (const [what, grub, dropIns] of cases) {
    assert.deepEqual(findings(grub, dropInsOf(dropIns), 'VT320').map((finding) => finding.message), [], what);
  }
  // What the shells say of the first and the sixth: the parameters are kept.
  assert.equal(sourced(TUNED, cases[0]![2])[DEFAULT], 'quiet splash default_hugepagesz=1G hugepagesz=1G hugepages=16 console=ttyS0');
  assert.equal(sourced(cases[6]![1], cases[6]![2])[DEFAULT], 'hugepages=8 quiet');
  // A drop-in that cannot be read: what it sets is not known.
  assert.deepEqual(findings(TUNED, dropInsOf({ '50-cloudimg-settings.cfg': undefined }), 'VT320'), []);
});

test('VT320 is silent on += in a drop-in: bash appends, but dash (Debian\'s /bin/sh) stops grub-mkconfig there', () => {
  const dropIns = { '99-tuning.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT+=" isolcpus=2-7"\n' };
  const dash = sourceLikeGrubMkconfig('dash', TUNED, dropIns, VARIABLES);
  assert.equal(dash.status, 127, 'dash finds no command named GRUB_CMDLINE_LINUX_DEFAULT+=...');
  assert.match(dash.stderr, /not found/);
  const bash = sourceLikeGrubMkconfig('bash', TUNED, dropIns, VARIABLES);
  assert.equal(bash.status, 0);
  assert.match(bash.values[DEFAULT]!, /hugepages=16 isolcpus=2-7$/);
  assert.deepEqual(findings(TUNED, dropInsOf(dropIns), 'VT320'), []);
});

test('on a drop-in, VT320 speaks of the drop-ins sourced after it', () => {
  const later = { '99-tuning.cfg': 'GRUB_CMDLINE_LINUX_DEFAULT="hugepages=16"\n' };
  const found = findings(CLOUDIMG, dropInsOf(later), 'VT320', '/etc/default/grub.d/50-cloudimg-settings.cfg');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.range.start.line, 3);
  assert.match(found[0]!.message, /by the drop-in 99-tuning\.cfg \(line 1\).*so console=tty1 console=ttyS0 never reach the kernel/);
});

test('the parameters a drop-in replaces are not on the kernel command line for the other rules', () => {
  // hugepages= in both variables: VT305 says the kernel keeps the second; once a drop-in replaces
  // GRUB_CMDLINE_LINUX_DEFAULT, the kernel gets the first alone.
  const grub = 'GRUB_CMDLINE_LINUX="hugepagesz=2M hugepages=512"\nGRUB_CMDLINE_LINUX_DEFAULT="hugepages=1024 quiet"\n';
  const dropIns = { '50-cloudimg-settings.cfg': CLOUDIMG };
  assert.equal(findings(grub, undefined, 'VT305').length, 1);
  assert.deepEqual(findings(grub, dropInsOf(dropIns), 'VT305'), []);
  const values = sourced(grub, dropIns);
  assert.equal(`${values[LINUX]} ${values[DEFAULT]}`, 'hugepagesz=2M hugepages=512 console=tty1 console=ttyS0');
  // What the file alone is judged on does not change: the same findings bar VT305 and VT320.
  const others = (list: Finding[]) => list.filter((finding) => finding.rule !== 'VT305' && finding.rule !== 'VT320').map((finding) => finding.message);
  assert.deepEqual(others(findings(grub, dropInsOf(dropIns))), others(findings(grub, undefined)));
});
