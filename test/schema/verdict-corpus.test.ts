import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allDiagnostics, chooseSchema, serviceFor } from '../../server/src/services';
import { CORPUS_DIR, missing , corpusList } from '../kb/shared';
import { LIBVIRT_CODE_RULE, QEMU_DRIVER_REFUSES, readRefused, type Refusal } from './refused';

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

/**
 * Which errors on files the schema accepts are libvirt's own verdict, by what refused.tsv says of the file:
 * - not listed: libvirt accepts the file, so any error is wrong;
 * - refused always (when defined or when started): any error is right, and the file counts as flagged;
 * - refused only in some configurations (a QEMU version or capability, a host): an error is right only
 *   from the rules of libvirt's checks (VT170-VT199, VT400 on), which check exactly the condition libvirt
 *   refuses and word it; a tuning or structure rule must treat the file as accepted;
 * - accepted by libvirt's generic parser but refused by its QEMU driver (QEMU_DRIVER_REFUSES, each checked
 *   with virsh define here): an error is right from the rule named.
 */
function judgeAgainstRefused(errors: Map<string, string[]>, refused: Map<string, Refusal>): { unexpected: string[]; flagged: Set<string> } {
  const unexpected: string[] = [];
  const flagged = new Set<string>();
  for (const [file, messages] of errors) {
    const refusal = refused.get(file);
    for (const message of messages) {
      const rule = message.slice(0, message.indexOf(':'));
      if (refusal?.always) flagged.add(file);
      else if (refusal && LIBVIRT_CODE_RULE.test(rule)) continue;
      else if (QEMU_DRIVER_REFUSES.get(file)?.rule === rule) continue;
      else unexpected.push(`${file} ${message}${refusal ? ' (refused only in some configurations)' : ''}`);
    }
  }
  return { unexpected, flagged };
}

test("libvirt's corpus: no error on a file libvirt accepts, with the schema and with the built-in structure; an error on every file the schema rejects; at least half of the files libvirt always refuses flagged", { skip, timeout: 300_000 }, async (t) => {
  const accepted = corpusList('accepted.txt');
  const rejected = corpusList('rejected.txt');
  const refused = readRefused();
  const alwaysRefused = [...refused.values()].filter((refusal) => refusal.always).map((refusal) => refusal.file);
  assert.ok(accepted.length > 2000 && rejected.length > 20, `${accepted.length} accepted, ${rejected.length} rejected`);

  let started = performance.now();
  await chooseSchema(SCHEMA);
  const withSchema = judgeAgainstRefused(await errorsOf(accepted), refused);
  const rejectedErrors = await errorsOf(rejected);
  t.diagnostic(`with the schema: ${accepted.length + rejected.length} files in ${Math.round(performance.now() - started)} ms`);

  started = performance.now();
  await chooseSchema('builtin');
  const builtin = judgeAgainstRefused(await errorsOf(accepted), refused);
  t.diagnostic(`built-in structure: ${accepted.length} files in ${Math.round(performance.now() - started)} ms`);

  // Files libvirt always refuses that its schema already rejects get their error from the schema.
  const flagged = (judged: { flagged: Set<string> }): number =>
    alwaysRefused.filter((file) => judged.flagged.has(file) || rejectedErrors.has(file)).length;
  t.diagnostic(`libvirt always refuses ${alwaysRefused.length} files: ${flagged(builtin)} get an error (built-in structure), ${flagged(withSchema)} (with the schema)`);

  assert.deepEqual(withSchema.unexpected, [], 'errors on files libvirt accepts (with --schema)');
  assert.deepEqual(builtin.unexpected, [], 'errors on files libvirt accepts (builtin)');
  assert.deepEqual(rejected.filter((file) => !rejectedErrors.has(file)), [], 'rejected files without an error (with --schema)');
  assert.ok(flagged(builtin) * 2 >= alwaysRefused.length, `${flagged(builtin)} of ${alwaysRefused.length} always-refused files flagged: fewer than half`);
});

test('refused.tsv names corpus files: each one the schema accepts or rejects', { skip }, () => {
  const known = new Set([...corpusList('accepted.txt'), ...corpusList('rejected.txt')]);
  const refused = readRefused();
  assert.ok(refused.size > 200, `${refused.size} rows`);
  assert.deepEqual([...refused.keys()].filter((file) => !known.has(file)), []);
});
