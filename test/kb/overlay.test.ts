import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOC_ANCHORS_INFO } from '../../server/src/kb/docSections';
import { NARROWINGS } from '../../server/src/kb/overlay';
import { schemaElementSpec } from '../../server/src/kb/schema';
import { elementSpec } from '../../server/src/kb/structure';
import type { EnumValue, Source, ValueType } from '../../server/src/kb/types';
import { VALUE_NOTES } from '../../server/src/kb/valueNotes';

/** `path@name` or `path`: the generated (schema) type of the attribute or the element's text. */
function schemaType(key: string): ValueType | undefined {
  const [path, name] = key.split('@') as [string, string | undefined];
  const spec = schemaElementSpec(path);
  return name === undefined ? spec?.text : spec?.attributes.find((attribute) => attribute.name === name)?.type;
}

function structureType(key: string): ValueType | undefined {
  const [path, name] = key.split('@') as [string, string | undefined];
  const spec = elementSpec(path);
  return name === undefined ? spec?.text : spec?.attributes.find((attribute) => attribute.name === name)?.type;
}

/** Whether `narrow` accepts nothing `wide` refuses, for the pairs the overlay uses. */
function narrows(narrow: ValueType, wide: ValueType): boolean {
  if (narrow.kind === 'integer' && wide.kind === 'integer') {
    return (wide.min === undefined || (narrow.min !== undefined && narrow.min >= wide.min)) &&
      (wide.max === undefined || (narrow.max !== undefined && narrow.max <= wide.max));
  }
  // A size is a non-negative whole number, read in the element's `unit`.
  if (narrow.kind === 'memory') return wide.kind === 'memory' || (wide.kind === 'integer' && (wide.min ?? -1) >= 0);
  if (narrow.kind === 'enum' && wide.kind === 'enum') return narrow.values.every((entry) => wide.values.some((other) => other.value === entry.value));
  return false;
}

function checkSources(where: string, sources: readonly Source[]): void {
  assert.ok(sources.length > 0, `${where}: no source`);
  const anchors = new Set(DOC_ANCHORS_INFO.sections.map(([anchor]) => anchor));
  for (const source of sources) {
    if (source.kind !== 'libvirt') continue;
    assert.ok(anchors.has(source.anchor), `${where}: no formatdomain heading ${source.anchor}`);
    const heading = DOC_ANCHORS_INFO.sections.find(([anchor]) => anchor === source.anchor)?.[1];
    assert.equal(source.title, heading, `${where}: ${source.anchor} is titled "${heading}"`);
  }
}

test('every narrowing narrows a value type the schema has, with its sources, and is applied', () => {
  const keys = NARROWINGS.map((narrowing) => narrowing.key);
  assert.deepEqual(keys.filter((key, index) => keys.indexOf(key) !== index), []);
  for (const narrowing of NARROWINGS) {
    const wide = schemaType(narrowing.key);
    assert.ok(wide, `${narrowing.key}: the schema has no such attribute or text`);
    assert.ok(narrows(narrowing.type, wide), `${narrowing.key}: ${JSON.stringify(narrowing.type)} is not within ${JSON.stringify(wide)}`);
    assert.deepEqual(structureType(narrowing.key), narrowing.type, `${narrowing.key}: not applied`);
    assert.ok(narrowing.reason.length > 0);
    checkSources(narrowing.key, narrowing.sources);
  }
});

test('every value note describes a value the structure lists there, with its source', () => {
  for (const notes of VALUE_NOTES) {
    const type = structureType(notes.key);
    assert.equal(type?.kind, 'enum', `${notes.key}: not an enumeration`);
    if (type?.kind !== 'enum') continue;
    for (const [value, doc] of Object.entries(notes.values)) {
      const entry: EnumValue | undefined = type.values.find((candidate) => candidate.value === value);
      assert.ok(entry, `${notes.key}=${value}: not among ${type.values.map((candidate) => candidate.value).join(', ')}`);
      assert.equal(entry.doc, doc, `${notes.key}=${value}: the note is not applied`);
      assert.ok(doc.trim().length > 0 && doc.length < 80, `${notes.key}=${value}: a short description`);
    }
    checkSources(notes.key, [notes.source]);
  }
});
