import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { elementSpec, isForeignElement, isForeignName } from '../../server/src/kb/structure';
import { valueProblem } from '../../server/src/kb/values';
import { parseXml } from '../../server/src/xml/parser';
import { childElements, elementText, walkElements } from '../../server/src/xml/query';
import type { XmlElement } from '../../server/src/xml/types';
import { CORPUS_DIR, missing } from './shared';

const ACCEPTED_LIST = resolve(CORPUS_DIR, 'accepted.txt');

/**
 * Every domain XML libvirt's own schema accepts must pass the structure (generated from that schema,
 * with the overlay's narrowings) without one complaint: an unknown child, an unknown attribute, a value
 * outside its type, a missing required attribute or content in an element that must be empty. This is
 * what keeps the structure, and the narrowings above all, from raising false errors on valid files.
 * test/domain/rules/structure/corpus.test.ts runs the structure rules themselves over the same files.
 */
test("libvirt's accepted test domains raise no structure complaint", (t) => {
  const reason = missing(ACCEPTED_LIST);
  if (reason) {
    t.skip(reason);
    return;
  }
  const files = readFileSync(ACCEPTED_LIST, 'utf8').split('\n').filter((line) => line.trim() !== '');
  assert.ok(files.length > 2000, `only ${files.length} files listed`);
  const complaints = new Map<string, string[]>();
  const complain = (what: string, file: string): void => {
    const where = complaints.get(what);
    if (where) where.push(file);
    else complaints.set(what, [file]);
  };
  let judged = 0;
  for (const file of files) {
    const document = parseXml(readFileSync(resolve(CORPUS_DIR, file), 'utf8'));
    assert.deepEqual(document.problems, [], `${file} does not parse cleanly`);
    const root = document.root!;
    assert.equal(root.name, 'domain', file);
    walkElements([root], (element) => {
      const path = pathOf(element);
      if (path === undefined) return;
      const spec = elementSpec(path);
      if (!spec) return;
      judged++;
      for (const child of childElements(element)) {
        if (spec.childrenKnown && !isForeignElement(child) && !spec.children.includes(child.name)) {
          complain(`unknown child ${path}/${child.name}`, file);
        }
      }
      for (const attribute of element.attributes) {
        if (isForeignName(attribute.name)) continue;
        const attributeSpec = spec.attributes.find((candidate) => candidate.name === attribute.name);
        if (!attributeSpec) {
          if (spec.attributesKnown) complain(`unknown attribute ${path}@${attribute.name}`, file);
          continue;
        }
        const problem = valueProblem(attributeSpec.type, attribute.value ?? '');
        if (problem) complain(`bad value ${path}@${attribute.name}: ${problem}`, file);
      }
      for (const attributeSpec of spec.attributes) {
        if (attributeSpec.required && !element.attributes.some((attribute) => attribute.name === attributeSpec.name)) {
          complain(`missing required ${path}@${attributeSpec.name}`, file);
        }
      }
      const text = elementText(element);
      if (spec.empty && (text || childElements(element).length > 0)) complain(`content in empty ${path}`, file);
      if (spec.text && text) {
        const problem = valueProblem(spec.text, text.value);
        if (problem) complain(`bad text ${path}: ${problem}`, file);
      }
    });
  }
  const report = [...complaints].map(([what, where]) => `${what} (${where.length}x, e.g. ${where[0]})`);
  assert.deepEqual(report, []);
  assert.ok(judged > 70000, `only ${judged} elements were judged`);
});

/** The element's path, or undefined when a foreign-namespace element stands above it. */
function pathOf(element: XmlElement): string | undefined {
  const names: string[] = [];
  for (let at: XmlElement | undefined = element; at; at = at.parent) {
    if (isForeignElement(at)) return undefined;
    names.push(at.name);
  }
  return names.reverse().join('/');
}
