import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allDiagnostics, chooseSchema, serviceFor } from '../../server/src/services';
import { CORPUS_DIR, missing , corpusList } from '../kb/shared';
import { CORPUS_ALLOWED_ERRORS } from './corpus-allow-list';

const SCHEMA = resolve(CORPUS_DIR, 'schemas/domain.rng');
const skip = missing(resolve(CORPUS_DIR, 'rejected.txt')) ?? missing(SCHEMA) ?? false;

/** `file rule: message` for each error-level finding of each file, the domain service's caches emptied as it goes. */
async function errorsOf(files: readonly string[]): Promise<Map<string, string[]>> {
  const service = serviceFor('domain')!;
  const result = new Map<string, string[]>();
  for (const file of files) {
    const path = resolve(CORPUS_DIR, file);
    const document = TextDocument.create(pathToFileURL(path).href, 'xml', 1, readFileSync(path, 'utf8'));
    const errors = (await allDiagnostics(service, document)).filter((finding) => finding.severity === 'error');
    service.forget(document.uri);
    if (errors.length > 0) result.set(file, errors.map((error) => `${error.rule}: ${error.message}`));
  }
  return result;
}

/** The errors the allow-list does not excuse, and the entries that excused nothing. */
function judgeAgainstAllowList(errors: Map<string, string[]>): { unexpected: string[]; unused: string[] } {
  const used = new Set<string>();
  const unexpected: string[] = [];
  for (const [file, messages] of errors) {
    for (const message of messages) {
      const allowed = CORPUS_ALLOWED_ERRORS.find((entry) => entry.file === file && message.startsWith(`${entry.rule}:`));
      if (allowed) used.add(`${allowed.file} ${allowed.rule}`);
      else unexpected.push(`${file} ${message}`);
    }
  }
  const unused = CORPUS_ALLOWED_ERRORS.map((entry) => `${entry.file} ${entry.rule}`).filter((key) => !used.has(key));
  return { unexpected, unused };
}

test("libvirt's corpus: no error on a file the schema accepts, with the schema and with the built-in structure; an error on every file it rejects", { skip, timeout: 300_000 }, async (t) => {
  const accepted = corpusList('accepted.txt');
  const rejected = corpusList('rejected.txt');
  assert.ok(accepted.length > 2000 && rejected.length > 20, `${accepted.length} accepted, ${rejected.length} rejected`);

  let started = performance.now();
  await chooseSchema(SCHEMA);
  const withSchema = judgeAgainstAllowList(await errorsOf(accepted));
  const rejectedErrors = await errorsOf(rejected);
  t.diagnostic(`with the schema: ${accepted.length + rejected.length} files in ${Math.round(performance.now() - started)} ms`);

  started = performance.now();
  await chooseSchema('builtin');
  const builtin = judgeAgainstAllowList(await errorsOf(accepted));
  t.diagnostic(`built-in structure: ${accepted.length} files in ${Math.round(performance.now() - started)} ms`);

  assert.deepEqual(withSchema.unexpected, [], 'errors on files the schema accepts (with --schema)');
  assert.deepEqual(builtin.unexpected, [], 'errors on files the schema accepts (builtin)');
  assert.deepEqual(withSchema.unused, [], 'allow-list entries that no longer trigger (with --schema)');
  assert.deepEqual(builtin.unused, [], 'allow-list entries that no longer trigger (builtin)');
  assert.deepEqual(rejected.filter((file) => !rejectedErrors.has(file)), [], 'rejected files without an error (with --schema)');
});

test('the allow-list is reviewed: each entry names a file of the accepted list, a rule, and a one-line reason', { skip }, () => {
  const accepted = new Set(corpusList('accepted.txt'));
  for (const entry of CORPUS_ALLOWED_ERRORS) {
    assert.ok(accepted.has(entry.file), entry.file);
    assert.match(entry.rule, /^VT\d{3}$/);
    assert.ok(entry.reason.length > 20 && !entry.reason.includes('\n'), entry.reason);
  }
});
