import { insideTemplateTag } from './core/template';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionList, Hover } from 'vscode-languageserver-types';
import { completionEdits, type CompletionEditOptions } from './core/completionRange';
import type { FileKind, Finding, Fix } from './core/types';
import { domainCompletion } from './domain/completion';
import { domainDiagnostics, forgetDomainDiagnostics } from './domain/diagnostics';
import { forgetDomainDocument, looksLikeDomainXml } from './domain/document';
import { domainHover } from './domain/hover';
import { ksmtunedCompletion } from './ksmtuned/completion';
import { forgetKsmtunedDiagnostics, ksmtunedDiagnostics } from './ksmtuned/diagnostics';
import { forgetKsmtunedDocument, isKsmtunedPath } from './ksmtuned/document';
import { ksmtunedHover } from './ksmtuned/hover';
import { domainSchemaDiagnostics, forgetDomainSchemaDiagnostics } from './domain/verdict';
import { cmdlineCompletion } from './cmdline/completion';
import { cmdlineDiagnostics, forgetCmdlineDiagnostics } from './cmdline/diagnostics';
import { forgetCmdlineDocument } from './cmdline/document';
import { cmdlineHover } from './cmdline/hover';
import { cmdlineShapeOfPath } from './cmdline/shape';
import type { BootHugePages, Guests } from './guests/types';
import type { GrubDropIns } from './grubDropIns/types';
import type { HostModel } from './host/types';
import type { SchemaVariants } from './domain/completion';

/**
 * What services may take besides the document: the host the guest will run on (host-aware rules,
 * completion) and the host's other guests (the cross-guest rules, VT110-VT119); for completion, what
 * the client can take (`insertReplace`, a plain flag the LSP adapter reads from the client's capabilities).
 */
export interface ServiceOptions extends CompletionEditOptions {
  host?: HostModel;
  guests?: Guests;
  /** The huge pages the host's kernel command line reserves at boot, from the workspace's files (VT115). */
  bootHugepages?: BootHugePages;
  /** For /etc/default/grub and its drop-ins: the drop-ins grub-mkconfig sources after the file, read by the adapter (VT320). */
  grubDropIns?: GrubDropIns;
  /**
   * For domain completion: libvirt's RelaxNG schema in use (`schemaVariants()`), so that what is offered
   * fits each element's variant; without it, what the built-in structure allows at the element's path.
   */
  variants?: SchemaVariants;
  /**
   * For slowDiagnostics: aborted when the caller no longer wants the answer (the document changed or
   * closed); the work then stops where it can and resolves with no findings.
   */
  signal?: AbortSignal;
}

/**
 * The language services of one file kind: plain functions over a text document, no transport.
 * The LSP server, the CLI and the tests all call these.
 */
export interface LanguageService {
  kind: FileKind;
  diagnostics(document: TextDocument, options?: ServiceOptions): Finding[];
  completion(document: TextDocument, position: Position, options?: ServiceOptions): CompletionList;
  hover(document: TextDocument, position: Position): Hover | null;
  forget(uri: string): void;
  /**
   * Findings that take longer than a keystroke may wait (for a domain, libvirt's schema verdict), none
   * that `diagnostics` already says. The adapters publish `diagnostics` at once and merge these in when
   * they come (`mergeFindings`); they are for the document as it was when this was called.
   */
  slowDiagnostics?(document: TextDocument, options?: ServiceOptions): Promise<Finding[]>;
}

/** A kind's completion with every edit split at the cursor and kept to its line (see completionEdits). */
function safeEdits(complete: LanguageService['completion']): LanguageService['completion'] {
  return (document, position, options) => completionEdits(document, position, complete(document, position, options), options);
}

/** Inside a template tag (`{{ x }}`, `<%= x %>`) the text is the template engine's: nothing of the file kind is offered there. */
function outsideTemplateTags(complete: LanguageService['completion']): LanguageService['completion'] {
  return (document, position, options) => (insideTemplateTag(document.getText(), document.offsetAt(position)) ? { isIncomplete: false, items: [] } : complete(document, position, options));
}

const domainService: LanguageService = {
  kind: 'domain',
  diagnostics: domainDiagnostics,
  completion: safeEdits(domainCompletion),
  hover: domainHover,
  forget(uri) {
    forgetDomainDocument(uri);
    forgetDomainDiagnostics(uri);
    forgetDomainSchemaDiagnostics(uri);
  },
  slowDiagnostics: domainSchemaDiagnostics,
};

const ksmtunedService: LanguageService = {
  kind: 'ksmtuned',
  diagnostics: ksmtunedDiagnostics,
  completion: outsideTemplateTags(safeEdits(ksmtunedCompletion)),
  hover: ksmtunedHover,
  forget(uri) {
    forgetKsmtunedDocument(uri);
    forgetKsmtunedDiagnostics(uri);
  },
};

const cmdlineService: LanguageService = {
  kind: 'cmdline',
  diagnostics: cmdlineDiagnostics,
  completion: outsideTemplateTags(safeEdits(cmdlineCompletion)),
  hover: cmdlineHover,
  forget(uri) {
    forgetCmdlineDocument(uri);
    forgetCmdlineDiagnostics(uri);
  },
};

const SERVICES: Partial<Record<FileKind, LanguageService>> = { domain: domainService, ksmtuned: ksmtunedService, cmdline: cmdlineService };

export function serviceFor(kind: FileKind): LanguageService | undefined {
  return SERVICES[kind];
}

/**
 * The kind of a document from its path and text: XML whose root is `<domain>` is a domain; other
 * XML is no business of virt-tune's. A file named ksmtuned.conf (or *ksmtuned*.conf), or opened in the
 * editor's ksmtuned language, is a ksmtuned config. Files where kernel command lines are kept
 * (/etc/default/grub, grub.cfg, grub.conf, menu.lst, loader/entries/*.conf, kernel/cmdline, *.cmdline:
 * see cmdlineShapeOfPath), or opened in the editor's grub or kernel-cmdline language, are `cmdline`.
 */
export function detectKind(path: string, text: string, languageId?: string): FileKind | undefined {
  if (languageId === 'ksmtuned' || isKsmtunedPath(path)) return 'ksmtuned';
  if (languageId === 'grub' || languageId === 'kernel-cmdline' || cmdlineShapeOfPath(path)) return 'cmdline';
  if (isXmlFile(path, text)) {
    return looksLikeDomainXml(text) ? 'domain' : undefined;
  }
  return undefined;
}

/** Which libvirt schema judges domains (`auto`, `builtin` or a path): see chooseSchema; schemaVariants gives it to completion. */
export { chooseSchema, schemaVariants } from './domain/verdict';

/** Every finding of a document: `diagnostics` and, awaited, `slowDiagnostics`, in document order. */
export async function allDiagnostics(service: LanguageService, document: TextDocument, options?: ServiceOptions): Promise<Finding[]> {
  const fast = service.diagnostics(document, options);
  return service.slowDiagnostics ? mergeFindings(fast, await service.slowDiagnostics(document, options)) : fast;
}

/** Two lists of findings of one version as one, in document order (a stable sort: ties keep their order). */
export function mergeFindings(fast: readonly Finding[], slow: readonly Finding[]): Finding[] {
  if (slow.length === 0) return [...fast];
  return [...fast, ...slow].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
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
  return /\.xml$/i.test(path) || isKsmtunedPath(path) || cmdlineShapeOfPath(path) !== undefined;
}
