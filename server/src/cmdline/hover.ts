import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { isDocumentedParam, kernelParam } from '../kb/cmdline';
import type { Span } from '../core/span';
import { cmdlineDocument } from './document';
import { paramAt } from './find';
import { isXenOption, wordReaders, XEN } from '../kb/cmdline/words';
import { documentedOnlyMarkdown, paramMarkdown, readerMarkdown, valueMarkdown } from './paramMarkdown';

/**
 * Hover on a kernel command line: on a parameter's name, what the knowledge base says about it and
 * where that comes from; on one of its values, that value first. Null elsewhere.
 */
export function cmdlineHover(textDocument: TextDocument, position: Position): Hover | null {
  const document = cmdlineDocument(textDocument);
  const offset = textDocument.offsetAt(position);
  const found = paramAt(document, offset);
  if (!found || found.param.dynamic) return null;
  const { param } = found;
  let content: { markdown: string; span: Span } | undefined;
  if (found.forInit) {
    content = { markdown: `\`${param.name}\` comes after \`--\`: the kernel hands it to init as an argument and does not read it.`, span: param.span };
  } else {
    const spec = kernelParam(param.name);
    const inValue = param.valueSpan !== undefined && offset >= param.valueSpan.start && offset <= param.valueSpan.end && offset > param.nameSpan.end;
    if (spec && inValue && param.value !== undefined) {
      const markdown = valueMarkdown(spec, param.value) ?? paramMarkdown(spec, param.value);
      content = { markdown, span: param.valueSpan! };
    } else if (spec) {
      content = { markdown: paramMarkdown(spec, param.value), span: param.nameSpan };
    } else if (isDocumentedParam(param.name)) {
      content = { markdown: documentedOnlyMarkdown(param.name), span: param.nameSpan };
    } else {
      const readers = found.line.hypervisor ? (isXenOption(param.name) ? [XEN] : []) : wordReaders(param.name);
      if (readers.length > 0) content = { markdown: readerMarkdown(param.name, readers), span: param.nameSpan };
    }
  }
  if (!content) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: content.markdown },
    range: { start: textDocument.positionAt(content.span.start), end: textDocument.positionAt(content.span.end) },
  };
}
