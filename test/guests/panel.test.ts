import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { panelDocument } from '../../client/src/topology/document';
import { renderPanelBody } from '../../client/src/topology/render';
import { hostView } from '../../server/src/panel/hostView';
import { domainLayout } from '../../server/src/panel/layout';
import { fixtureHost, HOSTS, ROOT } from '../host/hostFixtures';
import { decodePng } from '../host/png';
import { folderGuests } from './guestFixtures';

const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
const RESULTS = join(ROOT, 'test-results', 'host-panel');

/** The fixture guest (test/fixtures/hosts/guest-on-two-nodes.xml, renamed app01) beside the guests of test/guests/fixtures/two-nodes, plus two pins the linter flags. */
async function twoGuests() {
  const host = await fixtureHost('two-nodes');
  const text = readFileSync(join(HOSTS, 'guest-on-two-nodes.xml'), 'utf8').replace('<name>db01</name>', '<name>app01</name>').replace(
    "<vcpupin vcpu='0' cpuset='0'/>",
    "<vcpupin vcpu='0' cpuset='0'/>\n    <vcpupin vcpu='0' cpuset='12'/>\n    <vcpupin vcpu='9' cpuset='13'/>",
  );
  const layout = domainLayout(TextDocument.create('file:///guests/guest-on-two-nodes.xml', 'xml', 1, text), host, await folderGuests());
  if (!layout) throw new Error('the fixture guest is not a domain');
  return { host: { ...hostView(host), source: 'sysfs test/fixtures/hosts/two-nodes' }, layout };
}

test('the layout carries every other guest, what the open one shares with them, and the pins the linter flags', async () => {
  const { layout } = await twoGuests();
  assert.deepEqual(
    layout.guests.map((guest) => [guest.name, guest.where, guest.state, guest.vcpuCpus, guest.sharedCpus]),
    [
      ['batch01', 'batch01.xml', 'shut off', [10, 12], []],
      ['db01', 'db01.xml', 'autostart', [9, 11], []],
      ['web01', 'web01.xml', 'autostart', [2, 4], [2, 6]],
    ],
  );
  assert.deepEqual(layout.vcpuPins.filter((pin) => pin.flag).map((pin) => [pin.vcpu, pin.cpus, pin.flag]), [[0, [12], 'duplicate'], [9, [13], 'no-such-vcpu']]);
  const rules = layout.conflicts.map((conflict) => conflict.rule);
  for (const rule of ['VT110', 'VT130', 'VT131', 'VT150']) assert.ok(rules.includes(rule), `${rule} is under Conflicts: ${rules.join(' ')}`);
});

test('the panel draws the other guests on their CPUs, a legend, and memory bars that fill with what they say (free)', async () => {
  const { host, layout } = await twoGuests();
  const body = renderPanelBody(host, layout);
  assert.match(body, /<span class="cpu others" data-cpu="9" [^>]*>9<small class="other">db01<\/small><\/span>/);
  assert.match(body, /<span class="cpu v2 conflict" data-cpu="2" [^>]*>2<small>v2<\/small><small class="other">web01<\/small>/, 'a CPU both guests pin is a conflict');
  assert.match(body, /<span class="cpu flagged conflict" data-cpu="13" [^>]*>13<small>v9!<\/small>/, 'a pin of a vCPU the guest lacks is drawn');
  assert.match(body, /<h2>Legend<\/h2>/);
  assert.match(body, /<h2>Other guests <span class="muted">\(3\)<\/span><\/h2>/);
  // node 0: 20 GiB free of 32 GiB, so the bar is 62.5 % full.
  assert.match(body, /<span class="value">20 GiB free of 32 GiB<\/span><svg class="meter" [^>]*aria-label="memory: 20 GiB free of 32 GiB"><rect class="track" width="100" height="6"\/><rect class="used" width="62\.50"/);
});

test('at a 300 px sidebar the nodes sit side by side (screenshot in test-results/host-panel/two-guests-300px.png)', { timeout: 120_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip(`no Chromium at ${CHROMIUM}`);
    return;
  }
  const { host, layout } = await twoGuests();
  mkdirSync(RESULTS, { recursive: true });
  const page = join(RESULTS, 'two-guests-300px.html');
  const screenshot = join(RESULTS, 'two-guests-300px.png');
  // A script that writes where each node box sits into the title, for --dump-dom to read.
  const probe = `<script>addEventListener('load',()=>{document.title=JSON.stringify([...document.querySelectorAll('.node')].map(n=>{const r=n.getBoundingClientRect();return [Math.round(r.left),Math.round(r.top),Math.round(r.width)]}))})</script>`;
  writeFileSync(page, panelDocument('bm9uY2U=', renderPanelBody(host, layout)).replace('</body>', `${probe.replace('<script>', '<script nonce="bm9uY2U=">')}</body>`));
  const profile = mkdtempSync(join(tmpdir(), 'virt-tune-chromium-'));
  t.after(() => rmSync(profile, { recursive: true, force: true }));
  const chromium = (...args: string[]) => {
    const run = spawnSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${profile}`, '--hide-scrollbars', ...args, pathToFileURL(page).href], { encoding: 'utf8', timeout: 90_000 });
    if (run.error) throw run.error;
    return run;
  };
  const dom = chromium('--window-size=300,1600', '--dump-dom');
  assert.equal(dom.status, 0, dom.stderr);
  const boxes = JSON.parse(/<title>([^<]*)<\/title>/.exec(dom.stdout)?.[1]?.replace(/&quot;/g, '"') ?? '[]') as number[][];
  assert.equal(boxes.length, 2);
  assert.equal(boxes[0]![1], boxes[1]![1], `both nodes on one row at 300 px: ${JSON.stringify(boxes)}`);
  const shot = chromium('--window-size=300,1600', `--screenshot=${screenshot}`);
  assert.equal(shot.status, 0, shot.stderr);
  assert.equal(decodePng(readFileSync(screenshot)).width, 300);
});
