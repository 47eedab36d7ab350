import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { KSMTUNED_VARIABLES } from '../../server/src/kb/ksmtuned';
import { ksmtunedHover } from '../../server/src/ksmtuned/hover';
import { ksmDocument, ksmWithCursor } from './ksmtunedHelpers';

function hoverAt(marked: string): { hover: Hover | null; markdown: string; covered: string } {
  const { document, position } = ksmWithCursor(marked);
  const hover = ksmtunedHover(document, position);
  const markdown = hover ? (hover.contents as MarkupContent).value : '';
  const covered = hover?.range ? document.getText(hover.range) : '';
  return { hover, markdown, covered };
}

test('hover on a set variable: kind, meaning, default, range, unit, the knob it drives and the sources', () => {
  const { markdown, covered } = hoverAt('KSM_NPAGES_M|AX=2000\n');
  assert.equal(covered, 'KSM_NPAGES_MAX');
  assert.match(markdown, /^\*\*KSM_NPAGES_MAX\*\* \(ksmtuned\.conf\) — integer/);
  assert.match(markdown, /Default: `1250` · Range: 0 or more, and not below KSM_NPAGES_MIN · Unit: pages/);
  assert.match(markdown, /`\/sys\/kernel\/mm\/ksm\/pages_to_scan` — How many pages ksmd scans/);
  assert.match(markdown, /Sources: Guide 8\.3\.2 \(The KSM Tuning Service\) · ksmtuned: the ksmtuned script/);
  assert.match(markdown, /CC BY-SA 3\.0/);
});

test('every variable ksmtuned reads has a hover with a summary and sources', () => {
  for (const variable of KSMTUNED_VARIABLES) {
    const document = ksmDocument(`${variable.name}=${variable.suggested}\n`);
    const hover = ksmtunedHover(document, { line: 0, character: 1 });
    assert.ok(hover, variable.name);
    const markdown = (hover.contents as MarkupContent).value;
    assert.ok(markdown.includes(variable.summary), variable.name);
    assert.match(markdown, /Sources: /, variable.name);
  }
});

test('hover on a variable named in a comment (a commented-out default) and on a knob', () => {
  const commented = hoverAt('# KSM_THRES_C|OEF=20\n');
  assert.equal(commented.covered, 'KSM_THRES_COEF');
  assert.match(commented.markdown, /percentage of the host memory/);
  const knob = hoverAt('# on NUMA hosts set /sys/kernel/mm/ksm/merge_across_no|des to 0\n');
  assert.equal(knob.covered, '/sys/kernel/mm/ksm/merge_across_nodes');
  assert.match(knob.markdown, /Kernel default: `1`/);
  assert.match(knob.markdown, /\*\*ksmtuned:\*\* ksmtuned does not touch it/);
  assert.match(knob.markdown, /kernel: Kernel Samepage Merging\]\(https:\/\/docs\.kernel\.org\/admin-guide\/mm\/ksm\.html\)/);
  assert.equal(hoverAt('# pages_to_sc|an grows\n').covered, 'pages_to_scan');
  assert.match(hoverAt('# /sys/kernel/mm/ksm/r|un\n').markdown, /`2` stop and unmerge/);
});

test('no hover on an unknown name, a value, a plain word of a comment, or a bare "run"', () => {
  assert.equal(hoverAt('KSM_NPAGE|_MAX=1\n').hover, null);
  assert.equal(hoverAt('KSM_NPAGES_MAX=12|50\n').hover, null);
  assert.equal(hoverAt('# How long ksmtuned sh|ould sleep\n').hover, null);
  assert.equal(hoverAt('# r|un it\n').hover, null);
  assert.equal(hoverAt('|\n').hover, null);
});
