import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileUri } from '../../server/src/cli/lintSource';
import { CLI, SELF_CLOSED_HUGEPAGES, folderWith } from './cliHarness';

test('a reader that stops early ends the run quietly, with the exit status of what was found', async () => {
  // Enough findings that the report outgrows a pipe's buffer, so the write meets the closed pipe.
  const names = Array.from({ length: 400 }, (_, index) => `guest-${index}.xml`);
  const folder = folderWith(Object.fromEntries(names.map((name) => [name, SELF_CLOSED_HUGEPAGES])));
  const child = spawn(process.execPath, [CLI, 'lint', '--format', 'json', '--schema', 'builtin', ...names], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const status = await new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  assert.equal(stderr, '', 'no stack trace');
  assert.equal(status, 1, 'the files have errors');
});

test("file URIs of linted paths are pathToFileURL's, with or without characters it encodes", () => {
  const letters = ['a', 'Z', '0', '.', '-', '_', '+', ',', '=', '@', '~', ' ', '%', '#', '?', 'é', '\\', ':', "'", '!'];
  let checked = 0;
  for (const first of letters) {
    for (const second of letters) {
      for (const path of [`/tmp/${first}${second}.xml`, `/${first}/${second}`, `/w/${first}${second}/..`, `relative/${first}${second}`]) {
        const absolute = resolve(path);
        assert.equal(fileUri(absolute), pathToFileURL(absolute).href, absolute);
        checked++;
      }
    }
  }
  assert.ok(checked > 1000);
});
