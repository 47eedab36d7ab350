import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, ksmFindings, onlyFinding, sourceConf } from '../ksmtunedHelpers';
import { buildKsmModel } from '../../../server/src/ksmtuned/model';
import { parseKsmtunedConf } from '../../../server/src/ksmtuned/parser';

// What bash sets of a file with a syntax error: nothing of the command that holds it (every line of it).

const NAMES = ['KSM_NPAGES_MAX', 'KSM_NPAGES_MIN', 'KSM_SLEEP_MSEC'];

/** The assignments the model counts; those below a line that stops bash still count, as set once that line is mended. */
function setNames(text: string): string[] {
  return buildKsmModel(parseKsmtunedConf(text)).assignments.map(({ assignment }) => assignment.name);
}

test('an assignment on a line bash refuses is not set: no other rule takes its value for the one ksmtuned uses', () => {
  // bash 5.2 and dash: syntax error at ;; on line 3, KSM_NPAGES_MAX stays 3000.
  const text = 'KSM_NPAGES_MAX=3000\nKSM_NPAGES_MIN=64\nKSM_NPAGES_MAX=30 ;;\n';
  for (const shell of ['bash', 'dash'] as const) {
    const sourced = sourceConf(text, NAMES, shell);
    assert.match(sourced.stderr, /;;/, shell);
  }
  assert.deepEqual(sourceConf(text, NAMES).values, { KSM_NPAGES_MAX: '3000', KSM_NPAGES_MIN: '64', KSM_SLEEP_MSEC: undefined });
  // Before, line 3 counted as set: VT209 said line 1 has no effect and VT205 that 64 is above 30.
  assert.deepEqual(ksmFindings(text).map((finding) => finding.rule), ['VT201']);
  assert.deepEqual(setNames(text), ['KSM_NPAGES_MAX', 'KSM_NPAGES_MIN']);
  // Every statement of the line goes, the ones before the token too (bash parses the whole line first).
  const both = 'KSM_NPAGES_MIN=5; KSM_NPAGES_MAX=1 )\nKSM_SLEEP_MSEC=10\n';
  assert.deepEqual(sourceConf(both, NAMES).values, { KSM_NPAGES_MAX: undefined, KSM_NPAGES_MIN: undefined, KSM_SLEEP_MSEC: undefined });
  assert.deepEqual(setNames(both), ['KSM_SLEEP_MSEC']);
});

test('a token bash refuses on a line it reads with the lines above as one command drops those lines too', () => {
  // A quote closed on line 2 and then ) : bash 5.2 sets neither assignment of line 1 and stops reading.
  const quoted = 'KSM_NPAGES_MIN=5; KSM_NPAGES_MAX="x\ny" )\nKSM_SLEEP_MSEC=10\n';
  assert.deepEqual(sourceConf(quoted, NAMES).values, { KSM_NPAGES_MAX: undefined, KSM_NPAGES_MIN: undefined, KSM_SLEEP_MSEC: undefined });
  assert.deepEqual(setNames(quoted), ['KSM_SLEEP_MSEC']);
  const conf = parseKsmtunedConf(quoted);
  assert.deepEqual(conf.lines.map((line) => [line.dropped === true, line.refused !== undefined]), [[true, false], [false, true], [false, false]]);
  const refused = ksmFindings(quoted, 'VT201').find((finding) => finding.range.start.line === 1)!;
  assert.match(refused.message, /nothing on this line, nor on the lines above it that bash reads with it as one command, is run or set/);
  // Commenting out the line would put the # inside the quote: no fix.
  assert.deepEqual(refused.fixes, []);
});

test("an operator on a later line of an array left open is bash's syntax error there: the whole assignment is dropped, and the next line read", () => {
  // bash 5.2 names the operator (or the digits before a redirection) on the later line, sets nothing of the
  // array's lines, and goes on with the line after (dash refuses any array at its `(`).
  for (const [text, token, line, character] of [
    ['KSM_NPAGES_MAX=(30\n1 > x)\nKSM_SLEEP_MSEC=10\n', '>', 1, 2],
    ['KSM_NPAGES_MAX=(30\n2\n3 | 4 ) ; KSM_NPAGES_MIN=5\nKSM_SLEEP_MSEC=10\n', '|', 2, 2],
    ['KSM_NPAGES_MIN=5; KSM_NPAGES_MAX=(x\ny ;\nKSM_SLEEP_MSEC=10\n', ';', 1, 2],
    ['KSM_NPAGES_MAX=(30\n1>x) ; KSM_NPAGES_MIN=5\nKSM_SLEEP_MSEC=10\n', '1', 1, 0],
  ] as const) {
    const sourced = sourceConf(text, NAMES);
    assert.deepEqual(sourced.values, { KSM_NPAGES_MAX: undefined, KSM_NPAGES_MIN: undefined, KSM_SLEEP_MSEC: '10' }, text);
    assert.ok(sourced.stderr.includes(`syntax error near unexpected token \`${token}'`), sourced.stderr);
    // Before, the operator was read as one more element: the array closed (or never closed) and KSM_NPAGES_MAX set to 30 or x.
    const { finding, covered } = onlyFinding(text, 'VT201');
    assert.equal(covered, token, text);
    assert.deepEqual(finding.range.start, { line, character }, text);
    assert.equal(
      finding.message,
      `bash refuses '${token}' inside an array's parentheses (a syntax error). It parses a whole line before it runs any of it, so nothing on this line, ` +
        'nor on the lines above it that bash reads with it as one command, is run or set, and it then goes on with the next line.',
    );
    // Commented out, the line would leave the array open: no fix.
    assert.deepEqual(finding.fixes, []);
    assert.deepEqual(ksmFindings(text).filter((each) => each.rule !== 'VT201'), [], text);
    assert.deepEqual(setNames(text), ['KSM_SLEEP_MSEC'], text);
  }
  // On the line that opens the array, the fix still comments out the line (bash then sets KSM_SLEEP_MSEC alike).
  const one = 'KSM_NPAGES_MAX=(30 >\nKSM_SLEEP_MSEC=10\n';
  assert.equal(fixed(one, onlyFinding(one, 'VT201').finding), '# KSM_NPAGES_MAX=(30 >\nKSM_SLEEP_MSEC=10\n');
});
