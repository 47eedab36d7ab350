import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ksmFindings, onlyFinding, sourceConf } from '../ksmtunedHelpers';

// VT201 on what bash reads on into from the next lines: quotes, `$'`, `$(`, `$((` and arrays, each checked
// against bash 5.2 (and dash where it reads the same shell) sourcing the file.

test('VT201: a word never closed is named by what is still open at the end of the file, where it was opened', () => {
  // bash 5.2: "unexpected EOF while looking for matching `''" (line 2's quote); dash: unterminated quoted string.
  const reopened = 'KSM_NPAGES_MAX="1\n2"\'3\nKSM_SLEEP_MSEC=10\n';
  assert.match(sourceConf(reopened, ['KSM_NPAGES_MAX']).stderr, /looking for matching `''/);
  assert.match(sourceConf(reopened, ['KSM_NPAGES_MAX'], 'dash').stderr, /Unterminated quoted string/);
  const { finding, covered } = onlyFinding(reopened, 'VT201');
  // Before: the " of line 1, which line 2 closes.
  assert.equal(covered, "'");
  assert.deepEqual(finding.range.start, { line: 1, character: 2 });
  assert.match(finding.message, /^The ' opened in the value of KSM_NPAGES_MAX is never closed/);
  // A $( closed on the next line inside a " never closed: bash looks for the ", as dash does.
  const inner = 'KSM_NPAGES_MAX="$(echo 1\n)\nKSM_SLEEP_MSEC=10\n';
  assert.match(sourceConf(inner, ['KSM_NPAGES_MAX']).stderr, /looking for matching `"'/);
  const quote = onlyFinding(inner, 'VT201');
  assert.equal(quote.covered, '"');
  // Before: "The $( inside a " opened ...", at the $.
  assert.match(quote.finding.message, /^The " opened in the value of KSM_NPAGES_MAX is never closed/);
  // A command's word alike.
  assert.match(onlyFinding('echo "$(date\n)\nKSM_SLEEP_MSEC=10\n', 'VT201').finding.message, /^The " opened here is never closed/);
});

test('VT201: $(( is named as written, and the lines it spans go into an arithmetic expression, not a command', () => {
  const text = 'KSM_NPAGES_MAX=$((1000 +\n250))\nKSM_SLEEP_MSEC=10\n';
  for (const shell of ['bash', 'dash'] as const) assert.deepEqual(sourceConf(text, ['KSM_NPAGES_MAX', 'KSM_SLEEP_MSEC'], shell).values, { KSM_NPAGES_MAX: '1250', KSM_SLEEP_MSEC: '10' }, shell);
  // Before: "The $( opened ... part of the command whose output is the value".
  assert.match(
    onlyFinding(text, 'VT201').finding.message,
    /^The \$\(\( opened in the value of KSM_NPAGES_MAX is closed only on the next line: bash reads everything up to there as part of the arithmetic expression whose result is the value/,
  );
  const never = 'KSM_NPAGES_MAX=$((1000 +\nKSM_SLEEP_MSEC=10\n';
  assert.equal(sourceConf(never, ['KSM_SLEEP_MSEC']).values.KSM_SLEEP_MSEC, undefined);
  assert.match(onlyFinding(never, 'VT201').finding.message, /^The \$\(\( opened in the value of KSM_NPAGES_MAX is never closed: bash reads the rest of the file into the arithmetic expression/);
});

test("VT201: $'...' is bash's quoting in which a backslash escapes, the quote too, and outside double quotes only", () => {
  const names = ['LOGFILE', 'KSM_NPAGES_MAX', 'KSM_SLEEP_MSEC'];
  const text = "LOGFILE=$'/var/log/ksm\\'d'\nKSM_NPAGES_MAX=$(echo $'12\\'50' | tr -d \"'\")\nKSM_SLEEP_MSEC=10\n";
  assert.deepEqual(sourceConf(text, names).values, { LOGFILE: "/var/log/ksm'd", KSM_NPAGES_MAX: '1250', KSM_SLEEP_MSEC: '10' });
  // Before: the \' closed each, and the ' after it was a quote never closed.
  assert.deepEqual(ksmFindings(text, 'VT201'), []);
  // The value is the text bash makes of it (VT215 names the log file it writes to).
  assert.match(onlyFinding(text, 'VT215').finding.message, /writing to \/var\/log\/ksm'd/);
  // Left open, it is followed like a quote: the lines it takes are part of the value.
  const open = "LOGFILE=$'/var/log/\nksm'\nKSM_SLEEP_MSEC=10\n";
  assert.deepEqual(sourceConf(open, names).values, { LOGFILE: '/var/log/\nksm', KSM_NPAGES_MAX: undefined, KSM_SLEEP_MSEC: '10' });
  assert.match(onlyFinding(open, 'VT201').finding.message, /^The \$' opened in the value of LOGFILE is closed only on the next line: bash takes the lines between into the value/);
  // Inside double quotes $' is two plain characters.
  const quoted = 'LOGFILE="$\'/var/log/ksm"\nKSM_SLEEP_MSEC=10\n';
  assert.equal(sourceConf(quoted, names).values.LOGFILE, "$'/var/log/ksm");
  assert.deepEqual(ksmFindings(quoted, 'VT201'), []);
});

test('VT201: inside $( a backslash at the end of a line joins the next one to it, so a # there goes on the word (bash and dash)', () => {
  const joined = 'KSM_NPAGES_MAX=$(echo 1\\\n#2)\nKSM_SLEEP_MSEC=10\n';
  for (const shell of ['bash', 'dash'] as const) assert.deepEqual(sourceConf(joined, ['KSM_NPAGES_MAX', 'KSM_SLEEP_MSEC'], shell).values, { KSM_NPAGES_MAX: '1#2', KSM_SLEEP_MSEC: '10' }, shell);
  // Before: the # started a comment that hid the ), and the $( was never closed.
  const { finding } = onlyFinding(joined, 'VT201');
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /closed only on the next line/);
  // After a blank, joined or not, it is a comment; after an escaped backslash the line break is a real one.
  const comment = 'KSM_NPAGES_MAX=$(echo 1 \\\n#2)\nKSM_SLEEP_MSEC=10\n';
  assert.equal(sourceConf(comment, ['KSM_SLEEP_MSEC']).values.KSM_SLEEP_MSEC, undefined);
  assert.match(onlyFinding(comment, 'VT201').finding.message, /never closed/);
  const escaped = 'KSM_NPAGES_MAX=$(echo 1\\\\\n#2)\n)\nKSM_SLEEP_MSEC=10\n';
  assert.deepEqual(sourceConf(escaped, ['KSM_NPAGES_MAX', 'KSM_SLEEP_MSEC']).values, { KSM_NPAGES_MAX: '1\\', KSM_SLEEP_MSEC: '10' });
  assert.match(onlyFinding(escaped, 'VT201').finding.message, /closed only 2 lines below/);
});

test("VT201: a quote left open by an array's element is followed through the lines below, and the array after it", () => {
  const names = ['KSM_NPAGES_MAX', 'KSM_SLEEP_MSEC'];
  // bash 5.2: KSM_NPAGES_MAX is the first element; the array closes on line 2 and KSM_SLEEP_MSEC is set.
  const second = "KSM_NPAGES_MAX=(30 'a\nb' 5)\nKSM_SLEEP_MSEC=10\n";
  assert.deepEqual(sourceConf(second, names).values, { KSM_NPAGES_MAX: '30', KSM_SLEEP_MSEC: '10' });
  // Before: the line was a command and ' 5) on the next a quote closed and a ) bash refuses.
  assert.deepEqual(
    ksmFindings(second, 'VT201').map((finding) => finding.message),
    ["The ( of KSM_NPAGES_MAX's array is closed only on the next line: bash reads what lies between as more elements of it, so nothing written there is set or run. Close it on this line, or write KSM_NPAGES_MAX=value without parentheses."],
  );
  const first = "KSM_NPAGES_MAX=(\n'a\nb' 5)\nKSM_SLEEP_MSEC=10\n";
  assert.deepEqual(sourceConf(first, names).values, { KSM_NPAGES_MAX: 'a\nb', KSM_SLEEP_MSEC: '10' });
  assert.deepEqual(
    ksmFindings(first, 'VT201').map((finding) => finding.message),
    [
      "The ( of KSM_NPAGES_MAX's array is closed only 2 lines below: bash reads what lies between as more elements of it, so nothing written there is set or run. Close it on this line, or write KSM_NPAGES_MAX=value without parentheses.",
      'The \' opened in the value of KSM_NPAGES_MAX is closed only on the next line: bash takes the lines between into the value, so nothing written on them is set.',
    ],
  );
  // Never closed: bash reaches the end of the file looking for the ' (before, "reads on through the lines below, up to where it closes").
  const never = "KSM_NPAGES_MAX=(\n$(echo 'a\nKSM_SLEEP_MSEC=10\n";
  const sourced = sourceConf(never, names);
  assert.match(sourced.stderr, /unexpected EOF while looking for matching `''/);
  assert.equal(sourced.values.KSM_SLEEP_MSEC, undefined);
  // One finding, at the quote bash names (the array's own would name its `(`).
  const { finding: quote } = onlyFinding(never, 'VT201');
  assert.deepEqual(quote.range.start, { line: 1, character: 7 });
  assert.match(quote.message, /^The ' inside a \$\( opened in the value of KSM_NPAGES_MAX is never closed: bash reads the rest of the file into the command/);
  // Not the first element: named as the array's element, with no fix (closing it would leave the array open).
  const later = "KSM_NPAGES_MAX=(\n20 \"1.5\"')\nKSM_SLEEP_MSEC=10\n";
  assert.match(sourceConf(later, names).stderr, /line 2: unexpected EOF while looking for matching `''/);
  const element = onlyFinding(later, 'VT201');
  assert.deepEqual(element.finding.range.start, { line: 1, character: 8 });
  assert.equal(
    element.finding.message,
    "The ' opened in an element of KSM_NPAGES_MAX's array is never closed: bash reads the rest of the file into it and stops at a syntax error at its end, so nothing from this line on is set.",
  );
  assert.deepEqual(onlyFinding("KSM_NPAGES_MAX=('1\n# a note\n", 'VT201').finding.fixes, []);
  // An operator after the quote closes is refused where bash refuses it.
  const refused = "KSM_NPAGES_MAX=(\n'a\nb' > 5)\nKSM_SLEEP_MSEC=10\n";
  assert.match(sourceConf(refused, names).stderr, /syntax error near unexpected token `>'/);
  assert.equal(sourceConf(refused, names).values.KSM_SLEEP_MSEC, '10');
  assert.deepEqual(ksmFindings(refused, 'VT201').map((finding) => [finding.range.start.line, finding.range.start.character]), [[1, 0], [2, 3]]);
});
