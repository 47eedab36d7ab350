// @ts-check
// A libvirt domain in VS Code: its mistakes in the Problems panel, hover, completion, a Quick Fix.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES_HOST, ROOT, examplesHost, examplesSettings, expectedProblems, scenario } from './workbench.mjs';

// Each folder judges domains as examples/ does (`npm start`): against the host the examples are written
// for, saved in examples/hosts/guide-4-node and named by the folder's .vscode/settings.json.
const EVERYDAY = 'examples/everyday-mistakes.xml';
const TUNED = 'examples/tuned-guest.xml';
const SELF_CLOSED = 'examples/guide-mistakes/9.3.10-self-closed-hugepages.xml';

scenario(
  'domain problems: every mistake is in the Problems panel with its code; the tuned guest has none on its host',
  { 'everyday-mistakes.xml': EVERYDAY, 'tuned-guest.xml': TUNED, ...examplesHost() },
  async (workbench) => {
    const expected = expectedProblems(EVERYDAY, EXAMPLES_HOST);
    assert.ok(expected.length >= 5, `the example has its mistakes: ${expected.join(', ')}`);
    await workbench.openFile('everyday-mistakes.xml');
    const shown = await workbench.waitForProblems('everyday-mistakes.xml', expected);
    await workbench.screenshot('domain-problems');
    assert.deepEqual(shown, [...expected].sort());
    for (const code of ['VT130', 'VT131', 'VT120', 'VT105', 'VT140', 'VT141', 'VT154']) {
      assert.ok(shown.some((problem) => problem.includes(` ${code} `)), `${code} is shown`);
    }
    // The saved host, not this machine: its 16 CPUs hold every pin, and only its huge pages fall short.
    assert.ok(!shown.some((problem) => / VT15[0-36-9] /.test(problem)), shown.join(', '));

    // The server is up: an empty list for the tuned guest is its verdict, not silence.
    assert.deepEqual(expectedProblems(TUNED, EXAMPLES_HOST), []);
    await workbench.openFile('tuned-guest.xml');
    const tuned = await workbench.waitForProblems('tuned-guest.xml', [], { settleMs: 5000 });
    await workbench.screenshot('domain-tuned-guest');
    assert.deepEqual(tuned, []);

    // The extension started the server with V8's helper threads fitted to this machine (client/src/extension.ts,
    // nodeArgumentsForCores): one fewer than the CPUs, at least one; node's own four from five CPUs on.
    const pool = Math.max(1, Math.min(4, availableParallelism() - 1));
    const expectedOptions = pool === 4 ? [] : [`--v8-pool-size=${pool}`];
    const servers = languageServerCommandLines();
    assert.ok(servers.length > 0, 'the language server runs');
    for (const commandLine of servers) assert.deepEqual(commandLine.slice(1, commandLine.findIndex((arg) => arg.endsWith('server.js'))), expectedOptions, commandLine.join(' '));
  },
);

/** The command lines of virt-tune's language servers running on this machine, as the extension started them. */
function languageServerCommandLines() {
  const found = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let commandLine;
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile
    }
    if (commandLine.some((arg) => arg.endsWith(join('dist', 'server.js'))) && commandLine.includes('--node-ipc')) found.push(commandLine);
  }
  return found;
}

scenario('domain hover: an element explained, with its guide section', { 'everyday-mistakes.xml': EVERYDAY, ...examplesHost() }, async (workbench) => {
  await workbench.openFile('everyday-mistakes.xml');
  await workbench.waitForProblems('everyday-mistakes.xml', expectedProblems(EVERYDAY, EXAMPLES_HOST));
  // <memoryBacking> carries no diagnostic here, so its hover is the explanation alone.
  const lines = readFileSync(join(ROOT, EVERYDAY), 'utf8').split('\n');
  const memoryBacking = lines.findIndex((line) => line.includes('<memoryBacking>'));
  assert.ok(memoryBacking > 0);
  await workbench.goTo(memoryBacking + 1, 4);
  const text = await workbench.hover('<memoryBacking>', 'memoryBacking');
  await workbench.screenshot('domain-hover');
  assert.match(text, /<memoryBacking>/);
  assert.match(text, /huge pages/i, 'what it does');
  assert.match(text, /Guide \d+\.\d+(\.\d+)* \(/, 'the guide section it comes from');
  assert.match(text, /CC BY-SA 3\.0/, 'the guide credited');
});

scenario('domain completion: inside <memoryBacking> the children not there yet are offered, each once', { 'everyday-mistakes.xml': EVERYDAY, ...examplesHost() }, async (workbench) => {
  await workbench.openFile('everyday-mistakes.xml');
  await workbench.waitForProblems('everyday-mistakes.xml', expectedProblems(EVERYDAY, EXAMPLES_HOST));
  const lines = readFileSync(join(ROOT, EVERYDAY), 'utf8').split('\n');
  const locked = lines.findIndex((line) => line.includes('<locked/>'));
  assert.ok(locked > 0);
  await workbench.goTo(locked + 1, (lines[locked]?.length ?? 0) + 1);
  await workbench.page.keyboard.press('Enter');
  await workbench.page.keyboard.type('<');
  const labels = await workbench.suggestions();
  await workbench.screenshot('domain-completion');
  const names = labels.map((label) => label.split(',')[0]?.trim());
  const offered = new Set(names);
  for (const child of ['nosharepages', 'source', 'access', 'allocation', 'discard']) {
    assert.ok(offered.has(child), `<${child}> is offered: ${labels.join(' | ')}`);
  }
  // The example's <memoryBacking> holds <hugepages/> and <locked/>, which libvirt takes once.
  assert.ok(!offered.has('hugepages') && !offered.has('locked'), `not offered again: ${labels.join(' | ')}`);
  assert.equal(names.filter((name) => name === 'nosharepages').length, 1, `nosharepages once: ${labels.join(' | ')}`);
  assert.ok(!offered.has('vcpupin') && !offered.has('disk'), `only <memoryBacking>'s children: ${labels.join(' | ')}`);
});

scenario("domain quick fix: the guide's self-closed <hugepages/> repaired, and nothing else", { 'guest.xml': SELF_CLOSED, ...examplesHost() }, async (workbench) => {
  const original = readFileSync(join(ROOT, SELF_CLOSED), 'utf8');
  const expected = original.replace('\n    <hugepages/>\n', '\n    <hugepages>\n');
  assert.notEqual(expected, original);
  const vt100 = expectedProblems(SELF_CLOSED, EXAMPLES_HOST).find((problem) => problem.startsWith('Error VT100 '));
  assert.ok(vt100, 'the example has the VT100 to fix');
  await workbench.openFile('guest.xml');
  await workbench.waitForProblems('guest.xml', expectedProblems(SELF_CLOSED, EXAMPLES_HOST));
  const [line, column] = (vt100.split(' ')[2] ?? '').split(':').map(Number);
  await workbench.goTo(line ?? 0, column ?? 0);
  const titles = await workbench.quickFix(/^Remove the '\/'/, 'domain-quick-fix-menu');
  assert.ok(titles.length >= 1);
  await workbench.save();
  const saved = readFileSync(join(workbench.folder, 'guest.xml'), 'utf8');
  assert.equal(saved, expected, 'only the / is gone');
  // The VT100 clears once the text is fixed.
  const after = expectedProblems(join(workbench.folder, 'guest.xml'), EXAMPLES_HOST);
  const left = await workbench.waitForProblems('guest.xml', after);
  await workbench.screenshot('domain-quick-fix');
  assert.deepEqual(left, [...after].sort());
  assert.ok(!left.some((problem) => problem.includes(' VT100 ')), left.join(', '));
});

scenario('domain rule levels: virtTune.rules in the workspace settings, applied at once when changed', {
  'everyday-mistakes.xml': EVERYDAY,
  ...examplesHost({ 'virtTune.rules': { VT136: 'off', VT130: 'error' } }),
}, async (workbench) => {
  const asShipped = expectedProblems(EVERYDAY, EXAMPLES_HOST);
  assert.ok(asShipped.some((problem) => problem.startsWith('Info VT136 ')) && asShipped.some((problem) => problem.startsWith('Warning VT130 ')));
  const levelled = asShipped.filter((problem) => !problem.includes(' VT136 ')).map((problem) => problem.replace(/^Warning VT130 /, 'Error VT130 '));
  await workbench.openFile('everyday-mistakes.xml');
  let shown = await workbench.waitForProblems('everyday-mistakes.xml', levelled);
  await workbench.screenshot('domain-rule-levels');
  assert.deepEqual(shown, [...levelled].sort(), 'VT136 off, VT130 an error');

  // The user edits the settings: the server pulls them again and every finding is back at its own level.
  writeFileSync(join(workbench.folder, '.vscode', 'settings.json'), examplesSettings());
  shown = await workbench.waitForProblems('everyday-mistakes.xml', asShipped);
  await workbench.screenshot('domain-rule-levels-cleared');
  assert.deepEqual(shown, [...asShipped].sort());
});
