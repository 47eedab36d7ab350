import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseXml } from '../../server/src/xml/parser';
import { walkElements } from '../../server/src/xml/query';
import { schemaElementOf } from '../../server/src/kb/schema';
import { CORPUS_DIR, missing , corpusList } from './shared';
import { schemaViolations, type Violation } from './schema-violations';

function violationsOf(file: string): Violation[] {
  return schemaViolations(parseXml(readFileSync(resolve(CORPUS_DIR, file), 'utf8')));
}

/**
 * libvirt's accepted test domains: not one element outside its parent's children, one attribute
 * unknown, one value outside its type (enumerations, numbers, patterns), one required attribute or
 * child missing, one single child repeated. This proves the flattened structure raises no false errors.
 */
test("libvirt's accepted test domains break nothing in the generated structure", (t) => {
  const reason = missing(resolve(CORPUS_DIR, 'accepted.txt'));
  if (reason) {
    t.skip(reason);
    return;
  }
  const files = corpusList('accepted.txt');
  assert.ok(files.length > 2000, `only ${files.length} files listed`);
  const found: string[] = [];
  let judged = 0;
  let elements = 0;
  for (const file of files) {
    const document = parseXml(readFileSync(resolve(CORPUS_DIR, file), 'utf8'));
    walkElements(document.root ? [document.root] : [], (element) => {
      elements++;
      if (schemaElementOf(element)) judged++;
    });
    for (const violation of schemaViolations(document)) found.push(`${file}: ${violation.kind} ${violation.what}`);
  }
  t.diagnostic(`${files.length} files, ${judged} of ${elements} elements judged (the rest are open content)`);
  assert.ok(judged > 70_000 && judged > elements * 0.99, `only ${judged} of ${elements} elements judged`);
  assert.deepEqual(found.slice(0, 20), [], `${found.length} violations`);
});

test("libvirt's rejected test domains: what the structure alone catches", (t) => {
  const reason = missing(resolve(CORPUS_DIR, 'rejected.txt'));
  if (reason) {
    t.skip(reason);
    return;
  }
  const files = corpusList('rejected.txt');
  const flagged = files.filter((file) => violationsOf(file).length > 0);
  t.diagnostic(`${flagged.length} of ${files.length} rejected files flagged by the schema structure alone`);
  // The rest are refused by libvirt's code, not its schema (a vhost-scsi rawio, an auto nodeset with a
  // numatune memnode, a missing listen network...).
  assert.ok(flagged.length >= 13, `${flagged.length} flagged`);
  assert.deepEqual(
    violationsOf('tests/qemuxmlconfdata/disk-missing-target-invalid.xml').map((violation) => violation.what),
    ['domain/devices/disk: target', 'domain/devices/disk: target'],
  );
  assert.deepEqual(
    violationsOf('tests/qemuxmlconfdata/hugepages-memaccess-invalid.xml').map((violation) => violation.what),
    ['domain/cpu/numa/cell@memAccess=invalid'],
  );
});
