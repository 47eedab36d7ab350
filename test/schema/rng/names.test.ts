import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRngSchema } from '../../../server/src/schema/rng';
import { loadSchema } from '../../../server/src/schema/validator';
import { schemaFiles, RNG } from './helpers';

/** Any element, with any attributes and any content: only well-formedness decides. */
const ANYTHING = schemaFiles({
  'main.rng': `<grammar ${RNG}><start><ref name="any"/></start><define name="any"><element><anyName/><zeroOrMore><choice><attribute><anyName/></attribute><text/><ref name="any"/></choice></zeroOrMore></element></define></grammar>`,
});

/** Code points at the edges of XML 1.0's (fifth edition) NameStartChar and NameChar ranges, on both sides. */
const EDGES = [
  0xb6, 0xb7, 0xbf, 0xc0, 0xd6, 0xd7, 0xd8, 0xf6, 0xf7, 0xf8, 0x2ff, 0x300, 0x36f, 0x370, 0x37d, 0x37e, 0x37f, 0x1fff, 0x2000, 0x200b, 0x200c,
  0x200d, 0x200e, 0x203e, 0x203f, 0x2040, 0x2041, 0x206f, 0x2070, 0x218f, 0x2190, 0x2bff, 0x2c00, 0x2fef, 0x2ff0, 0x3000, 0x3001, 0xd7ff, 0xe000,
  0xf8ff, 0xf900, 0xfdcf, 0xfdd0, 0xfdef, 0xfdf0, 0xfffd, 0x10000, 0x1ffff, 0x20000, 0xeffff, 0xf0000, 0xfffff, 0x100000, 0x10ffff,
];

test('names: every edge code point, first or later, in element and attribute names (prefixed or not), judged as libxml2 judges it, a refusal placed at that character', async () => {
  const ours = loadRngSchema(ANYTHING);
  const libxml2 = await loadSchema(ANYTHING);
  const disagreements: string[] = [];
  for (const code of EDGES) {
    const c = String.fromCodePoint(code);
    for (const text of [`<${c}/>`, `<a${c}/>`, `<p:${c}/>`, `<d ${c}=""/>`, `<d a${c}=""/>`, `<d xmlns:p="u" p:${c}=""/>`, `<d><e${c}></e${c}></d>`]) {
      const found = ours.validate(text);
      const refused = libxml2.validate(text).length > 0;
      if ((found.length > 0) !== refused) disagreements.push(`U+${code.toString(16)} in ${JSON.stringify(text)}: libxml2 ${refused ? 'refuses' : 'accepts'}`);
      else if (refused && code >= 0xc0) assert.equal(`${found[0]!.kind} ${found[0]!.column}`, `not-well-formed ${text.indexOf(c) + 1}`, text);
      // U+0080 to U+00BF end a name as the tolerant parser reads it (so a no-break space parts attributes as typed): a mistake there too.
      else if (refused) assert.ok(found.some(({ column }) => column === text.indexOf(c) + 1) || text === `<${c}/>`, text);
    }
  }
  assert.deepEqual(disagreements, []);
});

test('names: the differential fuzz cases of seeds 8103 and 8104, attribute names holding U+2028 or U+10FFFF, refused at that character', () => {
  const texts = [
    `<domain type='qemu' xmlns:\u2028=''><name>1</name></domain>`,
    `<domain type='bhyve'><metadata><app2:bar x="" \u2028=""></app2:bar></metadata></domain>`,
    `<domain type='qemu'><metadata><libosinfo:libosinfo \u{10FFFF}=''></libosinfo:libosinfo></metadata></domain>`,
  ];
  for (const text of texts) {
    const bad = /[\u2028\u{10FFFF}]/u.exec(text)!.index;
    assert.deepEqual(loadRngSchema(ANYTHING).validate(text).map(({ kind, column }) => `${kind} ${column}`), [`not-well-formed ${bad + 1}`], text);
  }
});

test("processing instructions: a target that is a name, followed by white space or '?>', and 'xml' only for the declaration at the start, as libxml2 reads them", async () => {
  const ours = loadRngSchema(ANYTHING);
  const libxml2 = await loadSchema(ANYTHING);
  // [text, where ours refuses it (the first error's column), or undefined: accepted]
  const cases: [string, number | undefined][] = [
    ['<?xml version="1.0"?><a/>', undefined],
    ['\uFEFF<?xml version="1.0"?><a/>', undefined],
    ['<?xml-stylesheet href="a"?><a/><?a:b?>', undefined],
    ['<?a?><a><?b\tc?><?\u{10000}\u0300 x?></a>', undefined],
    ['\n<?xml version="1.0"?><a/>', 3],
    ['<a><?XmL x?></a>', 6],
    ['<?XML version="1.0"?><a/>', 3],
    ['<??><a/>', 3],
    ['<a><?1a?></a>', 6],
    ['<a><? a?></a>', 6],
    ['<a/><?-?>', 7],
    ['<?a\u00D7?><a/>', 4],
    ['<?a\u00A0b?><a/>', 4],
    ['<a><?a?b?></a>', 7],
    ['<?\u{F0000}?><a/>', 3],
  ];
  for (const [text, column] of cases) {
    const found = ours.validate(text);
    assert.equal(found.length > 0, libxml2.validate(text).length > 0, `libxml2 on ${JSON.stringify(text)}`);
    assert.deepEqual(found.length === 0 ? undefined : `${found[0]!.kind} ${found[0]!.column}`, column === undefined ? undefined : `not-well-formed ${column}`, JSON.stringify(text));
  }
});
