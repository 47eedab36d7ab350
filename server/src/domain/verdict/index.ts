import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../core/types';
import type { SchemaJudge } from '../../schema/judge';
import type { SchemaError } from '../../schema/types';
import type { Span } from '../../core/span';
import type { XmlDocument } from '../../xml/types';
import { registerDocumentKeyed } from '../../core/documentCache';
import { domainDiagnostics, type DomainDiagnosticsOptions } from '../diagnostics';
import { domainDocument } from '../document';
import { wellFormed } from '../rules/well-formed';
import { activeJudge } from './choice';
import { schemaProblems } from './mapErrors';
import { problemFinding, type SchemaProblem } from './problem';
import { withVersionWords } from './versionWords';
import { withoutSaidAlready } from './yield';

export { activeJudge, chooseSchema, schemaVariants, type SchemaChoiceOptions } from './choice';
export { SCHEMA_INVALID, withSchemaRule } from './rule';

interface Pending {
  version: number;
  text: string;
  /** The schema chosen when it was asked: another choice asks anew. */
  judge: Promise<SchemaJudge | undefined>;
  findings: Promise<Finding[]>;
}

const pending = new Map<string, Pending>();
registerDocumentKeyed('schema verdicts', () => pending.keys());

/**
 * libvirt's schema verdict on a domain document, as findings at the element, attribute or value at
 * fault, leaving out what `domainDiagnostics` already says. Empty when no schema is chosen, when the
 * document is not a domain, or when it is not well-formed (VT100 speaks then). The document is read
 * once, when called: a later edit does not change what this answers for.
 */
export function domainSchemaDiagnostics(textDocument: TextDocument, options: DomainDiagnosticsOptions & { signal?: AbortSignal } = {}): Promise<Finding[]> {
  const text = textDocument.getText();
  const chosen = activeJudge();
  const known = pending.get(textDocument.uri);
  if (known && known.version === textDocument.version && known.text === text && known.judge === chosen) return known.findings;
  const snapshot = TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, text);
  const findings = judge(chosen, snapshot, options);
  const entry = { version: textDocument.version, text, judge: chosen, findings };
  pending.set(textDocument.uri, entry);
  // A judgement given up answers nothing for its version: it must not be remembered as the verdict.
  options.signal?.addEventListener('abort', () => {
    if (pending.get(textDocument.uri) === entry) pending.delete(textDocument.uri);
  }, { once: true });
  return findings;
}

export function forgetDomainSchemaDiagnostics(uri: string): void {
  pending.delete(uri);
}

async function judge(chosen: Promise<SchemaJudge | undefined>, snapshot: TextDocument, options: DomainDiagnosticsOptions & { signal?: AbortSignal }): Promise<Finding[]> {
  const judge = await chosen;
  // No schema (builtin), or given up already: the document is not even parsed.
  if (!judge || options.signal?.aborted) return [];
  // The rules' findings of this version: cached, as the caller has just published them.
  const document = domainDocument(snapshot);
  const said = document.model ? domainDiagnostics(snapshot, options) : [];
  if (!document.model || said.some((finding) => finding.rule === wellFormed.meta.code)) return [];
  // A judge in this thread reads the tree just parsed; a worker judge parses the text itself, and the
  // tree is not held meanwhile: with many documents waiting for their verdict, holding each one's tree
  // would cost far more than parsing again the few that get one.
  const errors = await judge.errors(snapshot.getText(), () => domainDocument(snapshot).xml);
  // Given up while the judge worked (the document changed or closed): no tree is parsed for an answer nobody reads.
  if (options.signal?.aborted) return [];
  const xml = domainDocument(snapshot).xml;
  const unreadable = errors.filter((error) => error.kind === 'not-well-formed');
  const problems = unreadable.length > 0 ? unreadable.map((error) => notReadable(xml, error)) : schemaProblems(xml, errors);
  const findings = withoutSaidAlready(problems, said, snapshot).map((problem) => problemFinding(snapshot, problem, judge.source.label));
  return withVersionWords(findings, xml.root, snapshot, judge.source);
}

/** The document is not XML libxml2 (and so libvirt) can read, though our tolerant parser could: the reason, where it is. */
function notReadable(xml: XmlDocument, error: SchemaError): SchemaProblem {
  const span = lineSpan(xml.text, error.line, error.column);
  return { code: 'VT108', message: `libxml2 (which libvirt reads XML with) cannot read the document: ${error.message}`, span, cover: span };
}

/** From the 1-based line and column to the end of that line; the whole line when no column is given. */
function lineSpan(text: string, line: number, column: number | undefined): Span {
  let start = 0;
  for (let at = 1; at < line; at++) {
    const next = text.indexOf('\n', start);
    if (next < 0) break;
    start = next + 1;
  }
  const lineEnd = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
  const from = Math.min(lineEnd, start + Math.max(0, (column ?? 1) - 1));
  const end = lineEnd > from ? lineEnd : Math.min(text.length, from + 1);
  return { start: from === end && from > start ? from - 1 : from, end };
}
