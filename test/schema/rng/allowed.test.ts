import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AllowedMemo, allowedAt } from '../../../server/src/schema/rng/allowed';
import { Deriver } from '../../../server/src/schema/rng/derive';
import { compileGrammar } from '../../../server/src/schema/rng/load';
import { parseXml } from '../../../server/src/xml/parser';
import type { XmlDocument, XmlElement } from '../../../server/src/xml/types';
import { CORPUS_DIR, corpusList, missing } from '../../kb/shared';
import { grammar } from './helpers';

const SCHEMA = resolve(CORPUS_DIR, 'schemas/domain.rng');
const skip = missing(resolve(CORPUS_DIR, 'accepted.txt')) ?? missing(SCHEMA) ?? false;

function elementsOf(xml: XmlDocument): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (element: XmlElement): void => {
    found.push(element);
    for (const child of element.children) if (child.kind === 'element') walk(child);
  };
  if (xml.root) walk(xml.root);
  return found;
}

/** A small deterministic generator, so a failure names a case that can be run again. */
function generator(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state % below;
  };
}

test('remembered answers are the answers: with the memo, over edited and cut-off corpus documents, allowedAt answers as without it', { skip, timeout: 300_000 }, () => {
  const compiled = compileGrammar(SCHEMA);
  const deriver = new Deriver(compiled.table);
  const memo = new AllowedMemo();
  const random = generator(16);
  const files = corpusList('accepted.txt').filter((_, index) => index % 23 === 0);
  let compared = 0;
  for (const file of files) {
    let text = readFileSync(resolve(CORPUS_DIR, file), 'utf8');
    // The document, then a keystroke in it, then a removed stretch, then the document cut off mid-way
    // (as while typing at its end): each a new tree, judged with what the memo kept from the others.
    for (let version = 0; version < 4; version++) {
      if (version === 1) {
        const at = random(text.length);
        text = text.slice(0, at) + 'x' + text.slice(at);
      } else if (version === 2) {
        const at = random(text.length);
        text = text.slice(0, at) + text.slice(at + random(40));
      } else if (version === 3) {
        text = text.slice(0, Math.floor(text.length / 2) + random(Math.ceil(text.length / 2)));
      }
      const xml = parseXml(text);
      const elements = elementsOf(xml);
      for (let pick = 0; pick < 6 && elements.length > 0; pick++) {
        const element = elements[random(elements.length)]!;
        const written = element.attributes[random(element.attributes.length + 1)];
        const options = { children: random(4), ...(written ? { leaveOut: written } : {}) };
        const plain = allowedAt(compiled, deriver, xml, element, options);
        assert.deepEqual(allowedAt(compiled, deriver, xml, element, options, memo), plain, `${file} v${version} <${element.name}>`);
        assert.deepEqual(allowedAt(compiled, deriver, xml, element, {}, memo), allowedAt(compiled, deriver, xml, element), `${file} v${version} <${element.name}>`);
        compared++;
      }
    }
  }
  assert.ok(compared > 300, `${compared} comparisons`);
  assert.ok(memo.subtrees.size > 0);
});

test('names as the element would write them: a prefix bound in the document, {uri}name where none is', () => {
  const path = grammar(
    '<element name="root"><zeroOrMore><choice><element name="plain"><empty/></element><element ns="urn:q" name="extra"><empty/></element></choice></zeroOrMore><optional><attribute ns="urn:q" name="flag"/></optional></element>',
    '',
  );
  const compiled = compileGrammar(path);
  const deriver = new Deriver(compiled.table);
  const bound = parseXml('<root xmlns:q="urn:q"><plain/></root>');
  const withPrefix = allowedAt(compiled, deriver, bound, bound.root!)!;
  assert.deepEqual(withPrefix.elements, ['plain', 'q:extra']);
  assert.deepEqual(withPrefix.attributes, ['q:flag']);
  const unbound = parseXml('<root><plain/></root>');
  assert.deepEqual(allowedAt(compiled, deriver, unbound, unbound.root!)!.elements, ['plain', '{urn:q}extra']);
});

test('what each attribute takes here: its listed values, whether it takes others too, whether it is required', () => {
  const path = grammar(
    `<element name="device"><choice>
      <group><attribute name="type"><value>usb</value></attribute><attribute name="model"><choice><value>xhci</value><value>ehci</value></choice></attribute></group>
      <group><attribute name="type"><value>scsi</value></attribute><optional><attribute name="model"><choice><value>virtio-scsi</value><data type="token"/></choice></attribute></optional></group>
    </choice><optional><attribute name="index"><data type="unsignedInt"/></attribute></optional></element>`,
  );
  const compiled = compileGrammar(path);
  const deriver = new Deriver(compiled.table);
  const choices = (text: string) => {
    const xml = parseXml(text);
    return allowedAt(compiled, deriver, xml, xml.root!)!.attributeChoices;
  };
  assert.deepEqual(choices("<device type='usb'/>"), [
    { name: 'index', required: false, values: [], open: true },
    { name: 'model', required: true, values: ['xhci', 'ehci'], open: false },
  ]);
  assert.deepEqual(choices("<device type='scsi'/>").find((choice) => choice.name === 'model'), { name: 'model', required: false, values: ['virtio-scsi'], open: true });
  // Before the type is written, both forms still fit: either's models, required in neither.
  assert.deepEqual(choices('<device/>').find((choice) => choice.name === 'model'), { name: 'model', required: false, values: ['xhci', 'ehci', 'virtio-scsi'], open: true });
  // Left out, the type narrows nothing: both forms' values are offered for it.
  const xml = parseXml("<device type='usb'/>");
  const type = allowedAt(compiled, deriver, xml, xml.root!, { leaveOut: xml.root!.attributes[0]! })!.attributeChoices.find((choice) => choice.name === 'type');
  assert.deepEqual(type?.values.sort(), ['scsi', 'usb']);
});

test('a document nested deeper than libxml2 reads: no answer, and no overflow of the stack', () => {
  const path = grammar('<ref name="n"/>', '<define name="n"><element name="n"><zeroOrMore><ref name="n"/></zeroOrMore></element></define>');
  const compiled = compileGrammar(path);
  const deriver = new Deriver(compiled.table);
  const memo = new AllowedMemo();
  const shallow = parseXml(`${'<n>'.repeat(256)}${'</n>'.repeat(256)}`);
  assert.deepEqual(allowedAt(compiled, deriver, shallow, shallow.root!, {}, memo)?.elements, ['n']);
  // Deep enough that deriving the first child's subtree recursively would overflow the stack.
  const deep = parseXml(`<n>${'<n>'.repeat(20_000)}${'</n>'.repeat(20_000)}<n/></n>`);
  const last = deep.root!.children.filter((child): child is XmlElement => child.kind === 'element').at(-1)!;
  assert.equal(allowedAt(compiled, deriver, deep, last, {}, memo), undefined);
  assert.equal(allowedAt(compiled, deriver, deep, deep.root!), undefined);
});
