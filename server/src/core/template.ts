import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from './types';
import type { Span } from './span';

/** A template tag in a file: Jinja (`{{ }}`, `{% %}`, `{# #}`) or ERB (`<% %>`, `<%= %>`). */
export interface TemplateTag {
  span: Span;
  /** `{{`, `{%`, `{#` or `<%`: which engine's syntax it is, for messages. */
  opener: string;
}

const CLOSERS: Record<string, string> = { '{{': '}}', '{%': '%}', '{#': '#}', '<%': '%>' };
const OPENER = /\{\{|\{%|\{#|<%/g;

/**
 * The template tags of a text, in order. An opener with no closer runs to the end of its line. Neither
 * bash, GRUB nor the kernel writes `{{`, `{%` or `<%` in the files virt-tune reads, so a file holding
 * them is a template (Ansible, Salt, Puppet, Chef) whose rendered text is not known here. `{#` counts
 * only when a `#}` closes it on the same line: `{#` alone is ordinary shell (`${#array[@]}`).
 */
export function templateTags(text: string): TemplateTag[] {
  const tags: TemplateTag[] = [];
  // The end of the current line and where each closer comes next are searched for again only once the
  // scan has passed them: linear on a long line with many tags, or openers whose closer never comes.
  let lineEnd = -1;
  const nextClose: Record<string, number> = {};
  OPENER.lastIndex = 0;
  for (let match = OPENER.exec(text); match; match = OPENER.exec(text)) {
    const opener = match[0];
    if (lineEnd < match.index) lineEnd = endOfLine(text, match.index);
    const closer = CLOSERS[opener]!;
    let close = nextClose[closer];
    if (close === undefined || (close >= 0 && close < match.index + 2)) nextClose[closer] = close = text.indexOf(closer, match.index + 2);
    const closesOnLine = close >= 0 && close < lineEnd;
    if (opener === '{#' && !closesOnLine) continue;
    // Jinja tags may span lines; one left open stops at its line, so a stray `{{` cannot hide the whole file.
    const end = close >= 0 && (closesOnLine || opener !== '{#') ? close + 2 : lineEnd;
    tags.push({ span: { start: match.index, end }, opener });
    OPENER.lastIndex = end;
  }
  return tags;
}

/** Whether an offset lies inside a template tag (past its opener, before its closer): the template engine's text, not the file's. */
export function insideTemplateTag(text: string, offset: number): boolean {
  return templateTags(text).some((tag) => tag.span.start < offset && offset < tag.span.end);
}

/** Whether the text holds template syntax anywhere. */
export function isTemplate(text: string): boolean {
  return templateTags(text).length > 0;
}

/** `Jinja` or `ERB`, for messages. */
export function templateEngine(tag: TemplateTag): string {
  return tag.opener === '<%' ? 'ERB' : 'Jinja';
}

/**
 * The spans of the lines a template touches (a tag over several lines covers all of them): what the
 * rules say there is about text the template has not rendered yet.
 */
export function templateLineSpans(text: string, tags: readonly TemplateTag[]): Span[] {
  const lineAt = lineFinder(text);
  return tags.map((tag) => ({ start: lineAt(tag.span.start).start, end: lineAt(Math.max(tag.span.start, tag.span.end - 1)).end }));
}

/**
 * The line (start, and end before its newline) an offset is on, the last line found remembered: asked
 * along a line in order, as for the tags of one long line, it searches the text once, not once per ask.
 */
function lineFinder(text: string): (offset: number) => Span {
  let line: Span = { start: 0, end: -1 };
  return (offset) => {
    if (offset < line.start || offset > line.end) line = { start: startOfLine(text, offset), end: endOfLine(text, offset) };
    return line;
  };
}

function startOfLine(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline;
}

/**
 * The findings of a template file that do not lie on a line a template tag touches: there the text is
 * not what the machine will read once rendered, so only the notice rule (`notice`) speaks about it.
 */
export function outsideTemplateLines(document: TextDocument, findings: readonly Finding[], notice: string): Finding[] {
  const text = document.getText();
  const tags = templateTags(text);
  if (tags.length === 0) return [...findings];
  const lines = disjointSpans(templateLineSpans(text, tags));
  return findings.filter((finding) => {
    if (finding.rule === notice) return true;
    const start = document.offsetAt(finding.range.start);
    const end = document.offsetAt(finding.range.end);
    // The first span that does not end before the finding starts is the only one that can touch it.
    const line = lines[firstEndingAtOrAfter(lines, start)];
    return !(line && line.start <= end);
  });
}

/** Spans in order of their starts (and ends), those that overlap made one: disjoint, in order. */
function disjointSpans(spans: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The index of the first of disjoint spans in order whose end is at or after `offset` (their count when none). */
function firstEndingAtOrAfter(spans: readonly Span[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (spans[middle]!.end < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The one notice a template file gets, in the words every kind shares. */
export function templateNotice(tag: TemplateTag, count: number): string {
  return (
    `This file is ${templateEngine(tag) === 'ERB' ? 'an' : 'a'} ${templateEngine(tag)} template (${count} template tag${count === 1 ? '' : 's'}): virt-tune judges the text outside the tags as it stands ` +
    'and says nothing about the lines the tags touch, whose rendered text it cannot know. `virt-tune fix` leaves template files unchanged.'
  );
}
