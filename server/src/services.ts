import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionList, Hover } from 'vscode-languageserver-types';
import type { FileKind, Finding, Fix } from './core/types';
import { domainCompletion } from './domain/completion';
import { domainDiagnostics, forgetDomainDiagnostics } from './domain/diagnostics';
import { forgetDomainDocument, looksLikeDomainXml } from './domain/document';
import { domainHover } from './domain/hover';

/**
 * The language services of one file kind: plain functions over a text document, no transport.
 * The LSP server, the CLI and the tests all call these.
 */
export interface LanguageService {
  kind: FileKind;
  diagnostics(document: TextDocument): Finding[];
  completion(document: TextDocument, position: Position): CompletionList;
  hover(document: TextDocument, position: Position): Hover | null;
  forget(uri: string): void;
}

const domainService: LanguageService = {
  kind: 'domain',
  diagnostics: domainDiagnostics,
  completion: domainCompletion,
  hover: domainHover,
  forget(uri) {
    forgetDomainDocument(uri);
    forgetDomainDiagnostics(uri);
  },
};

const SERVICES: Partial<Record<FileKind, LanguageService>> = { domain: domainService };

export function serviceFor(kind: FileKind): LanguageService | undefined {
  return SERVICES[kind];
}

/**
 * The kind of a document from its path and text: XML whose root is `<domain>` is a domain; other
 * XML is no business of virt-tune's. (ksmtuned.conf and kernel command lines join here.)
 */
export function detectKind(path: string, text: string): FileKind | undefined {
  if (/\.xml$/i.test(path) || text.trimStart().startsWith('<')) {
    return looksLikeDomainXml(text) ? 'domain' : undefined;
  }
  return undefined;
}

/** The quick fixes of the findings that touch a range, each with its finding. */
export function fixesInRange(findings: readonly Finding[], range: Range): { finding: Finding; fix: Fix }[] {
  const result: { finding: Finding; fix: Fix }[] = [];
  for (const finding of findings) {
    if (!rangesTouch(finding.range, range)) continue;
    for (const fix of finding.fixes) result.push({ finding, fix });
  }
  return result;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function rangesTouch(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Whether a file is XML, from its name or its first character (a BOM and leading white space skipped). */
export function isXmlFile(path: string, text: string): boolean {
  return /\.xml$/i.test(path) || text.trimStart().startsWith('<');
}

/**
 * Whether a file met while walking a folder may be one virt-tune lints, from its name alone, so a
 * large tree is not read file by file. detectKind has the last word once the text is read.
 */
export function mayHaveKind(path: string): boolean {
  return /\.xml$/i.test(path);
}
