// @ts-check
// Driving VS Code (code-server, started by scripts/test-e2e.mjs) through headless Chromium as a user
// would: open a folder and a file, read the Problems panel, hover, complete, apply a Quick Fix, save.
// Each scenario gets a folder of its own, so no window state (open editors, unsaved text) leaks between them.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Browser} Browser */
/** @typedef {{ severity: string, message: string, code: string, line: number, column: number }} Problem */

const require = createRequire(import.meta.url);
/** @type {typeof import('playwright-core')} */
const { chromium } = require('playwright-core');

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const URL_ = process.env.VIRT_TUNE_E2E_URL;
const WORKSPACES = process.env.VIRT_TUNE_E2E_WORKSPACES;
export const RESULTS = join(ROOT, 'test-results');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** How long the editor may take to show what the extension says (measured: about 6 s cold). */
export const PATIENCE_MS = 45_000;

/** The host examples/ is written for, as `virt-tune lint --host` takes it from the project root. */
export const EXAMPLES_HOST = 'examples/hosts/guide-4-node';

/**
 * The files that make a scenario's folder judge domains as examples/ does: its saved host and its
 * `.vscode/settings.json` pointing `virtTune.host` at it (relative to the folder); the shipped file
 * itself, or, with `settings` to add, one written like it.
 * @param {Record<string, unknown>} [settings]
 * @returns {Record<string, string | { text: string }>}
 */
export function examplesHost(settings) {
  const file = settings ? { text: examplesSettings(settings) } : 'examples/.vscode/settings.json';
  return { 'hosts/guide-4-node': EXAMPLES_HOST, '.vscode/settings.json': file };
}

/**
 * The text of such a folder's .vscode/settings.json.
 * @param {Record<string, unknown>} [settings]
 */
export function examplesSettings(settings = {}) {
  return `${JSON.stringify({ 'virtTune.host': 'hosts/guide-4-node', 'virtTune.schema': 'builtin', 'virtTune.libvirt': 'none', ...settings }, null, 2)}\n`;
}

/**
 * A scenario: `files` (destination → a source relative to the project root, or `{ text }`) are written
 * into a folder of its own, VS Code opens that folder, and `body` drives it. A failing scenario leaves
 * `<name>-failure.png` beside the screenshots.
 * @param {string} name
 * @param {Record<string, string | { text: string }>} files
 * @param {(workbench: Workbench) => Promise<void>} body
 * @param {{ skip?: string | false }} [options]
 */
export function scenario(name, files, body, options = {}) {
  test(name, { timeout: 180_000, skip: options.skip ?? false }, async () => {
    if (!URL_ || !WORKSPACES) throw new Error('run the end-to-end tests with `npm run test:e2e`, which starts code-server');
    const slug = name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
    const folder = join(WORKSPACES, slug);
    rmSync(folder, { recursive: true, force: true });
    for (const [destination, source] of Object.entries(files)) {
      mkdirSync(dirname(join(folder, destination)), { recursive: true });
      // A folder (a saved host's sys/ and proc/) is copied whole, its links as they are written.
      if (typeof source === 'string') cpSync(join(ROOT, source), join(folder, destination), { recursive: true, verbatimSymlinks: true });
      else writeFileSync(join(folder, destination), source.text);
    }
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const workbench = new Workbench(browser, folder, slug);
    try {
      await workbench.open();
      await body(workbench);
    } catch (error) {
      await workbench.screenshot(`${slug}-failure`).catch(() => undefined);
      throw error;
    } finally {
      await browser.close();
    }
  });
}

export class Workbench {
  /** @param {Browser} browser @param {string} folder @param {string} slug */
  constructor(browser, folder, slug) {
    this.browser = browser;
    this.folder = folder;
    this.slug = slug;
    /** @type {Page | undefined} */
    this.currentPage = undefined;
  }

  get page() {
    if (!this.currentPage) throw new Error('the workbench is not open');
    return this.currentPage;
  }

  async open() {
    const page = await this.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    this.currentPage = page;
    await page.goto(`${URL_}?folder=${encodeURIComponent(this.folder)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: PATIENCE_MS });
    // The explorer lists the folder once the workbench has settled.
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: PATIENCE_MS });
  }

  /**
   * Opens a file of the scenario's folder with Quick Open (Ctrl+P), as a user would, choosing the result
   * whose name is the file's own (Quick Open also lists `guide-8.3.2-ksmtuned.conf` for `ksmtuned.conf`,
   * and recently opened files first), and waits for its tab to be the active one.
   * @param {string} relativePath
   */
  async openFile(relativePath) {
    const page = this.page;
    const name = basename(relativePath);
    const folder = dirname(relativePath);
    const exactly = (/** @type {string} */ text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    // Its tab is looked at below: not under a panel that `problems` maximized.
    await this.restorePanel();
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(relativePath);
    let row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exactly(name) }) });
    if (folder !== '.') row = row.filter({ has: page.locator('.label-description', { hasText: folder }) });
    await row.first().waitFor({ state: 'visible', timeout: PATIENCE_MS });
    await row.first().click();
    await page.locator('.tab.active').filter({ has: page.locator('.label-name', { hasText: exactly(name) }) }).waitFor({ timeout: PATIENCE_MS });
    await page.locator('.monaco-editor .view-lines').first().waitFor();
  }

  /** Shows the Problems panel (Ctrl+Shift+M) unless it is shown. */
  async showProblems() {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible' });
  }

  /**
   * The problems the Problems panel lists under a file, as shown: severity, message, code, line, column.
   * @param {string} fileName
   * @returns {Promise<Problem[]>}
   */
  async problems(fileName) {
    await this.showProblems();
    const rows = await this.page.$$eval('.markers-panel .monaco-list-row', (elements) =>
      elements.map((element) => ({ label: element.getAttribute('aria-label') ?? '', inner: element instanceof HTMLElement ? element.innerText : '' })),
    );
    /** @type {Problem[]} */
    const problems = [];
    let inFile = false;
    let total = 0;
    for (const row of rows) {
      const resource = /^(\d+) problems? in file (.+) of folder/.exec(row.label);
      if (resource) {
        inFile = resource[2] === fileName;
        if (inFile) total = Number(resource[1]);
        continue;
      }
      if (!inFile) continue;
      const severity = /^(Error|Warning|Info|Hint)/.exec(row.label)?.[1] ?? '?';
      const lines = row.inner.split('\n').map((line) => line.trim()).filter(Boolean);
      const where = /\[Ln (\d+), Col (\d+)\]/.exec(row.inner);
      problems.push({
        severity,
        message: lines[0] ?? '',
        code: lines.find((line) => /^VT\d{3}$/.test(line)) ?? '',
        line: Number(where?.[1]),
        column: Number(where?.[2]),
      });
    }
    // The list draws only the rows it has room for: when the file has more, give the panel the whole window.
    if (problems.length < total && (await this.maximizePanel())) return this.problems(fileName);
    return problems;
  }

  /**
   * Waits until the Problems panel shows exactly `expected` (in any order) for a file and keeps showing it
   * for `settleMs` (diagnostics that come later, such as the schema verdict, would change it), and returns
   * what it showed last; the comparison is left to the caller's assert, so a mismatch says what differs.
   * An empty `expected` matches at once, before the server has said anything: call it for such a file
   * only once the server is known to be up, and give it a longer `settleMs`.
   * @param {string} fileName
   * @param {string[]} expected `Severity CODE line:column`
   * @param {{ settleMs?: number }} [options]
   */
  async waitForProblems(fileName, expected, { settleMs = 1500 } = {}) {
    const want = [...expected].sort().join('\n');
    const deadline = Date.now() + PATIENCE_MS;
    let shown = /** @type {string[]} */ ([]);
    let matchedSince = 0;
    while (Date.now() < deadline) {
      shown = (await this.problems(fileName)).map(describe).sort();
      if (shown.join('\n') === want) {
        matchedSince ||= Date.now();
        if (Date.now() - matchedSince >= settleMs) return shown;
      } else {
        matchedSince = 0;
      }
      await this.page.waitForTimeout(250);
    }
    return shown;
  }

  /** Maximizes the panel unless it is; whether it did. */
  async maximizePanel() {
    const maximize = this.page.locator('.part.panel .action-label[aria-label^="Maximize Panel"]');
    if (!(await maximize.isVisible())) return false;
    await maximize.click();
    await this.page.locator('.part.panel .action-label[aria-label^="Restore Panel"]').waitFor({ timeout: 5000 });
    return true;
  }

  /**
   * Gives the editor back its room if `problems` maximized the panel: a maximized panel hides the editor,
   * whose lines are then not drawn at all (CI of 6f92615: a hover after a long Problems list found no line).
   */
  async restorePanel() {
    const restore = this.page.locator('.part.panel .action-label[aria-label^="Restore Panel"]');
    if (!(await restore.isVisible())) return;
    await restore.click();
    await this.page.locator('.part.panel .action-label[aria-label^="Maximize Panel"]').waitFor({ timeout: 5000 });
  }

  /** Moves the cursor with Go to Line (Ctrl+G), 1-based as the status bar shows. @param {number} line @param {number} column */
  async goTo(line, column) {
    const page = this.page;
    await this.restorePanel();
    // Focus back in the editor (Ctrl+1), wherever it was (the Problems panel takes it when shown). Under
    // load the workbench has been seen to drop that key while the panel settles (CI of 3336bae: the
    // Problems panel kept focus for 30 s), so the key is pressed again, then the editor's text clicked;
    // the cursor is placed by Go to Line below either way.
    const focused = page.locator('.monaco-editor.focused').first();
    await page.keyboard.press('Control+1');
    if (!(await focused.waitFor({ timeout: 5000 }).then(() => true, () => false))) {
      await page.keyboard.press('Control+1');
      if (!(await focused.waitFor({ timeout: 5000 }).then(() => true, () => false))) await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await focused.waitFor();
    }
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    // Go to Line is Quick Open with ':' typed first.
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).waitFor({ timeout: 5000 });
  }

  /**
   * Rests the mouse on the first occurrence of `word` on the editor line holding `lineText`, and returns
   * the text of the hover that appears.
   * @param {string} lineText @param {string} word
   */
  async hover(lineText, word) {
    const page = this.page;
    await this.restorePanel();
    // Monaco draws a line as token spans with non-breaking spaces: find the word's box through a DOM
    // range, each time anew (the editor redraws its lines when the panel below it opens or closes).
    const pointOfWord = () =>
      page.evaluate(
        ([lineText, word]) => {
          const normal = (/** @type {string} */ text) => text.replace(/\u00a0/g, ' ');
          for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
            const text = normal(line.textContent ?? '');
            const at = text.indexOf(lineText);
            if (at < 0) continue;
            let wanted = text.indexOf(word, at);
            const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const length = node.textContent?.length ?? 0;
              if (wanted < length) {
                const range = document.createRange();
                range.setStart(node, wanted);
                range.setEnd(node, Math.min(length, wanted + word.length));
                const box = range.getBoundingClientRect();
                return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
              }
              wanted -= length;
            }
          }
          return undefined;
        },
        [lineText, word],
      );
    const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    // Until the language server is up the editor has nothing to show, and it asks again only when the
    // mouse moves: so the mouse comes back to the word until a hover shows.
    const deadline = Date.now() + PATIENCE_MS;
    for (;;) {
      const point = await pointOfWord();
      if (point) {
        await page.mouse.move(point.x - 40, point.y + 40);
        await page.mouse.move(point.x, point.y, { steps: 5 });
      }
      try {
        await hover.waitFor({ state: 'visible', timeout: 3000 });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw point ? error : new Error(`"${word}" on a line with "${lineText}" is not on screen`);
      }
    }
    // The hover fills in once the server answers; wait for its text to stop changing.
    let text = '';
    for (let tries = 0; tries < 20; tries++) {
      await page.waitForTimeout(250);
      const now = await hover.innerText();
      if (now === text && now.length > 0) break;
      text = now;
    }
    return text;
  }

  /** The rows of the suggest widget, once it shows; asked for with Ctrl+Space if typing did not bring it up. */
  async suggestions() {
    const rows = this.page.locator('.suggest-widget .monaco-list-row');
    try {
      await rows.first().waitFor({ state: 'visible', timeout: 5000 });
    } catch {
      await this.page.keyboard.press('Control+Space');
      await rows.first().waitFor({ state: 'visible', timeout: PATIENCE_MS });
    }
    await this.page.waitForTimeout(300);
    return rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
  }

  /**
   * Opens the Quick Fix menu at the cursor (Ctrl+.) and applies the fix whose title matches.
   * @param {RegExp} title
   * @param {string} screenshot the name of the screenshot taken while the menu shows
   * @returns {Promise<string[]>} every title the menu offered
   */
  async quickFix(title, screenshot) {
    const page = this.page;
    await page.keyboard.press('Control+.');
    const rows = page.locator('.action-widget .monaco-list-row.action');
    await rows.first().waitFor({ state: 'visible', timeout: PATIENCE_MS });
    const titles = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
    const index = titles.findIndex((each) => title.test(each));
    if (index < 0) throw new Error(`no Quick Fix matches ${title}: ${titles.join(' | ')}`);
    // The menu is driven from the keyboard, as the mouse-free user does: arrows to the fix, then Enter.
    const focusedTitle = () => page.locator('.action-widget .monaco-list-row.action.focused').getAttribute('aria-label');
    for (let moves = 0; moves < titles.length && !title.test((await focusedTitle()) ?? ''); moves++) {
      await page.keyboard.press('ArrowDown');
    }
    if (!title.test((await focusedTitle()) ?? '')) throw new Error(`could not reach the Quick Fix ${title}`);
    await this.screenshot(screenshot);
    await page.keyboard.press('Enter');
    await page.locator('.action-widget').waitFor({ state: 'hidden' });
    return titles;
  }

  /**
   * Saves the active editor (Ctrl+S) once it has changes (an edit lands a moment after it is chosen), and waits for its tab
   * to be clean. The tab is looked at, so a panel that `problems` maximized is restored first (CI of the 15th session's
   * last try: the edited tab sat hidden under the maximized panel for 45 s).
   */
  async save() {
    await this.restorePanel();
    await this.page.locator('.tab.active.dirty').waitFor({ timeout: PATIENCE_MS });
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tab.active:not(.dirty)').waitFor({ timeout: PATIENCE_MS });
  }

  /**
   * Shows a webview view of an activity-bar container (`virt-tune`, `Host`) and returns the frame that
   * holds its content, for the host panel's scenario. A webview view may start collapsed and its frame
   * exists only once it is expanded; its content is in an inner frame (`.../webview/browser/pre/fake.html?id=...`).
   * @param {string} container the container's title in the activity bar
   * @param {string} view the view's name on its header
   */
  async openWebview(container, view) {
    const page = this.page;
    await page.locator(`.activitybar .action-item .action-label[aria-label^="${container}"]`).first().click();
    // A container holding one view hides that view's header (and keeps it expanded).
    const header = page.locator('.pane-header', { hasText: view }).first();
    await header.waitFor({ state: 'attached', timeout: PATIENCE_MS });
    if ((await header.isVisible()) && (await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const deadline = Date.now() + PATIENCE_MS;
    for (;;) {
      const frame = page.frames().find((each) => each.url().includes('/fake.html'));
      if (frame && (await frame.locator('body *').count().catch(() => 0)) > 0) return frame;
      if (Date.now() > deadline) throw new Error(`the ${view} view's content did not show`);
      await page.waitForTimeout(250);
    }
  }

  /** @param {string} name */
  async screenshot(name) {
    mkdirSync(RESULTS, { recursive: true });
    await this.page.screenshot({ path: join(RESULTS, `${name}.png`) });
  }
}

/** @param {Problem} problem */
function describe(problem) {
  return `${problem.severity} ${problem.code} ${problem.line}:${problem.column}`;
}

const SHOWN_AS = { error: 'Error', warning: 'Warning', information: 'Info' };

/**
 * What virt-tune's CLI finds in a file, as the Problems panel shows it: `Severity CODE line:column`
 * (1-based). Hints are left out: VS Code shows them in the editor only, never in Problems. `host` is the
 * scenario's `virtTune.host` as `--host` takes it: `live` (the default setting) is this machine, where
 * code-server runs the language server; EXAMPLES_HOST for a folder made with examplesHost(), whose
 * `virtTune.schema` is `schema` (builtin unless the scenario sets it).
 * @param {string} path relative to the project root
 * @param {string} [host]
 * @param {string} [schema]
 */
export function expectedProblems(path, host = 'live', schema = 'builtin') {
  // A folder made like examples/ names the schema and libvirt it is written for (its settings), as the CLI must.
  const written = host === EXAMPLES_HOST ? ['--schema', schema, '--libvirt', 'none'] : [];
  const lint = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', '--host', host, ...written, '--format', 'json', path], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (lint.status !== 0 && lint.status !== 1) throw new Error(`virt-tune lint ${path} failed: ${lint.stderr}`);
  /** @type {{ diagnostics: { rule: string, severity: keyof typeof SHOWN_AS | 'hint', range: { start: { line: number, character: number } } }[] }[]} */
  const [result] = JSON.parse(lint.stdout);
  if (!result) throw new Error(`virt-tune lint ${path} gave no result`);
  return result.diagnostics.flatMap((diagnostic) =>
    diagnostic.severity === 'hint'
      ? []
      : [`${SHOWN_AS[diagnostic.severity]} ${diagnostic.rule} ${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`],
  );
}
