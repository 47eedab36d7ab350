import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { CLEAN_CONF, fixed, ksmFindings, onlyFinding } from '../ksmtunedHelpers';
import { parseKsmtunedConf } from '../../../server/src/ksmtuned/parser';

// VT201 stray-command, VT202 spaces-around-equals, VT217 crlf-line-endings.

test('VT201: a comment wrapped onto a line without # is an error on the whole line; the preferred fix comments it out', () => {
  const text = '# KSM_NPAGES_BOOST - is added to the `npages` value, when `free memory` is\nless than `thres`.\n# KSM_NPAGES_BOOST=300\n';
  const { finding, covered } = onlyFinding(text, 'VT201');
  assert.equal(finding.severity, 'error');
  assert.equal(covered, 'less than `thres`.');
  assert.match(finding.message, /wrapped onto a line of its own without #/);
  assert.match(finding.message, /runs "less" as a command \(after running "thres" for its output\)/);
  assert.equal(finding.fixes.length, 1);
  assert.equal(finding.fixes[0]!.isPreferred, true);
  assert.equal(fixed(text, finding), text.replace('\nless', '\n# less'));
});

test("VT201: a ';' that ends no command is bash's syntax error, said on the ';' (the fuzzer found the rule throwing on it)", () => {
  // bash 5: `. conf` with 'KSM_SLEEP_MSEC=10;;' sets nothing: "syntax error near unexpected token `;;'".
  for (const text of ['KSM_SLEEP_MSEC=10;;\n', ';\nKSM_SLEEP_MSEC=10\n']) {
    const { finding, covered } = onlyFinding(text, 'VT201');
    assert.equal(finding.severity, 'error');
    assert.equal(covered, ';');
    assert.match(finding.message, /refuses a ';' that ends no command/);
    assert.equal(ksmFindings(fixed(text, finding), 'VT201').length, 0);
  }
});

test("VT201: a line bash refuses is one error at the token it refuses, not one per statement (the fuzzer's seed 1414)", () => {
  // bash 5 sources this as "syntax error near unexpected token `;&'": nothing of the line is set, and it reads no further.
  const text = `KSM_NPAGES_MAX=1250\nx=${'&amp;'.repeat(1000)}'\nKSM_NPAGES_MIN=64\n`;
  const { finding, covered } = onlyFinding(text, 'VT201');
  assert.equal(finding.severity, 'error');
  assert.equal(covered, ';&');
  assert.match(finding.message, /^bash refuses ';&' here \(a syntax error\)\. It parses a whole line before it runs any of it, so nothing on this line is run or set/);
  assert.equal(fixed(text, finding), text.replace('\nx=', '\n# x='));
  assert.equal(ksmFindings(fixed(text, finding), 'VT201').length, 0);
  for (const [line, token] of [['A=1; & B=2', '&'], ['KSM_NPAGES_MAX=1 ) 2', ')'], ['KSM_NPAGES_MAX=1 >', '>']] as const) {
    const { finding: one, covered: at } = onlyFinding(`${line}\n`, 'VT201');
    assert.equal(at, token, line);
    assert.match(one.message, token === '>' ? /refuses '>' with no file name after it/ : /refuses '.' here/, line);
  }
});

test('VT201: a run of wrapped lines is taken as one comment continued; a substitution as first word is described', () => {
  const text = '# KSM_THRES_CONST - If this is a low memory system, and the `thres` value\nis less than `KSM_THRES_CONST`, then reset `thres` value to\n`KSM_THRES_CONST` value.\n';
  const found = ksmFindings(text, 'VT201');
  assert.equal(found.length, 2);
  assert.ok(found.every((finding) => /wrapped/.test(finding.message) && finding.fixes[0]!.isPreferred));
  assert.match(found[1]!.message, /runs "KSM_THRES_CONST" and then tries to run its output as a command/);
});

test('VT201: a command that does not follow a comment says what a line must be; its fix is not preferred', () => {
  const text = 'KSM_NPAGES_MAX=1250\n\necho 1 > /sys/kernel/mm/ksm/run\n';
  const { finding, covered } = onlyFinding(text, 'VT201');
  assert.equal(covered, 'echo 1 > /sys/kernel/mm/ksm/run');
  assert.match(finding.message, /must be blank, a comment or NAME=value: bash runs "echo" as a command/);
  assert.equal(finding.fixes[0]!.isPreferred, undefined);
  assert.equal(fixed(text, finding), 'KSM_NPAGES_MAX=1250\n\n# echo 1 > /sys/kernel/mm/ksm/run\n');
});

test('VT201: words after a value run as a command and the variable is never set', () => {
  const text = 'KSM_NPAGES_MAX=1250 2000\n';
  const { finding, covered } = onlyFinding(text, 'VT201');
  assert.equal(covered, '2000');
  assert.match(finding.message, /"2000" as a command to run with KSM_NPAGES_MAX=1250 set for that command alone/);
  assert.equal(fixed(text, finding), 'KSM_NPAGES_MAX=1250 # 2000\n');
});

test('VT201: an unclosed quote is an error at the quote, with a fix closing it', () => {
  const text = 'LOGFILE="/var/log/ksmtuned\nDEBUG=1\n';
  const { finding, covered } = onlyFinding(text, 'VT201');
  assert.equal(covered, '"');
  assert.match(finding.message, /is never closed: bash reads the rest of the file into the value and stops at a syntax error/);
  assert.equal(fixed(text, finding), 'LOGFILE="/var/log/ksmtuned"\nDEBUG=1\n');
});

test('VT201: export without a value is only information', () => {
  const text = 'KSM_NPAGES_MAX=1250\nexport KSM_NPAGES_MAX\n';
  const { finding } = onlyFinding(text, 'VT201');
  assert.equal(finding.severity, 'information');
});

test('VT201: comments, blank lines, assignments (export, quotes, ;, trailing comments) are clean', () => {
  const text = `${CLEAN_CONF}\n   \n# a comment\nexport KSM_NPAGES_MIN="64"; KSM_NPAGES_BOOST='300' # boost\n`;
  assert.deepEqual(ksmFindings(text, 'VT201'), []);
});

test('VT202: spaces on both sides of = are an error on the blanks and the =; the fix leaves NAME=value', () => {
  const text = 'KSM_NPAGES_MAX = 1250\n';
  const { finding, covered } = onlyFinding(text, 'VT202');
  assert.equal(finding.severity, 'error');
  assert.equal(covered, ' = ');
  assert.match(finding.message, /bash reads "KSM_NPAGES_MAX = 1250" as a command named KSM_NPAGES_MAX/);
  assert.match(finding.message, /Write KSM_NPAGES_MAX=1250 with no spaces around =/);
  assert.equal(finding.fixes[0]!.isPreferred, true);
  assert.equal(fixed(text, finding), 'KSM_NPAGES_MAX=1250\n');
  assert.deepEqual(ksmFindings(text, 'VT201'), []);
});

test('VT202: a space only before, or only after =', () => {
  const before = 'DEBUG =1\n';
  const first = onlyFinding(before, 'VT202');
  assert.equal(first.covered, ' =');
  assert.equal(fixed(before, first.finding), 'DEBUG=1\n');
  const after = '  KSM_SLEEP_MSEC=  10 # ms\n';
  const second = onlyFinding(after, 'VT202');
  assert.equal(second.covered, '=  ');
  assert.match(second.finding.message, /KSM_SLEEP_MSEC set to nothing for the command "10", which it runs/);
  assert.equal(fixed(after, second.finding), '  KSM_SLEEP_MSEC=10 # ms\n');
});

test('VT202: NAME= followed by nothing or a comment is an empty value, not spacing', () => {
  assert.deepEqual(ksmFindings('LOGFILE=\nLOGFILE= # none\n', 'VT202'), []);
  assert.deepEqual(ksmFindings(CLEAN_CONF, 'VT202'), []);
});

test('VT217: CRLF endings are one error on the first carriage return; the fix removes every one, nothing else', () => {
  const text = 'KSM_NPAGES_MAX=1250\r\n\r\n# done\r\nDEBUG=1\n';
  const { finding, covered } = onlyFinding(text, 'VT217');
  assert.equal(finding.severity, 'error');
  assert.equal(covered, '\r\n');
  assert.match(finding.message, /Windows \(CRLF\) line endings \(3 lines\)/);
  assert.equal(finding.fixes[0]!.isPreferred, true);
  assert.equal(fixed(text, finding), 'KSM_NPAGES_MAX=1250\n\n# done\nDEBUG=1\n');
  // The other rules read the lines without their carriage returns: one finding, not one per line.
  assert.deepEqual(ksmFindings(text).map((other) => other.rule), ['VT217']);
  assert.deepEqual(ksmFindings(CLEAN_CONF, 'VT217'), []);
});

test('VT201: && and || end an assignment as bash reads them: both sides of && are set, and what follows || after an assignment never runs', () => {
  // Sourced by bash 5: KSM_NPAGES_MIN=64, KSM_NPAGES_MAX=1000 and KSM_SLEEP_MSEC=10 are set; `true` never runs.
  const text = 'KSM_NPAGES_MIN=64 && KSM_NPAGES_MAX=1000\nKSM_SLEEP_MSEC=10 || true\n';
  const findings = ksmFindings(text, 'VT201');
  assert.deepEqual(findings.map((finding) => [finding.range.start.line, finding.severity]), [[1, 'information']]);
  assert.match(findings[0]!.message, /bash never runs what follows \|\|/);
  // `a || b || c && d`: b and c are skipped, d runs after the list succeeded.
  const chain = 'KSM_NPAGES_MIN=64 || KSM_NPAGES_MAX=10 || KSM_THRES_COEF=9 && KSM_SLEEP_MSEC=20\n';
  const skipped = ksmFindings(chain, 'VT201');
  assert.equal(skipped.length, 2);
  assert.deepEqual(ksmFindings(chain, 'VT209'), []);
});

test('VT201: an assignment followed by & or | runs in a subshell and is an error there; a redirection after it is a warning and the variable is set', () => {
  const background = onlyFinding('KSM_NPAGES_BOOST=300 &\n', 'VT201');
  assert.equal(background.covered, '&');
  assert.equal(background.finding.severity, 'error');
  assert.match(background.finding.message, /as a background job, in a subshell of its own: .* ksmtuned never sees KSM_NPAGES_BOOST/);
  const piped = ksmFindings('KSM_NPAGES_MIN=64 | cat\n', 'VT201');
  assert.deepEqual(piped.map((finding) => finding.message.slice(0, 40)), ['bash runs KSM_NPAGES_MIN=64 as one side ', 'A line of ksmtuned.conf must be blank, a']);
  const redirected = onlyFinding('KSM_NPAGES_BOOST=300 > /tmp/ksm.log\n', 'VT201');
  assert.equal(redirected.covered, '> /tmp/ksm.log');
  assert.equal(redirected.finding.severity, 'warning');
  assert.match(redirected.finding.message, /bash still sets KSM_NPAGES_BOOST/);
  assert.deepEqual(redirected.finding.fixes, []);
});

test('VT201: NAME=(a b) is an array, not a command: information, the first element is the value ksmtuned reads, and the fix writes it alone', () => {
  // Sourced by bash 5: KSM_SLEEP_MSEC=(10 20) gives $KSM_SLEEP_MSEC 10, KSM_NPAGES_MAX=( 500 ) gives 500.
  const { finding, covered } = onlyFinding('KSM_SLEEP_MSEC=(10 20)\n', 'VT201');
  assert.equal(finding.severity, 'information');
  assert.equal(covered, '(10 20)');
  assert.match(finding.message, /ksmtuned reads \$KSM_SLEEP_MSEC, its first element, 10: the 1 after it is never used/);
  assert.equal(fixed('KSM_SLEEP_MSEC=(10 20)\n', finding), 'KSM_SLEEP_MSEC=10\n');
  assert.match(onlyFinding('KSM_NPAGES_MAX=( 500 )\n', 'VT201').finding.message, /an array of one element/);
  // The first element is checked as a value: not empty (VT213), a number or not (VT204).
  assert.deepEqual(ksmFindings('KSM_NPAGES_MAX=( 500 )\n', 'VT213'), []);
  assert.equal(ksmFindings('KSM_THRES_COEF=("2 0" 1)\n', 'VT204').length, 1);
  assert.equal(ksmFindings('KSM_NPAGES_MIN=()\n', 'VT213').length, 1);
});

test('VT201: an array left open on its line, and a lone quote, say that bash reads the lines below into them', () => {
  // bash 5: after 'X=(1', the next line's KSM_NPAGES_BOOST=300 is an element of X, never set; after the ), KSM_SLEEP_MSEC=20 is.
  // The lines up to the ) are read into the array: no finding of their own, and nothing on them is set.
  const text = 'X=(1\nKSM_NPAGES_BOOST=300\n) KSM_SLEEP_MSEC=20\nKSM_NPAGES_MIN=64\n';
  const open = ksmFindings(text, 'VT201');
  assert.equal(open.length, 1, open.map((finding) => finding.message).join('\n'));
  assert.deepEqual(open[0]!.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 3 } });
  assert.match(open[0]!.message, /The \( of X's array is closed only 2 lines below: bash reads what lies between as more elements of it/);
  assert.deepEqual(ksmFindings(text, 'VT209'), []);
  // bash 5: KSM_SLEEP_MSEC=( on its own line takes the next line's word as its first element, so
  // $KSM_SLEEP_MSEC is the text 'KSM_NPAGES_BOOST=300', no number, and KSM_NPAGES_BOOST is not set.
  const element = ksmFindings('KSM_SLEEP_MSEC=(\nKSM_NPAGES_BOOST=300\n)\n', 'VT204');
  assert.equal(element.length, 1);
  assert.match(element[0]!.message, /"KSM_NPAGES_BOOST=300" is not one/);
  const never = ksmFindings('X=(1\nKSM_NPAGES_BOOST=300\n', 'VT201');
  assert.equal(never.length, 1);
  assert.match(never[0]!.message, /never closed: bash reads every line below as more elements of it, then stops at a syntax error/);
  // bash 5: a line holding only ' opens a quote that runs to the end of the file: a syntax error, nothing after is set.
  const quote = onlyFinding("KSM_MONITOR_INTERVAL=60\n'\nKSM_SLEEP_MSEC=10\n", 'VT201');
  assert.equal(quote.covered, "'");
  assert.match(quote.finding.message, /The ' opened here is never closed: bash reads the rest of the file into it .* nothing from this line on is set or run/);
  assert.doesNotMatch(quote.finding.message, /runs ""/);
});

test('VT201: a quote closed on a line below takes the lines between, as bash reads them; what follows is read again', () => {
  // bash 5 sourcing this: KSM_NPAGES_MAX is '1250\nKSM_SLEEP_MSEC=10\n', KSM_SLEEP_MSEC is not set, KSM_NPAGES_BOOST is 300.
  const text = 'KSM_MONITOR_INTERVAL=60\nKSM_NPAGES_MAX="1250\nKSM_SLEEP_MSEC=10\n" KSM_NPAGES_BOOST=300\nKSM_NPAGES_MIN=64\n';
  assert.deepEqual(bashSets(text, ['KSM_NPAGES_MAX', 'KSM_SLEEP_MSEC', 'KSM_NPAGES_BOOST']), ['1250\nKSM_SLEEP_MSEC=10\n', '', '300']);
  const { finding, covered } = onlyFinding(text, 'VT201');
  assert.equal(covered, '"');
  assert.equal(finding.range.start.line, 1);
  assert.match(finding.message, /opened in the value of KSM_NPAGES_MAX is closed only 2 lines below: bash takes the lines between into the value, so nothing written on them is set/);
  // Closing it on its own line would leave the " below open: no fix is guessed.
  assert.deepEqual(finding.fixes, []);
  const conf = parseKsmtunedConf(text);
  const set = conf.lines.flatMap((line) => line.statements.flatMap((statement) => (statement.kind === 'assignment' ? [statement.name] : [])));
  assert.deepEqual(set, ['KSM_MONITOR_INTERVAL', 'KSM_NPAGES_MAX', 'KSM_NPAGES_BOOST', 'KSM_NPAGES_MIN']);
  assert.deepEqual(conf.lines.map((line) => line.inQuote && text.slice(line.inQuote.start, line.inQuote.end)), [undefined, undefined, 'KSM_SLEEP_MSEC=10', '"', undefined]);
  // A command's quote the same way: one error, and the line the quote closes on runs nothing of its own.
  const command = ksmFindings("echo 'a\nKSM_SLEEP_MSEC=10\n'\nKSM_NPAGES_MIN=64\n", 'VT201');
  assert.equal(command.length, 1, command.map((each) => each.message).join('\n'));
  assert.match(command[0]!.message, /The ' opened here is closed only 2 lines below: bash runs all of it, the lines between included, as one command/);
  // In double quotes an escaped " does not close; a word that closes one quote and opens another reads on.
  const escaped = 'KSM_NPAGES_MAX="a\nb\\"c\nd"\nKSM_NPAGES_MIN=64\n';
  assert.deepEqual(bashSets(escaped, ['KSM_NPAGES_MAX', 'KSM_NPAGES_MIN']), ['a\nb"c\nd', '64']);
  assert.match(onlyFinding(escaped, 'VT201').finding.message, /closed only 2 lines below/);
  const reopened = "KSM_NPAGES_MAX='a\nb'\"c\nd\"\nKSM_NPAGES_MIN=64\n";
  assert.deepEqual(bashSets(reopened, ['KSM_NPAGES_MAX', 'KSM_NPAGES_MIN']), ['a\nbc\nd', '64']);
  assert.match(onlyFinding(reopened, 'VT201').finding.message, /closed only 2 lines below/);
});

/** The values bash 5 gives `names` after sourcing `text` ('' for a name it leaves unset). */
function bashSets(text: string, names: readonly string[]): string[] {
  const script = `eval "$(cat)"; ${names.map((name) => `printf '%s\\0' "$${name}"`).join('; ')}`;
  const run = spawnSync('bash', ['-c', script], { input: text, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.split('\0').slice(0, names.length);
}

test('VT201: a command after the ) that closes an array above is not commented out with the line, which holds the )', () => {
  const text = 'KSM_NPAGES_MIN=(\n4 5\n) foo\n';
  const command = ksmFindings(text, 'VT201').find((finding) => finding.message.includes('runs "foo"'));
  assert.ok(command);
  assert.deepEqual(command.fixes, []);
});

test('VT201: a quote never closed gets its fix only where the lines it hides read clean once it is gone (fuzz seed 10505, case 468)', () => {
  // bash 5: with the quote gone, the ) below is a syntax error and S a command: the fix would bring them back.
  const hiding = ksmFindings("'\n)\nS", 'VT201');
  assert.equal(hiding.length, 1);
  assert.deepEqual(hiding[0]!.fixes, []);
  const value = ksmFindings('LOGFILE="/var/log/ksmtuned\nS\n', 'VT201');
  assert.equal(value.length, 1);
  assert.deepEqual(value[0]!.fixes, []);
  // Below it only comments, blanks and assignments: closing the quote is offered (as before).
  const clean = ksmFindings("KSM_MONITOR_INTERVAL=60\n'\n# a note\n\nKSM_SLEEP_MSEC=10\n", 'VT201');
  assert.equal(clean.length, 1);
  assert.equal(clean[0]!.fixes.length, 1);
});

test('VT201: a $( , backquote or ${ closed on a line below is read as bash reads it: a warning, and the lines after it are read again', () => {
  // bash 5 sourcing this: KSM_NPAGES_MAX is 1250, KSM_SLEEP_MSEC 10, LOGFILE /var/log/ksm, KSM_NPAGES_BOOST '3\n00'.
  const text = 'KSM_NPAGES_MAX=$(echo 1250\n)\nKSM_SLEEP_MSEC=10\nLOGFILE=`echo /var/log/ksm\n`\nKSM_NPAGES_BOOST=${X:-3\n00}\nKSM_NPAGES_MIN=64\n';
  assert.deepEqual(bashSets(text, ['KSM_NPAGES_MAX', 'KSM_SLEEP_MSEC', 'LOGFILE', 'KSM_NPAGES_BOOST', 'KSM_NPAGES_MIN']), ['1250', '10', '/var/log/ksm', '3\n00', '64']);
  const findings = ksmFindings(text, 'VT201');
  // Before, the ) and the closing ` were taken for tokens bash refuses and 00} for a command: five errors.
  assert.deepEqual(findings.map((finding) => [finding.severity, finding.range.start.line]), [['warning', 0], ['warning', 3], ['warning', 5]]);
  assert.match(findings[0]!.message, /The \$\( opened in the value of KSM_NPAGES_MAX is closed only on the next line: bash reads everything up to there as part of the command whose output is the value/);
  assert.match(findings[1]!.message, /The ` opened in the value of LOGFILE is closed only on the next line/);
  assert.match(findings[2]!.message, /The \$\{ opened in the value of KSM_NPAGES_BOOST is closed only on the next line: bash reads everything up to there as part of the expansion/);
  const conf = parseKsmtunedConf(text);
  const set = conf.lines.flatMap((line) => line.statements.flatMap((statement) => (statement.kind === 'assignment' ? [statement.name] : [])));
  assert.deepEqual(set, ['KSM_NPAGES_MAX', 'KSM_SLEEP_MSEC', 'LOGFILE', 'KSM_NPAGES_BOOST', 'KSM_NPAGES_MIN']);
});

test('VT201: the parentheses of a $( are counted across lines; one never closed hides the rest of the file, and gets no fix', () => {
  const nested = 'KSM_NPAGES_MAX=$(echo $(echo 12\n)50\n)\nKSM_SLEEP_MSEC=10\n';
  assert.deepEqual(bashSets(nested, ['KSM_NPAGES_MAX', 'KSM_SLEEP_MSEC']), ['1250', '10']);
  const inner = ksmFindings(nested, 'VT201');
  assert.equal(inner.length, 1);
  assert.match(inner[0]!.message, /closed only 2 lines below/);
  // bash 5: unexpected end of file while looking for the ) : a syntax error, KSM_SLEEP_MSEC is not set.
  const never = ksmFindings('KSM_NPAGES_MAX=$(echo 1250\nKSM_SLEEP_MSEC=10\n', 'VT201');
  assert.equal(never.length, 1);
  assert.equal(never[0]!.severity, 'error');
  assert.match(never[0]!.message, /The \$\( opened in the value of KSM_NPAGES_MAX is never closed: bash reads the rest of the file into the command whose output is the value/);
  assert.deepEqual(never[0]!.fixes, []);
  // A backquote never closed keeps its fix where the lines below read clean.
  const backquote = ksmFindings('LOGFILE=`echo /var/log/ksm\n# a note\nKSM_SLEEP_MSEC=10\n', 'VT201');
  assert.equal(backquote.length, 1);
  assert.equal(fixed('LOGFILE=`echo /var/log/ksm\n# a note\nKSM_SLEEP_MSEC=10\n', backquote[0]!), 'LOGFILE=`echo /var/log/ksm`\n# a note\nKSM_SLEEP_MSEC=10\n');
});

test('VT201: an opener left open inside another is followed to where they all close, as bash reads it', () => {
  // bash 5 and dash sourcing each: the value from the command or expansion, and the line after it set.
  const cases: [string, string, RegExp][] = [
    ['KSM_NPAGES_MAX="$(echo 1250\n)"\n', '1250', /The \$\( inside a " opened in the value of KSM_NPAGES_MAX is closed only on the next line: bash reads everything up to there as part of the command whose output is the value/],
    ['KSM_NPAGES_MAX="`echo 1250\n`"\n', '1250', /The ` inside a " opened in the value of KSM_NPAGES_MAX is closed only on the next line: bash reads everything up to there as part of the command/],
    ['KSM_NPAGES_MAX="${X:-1250\n}"\n', '1250\n', /The \$\{ inside a " opened in the value of KSM_NPAGES_MAX is closed only on the next line: bash reads everything up to there as part of the expansion/],
    ['KSM_NPAGES_MAX=$(echo "12\n50" | tr -d "\\n")\n', '1250', /The " inside a \$\( opened in the value of KSM_NPAGES_MAX is closed only on the next line: bash reads everything up to there as part of the command/],
  ];
  for (const [assignment, value, message] of cases) {
    const text = `${assignment}KSM_SLEEP_MSEC=10\n`;
    assert.deepEqual(bashSets(text, ['KSM_NPAGES_MAX', 'KSM_SLEEP_MSEC']), [value, '10'], text);
    // Before, the inner opener was not followed: the next line was read on its own (a `)` bash refuses, `}"` run as a command).
    const findings = ksmFindings(text, 'VT201');
    assert.equal(findings.length, 1, `${text}: ${findings.map((finding) => finding.message).join('\n')}`);
    assert.equal(findings[0]!.severity, 'warning');
    assert.match(findings[0]!.message, message);
    const conf = parseKsmtunedConf(text);
    assert.deepEqual(conf.lines.flatMap((line) => line.statements.flatMap((statement) => (statement.kind === 'assignment' ? [statement.name] : []))), ['KSM_NPAGES_MAX', 'KSM_SLEEP_MSEC']);
  }
  // A line break in the quoted text itself, after the command closes: the lines go into the value, an error as for a quote.
  const text = 'KSM_NPAGES_MAX="$(echo 12\n)\n50"\nKSM_SLEEP_MSEC=10\n';
  assert.deepEqual(bashSets(text, ['KSM_NPAGES_MAX', 'KSM_SLEEP_MSEC']), ['12\n50', '10']);
  const quoted = onlyFinding(text, 'VT201').finding;
  assert.equal(quoted.severity, 'error');
  assert.match(quoted.message, /closed only 2 lines below: bash takes the lines between into the value/);
  // bash 5: "unexpected EOF while looking for matching `)'", and KSM_SLEEP_MSEC is not set (dash: end of file unexpected, expecting ")").
  const never = onlyFinding('KSM_NPAGES_MAX="$(echo 1250\nKSM_SLEEP_MSEC=10\n', 'VT201').finding;
  assert.equal(never.severity, 'error');
  assert.deepEqual(never.range.start, { line: 0, character: 16 });
  assert.match(never.message, /The \$\( inside a " opened in the value of KSM_NPAGES_MAX is never closed: bash reads the rest of the file into the command whose output is the value/);
  assert.deepEqual(never.fixes, []);
  // Quotes and backquotes only: the fix closes them all, innermost first (bash 5 then sets both).
  const backquote = 'LOGFILE="`echo /var/log/ksm\n# a note\nKSM_SLEEP_MSEC=10\n';
  const closed = fixed(backquote, onlyFinding(backquote, 'VT201').finding);
  assert.equal(closed, 'LOGFILE="`echo /var/log/ksm`"\n# a note\nKSM_SLEEP_MSEC=10\n');
  assert.deepEqual(bashSets(closed, ['LOGFILE', 'KSM_SLEEP_MSEC']), ['/var/log/ksm', '10']);
});

test('VT201: inside $( a quoted ( or ), an escaped one and one in a comment are not counted, as bash and dash read them', () => {
  // One line: before, the ) inside the quotes closed the $( and the second " was taken for a quote never closed.
  const line = 'LOGFILE=$(echo "/var/log/ksm)")\nKSM_SLEEP_MSEC=10\n';
  assert.deepEqual(bashSets(line, ['LOGFILE', 'KSM_SLEEP_MSEC']), ['/var/log/ksm)', '10']);
  assert.deepEqual(ksmFindings(line, 'VT201'), []);
  for (const text of [
    "KSM_NPAGES_MAX=$(echo ')' >/dev/null\necho 1250)\nKSM_SLEEP_MSEC=10\n",
    'KSM_NPAGES_MAX=$(echo \\) >/dev/null\necho 1250)\nKSM_SLEEP_MSEC=10\n',
    'KSM_NPAGES_MAX=$(echo 1250 # a ) here is a comment\n)\nKSM_SLEEP_MSEC=10\n',
    'KSM_NPAGES_MAX=$(echo ${X:-")"} >/dev/null; echo 1250\n)\nKSM_SLEEP_MSEC=10\n',
  ]) {
    assert.deepEqual(bashSets(text, ['KSM_NPAGES_MAX', 'KSM_SLEEP_MSEC']), ['1250', '10'], text);
    const findings = ksmFindings(text, 'VT201');
    assert.equal(findings.length, 1, `${text}: ${findings.map((finding) => finding.message).join('\n')}`);
    assert.equal(findings[0]!.severity, 'warning', text);
    assert.match(findings[0]!.message, /The \$\( opened in the value of KSM_NPAGES_MAX is closed only on the next line/);
  }
  // A # inside a word is no comment: bash 5 gives a#.
  assert.deepEqual(bashSets('LOGFILE=$(echo a#)\n', ['LOGFILE']), ['a#']);
  assert.deepEqual(ksmFindings('LOGFILE=$(echo a#)\n', 'VT201'), []);
});

test("VT201: an operator inside an array's parentheses is bash's syntax error at it, after which bash reads on from the next line", () => {
  // bash 5 sourcing each: "syntax error near unexpected token" naming the operator; nothing on the line is
  // set, yet KSM_SLEEP_MSEC on the next line is (elsewhere a syntax error ends the sourced file).
  for (const [line, token, column] of [
    ['KSM_NPAGES_MAX=(30/>', '>', 19],
    ['KSM_NPAGES_MAX=(30 | 40)', '|', 19],
    ['KSM_NPAGES_MAX=(30 ;', ';', 19],
    ['KSM_NPAGES_MAX=(30 >) ; KSM_NPAGES_MIN=64', '>', 19],
    // Digits right before a redirection are its file descriptor, the token bash names (fuzz mutants: `(20<disk>`).
    ['KSM_NPAGES_MAX=(30>x)', '30', 16],
  ] as const) {
    const text = `${line}\nKSM_SLEEP_MSEC=10\n`;
    const run = spawnSync('bash', ['-c', 'eval "$(cat)"; printf "%s|%s|%s" "${KSM_NPAGES_MAX-unset}" "${KSM_NPAGES_MIN-unset}" "$KSM_SLEEP_MSEC"'], { input: text, encoding: 'utf8' });
    assert.equal(run.stdout, 'unset|unset|10', text);
    assert.ok(run.stderr.includes(`syntax error near unexpected token \`${token}'`), run.stderr);
    // Before, the line was read as KSM_NPAGES_MAX= and the command "(", which bash never runs.
    const { finding, covered } = onlyFinding(text, 'VT201');
    assert.equal(covered, token);
    assert.deepEqual(finding.range.start, { line: 0, character: column });
    assert.equal(
      finding.message,
      `bash refuses '${token}' inside an array's parentheses (a syntax error). It parses a whole line before it runs any of it, so nothing on this line is run or set, and it then goes on with the next line.`,
    );
  }
  // Outside an array, bash stops at the error: KSM_SLEEP_MSEC is not set, and the message says so.
  const outside = 'KSM_NPAGES_MAX=30 >\nKSM_SLEEP_MSEC=10\n';
  assert.deepEqual(bashSets(outside, ['KSM_SLEEP_MSEC']), ['']);
  assert.match(onlyFinding(outside, 'VT201').finding.message, /it stops reading ksmtuned.conf there/);
});
