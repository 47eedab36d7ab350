import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { domainDocument, forgetDomainDocument } from '../../server/src/domain/document';
import { domainDiagnostics, forgetDomainDiagnostics } from '../../server/src/domain/diagnostics';
import { parseXml } from '../../server/src/xml/parser';
import { bigDomain } from '../bench/bigDomain';

const URI = 'file:///document-test/guest.xml';
const version = (v: number, text: string) => TextDocument.create(URI, 'xml', v, text);

test("a keystroke's tree is built from the last one without a well-formedness problem, and gives the findings of a whole parse", () => {
  const base = bigDomain(200);
  const beforeVcpu = base.indexOf('<vcpu ');
  const inValue = base.indexOf("file='") + 9;
  const texts = [
    base,
    base.slice(0, inValue) + 'x' + base.slice(inValue),
    // An end tag that closes no element: a problem the incremental reparse cannot build from.
    base.slice(0, beforeVcpu) + '</x>' + base.slice(beforeVcpu),
    base.slice(0, inValue) + 'xy' + base.slice(inValue),
  ];
  const trees = texts.map((text, index) => domainDocument(version(index + 1, text)).xml);
  assert.equal(trees[1]!.root, trees[0]!.root, 'the second version reuses the first tree');
  assert.ok(trees[2]!.problems.length > 0);
  assert.notEqual(trees[2]!.root, trees[1]!.root);
  assert.equal(trees[3]!.root, trees[1]!.root, 'the version after the broken one is built from the last tree without a problem');
  const last = version(4, texts[3]!);
  const whole = TextDocument.create('file:///document-test/whole.xml', 'xml', 1, texts[3]!);
  assert.deepEqual(domainDiagnostics(last), domainDiagnostics(whole));
  assert.deepEqual(JSON.stringify(trees[3]!.root!.span), JSON.stringify(parseXml(texts[3]!).root!.span));
  forgetDomainDocument(URI);
  forgetDomainDocument(whole.uri);
  forgetDomainDiagnostics(URI);
  forgetDomainDiagnostics(whole.uri);
});
