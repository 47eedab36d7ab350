import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseKsmtunedConf } from '../../server/src/ksmtuned/parser';
import type { Assignment, Command, KsmLine, Statement } from '../../server/src/ksmtuned/types';
import type { Span } from '../../server/src/core/span';

function slice(text: string, span: Span | undefined): string | undefined {
  return span && text.slice(span.start, span.end);
}

function onlyLine(text: string): KsmLine {
  const { lines } = parseKsmtunedConf(text);
  assert.equal(lines.length, 1, JSON.stringify(lines));
  return lines[0]!;
}

function assignment(statement: Statement | undefined): Assignment {
  assert.equal(statement?.kind, 'assignment', JSON.stringify(statement));
  return statement as Assignment;
}

function command(statement: Statement | undefined): Command {
  assert.equal(statement?.kind, 'command', JSON.stringify(statement));
  return statement as Command;
}

test('lines: one per line break, no extra line after a final newline, CRLF endings kept apart', () => {
  assert.equal(parseKsmtunedConf('').lines.length, 1);
  assert.equal(parseKsmtunedConf('A=1\n').lines.length, 1);
  assert.equal(parseKsmtunedConf('A=1\n\nB=2').lines.length, 3);
  const text = 'A=1\r\n\r\nB=2\n';
  const { lines } = parseKsmtunedConf(text);
  assert.equal(lines.length, 3);
  assert.equal(slice(text, lines[0]!.span), 'A=1');
  assert.equal(slice(text, lines[0]!.carriageReturn), '\r');
  assert.equal(assignment(lines[0]!.statements[0]).value.literal, '1');
  assert.deepEqual(lines[1]!.statements, []);
  assert.equal(lines[2]!.carriageReturn, undefined);
});

test('blank and comment lines have no statements; the comment spans from # to the end', () => {
  const blank = onlyLine('   \t');
  assert.deepEqual(blank.statements, []);
  assert.equal(blank.comment, undefined);
  const text = '  # KSM_NPAGES_MAX=1250';
  const comment = onlyLine(text);
  assert.deepEqual(comment.statements, []);
  assert.equal(slice(text, comment.comment), '# KSM_NPAGES_MAX=1250');
});

test('NAME=value: name, = and value spans; a trailing comment after a blank', () => {
  const text = 'KSM_NPAGES_MAX=1250  # the upper limit';
  const line = onlyLine(text);
  const set = assignment(line.statements[0]);
  assert.equal(set.name, 'KSM_NPAGES_MAX');
  assert.equal(slice(text, set.nameSpan), 'KSM_NPAGES_MAX');
  assert.equal(slice(text, set.equalsSpan), '=');
  assert.equal(slice(text, set.value.span), '1250');
  assert.equal(set.value.literal, '1250');
  assert.equal(set.value.quoted, false);
  assert.equal(set.spaceBefore, undefined);
  assert.equal(set.spaceAfter, undefined);
  assert.equal(set.command, undefined);
  assert.equal(slice(text, line.comment), '# the upper limit');
});

test('quoted values: quotes removed in the literal, kept in the span; # inside a word is not a comment', () => {
  const text = `LOGFILE="/var/log/ksm tuned" DEBUG='1'`;
  const line = onlyLine(text);
  // Two assignments in one statement are, to bash, an assignment prefix and a command: the parser keeps the second as the command.
  const logfile = assignment(line.statements[0]);
  assert.equal(logfile.value.literal, '/var/log/ksm tuned');
  assert.equal(slice(text, logfile.value.span), '"/var/log/ksm tuned"');
  assert.equal(logfile.value.quoted, true);
  assert.equal(slice(text, logfile.command), "DEBUG='1'");

  const hash = 'KSM_X=12#3';
  assert.equal(assignment(onlyLine(hash).statements[0]).value.literal, '12#3');
  const escaped = 'LOGFILE=a\\ b"c\\"d"';
  assert.equal(assignment(onlyLine(escaped).statements[0]).value.literal, 'a bc"d');
});

test('an empty value: an empty span right after =, also before a comment', () => {
  for (const text of ['KSM_NPAGES_MAX=', 'KSM_NPAGES_MAX=   ', 'KSM_NPAGES_MAX= # none']) {
    const set = assignment(onlyLine(text).statements[0]);
    assert.equal(set.value.literal, '', text);
    assert.deepEqual(set.value.span, { start: 15, end: 15 }, text);
    assert.equal(set.spaceAfter, undefined, text);
  }
});

test('export NAME=value is an assignment with its export keyword', () => {
  const text = 'export KSM_NPAGES_MIN=64';
  const set = assignment(onlyLine(text).statements[0]);
  assert.equal(slice(text, set.exportSpan), 'export');
  assert.equal(set.name, 'KSM_NPAGES_MIN');
  assert.equal(set.value.literal, '64');
});

test('spaces around =: the intent is kept as an assignment, with the blanks located', () => {
  const both = 'KSM_NPAGES_MAX = 1250';
  const set = assignment(onlyLine(both).statements[0]);
  assert.equal(slice(both, set.spaceBefore), ' ');
  assert.equal(slice(both, set.spaceAfter), ' ');
  assert.equal(set.value.literal, '1250');
  const before = 'KSM_NPAGES_MAX =1250';
  assert.equal(slice(before, assignment(onlyLine(before).statements[0]).spaceBefore), ' ');
  const after = 'KSM_NPAGES_MAX=\t1250';
  const afterSet = assignment(onlyLine(after).statements[0]);
  assert.equal(afterSet.spaceBefore, undefined);
  assert.equal(slice(after, afterSet.spaceAfter), '\t');
  assert.equal(afterSet.value.literal, '1250');
});

test('words after the value are the command bash would run with the assignment in its environment', () => {
  const text = 'KSM_NPAGES_MAX=1250 2000 # no';
  const line = onlyLine(text);
  const set = assignment(line.statements[0]);
  assert.equal(set.value.literal, '1250');
  assert.equal(slice(text, set.command), '2000');
  assert.equal(slice(text, line.comment), '# no');
});

test('; separates statements on a line', () => {
  const text = 'KSM_NPAGES_MIN=64; KSM_NPAGES_MAX=1250';
  const line = onlyLine(text);
  assert.deepEqual(
    line.statements.map((statement) => assignment(statement).name),
    ['KSM_NPAGES_MIN', 'KSM_NPAGES_MAX'],
  );
});

test('a line bash refuses: the token is kept, and no statement starts past it (bash reads no further)', () => {
  // The fuzzer's seed 1414: an attribute value of '&amp;' repeated, its opening quote taken out; bash 5
  // refuses the line at the first ';&' and so reads none of the rest.
  const text = `x=${'&amp;'.repeat(1000)}'`;
  const line = onlyLine(text);
  assert.deepEqual(line.refused, { span: { start: 6, end: 8 }, token: ';&' });
  // `x=` run in the background by the first '&', the command 'amp', and the '&' of the refused ';&'.
  assert.deepEqual(line.statements.map((statement) => statement.kind), ['assignment', 'command', 'command']);
  assert.ok(line.statements.every((statement) => statement.span.start < line.refused!.span.end));
  assert.equal(onlyLine('KSM_NPAGES_MIN=64; KSM_NPAGES_MAX=1250').refused, undefined);
  // A ';' that ends no command is still a statement of its own (VT201 points at it).
  const doubled = onlyLine('KSM_SLEEP_MSEC=10;; KSM_NPAGES_MAX=1');
  assert.deepEqual(doubled.refused, { span: { start: 17, end: 19 }, token: ';;' });
  assert.deepEqual(doubled.statements.map((statement) => statement.kind), ['assignment', 'command']);
});

test('anything else is a command: its words, with command substitutions located', () => {
  const text = 'less than `thres`.';
  const run = command(onlyLine(text).statements[0]);
  assert.deepEqual(run.words.map((word) => slice(text, word.span)), ['less', 'than', '`thres`.']);
  assert.equal(run.words[0]!.literal, 'less');
  assert.equal(run.words[2]!.literal, undefined);
  assert.deepEqual(run.words[2]!.substitutions.map((span) => slice(text, span)), ['`thres`']);
  assert.equal(slice(text, run.span), text);

  const pipe = 'echo 1 > /sys/kernel/mm/ksm/run';
  assert.deepEqual(command(onlyLine(pipe).statements[0]).words.map((word) => word.literal), ['echo', '1', '>', '/sys/kernel/mm/ksm/run']);
});

test('expansions make a value dynamic and record the names it reads', () => {
  const cases: [string, string[]][] = [
    ['KSM_NPAGES_MAX=$PAGES', ['PAGES']],
    ['KSM_NPAGES_MAX=${PAGES:-10}', ['PAGES']],
    ['KSM_NPAGES_MAX=$((BASE * 2))', ['BASE']],
    ['KSM_NPAGES_MAX="$(nproc)"', []],
    ['KSM_NPAGES_MAX=`nproc`', []],
    ['KSM_NPAGES_MAX=$1', []],
  ];
  for (const [text, names] of cases) {
    const set = assignment(onlyLine(text).statements[0]);
    assert.equal(set.value.literal, undefined, text);
    assert.deepEqual(set.value.references, names, text);
  }
  assert.equal(assignment(onlyLine('LOGFILE=a$').statements[0]).value.literal, 'a$');
});

test('an unclosed quote is located at its opening and the value runs to the end of the line', () => {
  const text = 'LOGFILE="/var/log/ksmtuned # unfinished';
  const set = assignment(onlyLine(text).statements[0]);
  assert.deepEqual(set.value.unclosed, [{ kind: '"', at: 8 }]);
  assert.equal(set.value.span.end, text.length);
  const single = "DEBUG='1";
  assert.deepEqual(assignment(onlyLine(single).statements[0]).value.unclosed, [{ kind: "'", at: 6 }]);
  const backquote = 'KSM_NPAGES_MAX=`nproc';
  assert.deepEqual(assignment(onlyLine(backquote).statements[0]).value.unclosed, [{ kind: '`', at: 15 }]);
  // Each opener is told apart where it is found: `$(` with the parentheses its line leaves open, `${`.
  assert.deepEqual(assignment(onlyLine('KSM_NPAGES_MAX=${X:-1').statements[0]).value.unclosed, [{ kind: '${', at: 15 }]);
  // Each opened inside another is kept too, outermost first: `$(` with the parentheses its line leaves open, `$((` as written.
  assert.deepEqual(assignment(onlyLine('KSM_NPAGES_MAX=$(echo $((1+').statements[0]).value.unclosed, [
    { kind: '$(', at: 15, depth: 1 },
    { kind: '$((', at: 22, depth: 2 },
  ]);
  assert.deepEqual(assignment(onlyLine('KSM_NPAGES_MAX="$(echo \'a').statements[0]).value.unclosed, [
    { kind: '"', at: 15 },
    { kind: '$(', at: 16, depth: 1 },
    { kind: "'", at: 23 },
  ]);
});

test('spans are made when asked: the same offsets at every read, and a read span changed by its reader changes nothing else', () => {
  const text = 'export KSM_NPAGES_MAX="1250" # max\nKSM_SLEEP_MSEC=10\n';
  const { lines } = parseKsmtunedConf(text);
  const set = assignment(lines[0]!.statements[0]);
  assert.deepEqual(set.nameSpan, set.nameSpan);
  assert.notEqual(set.nameSpan, set.nameSpan);
  const taken = set.value.span;
  taken.end = 0;
  assert.equal(slice(text, set.value.span), '"1250"');
  assert.equal(slice(text, set.span), 'export KSM_NPAGES_MAX="1250"');
  assert.equal(slice(text, set.exportSpan), 'export');
  assert.equal(slice(text, set.equalsSpan), '=');
  assert.equal(slice(text, lines[0]!.span), 'export KSM_NPAGES_MAX="1250" # max');
  assert.equal(slice(text, lines[1]!.span), 'KSM_SLEEP_MSEC=10');
  assert.equal(slice(text, assignment(lines[1]!.statements[0]).value.span), '10');
});
