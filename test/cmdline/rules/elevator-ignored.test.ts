import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, rangeText } from '../../helpers';
import { BLS_ENTRY, cmdlineFindings, defaultGrub, DEFAULT_GRUB, GRUB_CFG, GRUB_CONF } from '../cmdlineHelpers';

const CODE = 'VT306';

test('VT306: elevator= on a kernel known to be 5.0 or later is a warning with what to do instead', () => {
  const text = 'version 5.14.0-427.el9.x86_64\nlinux /vmlinuz-5.14.0-427.el9.x86_64\noptions root=/dev/x elevator=deadline quiet\n';
  const [finding] = cmdlineFindings(text, BLS_ENTRY, CODE);
  assert.equal(rangeText(text, finding!), 'elevator=deadline');
  assert.equal(finding!.severity, 'warning');
  assert.match(finding!.message, /This kernel \(5\.14\) ignores elevator=/);
  assert.match(finding!.message, /\/sys\/block\/<dev>\/queue\/scheduler/);
  assert.match(finding!.message, /udev rule/);
  assert.match(finding!.message, /mq-deadline/);
  assert.equal(applyFix(text, finding!.fixes[0]!), 'version 5.14.0-427.el9.x86_64\nlinux /vmlinuz-5.14.0-427.el9.x86_64\noptions root=/dev/x quiet\n');
  assert.ok(!finding!.fixes[0]!.isPreferred);
});

test('VT306: information when the kernel version is unknown, naming the multi-queue scheduler to use', () => {
  const text = defaultGrub('elevator=noop');
  const [finding] = cmdlineFindings(text, DEFAULT_GRUB, CODE);
  assert.equal(finding!.severity, 'information');
  assert.match(finding!.message, /Linux 5\.0 and later \(RHEL 8 and later\) ignore elevator=/);
  assert.match(finding!.message, /echo none >/);
  assert.deepEqual(finding!.fixes, []);
});

test("VT306: nothing on an older kernel, such as the guide's RHEL 5 grub.conf", () => {
  const text = 'title Red Hat Enterprise Linux Server (2.6.18-8.el5)\nroot (hd0,0)\nkernel /vmlinuz-2.6.18-8.el5 ro root=/dev/vg0/lv0 elevator=noop\n';
  assert.deepEqual(cmdlineFindings(text, GRUB_CONF, CODE), []);
});

test("VT306: nothing on the guide's grub2.cfg (6.4.2), whose elevator= is on a line GRUB never passes to the kernel", () => {
  // Line 5 said Linux 5.0 and later ignore it and that it still works on RHEL 5 to 7: on that line it works on no
  // kernel. VT307 says why; once the line is joined, VT306 speaks as on any kernel line.
  const guide = '# vi /etc/grub2.cfg\n\nlinux16 /vmlinuz-kernel-version root=/dev/mapper/vg0-lv0 ro\nrd.lvm.lv=vg0/lv0 vconsole.keymap=us vconsole.font=latarcyrheb-sun16 rhgb\nquiet elevator=deadline\ninitrd16 /initramfs-kernel-version.img\n';
  assert.deepEqual(cmdlineFindings(guide, GRUB_CFG, CODE), []);
  const joined = guide.replace('ro\nrd.lvm', 'ro rd.lvm').replace('rhgb\nquiet', 'rhgb quiet');
  const [finding] = cmdlineFindings(joined, GRUB_CFG, CODE);
  assert.equal(rangeText(joined, finding!), 'elevator=deadline');
  assert.equal(finding!.severity, 'information');
});
