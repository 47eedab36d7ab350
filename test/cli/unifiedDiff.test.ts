import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unifiedDiff } from '../../server/src/cli/unifiedDiff';

/** Applies a unified diff to a text (strictly: every context and removed line must match). */
function applyDiff(oldText: string, diff: string): string {
  const oldLines = oldText === '' ? [] : oldText.split(/(?<=\n)/);
  const diffLines = diff.split(/(?<=\n)/).slice(2);
  const result: string[] = [];
  let cursor = 0;
  for (let i = 0; i < diffLines.length; i++) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@\n$/.exec(diffLines[i]!);
    if (header) {
      const oldStart = Number(header[1]);
      const firstLine = header[2] === '0' ? oldStart : oldStart - 1;
      result.push(...oldLines.slice(cursor, firstLine));
      cursor = firstLine;
      continue;
    }
    const line = diffLines[i]!;
    const noNewline = diffLines[i + 1] === '\\ No newline at end of file\n';
    const content = line.slice(1, -1) + (noNewline ? '' : '\n');
    if (noNewline) i++;
    if (line[0] === ' ' || line[0] === '-') {
      assert.equal(oldLines[cursor], content, `line ${cursor + 1} of the old text`);
      cursor++;
    }
    if (line[0] === ' ' || line[0] === '+') result.push(content);
  }
  return [...result, ...oldLines.slice(cursor)].join('');
}

test('a one-line change gets three lines of context each side, as diff -u writes it', () => {
  const oldText = 'a\nb\nc\nd\ne\nf\ng\nh\n';
  const newText = 'a\nb\nc\nd\nE\nf\ng\nh\n';
  assert.equal(
    unifiedDiff('x.xml', 'x.xml', oldText, newText),
    '--- x.xml\n+++ x.xml\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n',
  );
});

test('changes far apart make two hunks; a missing final newline is marked', () => {
  const lines = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
  const oldText = lines.join('\n');
  const newText = ['LINE 1', ...lines.slice(1, 19), 'LINE 20'].join('\n');
  const diff = unifiedDiff('x', 'x', oldText, newText);
  assert.equal((diff.match(/^@@/gm) ?? []).length, 2);
  assert.match(diff, /^@@ -1,4 \+1,4 @@$/m);
  assert.match(diff, /^-line 20\n\\ No newline at end of file\n\+LINE 20\n\\ No newline at end of file\n$/m);
  assert.equal(applyDiff(oldText, diff), newText);
});

test('equal texts give no diff; CRLF line ends are kept in the lines', () => {
  assert.equal(unifiedDiff('x', 'x', 'same\n', 'same\n'), '');
  const diff = unifiedDiff('x', 'x', 'a\r\nb\r\n', 'a\r\nB\r\n');
  assert.match(diff, /^-b\r$/m);
  assert.equal(applyDiff('a\r\nb\r\n', diff), 'a\r\nB\r\n');
});

test('random edits: applying the diff to the old text gives the new text', () => {
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 300; round++) {
    const oldLines = Array.from({ length: random(30) }, () => `l${random(6)}\n`);
    const newLines = [...oldLines];
    for (let edit = random(6); edit > 0; edit--) {
      const at = random(newLines.length + 1);
      if (random(2) === 0) newLines.splice(at, 1);
      else newLines.splice(at, 0, `n${random(6)}\n`);
    }
    const oldText = oldLines.join('');
    const newText = newLines.join('') + (random(4) === 0 ? 'tail' : '');
    const diff = unifiedDiff('x', 'x', oldText, newText);
    assert.equal(applyDiff(oldText, diff), newText, `round ${round}:\n${diff}`);
  }
});
