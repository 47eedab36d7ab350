import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { ksmKnob, ksmtunedVariable } from '../kb/ksmtuned';
import type { Span } from '../core/span';
import { ksmtunedDocument } from './document';
import { knobMarkdown, variableMarkdown } from './markdown';
import type { KsmLine } from './types';

/** A name in a comment: a /sys/kernel/mm/ksm path, or a word that may be a variable or a knob's file name. */
const COMMENT_WORD = /\/sys\/kernel\/mm\/ksm\/[a-z_]+|[A-Za-z_][A-Za-z0-9_]*/g;

/**
 * Hover for ksmtuned.conf: on a variable's name (set, or named in a comment such as a commented-out
 * default), what it does, its default, range and unit and the /sys/kernel/mm/ksm files it drives; on a
 * knob named in a comment (`pages_to_scan`, `/sys/kernel/mm/ksm/run`), what the kernel does with it.
 */
export function ksmtunedHover(textDocument: TextDocument, position: Position): Hover | null {
  const { conf } = ksmtunedDocument(textDocument);
  const offset = textDocument.offsetAt(position);
  const line = conf.lines.find((candidate) => candidate.span.start <= offset && offset <= candidate.span.end);
  if (!line) return null;
  const found = onName(line, offset) ?? inComment(conf.text, line, offset);
  if (!found) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: found.markdown },
    range: { start: textDocument.positionAt(found.span.start), end: textDocument.positionAt(found.span.end) },
  };
}

interface Found {
  markdown: string;
  span: Span;
}

function onName(line: KsmLine, offset: number): Found | undefined {
  for (const statement of line.statements) {
    if (statement.kind !== 'assignment' || !contains(statement.nameSpan, offset)) continue;
    const variable = ksmtunedVariable(statement.name);
    return variable ? { markdown: variableMarkdown(variable), span: statement.nameSpan } : undefined;
  }
  return undefined;
}

function inComment(text: string, line: KsmLine, offset: number): Found | undefined {
  if (!line.comment || !contains(line.comment, offset)) return undefined;
  const comment = text.slice(line.comment.start, line.comment.end);
  for (const match of comment.matchAll(COMMENT_WORD)) {
    const span = { start: line.comment.start + match.index, end: line.comment.start + match.index + match[0].length };
    if (!contains(span, offset)) continue;
    const variable = ksmtunedVariable(match[0]);
    if (variable) return { markdown: variableMarkdown(variable), span };
    // A bare `run` is too common a word: only its full path counts.
    const knob = match[0].includes('_') || match[0].startsWith('/') ? ksmKnob(match[0]) : undefined;
    return knob ? { markdown: knobMarkdown(knob), span } : undefined;
  }
  return undefined;
}

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
