// @ts-check
// /etc/default/grub (the kernel command line) in VS Code: examples/grub/'s findings in the Problems panel,
// and VT319's quick fix applied from the editor.
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
