// @ts-check
// /etc/default/grub (the kernel command line) in VS Code: examples/grub/'s findings in the Problems panel,
// VT319's quick fix applied from the editor, and VT320 following an edit of a drop-in.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFileScenario } from './configFiles.mjs';
import { expectedProblems, scenario } from './workbench.mjs';

configFileScenario('grub', 'examples/grub');

const REPLACED = 'GRUB_TIMEOUT=5\nGRUB_CMDLINE_LINUX="rd.lvm.lv=rhel/root rhgb quiet"\nGRUB_DISABLE_RECOVERY="true"\nGRUB_CMDLINE_LINUX="hugepages=512"\n';

scenario('grub quick fix: a GRUB_CMDLINE_LINUX set again keeps the first value when the user asks', { 'etc/default/grub': { text: REPLACED } }, async (workbench) => {
  const path = join(workbench.folder, 'etc', 'default', 'grub');
  const before = expectedProblems(path);
  assert.ok(before.some((problem) => problem.startsWith('Warning VT319 ')), before.join(', '));
  await workbench.openFile('etc/default/grub');
  await workbench.waitForProblems('grub', before);
  await workbench.goTo(2, 1);
  await workbench.quickFix(/^Keep this value: start line 4's GRUB_CMDLINE_LINUX with \$GRUB_CMDLINE_LINUX/, 'grub-quick-fix-menu');
  await workbench.save();
  assert.equal(readFileSync(path, 'utf8'), REPLACED.replace('GRUB_CMDLINE_LINUX="hugepages=512"', 'GRUB_CMDLINE_LINUX="$GRUB_CMDLINE_LINUX hugepages=512"'));
  const after = expectedProblems(path);
  const left = await workbench.waitForProblems('grub', after);
  await workbench.screenshot('grub-quick-fix');
  assert.deepEqual(left, [...after].sort());
  assert.ok(!left.some((problem) => problem.includes(' VT319 ')), left.join(', '));
});

const TUNED = 'GRUB_DEFAULT=0\nGRUB_TIMEOUT=5\nGRUB_CMDLINE_LINUX_DEFAULT="quiet splash default_hugepagesz=1G hugepagesz=1G hugepages=16"\nGRUB_CMDLINE_LINUX=""\n';
const CLOUDIMG = '# Cloud Image settings\nGRUB_TIMEOUT=0\nGRUB_CMDLINE_LINUX_DEFAULT="console=tty1 console=ttyS0"\n';

scenario(
  'grub drop-in: a GRUB_CMDLINE_LINUX_DEFAULT of /etc/default/grub.d replaces the tuning of /etc/default/grub until the drop-in keeps it',
  { 'etc/default/grub': { text: TUNED }, 'etc/default/grub.d/50-cloudimg-settings.cfg': { text: CLOUDIMG } },
  async (workbench) => {
    const grub = join(workbench.folder, 'etc', 'default', 'grub');
    const before = expectedProblems(grub);
    assert.ok(before.includes('Warning VT320 3:1'), before.join(', '));
    await workbench.openFile('etc/default/grub');
    assert.deepEqual(await workbench.waitForProblems('grub', before), [...before].sort());
    await workbench.screenshot('grub-drop-in-replaces');
    // The drop-in edited, not saved yet: /etc/default/grub is checked again with its text.
    await workbench.openFile('etc/default/grub.d/50-cloudimg-settings.cfg');
    await workbench.goTo(3, 29);
    await workbench.page.keyboard.type('$GRUB_CMDLINE_LINUX_DEFAULT ', { delay: 20 });
    const kept = before.filter((problem) => !problem.includes(' VT320 '));
    assert.deepEqual(await workbench.waitForProblems('grub', kept), [...kept].sort());
    await workbench.save();
    const cloud = join(workbench.folder, 'etc', 'default', 'grub.d', '50-cloudimg-settings.cfg');
    assert.equal(readFileSync(cloud, 'utf8'), CLOUDIMG.replace('="console', '="$GRUB_CMDLINE_LINUX_DEFAULT console'));
    assert.deepEqual(expectedProblems(grub), kept, 'the CLI agrees once saved');
    await workbench.screenshot('grub-drop-in-kept');
  },
);
