import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const MAIN = join(__dirname, 'main.js');

test('npm run fuzz -- --help lists the options and runs nothing', () => {
  const run = spawnSync(process.execPath, [MAIN, '--help'], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^usage: npm run fuzz -- /);
  for (const option of ['--seconds', '--seed', '--schema', '--chained', '--limit-ms', '--case-limit-ms', '--no-save', '--verbose', '--dump']) assert.match(run.stdout, new RegExp(`\\n  ${option} `));
});

test('a mistake in the options is said with the usage, not a stack trace', () => {
  for (const [args, said] of [[['--bogus'], /^Unknown option '--bogus'/], [['--seconds', 'x'], /^--seconds, --limit-ms and --case-limit-ms take positive numbers/]] as const) {
    const run = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(run.status, 2, args.join(' '));
    assert.match(run.stderr, said);
    assert.match(run.stderr, /\nusage: npm run fuzz -- /);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  }
});
