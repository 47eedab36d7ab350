// @ts-check
// "Tune for this host" in VS Code: the code action on the example with everyday mistakes, on the saved
// host the examples are written for; the same text as `virt-tune tune --write`; the host panel's pins.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES_HOST, ROOT, examplesHost, expectedProblems, scenario } from './workbench.mjs';

const EVERYDAY = 'examples/everyday-mistakes.xml';

/** What `virt-tune tune --write` makes of the example on the saved host. */
function tunedByCli() {
  const folder = mkdtempSync(join(tmpdir(), 'vt-tune-e2e-'));
  try {
    const file = join(folder, 'web01.xml');
    copyFileSync(join(ROOT, EVERYDAY), file);
    const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'tune', '--host', join(ROOT, EXAMPLES_HOST), '--write', file], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

scenario('tune: "Tune for this host" on <cputune> rewrites the guest as the CLI does; with its other mistakes fixed, no error and no warning; the panel shows the pins', { 'web01.xml': EVERYDAY, ...examplesHost() }, async (workbench) => {
  const page = workbench.page;
  const original = readFileSync(join(ROOT, EVERYDAY), 'utf8');
  const lines = original.split('\n');
  await workbench.openFile('web01.xml');
  await workbench.waitForProblems('web01.xml', expectedProblems(EVERYDAY, EXAMPLES_HOST));

  // The code action, from the keyboard (Ctrl+.) on <cputune>.
  await workbench.goTo(lines.findIndex((line) => line.includes('<cputune>')) + 1, 4);
  const titles = await workbench.quickFix(/^Tune for this host: across nodes 0-3/, 'tune-action-menu');
  assert.ok(titles.some((title) => /^Tune for this host: across nodes 0-3 with 4 guest NUMA cells: 1 vCPU and 2 GiB each, 1 GiB pages on nodes 1-2/.test(title)), titles.join(' | '));
  await workbench.save();
  const tuned = readFileSync(join(workbench.folder, 'web01.xml'), 'utf8');
  assert.equal(tuned, tunedByCli(), 'the editor and `virt-tune tune` write the same text');

  // What is left is the three mistakes outside the blocks the tuner owns; every pin, page and queue problem is gone.
  const afterTune = expectedProblems(join(workbench.folder, 'web01.xml'), EXAMPLES_HOST);
  assert.deepEqual(afterTune.filter((problem) => /^(Error|Warning) /.test(problem)).map((problem) => problem.split(' ')[1]), ['VT105', 'VT140', 'VT141']);
  await workbench.waitForProblems('web01.xml', afterTune);
  await workbench.screenshot('tune-after-action');

  // The user fixes those three: two quick fixes and one number typed.
  const at = (/** @type {string} */ text) => tuned.split('\n').findIndex((line) => line.includes(text)) + 1;
  await workbench.goTo(at("cache='writeback'"), (tuned.split('\n')[at("cache='writeback'") - 1] ?? '').indexOf("cache='writeback'") + 8);
  await workbench.quickFix(/^Set cache='none'/, 'tune-fix-cache');
  // Each fix is asked for once the server has judged the text the previous one left.
  await workbench.waitForProblems('web01.xml', afterTune.filter((problem) => !problem.includes(' VT140 ')));
  await workbench.goTo(at('<read_bytes_sec>'), 10);
  await workbench.quickFix(/^Remove <read_bytes_sec>/, 'tune-fix-iotune');
  await workbench.waitForProblems('web01.xml', afterTune.filter((problem) => !/ VT14[01] /.test(problem)));
  await workbench.goTo(at('<weight>50</weight>'), 13);
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.type('500');
  await workbench.save();
  const final = expectedProblems(join(workbench.folder, 'web01.xml'), EXAMPLES_HOST);
  assert.deepEqual(final.filter((problem) => /^(Error|Warning) /.test(problem)), [], final.join(', '));
  const shown = await workbench.waitForProblems('web01.xml', final, { settleMs: 4000 });
  assert.deepEqual(shown, [...final].sort());
  await workbench.screenshot('tune-no-error-no-warning');

  // The hover of a pin the tuner wrote names its placement.
  await workbench.goTo(at('<emulatorpin'), 6);
  const hover = await workbench.hover("<emulatorpin cpuset='0'/>", 'emulatorpin');
  assert.match(hover, /Tune for this host across nodes 0-3 .*emulator threads pinned to CPU 0/s);
  await workbench.screenshot('tune-hover');

  // The host panel draws the guest's pins: vCPU 0 on CPU 4 (node 0), 1 on 1, 2 on 2, 3 on 3.
  const frame = await workbench.openWebview('virt-tune', 'Host');
  const legend = await frame.locator('li').allInnerTexts();
  for (const pin of ['vCPU 0 → 4', 'vCPU 1 → 1', 'vCPU 2 → 2', 'vCPU 3 → 3']) assert.ok(legend.some((item) => item.includes(pin)), `${pin} in the panel: ${legend.join(' | ')}`);
  await workbench.screenshot('tune-host-panel');
});

scenario('tune: the command "virt-tune: Tune for this host" applies the one placement that fits, as the CLI does', { 'web01.xml': EVERYDAY, ...examplesHost() }, async (workbench) => {
  const page = workbench.page;
  await workbench.openFile('web01.xml');
  await workbench.waitForProblems('web01.xml', expectedProblems(EVERYDAY, EXAMPLES_HOST));
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>virt-tune: Tune for this host');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Tune for this host' }).first().waitFor({ state: 'visible' });
  await workbench.screenshot('tune-command');
  await page.keyboard.press('Enter');
  await workbench.save();
  assert.equal(readFileSync(join(workbench.folder, 'web01.xml'), 'utf8'), tunedByCli());
});
