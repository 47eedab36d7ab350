import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileGrammar } from '../../../server/src/schema/rng/load';
import { loadRngSchema } from '../../../server/src/schema/rng';
import { SchemaLoadError } from '../../../server/src/schema/types';
import { CORPUS_DIR } from '../../kb/shared';
import { grammar, RNG, schemaFiles, XSD } from './helpers';
import { resolve } from 'node:path';

function accepts(schema: string, document: string): boolean {
  return loadRngSchema(schema).validate(document).length === 0;
}

function loadError(schema: string): string {
  try {
    compileGrammar(schema);
  } catch (error) {
    assert.ok(error instanceof SchemaLoadError, String(error));
    return error.message;
  }
  return assert.fail('the schema compiled');
}

test('include with an override replaces the included definition; combine="choice" adds to it', () => {
  const main = schemaFiles({
    'main.rng': `<grammar ${RNG}><start><ref name="root"/></start>
      <include href="lib.rng"><define name="colour"><value>red</value></define></include>
      <define name="shape" combine="choice"><value>circle</value></define>
    </grammar>`,
    'lib.rng': `<grammar ${RNG}>
      <define name="root"><element name="thing"><attribute name="colour"><ref name="colour"/></attribute><attribute name="shape"><ref name="shape"/></attribute></element></define>
      <define name="colour"><value>blue</value></define>
      <define name="shape"><value>square</value></define>
    </grammar>`,
  });
  assert.ok(accepts(main, '<thing colour="red" shape="square"/>'));
  assert.ok(accepts(main, '<thing colour="red" shape="circle"/>'));
  assert.ok(!accepts(main, '<thing colour="blue" shape="circle"/>'), 'the override replaces blue');
});

test('combine="interleave" of two definitions, divs, and a start given in parts', () => {
  const schema = grammar(
    '<element name="r"><ref name="parts"/></element>',
    `<div><define name="parts" combine="interleave"><element name="a"><empty/></element></define></div>
     <define name="parts" combine="interleave"><element name="b"><empty/></element></define>`,
  );
  assert.ok(accepts(schema, '<r><a/><b/></r>'));
  assert.ok(accepts(schema, '<r><b/><a/></r>'));
  assert.ok(!accepts(schema, '<r><a/></r>'));
});

test('ns is inherited by element names, not by attribute names; prefixes in names resolve in the schema', () => {
  const schema = schemaFiles({
    'main.rng': `<grammar ${RNG} xmlns:q="urn:q" ns="urn:main"><start><element name="r">
      <attribute name="plain"/><attribute name="q:extra"/>
      <optional><element name="q:child"><empty/></element></optional>
      <optional><element name="other" ns=""><empty/></element></optional>
    </element></start></grammar>`,
  });
  assert.ok(accepts(schema, '<r xmlns="urn:main" plain="1" xmlns:x="urn:q" x:extra="2"><x:child/><other xmlns=""/></r>'));
  assert.ok(!accepts(schema, '<r plain="1" xmlns:x="urn:q" x:extra="2"/>'), 'r must be in urn:main');
  assert.ok(!accepts(schema, '<r xmlns="urn:main" xmlns:x="urn:q" x:plain="1" x:extra="2"/>'), 'plain is in no namespace');
});

test('datatypeLibrary is inherited; a <value> without type is a token of the built-in library', () => {
  const schema = grammar(`<element name="r"><attribute name="n"><data type="string"><param name="maxLength">2</param></data></attribute><attribute name="v"><value>a  b</value></attribute></element>`);
  assert.ok(accepts(schema, '<r n="ab" v=" a b "/>'));
  assert.ok(!accepts(schema, '<r n="abc" v="a b"/>'));
  assert.ok(!accepts(schema, '<r n="a" v="ab"/>'));
  const strings = grammar(`<element name="r"><attribute name="v"><value type="string">a b</value></attribute></element>`, '', '');
  assert.ok(accepts(strings, '<r v="a b"/>'));
  assert.ok(!accepts(strings, '<r v=" a b"/>'), 'string values compare exactly');
});

test('anyName with except, nsName, data except, list, mixed, externalRef, nested grammar with parentRef', () => {
  const schema = schemaFiles({
    'main.rng': `<grammar ${RNG} ${XSD}><start><element name="r"><interleave>
      <zeroOrMore><element><anyName><except><name>r</name><name>inner</name><nsName ns="urn:no"/></except></anyName><empty/></element></zeroOrMore>
      <optional><element name="word"><data type="string"><except><value>bad</value></except></data></element></optional>
      <optional><element name="list"><list><oneOrMore><data type="token"><param name="pattern">[0-9]+</param></data></oneOrMore></list></element></optional>
      <optional><element name="m"><mixed><zeroOrMore><element name="b"><text/></element></zeroOrMore></mixed></element></optional>
      <optional><externalRef href="ext.rng"/></optional>
      <optional><grammar><start><element name="inner"><parentRef name="leaf"/></element></start></grammar></optional>
    </interleave></element></start>
    <define name="leaf"><attribute name="x"/></define></grammar>`,
    'ext.rng': `<element name="ext" ${RNG}><text/></element>`,
  });
  assert.ok(accepts(schema, '<r><anything/><word>good</word><list> 1 2  3 </list><m>a<b>x</b>c</m><ext>t</ext><inner x="1"/></r>'));
  assert.ok(!accepts(schema, '<r><r/></r>'));
  assert.ok(!accepts(schema, '<r><n:x xmlns:n="urn:no"/></r>'));
  assert.ok(!accepts(schema, '<r><word>bad</word></r>'));
  assert.ok(!accepts(schema, '<r><list>1 x</list></r>'));
  assert.ok(!accepts(schema, '<r><inner/></r>'));
});

test('a schema it cannot compile: the file and line of the fault', () => {
  assert.match(loadError(grammar('<element name="r"><ref name="nowhere"/></element>')), /main\.rng:1: no definition of "nowhere"/);
  assert.match(loadError(grammar('<ref name="a"/>', '\n<define name="a">\n<ref name="a"/></define>')), /main\.rng:3: "a" refers to itself without an <element>/);
  assert.match(loadError(grammar('<element name="r"><data type="noSuchType"/></element>')), /main\.rng:1: .*noSuchType/);
  assert.match(loadError(grammar('<element name="r"><frobnicate/></element>')), /main\.rng:1: <frobnicate> is not a RelaxNG pattern/);
  assert.match(loadError(grammar('<element name="r"><empty/></element>', '<define name="x"><empty/></define><define name="x"><empty/></define>')), /defined twice without a combine/);
  assert.match(loadError(schemaFiles({ 'main.rng': `<grammar ${RNG}><start><element name="r"><empty/></element></start><include href="missing.rng"/></grammar>` })), /main\.rng:1: cannot read \S*missing\.rng, which this refers to: no such file/);
  assert.match(loadError(schemaFiles({ 'main.rng': `<grammar ${RNG}><start>` })), /main\.rng:1: not well-formed XML/);
});

test('an attribute that takes any name must repeat within its element, as libxml2 requires (xmllint 2.9.14 gave each verdict)', () => {
  const refused = /main\.rng:\d+: an <attribute> that takes any name .* must stand inside a <oneOrMore> or <zeroOrMore> within its element/;
  const anyName = '<attribute><anyName/></attribute>';
  // Refused by xmllint: "Found anyName (nsName) attribute without oneOrMore ancestor".
  assert.match(loadError(grammar(`<element name="r">${anyName}</element>`)), refused);
  assert.match(loadError(grammar(`<element name="r"><optional>${anyName}</optional></element>`)), refused);
  assert.match(loadError(grammar('<element name="r"><attribute><nsName ns="urn:x"/></attribute></element>')), refused);
  assert.match(loadError(grammar(`<element name="r"><oneOrMore><element name="s">${anyName}</element></oneOrMore></element>`)), refused, 'an element starts afresh');
  assert.match(loadError(grammar('<element name="r"><ref name="x"/></element>', `<define name="x">${anyName}</define>`)), refused);
  // Taken by xmllint.
  const r = '<r a="1"/>';
  assert.ok(accepts(grammar(`<element name="r"><zeroOrMore>${anyName}</zeroOrMore></element>`), r));
  assert.ok(accepts(grammar('<element name="r"><oneOrMore><ref name="x"/></oneOrMore></element>', `<define name="x">${anyName}</define>`), r));
  assert.ok(accepts(grammar('<element name="r"><attribute><choice><name>a</name><anyName/></choice></attribute></element>'), r));
  assert.ok(accepts(grammar('<element name="r"><attribute><anyName><except><name>b</name></except></anyName></attribute></element>'), r));
});

test('an attribute inside a written group or interleave that repeats is refused, as libxml2 refuses it (xmllint 2.9.14 gave each verdict)', () => {
  const refused = /main\.rng:\d+: an <attribute> may not stand inside a <group>, <interleave> or <mixed> that is inside a <oneOrMore> or <zeroOrMore>/;
  const x = '<element name="x"><empty/></element>';
  const r = (content: string, defines = ''): string => grammar(`<element name="r">${content}</element>`, defines);
  // Refused by xmllint: "Found forbidden pattern oneOrMore//group//attribute" (or //interleave//).
  assert.match(loadError(r(`<oneOrMore><group><attribute name="a"/>${x}</group></oneOrMore>`)), refused);
  assert.match(loadError(r(`<oneOrMore><interleave><attribute name="a"/>${x}</interleave></oneOrMore>`)), refused);
  assert.match(loadError(r('<oneOrMore><interleave><attribute name="a"/><attribute name="b"/></interleave></oneOrMore>')), refused);
  assert.match(loadError(r('<oneOrMore><mixed><attribute name="a"/></mixed></oneOrMore>')), refused);
  assert.match(loadError(r(`<oneOrMore><optional><group><attribute name="a"/>${x}</group></optional></oneOrMore>`)), refused);
  assert.match(loadError(r('<zeroOrMore><group><text/><attribute name="a"/></group></zeroOrMore>')), refused);
  assert.match(loadError(r(`<oneOrMore><group><oneOrMore><attribute name="a"/></oneOrMore>${x}</group></oneOrMore>`)), refused);
  assert.match(loadError(r(`<oneOrMore><choice><group><attribute name="a"/>${x}</group><element name="z"><empty/></element></choice></oneOrMore>`)), refused);
  assert.match(loadError(r('<oneOrMore><ref name="d"/></oneOrMore>', `<define name="d"><group><attribute name="q"/>${x}</group></define>`)), refused, 'references are followed');
  assert.match(loadError(r('<oneOrMore><ref name="d"/></oneOrMore>', `<define name="d" combine="interleave"><attribute name="q"/></define><define name="d" combine="interleave">${x}</define>`)), refused);
  // Compiled by xmllint: no group written (a oneOrMore or define of several patterns), a group of one, an element between, the group outside.
  assert.ok(accepts(r(`<zeroOrMore><attribute name="a"/>${x}</zeroOrMore>`), '<r a="1"><x/></r>'));
  assert.ok(accepts(r('<oneOrMore><ref name="d"/></oneOrMore>', `<define name="d"><attribute name="q"/>${x}</define>`), '<r q="1"><x/></r>'));
  assert.ok(accepts(r('<oneOrMore><group><attribute name="a"/></group></oneOrMore>'), '<r a="1"/>'));
  assert.ok(accepts(r('<oneOrMore><group><attribute name="a"/><empty/></group></oneOrMore>'), '<r a="1"/>'));
  assert.ok(accepts(r('<oneOrMore><element name="w"><group><attribute name="a"/><empty/><element name="y"><empty/></element></group></element></oneOrMore>'), '<r><w a="1"><y/></w></r>'));
  assert.ok(accepts(r(`<group><oneOrMore><attribute name="a"/></oneOrMore>${x}</group>`), '<r a="1"><x/></r>'));
});

test("libvirt's schemas compile: 11.3.0's from the corpus and the host's, where they are", () => {
  for (const path of [resolve(CORPUS_DIR, 'schemas/domain.rng'), '/usr/share/libvirt/schemas/domain.rng']) {
    let grammarOf;
    try {
      grammarOf = compileGrammar(path);
    } catch (error) {
      if (error instanceof SchemaLoadError && /no such file/.test(error.message)) continue;
      throw error;
    }
    assert.ok(grammarOf.elements.length > 500, `${path}: ${grammarOf.elements.length} elements`);
  }
});
