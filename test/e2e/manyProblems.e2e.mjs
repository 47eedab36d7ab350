// @ts-check
// A file of more findings than VS Code shows: the server sends the 1,000 the Problems panel would keep and a
// note on the rest (server/src/lsp/publishedDiagnostics.ts), instead of megabytes VS Code would drop.
import assert from 'node:assert/strict';
import { PATIENCE_MS, scenario } from './workbench.mjs';

// transparent_hugepage=never given 1,600 times: each copy but the last is a VT305 warning.
const MANY = `${'transparent_hugepage=never '.repeat(1600).trimEnd()}\n`;

scenario('a kernel command line of 1,599 warnings: the Problems panel lists 999 of them and a note on the 600 left out', { 'etc/kernel/cmdline': { text: MANY } }, async (workbench) => {
  const page = workbench.page;
  await workbench.openFile('etc/kernel/cmdline');
  await workbench.showProblems();
  await page.locator('.markers-panel .monaco-list-row[aria-label^="1000 problems in file cmdline"]').waitFor({ timeout: PATIENCE_MS });
  // The note is an information, listed after every warning: the list's last row.
  await page.locator('.markers-panel .monaco-list-row').nth(1).click();
  await page.keyboard.press('End');
  const note = page.locator('.markers-panel .monaco-list-row', { hasText: 'leaves out 600' });
  await note.waitFor({ timeout: PATIENCE_MS });
  const text = await note.innerText();
  assert.match(text, /virt-tune found 1,599 problems in this file and shows 999 of them/);
  // At the first copy left out, the 1,000th: VS Code adds no note of its own (it would drop ours).
  assert.match(text, /\[Ln 1, Col 26974\]/);
  assert.equal(await page.locator('.markers-panel .monaco-list-row', { hasText: 'Not showing' }).count(), 0);
  await workbench.screenshot('many-problems-note');
});
