import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { domainDocument, forgetDomainDocument } from '../../server/src/domain/document';
import { parseXml } from '../../server/src/xml/parser';
import { canReparseFrom, reparseXml } from '../../server/src/xml/reparse';
import type { XmlDocument, XmlNode } from '../../server/src/xml/types';
import { bigDomain } from '../bench/bigDomain';

/** The spans, names, values and problems of a tree, as plain data. */
function shape(document: XmlDocument): unknown {
  const node = (item: XmlNode): unknown =>
    item.kind === 'element'
      ? { name: item.name, span: item.span, tag: item.startTagSpan, end: item.endTagSpan, closed: item.startTagClosed, attributes: item.attributes.map((a) => [a.name, a.span, a.value]), children: item.children.map(node) }
      : { kind: item.kind, span: item.span, ...(item.kind === 'text' ? { value: item.value } : {}) };
  return { nodes: document.nodes.map(node), problems: document.problems };
}

/** `text` with `typed` put at `at`. */
function typed(text: string, at: number, typed: string): string {
  return text.slice(0, at) + typed + text.slice(at);
}

test('a keystroke that leaves a problem its own tag decides is reparsed from the last tree, and so is the next one', () => {
  const base = bigDomain(120);
  // An attribute without its value yet, an unquoted value, a stray character in a tag: each is decided by its own tag.
  const edits = [
    typed(base, base.indexOf(" device='disk'"), ' cache'),
    typed(base, base.indexOf("'disk'>"), "x"),
    typed(base, base.indexOf("<driver name") + 7, '!'),
  ];
  for (const text of edits) {
    const first = parseXml(base);
    const broken = reparseXml(first, text);
    assert.equal(broken.root, first.root, 'the tree is reused');
    assert.ok(broken.problems.length > 0);
    assert.ok(canReparseFrom(broken));
    assert.deepEqual(shape(broken), shape(parseXml(text)));
    // The problem mended, and one further down: both from the tree with the problem.
    const later = typed(base, base.lastIndexOf('<disk'), '  ');
    const mended = reparseXml(broken, later);
    assert.equal(mended.root, first.root);
    assert.deepEqual(shape(mended), shape(parseXml(later)));
  }
});

test('problems that text outside their node decides are not built from: end tags that close no element, values without their closing quote', () => {
  const base = bigDomain(120);
  const stray = typed(base, base.indexOf('<disk'), '</x>');
  const quote = base.indexOf("'disk'>") + 5;
  const unquoted = base.slice(0, quote) + base.slice(quote + 1);
  for (const text of [stray, unquoted]) {
    const tree = reparseXml(parseXml(base), text);
    assert.deepEqual(shape(tree), shape(parseXml(text)));
    assert.ok(!canReparseFrom(tree), JSON.stringify(tree.problems.map((problem) => problem.code)));
  }
});

test('an end tag whose name differs from the element it closes is reparsed, unless an element around has its name or its element\'s children change', () => {
  const base = "<domain>\n  <devices>\n    <disk>\n      <source/>\n    </disk>\n    <disk/>\n  </devices>\n</domain>\n";
  const letter = typed(base, base.indexOf('</disk>') + 6, 'x');
  const first = parseXml(base);
  const mismatched = reparseXml(first, letter);
  assert.equal(mismatched.root, first.root, 'a letter typed in an end tag is reparsed');
  assert.deepEqual(mismatched.problems.map((problem) => problem.code), ['mismatched-end-tag']);
  assert.ok(canReparseFrom(mismatched));
  assert.deepEqual(shape(mismatched), shape(parseXml(letter)));
  // A self-closed sibling of the end tag's name put inside the element it closes: the end tag closes nothing then.
  const sibling = typed(letter, letter.indexOf('<source/>'), '<diskx/>');
  const closing = reparseXml(mismatched, sibling);
  assert.deepEqual(shape(closing), shape(parseXml(sibling)));
  assert.ok(closing.problems.some((problem) => problem.code === 'children-after-self-closed'));
  // An edit elsewhere builds from the tree with the mismatched end tag.
  const again = reparseXml(parseXml(letter), typed(letter, letter.indexOf('<disk/>') + 5, ' a'));
  assert.deepEqual(shape(again), shape(parseXml(again.text)));
  // An end tag named as an element around the stretch closes that one when parsed whole.
  const around = '<domain>\n  <disks>\n    <devices>\n      <disk>\n        <source/>\n      </disk>\n    </devices>\n  </disks>\n</domain>\n';
  const ancestor = typed(around, around.indexOf('</disk>') + 6, 's');
  const next = reparseXml(parseXml(around), ancestor);
  assert.deepEqual(shape(next), shape(parseXml(ancestor)));
});

test('text typed right after an element left open, or after an end tag without its >, goes where a whole parse puts it', () => {
  const texts = ["<a>\n  <b>x\n</a>", "<a>\n  <b>x</b\n  <c/>\n</a>", "<a>\n  <b x='1' \n</a>"];
  for (const text of texts) {
    const at = text.indexOf('\n</a>') >= 0 && text.includes('<c/>') ? text.indexOf('<c/>') : text.indexOf('\n</a>');
    for (const key of ['>', 'y', '</b>', ' ']) {
      const next = typed(text, at, key);
      assert.deepEqual(shape(reparseXml(parseXml(text), next)), shape(parseXml(next)), `${JSON.stringify(text)} + ${JSON.stringify(key)}`);
    }
  }
});

test('text typed into an element that had no content', () => {
  for (const [text, at] of [['<domain><name></name></domain>', 14], ['<a></a>', 3]] as const) {
    const before = parseXml(text);
    const next = typed(text, at, 'guest');
    const tree = reparseXml(before, next);
    assert.equal(tree.root, before.root);
    assert.deepEqual(shape(tree), shape(parseXml(next)));
  }
});

test('the domain document cache builds from a tree with a local problem, and keeps the last good tree past one with another problem', () => {
  const uri = 'file:///reparse-problems/guest.xml';
  const base = bigDomain(150);
  const inTag = base.indexOf(" device='disk'");
  const beforeDisk = base.indexOf('<disk');
  const texts = [base, typed(base, inTag, ' cache'), typed(base, beforeDisk, '</x>'), typed(base, inTag, ' io')];
  // Each tree is compared as it is made: a later version takes over the tree it is built from.
  const trees = texts.map((text, index) => {
    const tree = domainDocument(TextDocument.create(uri, 'xml', index + 1, text)).xml;
    assert.deepEqual(shape(tree), shape(parseXml(text)), `version ${index + 1}`);
    return tree;
  });
  assert.equal(trees[1]!.root, trees[0]!.root, 'the attribute without a value is reparsed');
  assert.notEqual(trees[2]!.root, trees[1]!.root, 'the end tag that closes no element is parsed whole');
  assert.equal(trees[3]!.root, trees[0]!.root, 'the version after it is built from the tree before it');
  forgetDomainDocument(uri);
});
