import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KERNEL_PARAMS } from '../../server/src/kb/cmdline';
import { enumValues } from '../../server/src/cmdline/paramMarkdown';
import { CMDLINE_RULES } from '../../server/src/cmdline/rules';
import { GUIDE_FILE, missing, SHARED_DIR } from '../kb/shared';
import { wordRuns } from '../ownWords';

const KERNEL_FILE = resolve(SHARED_DIR, 'reference/kernel-parameters-6.12.txt');
const ROOT = join(__dirname, '..', '..', '..');
const RUN = 8;

function runs(text: string): Set<string> {
  return wordRuns(text, RUN);
}

test('the kernel parameter knowledge and the VT3xx pages repeat no run of 8 words from the guide or kernel-parameters.txt', (t) => {
  const sourceFiles = [GUIDE_FILE, KERNEL_FILE].filter((file) => !missing(file));
  if (sourceFiles.length === 0) {
    t.skip('neither the guide nor kernel-parameters.txt is available');
    return;
  }
  const copied = new Set<string>();
  for (const file of sourceFiles) for (const run of runs(readFileSync(file, 'utf8'))) copied.add(run);
  const texts: [string, string][] = [];
  for (const spec of KERNEL_PARAMS) {
    for (const text of [spec.summary, spec.details, spec.advice, spec.repeatNote, spec.default]) if (text) texts.push([spec.name, text]);
    for (const entry of enumValues(spec.value)) if (entry.doc) texts.push([`${spec.name}=${entry.value}`, entry.doc]);
  }
  // A page's prose only: its Sources section cites titles word for word, and its examples show the guide's
  // own broken lines, as they should.
  for (const { meta } of CMDLINE_RULES) {
    const page = readFileSync(join(ROOT, 'docs', 'rules', `${meta.code}.md`), 'utf8');
    texts.push([meta.code, page.split('\n## Sources')[0]!.replace(/```[\s\S]*?```/g, '')]);
  }
  const problems = texts.flatMap(([where, text]) => [...runs(text)].filter((run) => copied.has(run)).map((run) => `${where}: "${run}"`));
  assert.deepEqual(problems, []);
  // The check itself works: a line of kernel-parameters.txt is caught.
  if (sourceFiles.includes(KERNEL_FILE)) {
    assert.ok([...runs('If this follows hugepagesz (below), it specifies the number of pages of hugepagesz to be allocated.')].some((run) => copied.has(run)));
  }
});
