import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { panelDocument } from '../../client/src/topology/document';
import { renderPanelBody } from '../../client/src/topology/render';
import { ROOT } from './hostFixtures';
import { panelFixture } from './panelFixture';
import { countColour, decodePng } from './png';

const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
const RESULTS = join(ROOT, 'test-results', 'host-panel');
const NONCE = 'dGVzdC1ub25jZQ==';

test('the layout of the fixture guest: pins, emulator pin, memory binding, and the host-aware findings with their marks', async () => {
  const { layout } = await panelFixture();
  assert.equal(layout.name, 'db01');
  assert.deepEqual(layout.vcpuPins.map((pin) => [pin.vcpu, pin.cpus]), [[0, [0]], [1, [8]], [2, [2]], [3, [10]], [4, [1]], [5, [17]]]);
  assert.deepEqual(layout.emulatorPin, [6, 14]);
  assert.deepEqual(layout.memory, { mode: 'strict', nodes: [0] });
  assert.deepEqual(layout.hostdevs, ['0000:81:00.0']);
  assert.deepEqual(layout.conflicts.map((conflict) => [conflict.rule, conflict.line]), [['VT150', 11], ['VT155', 15], ['VT154', 19]]);
  assert.deepEqual(layout.marks, {
    cpus: [1],
    nodes: [0],
    hugepages: [{ node: 0, sizeKiB: 1048576 }],
    pci: [],
    missingCpus: [17],
    missingNodes: [],
    missingPci: [],
  });
});

test('the panel page has a strict CSP with a nonce, no remote resource and no inline style attribute', async () => {
  const { host, layout } = await panelFixture();
  const page = panelDocument(NONCE, renderPanelBody(host, layout));
  assert.match(page, new RegExp(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;nonce-${NONCE}&#39;; script-src &#39;nonce-${NONCE}&#39;; img-src data:;">`));
  assert.doesNotMatch(page, /https?:\/\//, 'nothing remote');
  assert.doesNotMatch(page, /\sstyle=/, 'no style attribute (the CSP would block it)');
  assert.doesNotMatch(page, /\son[a-z]+=/, 'no inline event handler');
  assert.equal(page.match(/<script/g)?.length, 1);
  assert.match(page, new RegExp(`<script nonce="${NONCE}">`));
  assert.match(page, new RegExp(`<style nonce="${NONCE}">`));
});

test('the panel body draws vCPU numbers on the CPUs they are pinned to, and escapes what it shows', async () => {
  const { host, layout } = await panelFixture();
  const body = renderPanelBody(host, layout);
  assert.match(body, /<span class="cpu v1" data-cpu="8" title="CPU 8 · node 0 · socket 0 · core 0 · vCPU 1">8<small>v1<\/small><\/span>/);
  assert.match(body, /<span class="cpu v4 conflict" data-cpu="1" [^>]*>1<small>v4<\/small>/, 'a vCPU away from its memory node is a conflict');
  assert.match(body, /<span class="cpu emulator" data-cpu="14" [^>]*>14<small>emu<\/small>/);
  const hostile = renderPanelBody({ ...host, source: '<img src=x>' }, { ...layout, name: '"><script>' });
  assert.doesNotMatch(hostile, /<img|<script/);
  assert.match(hostile, /&#60;img src=x&#62;/);
});

test('without a host the panel says how to set one; without a domain it shows the host alone', async () => {
  const { host } = await panelFixture();
  assert.match(renderPanelBody(null, null), /No host to show: <code>virtTune\.host<\/code> is <code>none<\/code>/);
  const alone = renderPanelBody(host, null);
  assert.match(alone, /Open a libvirt domain XML file/);
  assert.doesNotMatch(alone, /Conflicts/);
});

test('headless Chromium shows the host, the pins and the conflicts (screenshot in test-results/host-panel)', { timeout: 120_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip(`no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM to run this check`);
    return;
  }
  const { host, layout } = await panelFixture();
  mkdirSync(RESULTS, { recursive: true });
  const page = join(RESULTS, 'two-nodes.html');
  const screenshot = join(RESULTS, 'two-nodes.png');
  writeFileSync(page, panelDocument(NONCE, renderPanelBody(host, layout)));
  rmSync(screenshot, { force: true });
  const profile = mkdtempSync(join(tmpdir(), 'virt-tune-chromium-'));
  t.after(() => rmSync(profile, { recursive: true, force: true }));
  const chromium = (...args: string[]) => {
    const run = spawnSync(
      CHROMIUM,
      ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${profile}`, '--hide-scrollbars', '--enable-logging=stderr', '--v=0', ...args, pathToFileURL(page).href],
      { encoding: 'utf8', timeout: 90_000 },
    );
    if (run.error) throw run.error;
    return run;
  };

  const dom = chromium('--dump-dom');
  assert.equal(dom.status, 0, dom.stderr);
  assert.doesNotMatch(dom.stderr, /Content Security Policy/, 'the page breaks none of its own CSP');
  const text = visibleText(dom.stdout);
  for (const shown of ['Node 0', 'Node 1', 'socket 0', 'socket 1', 'KSM running', 'THP never', 'vCPU 4 → 1', 'emulator → 6,14', 'memory (strict)', 'p1p1', '← guest', '2 free of 4', 'pinned host CPUs the host lacks: 17']) {
    assert.ok(text.includes(shown), `the page shows "${shown}"`);
  }
  assert.match(text, /VT150 error, line 11 <vcpupin vcpu='5'> names host CPU 17/);

  const shot = chromium('--window-size=900,1000', `--screenshot=${screenshot}`);
  assert.equal(shot.status, 0, shot.stderr);
  assert.ok(statSync(screenshot).size > 10_000, 'a screenshot with something on it');
  const image = decodePng(readFileSync(screenshot));
  assert.equal(image.width, 900);
  // The theme fallbacks: vCPU 0 in the charts blue, conflicts in the error colour, the emulator pin outlined in orange.
  assert.ok(countColour(image, [0x37, 0x94, 0xff]) > 300, 'vCPU colours are drawn');
  assert.ok(countColour(image, [0xf4, 0x87, 0x71]) > 300, 'conflicts are drawn in the error colour');
  assert.ok(countColour(image, [0xd1, 0x86, 0x16]) > 20, 'the emulator pin is outlined');
});

/** The text a page shows, from Chromium's serialized DOM: no style or script, tags dropped, entities decoded. */
function visibleText(html: string): string {
  const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'", nbsp: ' ' };
  return html
    .replace(/<(style|script)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(lt|gt|amp|quot|#39|nbsp);/g, (_, name: string) => entities[name]!)
    .replace(/\s+/g, ' ');
}
