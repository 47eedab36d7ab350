import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { KSMTUNED_VARIABLES } from '../../server/src/kb/ksmtuned';
import { ksmtunedCompletion } from '../../server/src/ksmtuned/completion';
import { ksmWithCursor } from './ksmtunedHelpers';

function complete(marked: string): { items: CompletionItem[]; document: TextDocument } {
  const { document, position } = ksmWithCursor(marked);
  return { items: ksmtunedCompletion(document, position).items, document };
}

function edit(item: CompletionItem): TextEdit {
  assert.ok(item.textEdit && 'range' in item.textEdit, JSON.stringify(item));
  return item.textEdit;
}

test('on an empty line: every variable, inserted as NAME=default with the default as a snippet placeholder', () => {
  const { items } = complete('# ksmtuned\n|\n');
  assert.deepEqual(items.map((item) => item.label).sort(), KSMTUNED_VARIABLES.map((variable) => variable.name).sort());
  const max = items.find((item) => item.label === 'KSM_NPAGES_MAX')!;
  assert.equal(edit(max).newText, 'KSM_NPAGES_MAX=${1:1250}');
  assert.equal(max.insertTextFormat, InsertTextFormat.Snippet);
  assert.equal(max.detail, 'default 1250 (pages)');
  assert.match(JSON.stringify(max.documentation), /pages_to_scan/);
  // No default: the guide's usual value.
  assert.equal(edit(items.find((item) => item.label === 'DEBUG')!).newText, 'DEBUG=${1:1}');
  assert.equal(edit(items.find((item) => item.label === 'LOGFILE')!).newText, 'LOGFILE=${1:/var/log/ksmtuned}');
});

test('a name being typed is replaced whole; variables already set come last and say where', () => {
  const { items, document } = complete('KSM_NPAGES_MIN=64\nKSM_NP|\n');
  const min = items.find((item) => item.label === 'KSM_NPAGES_MIN')!;
  const boost = items.find((item) => item.label === 'KSM_NPAGES_BOOST')!;
  assert.equal(min.detail, 'set on line 1');
  assert.ok(min.sortText! > boost.sortText!);
  assert.equal(document.getText(edit(boost).range), 'KSM_NP');
});

test('on the name of an assignment: the name alone, the value left as it is', () => {
  const { items, document } = complete('KSM_NPAGES_M|AX=2000\n');
  const max = items.find((item) => item.label === 'KSM_NPAGES_MAX')!;
  assert.equal(edit(max).newText, 'KSM_NPAGES_MAX');
  assert.equal(document.getText(edit(max).range), 'KSM_NPAGES_MAX');
  assert.equal(max.insertTextFormat, InsertTextFormat.PlainText);
});

test("after NAME=: the default (and the usual value where there is no default), replacing the value", () => {
  const decay = complete('KSM_NPAGES_DECAY=|\n').items;
  assert.deepEqual(decay.map((item) => [item.label, item.detail]), [['-50', "ksmtuned's default (pages)"]]);
  const typed = complete('KSM_THRES_COEF=3|0\n');
  assert.equal(typed.document.getText(edit(typed.items[0]!).range), '30');
  assert.equal(edit(typed.items[0]!).newText, '20');
  assert.deepEqual(complete('DEBUG=|').items.map((item) => item.label), ['1']);
  assert.deepEqual(complete('PIDFILE=|').items.map((item) => item.label), ['/var/run/ksmtune.pid']);
  assert.deepEqual(complete('COLOR=|').items, []);
});

test('nothing inside a comment or among the arguments of a command', () => {
  assert.deepEqual(complete('# KSM_|').items, []);
  assert.deepEqual(complete('echo KSM_|').items, []);
});

test('nothing past a token bash refuses on the line: it reads none of the rest', () => {
  assert.deepEqual(complete('KSM_NPAGES_MIN=64 ;; KSM_|').items, []);
  assert.deepEqual(complete('x=&amp;&amp;&am|p;').items, []);
  assert.equal(complete('KSM_|=1 ;;').items.length, KSMTUNED_VARIABLES.length);
});

test('item kinds as in domain XML: variable names are Fields (name=value settings), suggested values Values', () => {
  const names = complete('|\n').items;
  assert.ok(names.length > 0 && names.every((item) => item.kind === CompletionItemKind.Field));
  assert.deepEqual(complete('KSM_NPAGES_DECAY=|\n').items.map((item) => item.kind), [CompletionItemKind.Value]);
});

test('arrays spanning lines: nothing inside one or at its (, and after its ) a new assignment goes on a line of its own', () => {
  assert.deepEqual(complete('KSM_NPAGES_BOOST=(300\n  4|00\n) KSM_NPAGES_MIN=64\n').items, []);
  assert.deepEqual(complete('KSM_THRES_COEF=|(\n20)\n').items, []);
  // bash reads 'A=1 B=2' after the ) as one command's prefix assignments, which VT201 reports: a line break keeps them apart.
  const { items } = complete('KSM_NPAGES_BOOST=(300\n)| KSM_NPAGES_MIN=64\n');
  assert.equal(edit(items.find((item) => item.label === 'KSM_SLEEP_MSEC')!).newText, 'KSM_SLEEP_MSEC=${1:10}\n');
});

test('a quote or $( spanning lines: nothing on the lines it takes, up to the end of the word that closes it; after that, names again', () => {
  assert.deepEqual(complete('KSM_NPAGES_MAX="1250\nKSM_SL|\n"\n').items, []);
  assert.deepEqual(complete('KSM_NPAGES_MAX=$(echo 1250\n|\n)\n').items, []);
  assert.deepEqual(complete('KSM_NPAGES_MAX=$(echo 1250\n)|\n').items, []);
  const { items } = complete('KSM_NPAGES_MAX=$(echo 1250\n)\n|\n');
  assert.ok(items.some((item) => item.label === 'KSM_SLEEP_MSEC'));
});
