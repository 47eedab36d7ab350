import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SchemaData, SchemaElementRow, SchemaValue } from '../../server/src/kb/schema/types';

const GENERATOR = resolve(__dirname, '../../../scripts/gen-schema.mjs');
const HEAD = `<?xml version="1.0"?>
<grammar xmlns="http://relaxng.org/ns/structure/1.0" xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0"
  datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">`;

/** Runs the generator on a grammar made of these files (main.rng first) and returns what it wrote. */
function generate(files: Record<string, string>): { data: SchemaData; stdout: string } {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-rng-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), `${HEAD}${text}</grammar>\n`);
    const out = join(folder, 'out.json');
    const run = spawnSync(
      process.execPath,
      [GENERATOR, join(folder, 'main.rng'), '--libvirt-version', '0.0.1', '--out', out],
      { encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr);
    return { data: JSON.parse(readFileSync(out, 'utf8')) as SchemaData, stdout: run.stdout };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function element(data: SchemaData, path: string): SchemaElementRow {
  let row = data.elements[data.root]!;
  assert.equal(row.name, path.split('/')[0]);
  for (const name of path.split('/').slice(1)) {
    const child = row.children?.find(([childName]) => childName === name);
    assert.ok(child, `no ${name} under ${row.name}`);
    row = data.elements[child[1]]!;
  }
  return row;
}

function attribute(data: SchemaData, path: string, name: string): { value: SchemaValue; required: boolean; doc?: string } {
  const row = element(data, path).attributes?.find(([attributeName]) => attributeName === name);
  assert.ok(row, `no @${name} on ${path}`);
  return { value: data.values[row[1]]!, required: row[2] === 'r', ...(row[3] ? { doc: row[3] } : {}) };
}

test('include with overriding defines, combine, nested grammars and parentRef', () => {
  const { data } = generate({
    'main.rng': `
      <start><ref name="root"/></start>
      <include href="common.rng">
        <define name="mode"><choice><value>fast</value><value>slow</value></choice></define>
      </include>
      <define name="extra" combine="choice"><element name="added"><empty/></element></define>
      <define name="attrs" combine="interleave"><optional><attribute name="second"><text/></attribute></optional></define>
      <define name="root">
        <element name="root">
          <a:documentation>The   root.</a:documentation>
          <ref name="attrs"/>
          <optional><ref name="extra"/></optional>
          <element name="inner">
            <grammar>
              <start><element name="deep"><parentRef name="leaf"/></element></start>
            </grammar>
          </element>
        </element>
      </define>
      <define name="leaf"><attribute name="mode"><ref name="mode"/></attribute></define>`,
    'common.rng': `
      <define name="mode"><value>replaced</value></define>
      <define name="extra"><notAllowed/></define>
      <define name="attrs">
        <attribute name="first"><a:documentation>The first.</a:documentation><data type="int"/></attribute>
        <element><choice><name>either</name><name>or</name></choice><empty/></element>
      </define>`,
  });
  assert.equal(data.libvirtVersion, '0.0.1');
  assert.deepEqual(data.schemaFiles, ['common.rng', 'main.rng']);
  const root = element(data, 'root');
  assert.equal(root.doc, 'The root.');
  // In the order the schema declares them (messages and completion list them so).
  assert.deepEqual(root.children?.map(([name, , flags]) => [name, flags ?? '']), [
    ['either', ''],
    ['or', ''],
    ['added', ''],
    ['inner', 'r'],
  ]);
  assert.equal(attribute(data, 'root', 'first').required, true);
  assert.equal(attribute(data, 'root', 'first').doc, 'The first.');
  assert.equal(attribute(data, 'root', 'second').required, false);
  assert.deepEqual(attribute(data, 'root', 'first').value, { kind: 'integer', datatype: 'int', min: '-2147483648', max: '2147483647' });
  assert.deepEqual(attribute(data, 'root/inner/deep', 'mode').value, { kind: 'enum', values: ['fast', 'slow'] });
});

test('choices merge into a union, noting the attribute that tells the branches apart', () => {
  const { data } = generate({
    'main.rng': `
      <start>
        <element name="disk">
          <choice>
            <group>
              <attribute name="type"><value>file</value></attribute>
              <element name="source"><attribute name="file"><text/></attribute></element>
            </group>
            <group>
              <attribute name="type"><value>block</value></attribute>
              <element name="source"><attribute name="dev"><text/></attribute></element>
              <zeroOrMore><element name="tag"><text/></element></zeroOrMore>
            </group>
          </choice>
          <attribute name="shared"><choice><value>yes</value><value>no</value></choice></attribute>
          <optional><element name="privateData"><notAllowed/></element></optional>
        </element>
      </start>`,
  });
  const disk = element(data, 'disk');
  assert.deepEqual(disk.flattened, ['type']);
  assert.deepEqual(attribute(data, 'disk', 'type'), { value: { kind: 'enum', values: ['file', 'block'] }, required: true });
  assert.deepEqual(attribute(data, 'disk', 'shared').value, { kind: 'yesno' });
  assert.deepEqual(disk.children?.map(([name, , flags]) => [name, flags ?? '']), [['source', 'r'], ['tag', 'm']]);
  const source = element(data, 'disk/source');
  assert.equal(source.variants, 2);
  assert.equal(attribute(data, 'disk/source', 'file').required, false);
  assert.equal(attribute(data, 'disk/source', 'dev').required, false);
});

test('open content, mixed text, lists, data parameters and patterns', () => {
  const { data, stdout } = generate({
    'main.rng': `
      <start>
        <element name="root">
          <element name="metadata">
            <zeroOrMore><element><anyName><except><nsName ns=""/></except></anyName><zeroOrMore><attribute><anyName/></attribute></zeroOrMore></element></zeroOrMore>
          </element>
          <element name="note"><mixed><zeroOrMore><element name="b"><empty/></element></zeroOrMore></mixed></element>
          <element name="ids"><list><oneOrMore><data type="unsignedByte"/></oneOrMore></list></element>
          <element name="cmd" ns="http://libvirt.org/schemas/domain/qemu/1.0"><element name="arg"><attribute name="value"/></element></element>
          <attribute name="percent"><data type="int"><param name="minExclusive">0</param><param name="maxInclusive">100</param></data></attribute>
          <attribute name="serial"><data type="string"><param name="pattern">[A-Z]\\-[0-9]{2}$</param><param name="maxLength">8</param></data></attribute>
          <attribute name="label"><data type="string"><param name="pattern">\\i\\c*</param></data></attribute>
          <attribute name="latin"><data type="string"><param name="pattern">\\p{IsBasicLatin}+</param></data></attribute>
          <attribute name="volume"><data type="string"><param name="pattern">[^/]+</param><except><choice><value>.</value><value>..</value></choice></except></data></attribute>
          <attribute name="size"><choice><value>auto</value><data type="unsignedLong"/></choice></attribute>
        </element>
      </start>`,
  });
  assert.equal(element(data, 'root/metadata').openChildren, true);
  assert.equal(element(data, 'root/note').text, data.values.findIndex((value) => value.kind === 'text' && !('note' in value)));
  assert.deepEqual(data.values[element(data, 'root/ids').text!], {
    kind: 'list',
    item: { kind: 'integer', datatype: 'unsignedByte', min: '0', max: '255' },
  });
  assert.deepEqual(
    element(data, 'root/qemu:cmd').children?.map(([name]) => name),
    ['qemu:arg'],
    'RelaxNG elements inherit their ns',
  );
  assert.deepEqual(attribute(data, 'root', 'percent').value, { kind: 'integer', datatype: 'int', min: '1', max: '100' });
  assert.deepEqual(attribute(data, 'root', 'serial').value, {
    kind: 'pattern',
    pattern: { xsd: '[A-Z]\\-[0-9]{2}$', js: '^(?:[A-Z]-[0-9]{2}\\$)$' },
    maxLength: 8,
  });
  const label = attribute(data, 'root', 'label').value;
  const labelJs = label.kind === 'pattern' ? label.pattern.js : undefined;
  assert.ok(labelJs, 'XML name characters convert');
  assert.equal(new RegExp(labelJs, 'u').test('a:b-1'), true);
  assert.equal(new RegExp(labelJs, 'u').test('1a'), false);
  const latin = attribute(data, 'root', 'latin').value;
  assert.equal(latin.kind === 'pattern' && latin.pattern.js, undefined);
  assert.match(stdout, /pattern kept for XML Schema only \(Unicode block escape \\p\{IsBasicLatin\}\): \\p\{IsBasicLatin\}\+/);
  assert.deepEqual(attribute(data, 'root', 'volume').value, {
    kind: 'pattern',
    pattern: { xsd: '[^/]+', js: '^(?:[^/]+)$' },
    except: ['.', '..'],
  });
  assert.deepEqual(attribute(data, 'root', 'size').value, {
    kind: 'union',
    of: [{ kind: 'enum', values: ['auto'] }, { kind: 'integer', datatype: 'unsignedLong', min: '0', max: '18446744073709551615' }],
  });
});
