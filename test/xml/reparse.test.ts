import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseXml } from '../../server/src/xml/parser';
import { canReparseFrom, reparseXml } from '../../server/src/xml/reparse';
import { bigDomain } from '../bench/bigDomain';
import { CORPUS_DIR, corpusList, missing } from '../kb/shared';
import { Random } from '../fuzz/random';
import { treeShape as shape } from './shape';

const PIECES = ['a', ' ', '\n', '<', '>', '/', '/>', "'", '"', '=', '&amp;', '&', '<!--', '-->', '</', '<x>', '</x>', '<x/>', 'disk', ']]>', '<![CDATA[', '<?', '?>'];

/** A random edit of `text`: a short stretch deleted, replaced or inserted at a random place. */
function edit(text: string, random: Random): string {
  const at = random.below(text.length + 1);
  const removed = random.chance(0.4) ? random.below(Math.min(12, text.length - at) + 1) : 0;
  const inserted = random.chance(0.8) ? Array.from({ length: 1 + random.below(3) }, () => random.pick(PIECES)).join('') : '';
  return text.slice(0, at) + inserted + text.slice(at + removed);
}

/** Edits `text` again and again, each tree made from the one before, and compares each with a whole parse. */
function checkEdits(text: string, seed: number, edits: number, base = text): number {
  const random = new Random(seed);
  let previous = parseXml(text);
  let reused = 0;
  for (let i = 0; i < edits; i++) {
    // Mostly one keystroke away from the original, as the bench types; sometimes the edits pile up.
    const next = edit(random.chance(0.5) ? base : previous.text, random);
    const wasRoot = previous.root;
    const tree = reparseXml(previous, next);
    if (tree.root === wasRoot && wasRoot) reused++;
    assert.deepEqual(shape(tree), shape(parseXml(next)), `edit ${i} (seed ${seed}): ${JSON.stringify(next.slice(0, 200))}`);
    previous = tree;
  }
  return reused;
}

test('a tree made from the last one by reparseXml is the tree a whole parse gives, edit after edit', () => {
  const reused = checkEdits(bigDomain(300, { schemaOnlyDefect: true }), 1, 1500);
  assert.ok(reused > 20, `only ${reused} of 1500 edits reused the tree`);
});

test('keystrokes as the bench types them reuse the tree, and the tree is the one a whole parse gives', () => {
  const base = bigDomain(300, { schemaOnlyDefect: true });
  const random = new Random(2);
  let previous = parseXml(base);
  let reused = 0;
  for (let i = 0; i < 400; i++) {
    const at = random.below(base.length + 1);
    const next = base.slice(0, at) + random.pick([...'abcxyz019 _-']) + base.slice(at);
    const wasRoot = previous.root;
    const tree = reparseXml(previous, next);
    if (tree.root === wasRoot) reused++;
    assert.deepEqual(shape(tree), shape(parseXml(next)), `keystroke ${i}`);
    previous = tree;
  }
  // A keystroke that leaves a problem (a broken tag name) parses whole, and so does the next one (the
  // tree it would start from has a problem): about half of these keystrokes reuse the tree.
  assert.ok(reused > 180, `only ${reused} of 400 keystrokes reused the tree`);
});

test('reparseXml agrees with a whole parse on libvirt corpus files', (t) => {
  const reason = missing(resolve(CORPUS_DIR, 'accepted.txt'));
  if (reason) return t.skip(reason);
  const files = corpusList('accepted.txt');
  for (let i = 0; i < files.length; i += Math.ceil(files.length / 40)) {
    checkEdits(readFileSync(resolve(CORPUS_DIR, files[i]!), 'utf8'), 100 + i, 60);
  }
});

test('reparseXml on small documents, edits at their edges and in the root tag', () => {
  const texts = ["<domain type='kvm'><name>a</name>\n  <vcpu>2</vcpu></domain>\n<!-- after -->\n", '<a><b/></a>', '<a>x</a>', '<a></a>', "<?xml version='1.0'?>\n<a>\n  <b c='d'>t</b>\n</a>"];
  for (const [index, text] of texts.entries()) checkEdits(text, 7 + index, 400);
});

test('typing a new element letter by letter reuses the tree while the element is still open, and each tree is the one a whole parse gives', () => {
  const base = bigDomain(300, { schemaOnlyDefect: true });
  const devicesEnd = base.indexOf('</devices>');
  const places = [
    // At the end of <devices>: the open element is closed by </devices>.
    devicesEnd,
    // Between two devices: a whole parse reads the devices after it into the open element.
    base.indexOf('<disk', base.indexOf('<disk') + 1),
    // In the middle of a line of text inside an element of a device.
    base.indexOf('<interface') + 3,
  ];
  const typed = [
    "<disk type='file' device='disk'>\n  <source file='/x.img'/>\n  <target dev='vdz'/>\n</disk>\n",
    // The container's own name opened inside it: its end tag then closes the inner one (parsed whole).
    '<devices><hub/>\n</devices>\n',
    '<a><b c="d"><e></e>\n</b></a>',
  ];
  let reused = 0;
  let keystrokes = 0;
  for (const at of places) {
    for (const snippet of typed) {
      let text = base;
      let basis = parseXml(text);
      for (let i = 0; i < snippet.length; i++) {
        // As domain/document.ts does: the last tree a reparse can start from.
        text = text.slice(0, at + i) + snippet[i] + text.slice(at + i);
        const tree = reparseXml(basis, text);
        if (tree.root === basis.root) reused++;
        keystrokes++;
        assert.deepEqual(shape(tree), shape(parseXml(text)), `typing ${JSON.stringify(snippet.slice(0, i + 1))} at ${at}`);
        if (tree.root === basis.root || canReparseFrom(tree)) basis = tree;
      }
    }
  }
  // Before, every keystroke from a start tag typed to its end tag parsed whole: 38 of these 432 reused the
  // tree; now 255 (the rest: inside a quote not closed yet, and the end tag being typed, parse whole).
  assert.ok(reused > 200, `only ${reused} of ${keystrokes} keystrokes reused the tree`);
});
