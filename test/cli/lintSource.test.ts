import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { absolutePath } from '../../server/src/cli/lintSource';

const PATHS = [
  'a.xml', 'a/b.xml', 'tests/qemuxmlconfdata/cputune.xml', './a.xml', 'a/./b', 'a/../b', '../a', '..', '.', 'a//b', 'a/',
  '/abs/x.xml', '/abs/../x.xml', '', 'a/..b', 'a/.b', '.hidden/x', '..x/y', 'x/...', 'a b/c%d.xml', 'é/ü.xml', 'a\\b',
];

test('a path a command line names is made absolute as path.resolve makes it, from any working folder', () => {
  const start = process.cwd();
  try {
    for (const folder of [start, '/']) {
      process.chdir(folder);
      for (const path of PATHS) assert.equal(absolutePath(path), resolve(path), `${JSON.stringify(path)} in ${folder}`);
    }
  } finally {
    process.chdir(start);
  }
});
