import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem } from 'vscode-languageserver-types';
import { cmdlineDocument } from '../../server/src/cmdline/document';
import type { FileKind } from '../../server/src/core/types';
import { serviceFor } from '../../server/src/services';
import { parseXml } from '../../server/src/xml/parser';
import { accept, editRange } from '../domain/completionHelpers';
import { caseDocument, SYNTAX_RULE } from '../fuzz/check';
import { pickMutation } from '../fuzz/mutate';
import { Random } from '../fuzz/random';
import { CMDLINE_PATHS, loadSeeds, type Seed } from '../fuzz/seeds';

/**
 * The property every kind's completion keeps (issue 11): for random documents of each kind and random
 * cursors, accepting any item offered, in insert mode (VS Code's default, and the only mode of a
 * client without insertReplaceSupport), leaves every character right of the cursor as it was, and
 * the result parses no worse: no more syntax problems than before, and on a kernel command line
 * every parameter that started right of the cursor is still a parameter of its own. No list offers a
 * label twice.
 */
const CASES_PER_KIND = 80;
/** Items applied and checked again per cursor (each re-check parses again); the ranges of all are checked. */
const APPLIED_PER_CURSOR = 4;
/** A mutation that makes a text longer than this (five megabytes, a huge value) is not taken: it adds time, not cases. */
const MAX_CASE_LENGTH = 20_000;
const KINDS: readonly FileKind[] = ['domain', 'ksmtuned', 'cmdline'];
/** Large corpus files make each re-check slow and add nothing to the property. */
const MAX_SEED_LENGTH = 6000;

for (const kind of KINDS) {
  test(`${kind}: accepting any completion in insert mode keeps the text right of the cursor and parses no worse`, () => {
    const random = new Random(0x11 + kind.length);
    const seeds = loadSeeds().filter((seed) => seed.kind === kind && seed.text.length <= MAX_SEED_LENGTH);
    assert.ok(seeds.length > 0, `no seed of kind ${kind}`);
    let checked = 0;
    let cursorsWithItems = 0;
    for (let index = 0; index < CASES_PER_KIND; index++) {
      const seed = random.pick(seeds);
      // Every file shape of the command lines in turn (/etc/default/grub, grub.cfg, grub.conf, BLS, kernel/cmdline), and each seed's own.
      const shapes = [...CMDLINE_PATHS, seed.path];
      const path = kind === 'cmdline' ? shapes[index % shapes.length]! : seed.path;
      const mutated = random.chance(0.5) ? pickMutation(random).apply(seed.text, random) : seed.text;
      const text = mutated.length <= MAX_CASE_LENGTH ? mutated : seed.text;
      const syntaxBefore = syntaxProblems(kind, path, text);
      for (const offset of cursors(text, random)) {
        for (const insertReplace of [false, true]) {
          const items = complete(kind, path, text, offset, insertReplace);
          for (const item of items) assertInsertEndsAtCursor(text, offset, item, seed);
          const labels = items.map((item) => item.label);
          assert.deepEqual(labels.filter((label, at) => labels.indexOf(label) !== at), [], `a label twice: ${seed.origin}, cursor at ${offset}`);
          // The insert edit is the same with and without insertReplaceSupport: it is applied once.
          if (insertReplace) continue;
          if (items.length > 0) cursorsWithItems++;
          for (const item of sample(items, random)) {
            assertKeepsRest(kind, path, text, offset, item, seed, syntaxBefore);
            checked++;
          }
        }
      }
    }
    assert.ok(checked > 50 && cursorsWithItems > 20, `too little was checked: ${checked} items at ${cursorsWithItems} cursors`);
  });
}

/** The end, a line start and end, and cursors at random (in the middle of words, mostly). */
function cursors(text: string, random: Random): number[] {
  const lineStart = text.lastIndexOf('\n', random.below(text.length + 1)) + 1;
  const lineEnd = text.indexOf('\n', lineStart);
  return [...new Set([text.length, lineStart, lineEnd < 0 ? text.length : lineEnd, random.below(text.length + 1), random.below(text.length + 1), random.below(text.length + 1)])];
}

function complete(kind: FileKind, path: string, text: string, offset: number, insertReplace: boolean): CompletionItem[] {
  const document = caseDocument({ kind, path, text });
  const service = serviceFor(kind)!;
  try {
    return service.completion(document, document.positionAt(offset), { insertReplace }).items;
  } finally {
    service.forget(document.uri);
  }
}

function sample(items: readonly CompletionItem[], random: Random): CompletionItem[] {
  if (items.length <= APPLIED_PER_CURSOR) return [...items];
  return Array.from({ length: APPLIED_PER_CURSOR }, () => random.pick(items));
}

function where(seed: Seed, text: string, offset: number, item: CompletionItem): string {
  return `${seed.origin}, cursor at ${offset} (…${JSON.stringify(text.slice(Math.max(0, offset - 30), offset))}|${JSON.stringify(text.slice(offset, offset + 30))}…), item '${item.label}'`;
}

function assertInsertEndsAtCursor(text: string, offset: number, item: CompletionItem, seed: Seed): void {
  if (!item.textEdit) return;
  const document = TextDocument.create('file:///x', 'plaintext', 1, text);
  const insert = editRange(item, 'insert');
  assert.ok(document.offsetAt(insert.end) <= offset, `the insert range runs past the cursor: ${where(seed, text, offset, item)}`);
}

function assertKeepsRest(kind: FileKind, path: string, text: string, offset: number, item: CompletionItem, seed: Seed, before: number): void {
  const document = TextDocument.create('file:///x', 'plaintext', 1, text);
  const additional = item.additionalTextEdits ?? [];
  // Another edit an item carries (a renamed end tag) is part of what the user accepts: the rest must be as that edit leaves it.
  assert.ok(additional.every((edit) => document.offsetAt(edit.range.start) >= offset), `an additional edit left of the cursor: ${where(seed, text, offset, item)}`);
  const rest = TextDocument.applyEdits(TextDocument.create('file:///rest', 'plaintext', 1, text), additional).slice(offset);
  const result = accept(text, item, 'insert');
  assert.ok(result.endsWith(rest), `the text right of the cursor changed: ${where(seed, text, offset, item)}\nresult: ${JSON.stringify(result.slice(Math.max(0, offset - 30), offset + 60))}`);
  const after = syntaxProblems(kind, path, result);
  assert.ok(after <= before, `parses worse (${kind === 'cmdline' ? 'command lines lost' : SYNTAX_RULE[kind]}): ${before} before, ${after} after: ${where(seed, text, offset, item)}`);
  if (kind === 'cmdline') {
    const kept = paramsFrom(path, result, result.length - rest.length);
    for (const param of paramsFrom(path, text, offset)) {
      assert.ok(kept.includes(param), `the parameter '${param}' right of the cursor was merged into another: ${where(seed, text, offset, item)}\nresult: ${JSON.stringify(result.slice(Math.max(0, offset - 30), offset + 60))}`);
    }
  }
}

/**
 * How badly a text parses, without running every rule: a domain's well-formedness problems (what VT100
 * reports); for command lines, the lines the file no longer holds as command lines (a completion never
 * writes a line break, so VT307's broken lines cannot come from one; that the parameters stay whole is
 * checked apart); ksmtuned's syntax findings (VT201).
 */
function syntaxProblems(kind: FileKind, path: string, text: string): number {
  if (kind === 'domain') return parseXml(text).problems.length;
  if (kind === 'cmdline') {
    const document = caseDocument({ kind, path, text });
    const lines = cmdlineDocument(document).lines.length;
    serviceFor(kind)!.forget(document.uri);
    return -lines;
  }
  const document = caseDocument({ kind, path, text });
  const service = serviceFor(kind)!;
  try {
    return service.diagnostics(document).filter((finding) => finding.rule === SYNTAX_RULE[kind]).length;
  } finally {
    service.forget(document.uri);
  }
}

/** The text of each kernel parameter that starts at or after an offset. */
function paramsFrom(path: string, text: string, offset: number): string[] {
  const document = caseDocument({ kind: 'cmdline', path, text });
  const params = cmdlineDocument(document).lines.flatMap((line) => line.params);
  serviceFor('cmdline')!.forget(document.uri);
  return params.filter((param) => param.span.start >= offset).map((param) => text.slice(param.span.start, param.span.end));
}
