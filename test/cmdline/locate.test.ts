import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cmdlineDocument } from '../../server/src/cmdline/document';
import { strayLineWords } from '../../server/src/cmdline/find';
import { cmdlineShape, cmdlineShapeOfPath } from '../../server/src/cmdline/shape';
import { BLS_ENTRY, cmdlineTextDocument, commandLines, DEFAULT_GRUB, GRUB_CFG, GRUB_CONF, KERNEL_CMDLINE, spanText, spans } from './cmdlineHelpers';

test('/etc/default/grub: GRUB_CMDLINE_LINUX then GRUB_CMDLINE_LINUX_DEFAULT, shell quotes removed, spans exact', () => {
  const text = [
    'GRUB_TIMEOUT=5',
    'GRUB_DISTRIBUTOR="$(sed \'s, release .*$,,g\' /etc/system-release)"',
    'GRUB_CMDLINE_LINUX="crashkernel=auto rd.lvm.lv=rhel/root foo=\\"a b\\" $EXTRA"',
    "GRUB_CMDLINE_LINUX_DEFAULT='quiet hugepagesz=1G'",
    '',
  ].join('\n');
  const lines = commandLines(text, DEFAULT_GRUB);
  assert.equal(lines.length, 1);
  const [line] = lines;
  assert.equal(line!.holder, 'GRUB_CMDLINE_LINUX');
  assert.deepEqual(spans(text, line!), [
    'crashkernel = auto [crashkernel=auto]',
    'rd.lvm.lv = rhel/root [rd.lvm.lv=rhel/root]',
    'foo = a b [foo=\\"a b\\"]',
    '$EXTRA [$EXTRA]',
    'quiet [quiet]',
    'hugepagesz = 1G [hugepagesz=1G]',
  ]);
  assert.deepEqual(line!.params.map((param) => [param.name, param.value, param.dynamic]), [
    ['crashkernel', 'auto', false],
    ['rd.lvm.lv', 'rhel/root', false],
    ['foo', 'a b', false],
    ['$EXTRA', undefined, true],
    ['quiet', undefined, false],
    ['hugepagesz', '1G', false],
  ]);
  // Completion regions are the insides of the quotes.
  assert.deepEqual(line!.regions.map((region) => text.slice(region.start, region.end)), [
    'crashkernel=auto rd.lvm.lv=rhel/root foo=\\"a b\\" $EXTRA',
    'quiet hugepagesz=1G',
  ]);
});

test('/etc/default/grub: a later assignment replaces an earlier one unless it extends it with $GRUB_CMDLINE_LINUX', () => {
  const text = 'GRUB_CMDLINE_LINUX="elevator=noop"\nGRUB_CMDLINE_LINUX="quiet"\nGRUB_CMDLINE_LINUX="${GRUB_CMDLINE_LINUX} nosmt"\nexport GRUB_CMDLINE_LINUX_DEFAULT=rhgb\n';
  const lines = commandLines(text, DEFAULT_GRUB);
  assert.equal(lines.length, 2);
  assert.deepEqual(spans(text, lines[0]!), ['quiet [quiet]', '${GRUB_CMDLINE_LINUX} [${GRUB_CMDLINE_LINUX}]', 'nosmt [nosmt]', 'rhgb [rhgb]']);
  assert.equal(lines[0]!.shadowed, undefined);
  assert.deepEqual(spans(text, lines[1]!), ['elevator = noop [elevator=noop]']);
  assert.equal(lines[1]!.shadowed, true);
});

test('grub.cfg: linux, linux16 and linuxefi lines, GRUB quoting, the image and its version', () => {
  const text = [
    "menuentry 'Fedora' {",
    '\tload_video',
    "\tlinux /vmlinuz-6.8.5-301.fc40.x86_64 root=UUID=0a1b ro 'acpi_osi=Linux' \"isolcpus=2-7\" $extra",
    '\tinitrd /initramfs-6.8.5-301.fc40.x86_64.img',
    '}',
    'menuentry "old" {',
    '  linux16 /vmlinuz-3.10.0-1160.el7.x86_64 ro elevator=deadline \\',
    '    quiet',
    '  linuxefi /vmlinuz-5.14.0-427.el9.aarch64 nosmt',
    '}',
    '',
  ].join('\n');
  const lines = commandLines(text, GRUB_CFG);
  assert.deepEqual(lines.map((line) => line.holder), ['linux', 'linux16', 'linuxefi']);
  assert.deepEqual(spans(text, lines[0]!), ['root = UUID=0a1b [root=UUID=0a1b]', 'ro [ro]', 'acpi_osi = Linux [acpi_osi=Linux]', 'isolcpus = 2-7 [isolcpus=2-7]', '$extra [$extra]']);
  assert.deepEqual(lines[0]!.kernel?.version, { major: 6, minor: 8 });
  assert.equal(lines[0]!.kernel?.arch, 'x86_64');
  assert.equal(text.slice(lines[0]!.kernel!.span.start, lines[0]!.kernel!.span.end), '/vmlinuz-6.8.5-301.fc40.x86_64');
  // A backslash before the newline continues the line for GRUB: no stray line.
  assert.deepEqual(spans(text, lines[1]!), ['ro [ro]', 'elevator = deadline [elevator=deadline]', 'quiet [quiet]']);
  assert.deepEqual(lines[1]!.strayLines, []);
  assert.deepEqual(lines[1]!.kernel?.version, { major: 3, minor: 10 });
  assert.equal(lines[2]!.kernel?.arch, 'aarch64');
  assert.deepEqual(spans(text, lines[2]!), ['nosmt [nosmt]']);
});

test("grub.cfg: the guide's kernel line broken over three lines gives the kernel its own line's parameters and marks the stray lines", () => {
  const text = '# vi /etc/grub2.cfg\n\nlinux16 /vmlinuz-kernel-version root=/dev/mapper/vg0-lv0 ro\nrd.lvm.lv=vg0/lv0 rhgb\nquiet elevator=deadline\ninitrd16 /initramfs-kernel-version.img\n';
  const document = cmdlineDocument(cmdlineTextDocument(text, '/etc/grub2.cfg'));
  const [line] = document.lines;
  // GRUB runs each stray line as a command of its own: none of their words reaches the kernel.
  assert.deepEqual(spans(text, line!), ['root = /dev/mapper/vg0-lv0 [root=/dev/mapper/vg0-lv0]', 'ro [ro]']);
  // Read as they would be once joined, for hover and completion.
  assert.deepEqual(
    line!.strayLines.map((stray) => strayLineWords(document, stray).params.map((param) => spanText(text, param))),
    [['rd.lvm.lv = vg0/lv0 [rd.lvm.lv=vg0/lv0]', 'rhgb [rhgb]'], ['quiet [quiet]', 'elevator = deadline [elevator=deadline]']],
  );
  assert.deepEqual(line!.strayLines.map((stray) => text.slice(stray.span.start, stray.span.end)), ['rd.lvm.lv=vg0/lv0 rhgb', 'quiet elevator=deadline']);
  assert.deepEqual(line!.strayLines.map((stray) => text.slice(stray.gap.start, stray.gap.end)), ['\n', '\n']);
  assert.equal(line!.kernel?.version, undefined);
});

test('grub.cfg: a GRUB variable assignment after the kernel line is not stray, a kernel parameter assignment is', () => {
  const text = 'linux /vmlinuz-6.1.0-18-amd64 ro\nroot=/dev/sda1 quiet\n';
  assert.equal(commandLines(text, GRUB_CFG)[0]!.strayLines.length, 1);
  const assignment = 'linux /vmlinuz-6.1.0-18-amd64 ro\ndefault_kernel_opts=quiet\n';
  assert.equal(commandLines(assignment, GRUB_CFG)[0]!.strayLines.length, 0);
  assert.equal(commandLines(assignment, GRUB_CFG)[0]!.kernel?.arch, 'x86_64');
});

test('grub.conf and menu.lst: kernel lines taken as written, GRUB legacy options before the image skipped', () => {
  const text = 'title Red Hat Enterprise Linux Server (2.6.18-8.el5)\nroot (hd0,0)\nkernel --no-mem-option /vmlinuz-2.6.18-8.el5 ro root=/dev/vg0/lv0 elevator=noop\ninitrd /initrd-2.6.18-8.el5.img\n';
  for (const path of [GRUB_CONF, '/boot/grub/menu.lst']) {
    const [line] = commandLines(text, path);
    assert.equal(line!.holder, 'kernel');
    assert.deepEqual(spans(text, line!), ['ro [ro]', 'root = /dev/vg0/lv0 [root=/dev/vg0/lv0]', 'elevator = noop [elevator=noop]']);
    assert.deepEqual(line!.kernel?.version, { major: 2, minor: 6 });
  }
});

test('BLS entries: every options line, joined; the version line gives the kernel version', () => {
  const text = 'title Fedora Linux\nversion 6.8.5-301.fc40.x86_64\nlinux /vmlinuz-6.8.5-301.fc40.x86_64\ninitrd /initramfs.img\noptions root=UUID=0a1b ro $kernelopts\noptions hugepages=4 "x=a b"\n';
  const [line] = commandLines(text, BLS_ENTRY);
  assert.equal(line!.holder, 'options');
  assert.deepEqual(spans(text, line!), ['root = UUID=0a1b [root=UUID=0a1b]', 'ro [ro]', '$kernelopts [$kernelopts]', 'hugepages = 4 [hugepages=4]', 'x = a b ["x=a b"]']);
  assert.equal(line!.params[2]!.dynamic, true);
  assert.deepEqual(line!.kernel?.version, { major: 6, minor: 8 });
  assert.equal(line!.kernel?.arch, 'x86_64');
});

test('a plain command line: the whole file; BOOT_IMAGE names the kernel; after -- the arguments are for init', () => {
  const text = 'BOOT_IMAGE=(hd0,gpt2)/vmlinuz-5.14.0-427.el9.x86_64 root=/dev/x ro "a=b c" kvm-intel.nested=1 -- single\n';
  const [line] = commandLines(text, '/tmp/proc-cmdline.cmdline');
  assert.deepEqual(spans(text, line!), [
    'BOOT_IMAGE = (hd0,gpt2)/vmlinuz-5.14.0-427.el9.x86_64 [BOOT_IMAGE=(hd0,gpt2)/vmlinuz-5.14.0-427.el9.x86_64]',
    'root = /dev/x [root=/dev/x]',
    'ro [ro]',
    'a = b c ["a=b c"]',
    'kvm-intel.nested = 1 [kvm-intel.nested=1]',
  ]);
  assert.deepEqual(line!.initArgs.map((param) => param.name), ['single']);
  assert.deepEqual(line!.kernel?.version, { major: 5, minor: 14 });
});

test('the shape of a file from its path, and from its text when the path says nothing', () => {
  assert.equal(cmdlineShapeOfPath(DEFAULT_GRUB), 'default-grub');
  assert.equal(cmdlineShapeOfPath('examples/grub/etc/default/grub'), 'default-grub');
  assert.equal(cmdlineShapeOfPath('/etc/default/grub.d/50-cloudimg.cfg'), 'default-grub');
  assert.equal(cmdlineShapeOfPath('/boot/grub2/grub.cfg'), 'grub-cfg');
  assert.equal(cmdlineShapeOfPath('/etc/grub2.cfg'), 'grub-cfg');
  assert.equal(cmdlineShapeOfPath('/etc/grub2-efi.cfg'), 'grub-cfg');
  assert.equal(cmdlineShapeOfPath('examples/grub/guide-6.4.2-grub2.cfg'), 'grub-cfg');
  assert.equal(cmdlineShapeOfPath('/boot/grub/grub.conf'), 'grub-legacy');
  assert.equal(cmdlineShapeOfPath('/boot/grub/menu.lst'), 'grub-legacy');
  assert.equal(cmdlineShapeOfPath(BLS_ENTRY), 'bls');
  assert.equal(cmdlineShapeOfPath(KERNEL_CMDLINE), 'plain');
  assert.equal(cmdlineShapeOfPath('/tmp/host1.cmdline'), 'plain');
  assert.equal(cmdlineShapeOfPath('/etc/ksmtuned.conf'), undefined);
  assert.equal(cmdlineShapeOfPath('/etc/default/grubby'), undefined);
  assert.equal(cmdlineShapeOfPath('/boot/grub2/grubenv'), undefined);
  assert.equal(cmdlineShape('/tmp/x', 'GRUB_CMDLINE_LINUX="quiet"\n'), 'default-grub');
  assert.equal(cmdlineShape('/tmp/x', 'menuentry x {\n linux /vmlinuz ro\n}\n'), 'grub-cfg');
  assert.equal(cmdlineShape('/tmp/x', 'title x\nkernel /vmlinuz ro\n'), 'grub-legacy');
  assert.equal(cmdlineShape('/tmp/x', 'title x\noptions ro\n'), 'bls');
  assert.equal(cmdlineShape('/tmp/x', 'ro quiet\n'), 'plain');
});

test('GRUB 2 or legacy is told by the content: a GRUB 2 grub.conf, custom.cfg and 40_custom are read as GRUB 2', () => {
  const grub2 = "menuentry 'Fedora' {\n\tlinux /vmlinuz-6.8.5 root=/dev/sda1 ro quiet\n\tinitrd /initramfs.img\n}\n";
  assert.equal(cmdlineShape('/boot/grub/grub.conf', grub2), 'grub-cfg');
  assert.equal(cmdlineShape('/boot/grub/grub.cfg', 'title x\n\tkernel /vmlinuz-2.6.32 ro quiet\n'), 'grub-legacy');
  assert.equal(cmdlineShapeOfPath('/etc/grub.d/40_custom'), 'grub-cfg');
  assert.equal(cmdlineShapeOfPath('/boot/grub2/custom.cfg'), 'grub-cfg');
  assert.equal(cmdlineShapeOfPath('/home/me/project/custom.cfg'), undefined);
  const lines = commandLines(`#!/bin/sh\nexec tail -n +3 $0\n${grub2}`, '/etc/grub.d/40_custom');
  assert.deepEqual(lines.map((line) => [line.holder, line.params.map((param) => param.name)]), [['linux', ['root', 'ro', 'quiet']]]);
});

test('/etc/kernel/cmdline: lines starting with # are comments; backquoted commands in /etc/default/grub are one word', () => {
  const lines = commandLines('# for the UKI\n  # edit and run mkinitcpio -P\nroot=UUID=1 rw quiet\n', KERNEL_CMDLINE);
  assert.deepEqual(lines[0]!.params.map((param) => param.name), ['root', 'rw', 'quiet']);
  const grub = 'GRUB_DISTRIBUTOR=`lsb_release -i -s 2> /dev/null || echo Debian`\nGRUB_CMDLINE_LINUX="quiet"\n';
  assert.deepEqual(commandLines(grub, DEFAULT_GRUB)[0]!.params.map((param) => param.name), ['quiet']);
});
