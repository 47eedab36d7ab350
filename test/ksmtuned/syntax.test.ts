import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { refusedToken } from '../../server/src/ksmtuned/syntax';

/** Lines and the token bash 5 names in "syntax error near unexpected token" for each (`newline` for a redirection with no word after it). */
const REFUSED: readonly [string, string][] = [
  [';', ';'],
  ['A=1; ;', ';'],
  ['KSM_SLEEP_MSEC=10;;', ';;'],
  ["x=&amp;&amp;&amp;'", ';&'],
  ['A=1; & B=2', '&'],
  ['A=1 | | B=2', '|'],
  ['A=1 && || B=2', '||'],
  ['A=1 ) ', ')'],
  ['A=1 (', '('],
  ['a b(c', '('],
  ['()', ')'],
  ['( ; )', ';'],
  ['a && )', ')'],
  ['(A=1) x', 'x'],
  ['A=1 <', 'newline'],
  ['A=1 > #x', 'newline'],
  ['A=1 > ;', ';'],
];

/** Lines bash takes (or reads on past), which no token of is refused. */
const TAKEN: readonly string[] = [
  'A=1',
  'A=1 &',
  'A=1; B=2 # ; ;',
  'A=1 && B=2',
  'A=1 || B=2 | cat',
  'a |',
  'A=(1 2)',
  'f ()',
  '(A=1)',
  '(a;)',
  '((a=1))',
  '(A=1) >/dev/null',
  'echo 1 > /sys/kernel/mm/ksm/run 2>&1',
  "A='x;;y' B=\"(\" C=\\;\\;",
  'A=$(echo a; echo b) B=`echo ;;`',
  'case x in a) A=1;; esac',
  'if true; then A=1; fi',
  "A='not closed; ;",
];

function bashSays(line: string): { status: number | null; stderr: string } {
  const run = spawnSync('bash', ['-n'], { input: `${line}\n`, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

test('refusedToken: the token of each line bash refuses, where bash -n names it', () => {
  for (const [line, token] of REFUSED) {
    const refused = refusedToken(line, 0, line.length);
    assert.ok(refused, `${line}: nothing refused`);
    assert.equal(refused.missingWord ? 'newline' : refused.token, token, line);
    if (!refused.missingWord) assert.equal(line.slice(refused.span.start, refused.span.end), token, line);
    const bash = bashSays(line);
    assert.equal(bash.status, 2, `${line}: bash -n ${bash.status}`);
    assert.match(bash.stderr, new RegExp(`near unexpected token \`${token.replace(/[|()]/g, '\\$&')}'`), line);
  }
});

test('refusedToken: nothing on the lines bash takes, or reads on past, or that hold what this reading does not follow', () => {
  for (const line of TAKEN) {
    assert.equal(refusedToken(line, 0, line.length), undefined, line);
    const bash = bashSays(line);
    assert.ok(!/near unexpected token/.test(bash.stderr), `${line}: ${bash.stderr}`);
  }
});

test('refusedToken: only the stretch asked for is read', () => {
  const text = 'A=1\n;\nB=2 ) x\n';
  assert.equal(refusedToken(text, 0, 3), undefined);
  assert.deepEqual(refusedToken(text, 4, 5), { span: { start: 4, end: 5 }, token: ';' });
  assert.deepEqual(refusedToken(text, 6, 13), { span: { start: 10, end: 11 }, token: ')' });
});
