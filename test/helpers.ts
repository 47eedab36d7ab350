import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-textdocument';
import { domainDiagnostics } from '../server/src/domain/diagnostics';
import type { Finding } from '../server/src/core/types';

let counter = 0;

/** A fresh in-memory document (a new uri each time, so no cache is shared between tests). */
export function textDocument(text: string, languageId = 'xml'): TextDocument {
  counter++;
  return TextDocument.create(`file:///test/doc-${counter}.xml`, languageId, 1, text);
}

/** Text with a `|` marking the cursor: returns the document without the marker and the position. */
export function withCursor(marked: string): { document: TextDocument; position: Position; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | cursor marker in the text');
  const document = textDocument(marked.slice(0, offset) + marked.slice(offset + 1));
  return { document, position: document.positionAt(offset), offset };
}

/** The findings of one rule code for a domain XML text. */
export function findings(text: string, code?: string): Finding[] {
  const all = domainDiagnostics(textDocument(text));
  return code ? all.filter((finding) => finding.rule === code) : all;
}

/** The text a finding's range covers. */
export function rangeText(text: string, finding: Finding): string {
  const document = TextDocument.create('file:///range', 'xml', 1, text);
  return text.slice(document.offsetAt(finding.range.start), document.offsetAt(finding.range.end));
}

/** Applies a fix's edits (as an editor would) and returns the new text. */
export function applyFix(text: string, fix: Finding['fixes'][number]): string {
  const document = TextDocument.create('file:///fix', 'xml', 1, text);
  return TextDocument.applyEdits(document, fix.edits);
}

/** Wraps tuning XML in a minimal domain that is otherwise clean. */
export function domain(inner: string, options: { vcpus?: number; memoryKiB?: number } = {}): string {
  const vcpus = options.vcpus ?? 4;
  const memory = options.memoryKiB ?? 4194304;
  return `<domain type='kvm'>
  <name>guest</name>
  <memory unit='KiB'>${memory}</memory>
  <vcpu placement='static'>${vcpus}</vcpu>
${inner}
  <os>
    <type arch='x86_64' machine='pc-q35-rhel7.6.0'>hvm</type>
  </os>
</domain>
`;
}
