import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadRngSchema } from '../../../server/src/schema/rng';
import { loadSchema } from '../../../server/src/schema/validator';
import { HOST_SCHEMA } from '../../../server/src/schema/source';
import { parseXml } from '../../../server/src/xml/parser';
import { CORPUS_DIR, corpusList, missing } from '../../kb/shared';

const SCHEMA = resolve(CORPUS_DIR, 'schemas/domain.rng');
const skip = missing(resolve(CORPUS_DIR, 'rejected.txt')) ?? missing(SCHEMA) ?? false;

/** accepted.txt and rejected.txt are xmllint's (libxml2 2.9.14) verdicts with the 11.3.0 schema. */
test("our validator gives xmllint's verdict on every file of libvirt's corpus (11.3.0 schema)", { skip }, (t) => {
  const validator = loadRngSchema(SCHEMA);
  const accepted = corpusList('accepted.txt');
  const rejected = corpusList('rejected.txt');
  assert.ok(accepted.length > 2000 && rejected.length > 20);
  const trees = new Map([...accepted, ...rejected].map((file) => [file, parseXml(readFileSync(resolve(CORPUS_DIR, file), 'utf8'))]));
  const started = performance.now();
  const wrong = [
    ...accepted.filter((file) => validator.validateTree(trees.get(file)!).length > 0).map((file) => `${file}: refused: ${validator.validateTree(trees.get(file)!)[0]!.message}`),
    ...rejected.filter((file) => validator.validateTree(trees.get(file)!).length === 0).map((file) => `${file}: accepted`),
  ];
  t.diagnostic(`${trees.size} trees judged in ${Math.round(performance.now() - started)} ms`);
  assert.deepEqual(wrong, []);
});

test("our validator gives libxml2-wasm's verdict on every corpus file with the host's schema (libvirt 9.0 here)", { skip: skip || (existsSync(HOST_SCHEMA) ? false : `${HOST_SCHEMA} is not available`), timeout: 300_000 }, async () => {
  const ours = loadRngSchema(HOST_SCHEMA);
  const libxml2 = await loadSchema(HOST_SCHEMA);
  const wrong: string[] = [];
  for (const file of [...corpusList('accepted.txt'), ...corpusList('rejected.txt')]) {
    const text = readFileSync(resolve(CORPUS_DIR, file), 'utf8');
    const theirs = libxml2.validate(text).length === 0;
    if ((ours.validate(text).length === 0) !== theirs) wrong.push(`${file}: libxml2 ${theirs ? 'accepts' : 'refuses'}`);
  }
  assert.deepEqual(wrong, []);
});

test('every rejected file gets an error placed at an element below the root, with what was expected there', { skip }, () => {
  const validator = loadRngSchema(SCHEMA);
  const coarse: string[] = [];
  for (const file of corpusList('rejected.txt')) {
    const [first] = validator.validate(readFileSync(resolve(CORPUS_DIR, file), 'utf8'));
    assert.ok(first, file);
    if (first.path === undefined || first.path === '/domain' || first.path === '/domain/devices') coarse.push(`${file}: ${first.path} ${first.message}`);
  }
  assert.deepEqual(coarse, []);
});
