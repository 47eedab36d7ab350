import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { CORPUS_DIR, missing } from '../../kb/shared';
import { differential } from './differential';

const SCHEMA = resolve(CORPUS_DIR, 'schemas/domain.rng');

/** Short enough for every `npm test`; `npm run fuzz:rng -- --seconds N --seed S [--schema PATH]` runs longer. */
test('a seeded differential fuzz against libxml2: mutated corpus files judged alike by both engines', { skip: missing(resolve(CORPUS_DIR, 'rejected.txt')) ?? missing(SCHEMA) ?? false, timeout: 300_000 }, async (t) => {
  const report = await differential({ schemaPath: SCHEMA, seed: 20261206, cases: 1500 });
  t.diagnostic(`${report.cases} cases`);
  assert.deepEqual(
    report.disagreements.map((found) => `libxml2 ${found.libxml2Accepts ? 'accepts' : 'refuses'} (${found.origin}; ${found.mutations.join(', ')}): ${JSON.stringify(found.minimised).slice(0, 600)} -- ours: ${found.ours} -- libxml2: ${found.libxml2}`),
    [],
  );
});
