import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSchema } from '../../server/src/schema/validator';
import { SchemaLoadError } from '../../server/src/schema/types';

const RNG = 'xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"';

/** A two-file schema in a fresh folder: main.rng includes its sibling types.rng, as domain.rng does. */
function schemaFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-schema-'));
  writeFileSync(
    join(folder, 'main.rng'),
    `<grammar ${RNG}><start><ref name="guest"/></start><include href="types.rng"/>
  <define name="guest"><element name="guest"><interleave>
    <element name="name"><text/></element>
    <optional><ref name="cpu"/></optional>
  </interleave></element></define>
</grammar>`,
  );
  writeFileSync(
    join(folder, 'types.rng'),
    `<grammar ${RNG}><define name="cpu"><element name="cpu"><attribute name="count"><data type="unsignedInt"/></attribute></element></define></grammar>`,
  );
  return folder;
}

async function loadError(path: string): Promise<SchemaLoadError> {
  try {
    await loadSchema(path);
  } catch (error) {
    assert.ok(error instanceof SchemaLoadError, String(error));
    return error;
  }
  assert.fail(`${path} loaded`);
}

test('a schema that includes a sibling file compiles and validates', async () => {
  const validator = await loadSchema(join(schemaFolder(), 'main.rng'));
  assert.deepEqual(validator.validate("<guest><cpu count='2'/><name>a</name></guest>"), []);
  const text = "<guest>\n  <name>a</name>\n  <cpu count='two'/>\n</guest>";
  assert.deepEqual(validator.validate(text), [
    { line: 3, message: 'Extra element cpu in interleave', kind: 'extra-in-interleave', element: 'cpu', path: '/guest/cpu' },
    { line: 3, message: 'Element guest failed to validate content', kind: 'invalid-content', element: 'guest', path: '/guest/cpu' },
  ]);
  assert.deepEqual(validator.pinpoint(text).map((error) => `${error.line} ${error.path}: ${error.message}`), [
    "3 /guest/cpu: Type unsignedInt doesn't allow value 'two'",
    '3 /guest/cpu: Element cpu failed to validate attributes',
  ]);
});

test('a missing schema file is a SchemaLoadError naming it; a later load sees the file once it is there', async () => {
  const folder = schemaFolder();
  const path = join(folder, 'later.rng');
  const error = await loadError(path);
  assert.equal(error.path, path);
  assert.equal(error.message, `Cannot read the libvirt schema ${path}: no such file.`);
  writeFileSync(path, `<grammar ${RNG}><include href="main.rng"/></grammar>`);
  const validator = await loadSchema(path);
  assert.deepEqual(validator.validate('<guest><name>a</name></guest>'), []);
});

test('a schema that is not XML, or not a RelaxNG grammar libxml2 can compile, is a SchemaLoadError', async () => {
  const folder = schemaFolder();
  writeFileSync(join(folder, 'broken.rng'), '<grammar><start>');
  assert.match((await loadError(join(folder, 'broken.rng'))).message, /is not well-formed XML: .*broken\.rng:1: /);
  writeFileSync(join(folder, 'undefined.rng'), `<grammar ${RNG}><start><ref name="nowhere"/></start></grammar>`);
  assert.match((await loadError(join(folder, 'undefined.rng'))).message, /cannot compile the RelaxNG schema .*Reference nowhere has no matching definition/);
});

test('libxml2 reads only inside the schema folders it was given', async () => {
  const outside = mkdtempSync(join(tmpdir(), 'virt-tune-outside-'));
  writeFileSync(join(outside, 'types.rng'), `<grammar ${RNG}><define name="cpu"><element name="cpu"><empty/></element></define></grammar>`);
  const folder = join(mkdtempSync(join(tmpdir(), 'virt-tune-schema-')), 'schemas');
  mkdirSync(folder);
  writeFileSync(join(folder, 'main.rng'), `<grammar ${RNG}><start><ref name="cpu"/></start><include href="${join(outside, 'types.rng')}"/></grammar>`);
  assert.match((await loadError(join(folder, 'main.rng'))).message, /failed to load .*types\.rng/);
});

test('a disposed schema is compiled again on the next load', async () => {
  const path = join(schemaFolder(), 'main.rng');
  const first = await loadSchema(path);
  first.dispose();
  const second = await loadSchema(path);
  assert.notEqual(second, first);
  assert.deepEqual(second.validate('<guest><name>a</name></guest>'), []);
});
