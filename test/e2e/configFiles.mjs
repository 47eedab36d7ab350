// @ts-check
// The scenario shared by the files that are not XML (ksmtuned.conf, /etc/default/grub): every example
// of the kind opens in VS Code and shows in the Problems panel what virt-tune's CLI finds in it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT, expectedProblems, scenario } from './workbench.mjs';

/**
 * @param {string} kind the name of the scenario and its screenshots: `ksmtuned`, `grub`
 * @param {string} folder the examples, relative to the project root: `examples/ksmtuned`
 */
export function configFileScenario(kind, folder) {
  const files = existsSync(join(ROOT, folder))
    ? readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
        .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(join(ROOT, folder).length + 1))
        .sort()
    : [];
  const copies = Object.fromEntries(files.map((name) => [name, `${folder}/${name}`]));
  const skip = files.length === 0 ? `${folder}/ has no examples yet` : false;
  scenario(`${kind} problems: each example's findings in the Problems panel`, copies, async (workbench) => {
    // The examples with findings first: once one has shown, the server is up, and a file with none can
    // then be told apart from a file the server has not judged yet.
    const examples = files.map((name) => ({ name, expected: expectedProblems(`${folder}/${name}`) }));
    examples.sort((a, b) => b.expected.length - a.expected.length);
    assert.ok((examples[0]?.expected.length ?? 0) > 0, `the examples in ${folder}/ show some mistakes`);
    for (const { name, expected } of examples) {
      await workbench.openFile(name);
      const shown = await workbench.waitForProblems(basename(name), expected, { settleMs: expected.length > 0 ? 1500 : 4000 });
      await workbench.screenshot(`${kind}-${name.replace(/[^\w.-]+/g, '-')}`);
      assert.deepEqual(shown, [...expected].sort(), `${name} in the Problems panel`);
    }
  }, { skip });
}
