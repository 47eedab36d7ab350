import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadSchema } from '../../server/src/schema/validator';
import { CORPUS_DIR, missing , corpusList } from '../kb/shared';

/** accepted.txt and rejected.txt are xmllint's verdicts with the same schema: libxml2-wasm must agree on each. */
test("xmllint's verdict on every file of libvirt's test corpus", { skip: missing(resolve(CORPUS_DIR, 'rejected.txt')) ?? false }, async (t) => {
  const validator = await loadSchema(resolve(CORPUS_DIR, 'schemas/domain.rng'));
  const accepted = corpusList('accepted.txt');
  const rejected = corpusList('rejected.txt');
  assert.ok(accepted.length > 2000 && rejected.length > 20, `${accepted.length} accepted, ${rejected.length} rejected`);
  const started = performance.now();
  const wrong = [
    ...accepted.filter((file) => validator.validate(readFileSync(resolve(CORPUS_DIR, file), 'utf8')).length > 0),
    ...rejected.filter((file) => validator.validate(readFileSync(resolve(CORPUS_DIR, file), 'utf8')).length === 0),
  ];
  t.diagnostic(`${accepted.length + rejected.length} files in ${Math.round(performance.now() - started)} ms`);
  assert.deepEqual(wrong, []);
});

test('pinpoint narrows every rejected file below the coarse "Extra element devices in interleave"', { skip: missing(resolve(CORPUS_DIR, 'rejected.txt')) ?? false }, async () => {
  const validator = await loadSchema(resolve(CORPUS_DIR, 'schemas/domain.rng'));
  const coarse: string[] = [];
  for (const file of corpusList('rejected.txt')) {
    const text = readFileSync(resolve(CORPUS_DIR, file), 'utf8');
    const errors = validator.pinpoint(text);
    assert.ok(errors.length > 0, file);
    if (errors.some((error) => error.path === '/domain/devices' || error.path === undefined)) coarse.push(file);
  }
  assert.deepEqual(coarse, []);
});
