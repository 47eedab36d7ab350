import { format } from 'node:util';
import { pathToFileURL } from 'node:url';
import { TextDocument, type Position, type Range } from 'vscode-languageserver-textdocument';
import type { CompletionItem } from 'vscode-languageserver-types';
import type { FileKind, Finding, Fix } from '../../server/src/core/types';
import { fixesInRange, serviceFor, type LanguageService, type ServiceOptions } from '../../server/src/services';
import { checkChain, type ChainEdit } from './chain';
import type { Random } from './random';

/** A document to put through every service. */
export interface FuzzCase {
  kind: FileKind;
  path: string;
  text: string;
  /** An offset where completion and hover are asked too (a failing case's cursor, kept while it is minimised). */
  at?: number;
  /** A chained case: the document is opened with `text` and then edited by these, one version each (see chain.ts). */
  edits?: ChainEdit[];
}

/** One broken property: which, in which service, and what was seen. */
export interface Failure {
  property: 'chained version differs' | 'exception' | 'logged error' | 'slow' | 'case over its time limit' | 'range outside the document' | 'messages too long' | 'bad completion range' | 'bad quick fix' | 'fix breaks the syntax' | 'object as text';
  service: string;
  detail: string;
}

export interface CheckOptions {
  /** Passed to the services (the host-aware rules speak with a host). */
  services?: ServiceOptions;
  /** Also await the slow diagnostics (libvirt's schema verdict, when a schema is chosen). */
  slow?: boolean;
  /**
   * Each call must take no more than this (default 1,000 ms) of this process's CPU time on a document
   * of up to a million characters, and as many times this as the document has millions of characters
   * beyond; a slow call is timed once more before it counts. CPU time, not wall time: the check is for
   * runaway work (a quadratic scan, a backtracking regex), and other processes on a busy machine stretch
   * wall time but not the work done here.
   */
  limitMs?: number;
  /**
   * The whole case (every call, each quick fix's re-check, every version of a chain) must take no more
   * than this much CPU time (default CASE_LIMIT_CALLS times limitMs; a chain gets CHAIN_LIMIT_CALLS_PER_EDIT
   * times limitMs more per edit), scaled by the text's size as limitMs is; over it twice, the case fails as
   * 'case over its time limit'. CPU time for the same reason as limitMs.
   */
  caseLimitMs?: number;
  /** Where completion and hover are asked, besides the start, the end and next to each finding; a fixed list when omitted. */
  random?: Random;
}

/** The rule that reports a kind's syntax errors: a quick fix must not add any. */
export const SYNTAX_RULE: Record<FileKind, string> = { domain: 'VT100', ksmtuned: 'VT201', cmdline: 'VT307' };
const DEFAULT_LIMIT_MS = 1000;
/**
 * A case's time limit in calls' time limits. A case makes up to about 200 calls (40 quick fixes each
 * checked again, a chain's 40 versions each compared with a fresh document), almost all far below
 * limitMs: the costliest case of a 90 s run (seed 31) took 3.2 s of CPU, a 163 KB domain chain.
 */
export const CASE_LIMIT_CALLS = 30;
/**
 * And per edit of a chain, calls' time limits more: each version is diagnosed twice (built from the last
 * and fresh) and asked completion and hover at two places. A 573 KB chain of 28 edits (seed 707, case 716)
 * took 23-31 s of CPU, so the 30 alone would be a coin toss for long chains of large texts.
 */
export const CHAIN_LIMIT_CALLS_PER_EDIT = 2;
/** Quick fixes applied per case; fewer on large texts, where each re-check is slow. */
const MAX_FIXES = 40;
const MAX_FIXES_LARGE = 3;
const LARGE = 200_000;
const MAX_CODE_ACTION_REQUESTS = 60;

let documents = 0;

/** A fresh document of the case (its own uri: no cache is shared with another call). */
export function caseDocument(fuzzCase: FuzzCase, text = fuzzCase.text): TextDocument {
  documents++;
  const uri = `${pathToFileURL(fuzzCase.path).href}?fuzz=${documents}`;
  return TextDocument.create(uri, fuzzCase.kind === 'domain' ? 'xml' : fuzzCase.kind, 1, text);
}

/**
 * Puts one case through every service of its kind (diagnostics, completion, hover, code actions, each
 * quick fix applied and the result checked again) and returns the properties it breaks: an exception,
 * a logged error (a rule that throws is caught and logged by core/report.ts), a call over the time limit
 * (twice), a range outside the document, a completion edit VS Code would refuse, a quick fix that
 * overlaps itself, changes nothing or reaches outside the document, and a fix after which the text has
 * more syntax errors than before. A chained case (`edits`) is checked by chain.ts's checkChain instead: each
 * version built from the last must read as a fresh document of its text does.
 */
export async function checkCase(fuzzCase: FuzzCase, options: CheckOptions = {}): Promise<Failure[]> {
  // The second timing draws from a copy of the stream as it was for the first (the same offsets asked): so
  // whether a case was slow, which depends on the machine's load, never shifts the seed's later cases.
  const replay = options.random?.fork();
  const first = await timedRun(fuzzCase, options);
  if (!first.some(isSlow)) return first;
  // Time once more on fresh documents: only a call (or a case) that is slow twice counts (a GC pause is not a bug).
  const again = await timedRun(fuzzCase, replay ? { ...options, random: replay } : options);
  const slowAgain = new Set(again.filter(isSlow).map((failure) => failure.service));
  return first.filter((failure) => !isSlow(failure) || slowAgain.has(failure.service));
}

function isSlow(failure: Failure): boolean {
  return failure.property === 'slow' || failure.property === 'case over its time limit';
}

/** The CPU time a whole case may take (see CheckOptions.caseLimitMs). */
export function caseLimitMs(fuzzCase: FuzzCase, options: CheckOptions): number {
  const limitMs = options.limitMs ?? DEFAULT_LIMIT_MS;
  return ((options.caseLimitMs ?? CASE_LIMIT_CALLS * limitMs) + CHAIN_LIMIT_CALLS_PER_EDIT * limitMs * (fuzzCase.edits?.length ?? 0)) * sizeFactor(fuzzCase.text);
}

/** Calls on texts over a million characters get as many times their limit as the text has millions. */
function sizeFactor(text: string): number {
  return Math.max(1, text.length / 1_000_000);
}

async function timedRun(fuzzCase: FuzzCase, options: CheckOptions): Promise<Failure[]> {
  const started = cpuMs();
  const failures = await runOnce(fuzzCase, options);
  const spent = cpuMs() - started;
  const limit = caseLimitMs(fuzzCase, options);
  if (spent > limit) failures.push({ property: 'case over its time limit', service: 'the whole case', detail: `${Math.round(spent)} ms of CPU, its limit ${Math.round(limit)} ms` });
  return failures;
}

async function runOnce(fuzzCase: FuzzCase, options: CheckOptions): Promise<Failure[]> {
  const service = serviceFor(fuzzCase.kind);
  if (!service) return [];
  const failures: Failure[] = [];
  const limitMs = (options.limitMs ?? DEFAULT_LIMIT_MS) * sizeFactor(fuzzCase.text);
  if (fuzzCase.edits) return checkChain(fuzzCase, fuzzCase.edits, options, limitMs);
  const document = caseDocument(fuzzCase);
  try {
    const findings = await diagnose(service, document, options, failures, limitMs, 'diagnostics');
    if (!findings) return failures;
    checkFindingRanges(document, findings, failures, 'diagnostics');

    for (const offset of askedOffsets(document, findings, options.random, fuzzCase.at)) {
      const position = document.positionAt(offset);
      const completion = call(failures, limitMs, `completion at ${offset}`, () => service.completion(document, position, options.services));
      if (completion) checkCompletion(document, position, completion.items, failures, offset);
      const hover = call(failures, limitMs, `hover at ${offset}`, () => service.hover(document, position));
      if (hover?.range) checkRange(document, hover.range, failures, `hover at ${offset}`);
      const shown = JSON.stringify([completion?.items ?? [], hover?.contents ?? '']);
      if (objectAsText(document, shown)) failures.push({ property: 'object as text', service: `completion or hover at ${offset}`, detail: shown.slice(0, 300) });
    }

    let applied = 0;
    const budget = document.getText().length > LARGE ? MAX_FIXES_LARGE : MAX_FIXES;
    const syntaxBefore = findings.filter((finding) => finding.rule === SYNTAX_RULE[fuzzCase.kind]).length;
    const seen = new Set<Fix>();
    for (const finding of codeActionSites(findings)) {
      const actions = call(failures, limitMs, `code actions of ${finding.rule}`, () => fixesInRange(findings, finding.range));
      for (const { finding: owner, fix } of actions ?? []) {
        if (seen.has(fix) || applied >= budget) continue;
        seen.add(fix);
        applied++;
        const fixed = applyFix(document, fix, failures, `fix of ${owner.rule} '${fix.title}'`);
        if (fixed === undefined) continue;
        const fixedDocument = caseDocument(fuzzCase, fixed);
        let after: Finding[] | undefined;
        try {
          after = await diagnose(service, fixedDocument, options, failures, limitMs, `diagnostics after the fix of ${owner.rule}`);
        } finally {
          // As an editor closes it: kept, each fixed five-megabyte text would hold its tree and findings
          // (hundreds of MB) in the caches, and the collector's work would then time the next call slow.
          service.forget(fixedDocument.uri);
        }
        const syntaxAfter = (after ?? []).filter((other) => other.rule === SYNTAX_RULE[fuzzCase.kind]).length;
        if (syntaxAfter > syntaxBefore) {
          failures.push({ property: 'fix breaks the syntax', service: `fix of ${owner.rule} '${fix.title}'`, detail: `${SYNTAX_RULE[fuzzCase.kind]} findings: ${syntaxBefore} before, ${syntaxAfter} after` });
        }
      }
    }
  } finally {
    service.forget(document.uri);
  }
  return failures;
}

/**
 * The findings whose ranges code actions are asked for: every one with a quick fix and a few without,
 * at most MAX_CODE_ACTION_REQUESTS spread over the document (each request looks at every finding, as
 * an editor's does, so asking at all of tens of thousands would take the fuzzer's time, not the editor's).
 */
function codeActionSites(findings: readonly Finding[]): Finding[] {
  const fixable = findings.filter((finding) => finding.fixes.length > 0);
  const sites = [...fixable, ...findings.filter((finding) => finding.fixes.length === 0).slice(0, 5)];
  const step = Math.max(1, Math.floor(sites.length / MAX_CODE_ACTION_REQUESTS));
  return sites.filter((_, index) => index % step === 0);
}

async function diagnose(service: LanguageService, document: TextDocument, options: CheckOptions, failures: Failure[], limitMs: number, label: string): Promise<Finding[] | undefined> {
  const findings = call(failures, limitMs, label, () => service.diagnostics(document, options.services), findingsAllowanceMs);
  if (findings) {
    checkMessageSizes(document, findings, failures, label);
    checkObjectTexts(document, findings, failures, label);
  }
  if (!findings || !options.slow || !service.slowDiagnostics) return findings;
  const started = cpuMs();
  try {
    const slow = await service.slowDiagnostics(document, options.services);
    checkFindingRanges(document, slow, failures, `${label} (slow)`);
    checkMessageSizes(document, slow, failures, `${label} (slow)`);
    checkObjectTexts(document, slow, failures, `${label} (slow)`);
    return [...findings, ...slow];
  } catch (error) {
    failures.push({ property: 'exception', service: `${label} (slow)`, detail: describe(error) });
    return findings;
  } finally {
    // The schema verdict runs in this process too: the limit is on the rules alone, the verdict gets ten times it.
    const elapsed = cpuMs() - started;
    if (elapsed > limitMs * 10) failures.push({ property: 'slow', service: `${label} (slow)`, detail: `${Math.round(elapsed)} ms` });
  }
}

/** The CPU time this process has used so far (user and system, every thread), in milliseconds. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * The CPU time a lint may take per finding it answers, beyond its limit: making, converting and collecting a
 * finding is a few microseconds, so a text with a finding on every word is slow for its size without being
 * runaway work. Measured on 1.3 MB command lines: one-letter words, 1.3 million findings, 3.9-4.4 s; a
 * grub.cfg entry repeated (seed 23232's failure of session 13, 265,000 findings), 1.3-1.9 s, against its 1.3 s limit.
 */
export const DIAGNOSTICS_MS_PER_FINDING = 0.005;

/** The extra time a lint may take for the findings it answered (DIAGNOSTICS_MS_PER_FINDING). */
export function findingsAllowanceMs(findings: readonly unknown[]): number {
  return findings.length * DIAGNOSTICS_MS_PER_FINDING;
}

/**
 * Runs one service call with console.error and console.warn caught: an exception, a log line or a slow answer is a failure.
 * `allowanceMs`: more time the call may take for what it answered.
 */
export function call<T>(failures: Failure[], limitMs: number, service: string, run: () => T, allowanceMs?: (result: T) => number): T | undefined {
  const logged: string[] = [];
  const { error, warn } = console;
  console.error = (...args: unknown[]) => logged.push(format(...args));
  console.warn = (...args: unknown[]) => logged.push(format(...args));
  const started = cpuMs();
  let limit = limitMs;
  try {
    const result = run();
    if (allowanceMs) limit += allowanceMs(result);
    return result;
  } catch (thrown) {
    failures.push({ property: 'exception', service, detail: describe(thrown) });
    return undefined;
  } finally {
    const elapsed = cpuMs() - started;
    console.error = error;
    console.warn = warn;
    if (logged.length > 0) failures.push({ property: 'logged error', service, detail: logged.join('\n').slice(0, 2000) });
    if (elapsed > limit) failures.push({ property: 'slow', service, detail: `${Math.round(elapsed)} ms` });
  }
}

/** The start, the end, each finding's start and end (a few), and some offsets at random. */
function askedOffsets(document: TextDocument, findings: readonly Finding[], random: Random | undefined, at: number | undefined): number[] {
  const length = document.getText().length;
  const offsets = new Set<number>([0, length, Math.floor(length / 2)]);
  if (at !== undefined && at <= length) offsets.add(at);
  for (const finding of findings.slice(0, 3)) {
    offsets.add(document.offsetAt(finding.range.start));
    offsets.add(document.offsetAt(finding.range.end));
  }
  for (let i = 0; i < 4; i++) offsets.add(random ? random.below(length + 1) : Math.floor(((i + 1) * length) / 5));
  return [...offsets];
}

/**
 * The findings' messages may hold what they are about, each once: in all, no more than this many
 * characters per character of the text, and MESSAGE_CHARS_PER_FINDING per finding. A message that
 * repeats a whole value for each of that value's many problems grows with the square of its length, and
 * the editor is sent every character (VT301 made 2 GB of messages from a 90 KB list: the server ran out of memory).
 */
const MESSAGE_CHARS_PER_TEXT_CHAR = 8;
const MESSAGE_CHARS_PER_FINDING = 1000;

export function checkMessageSizes(document: TextDocument, findings: readonly Finding[], failures: Failure[], service: string): void {
  let total = 0;
  for (const finding of findings) total += finding.message.length;
  const limit = MESSAGE_CHARS_PER_TEXT_CHAR * document.getText().length + MESSAGE_CHARS_PER_FINDING * findings.length;
  if (total <= limit) return;
  const longest = findings.reduce((best, finding) => (finding.message.length > best.message.length ? finding : best));
  failures.push({ property: 'messages too long', service, detail: `${total} characters in ${findings.length} messages, the limit ${limit}; the longest (${longest.rule}, ${longest.message.length}): ${longest.message.slice(0, 200)}` });
}

/**
 * What JavaScript writes for an object or a function made text: a user's value looked up as a property of
 * a plain object finds Object's prototype (`constructor`, `toString`, `__proto__`: core/ownValue.ts), and a
 * message or fix then said "function Object() { [native code] }". Not a failure when the document says it.
 */
const OBJECT_AS_TEXT = /\[object Object\]|\[native code\]/;

/** Whether `text` holds an object or a function made text that `document` does not hold itself. */
function objectAsText(document: TextDocument, text: string): boolean {
  return OBJECT_AS_TEXT.test(text) && !OBJECT_AS_TEXT.test(document.getText());
}

/** Findings whose message, fix title or fix text is a JavaScript object made text. */
export function checkObjectTexts(document: TextDocument, findings: readonly Finding[], failures: Failure[], service: string): void {
  // A fix offered on many findings (one fix of all a value's lines, on each line) is read once.
  const checked = new Set<Fix>();
  const fail = (finding: Finding, text: string) => failures.push({ property: 'object as text', service: `${service}: ${finding.rule}`, detail: text.slice(0, 300) });
  for (const finding of findings) {
    if (objectAsText(document, finding.message)) return void fail(finding, finding.message);
    for (const fix of finding.fixes) {
      if (checked.has(fix)) continue;
      checked.add(fix);
      if (objectAsText(document, fix.title)) return void fail(finding, fix.title);
      for (const edit of fix.edits) if (objectAsText(document, edit.newText)) return void fail(finding, edit.newText);
    }
  }
}

export function checkFindingRanges(document: TextDocument, findings: readonly Finding[], failures: Failure[], service: string): void {
  // A fix offered on many findings (one fix of all a value's lines, on each line) is checked once.
  const checked = new Set<Fix>();
  for (const finding of findings) {
    if (!checkRange(document, finding.range, failures, `${service}: ${finding.rule}`)) return;
    for (const fix of finding.fixes) {
      if (checked.has(fix)) continue;
      checked.add(fix);
      for (const edit of fix.edits) if (!checkRange(document, edit.range, failures, `${service}: ${finding.rule} fix '${fix.title}'`)) return;
    }
  }
}

/** Whether a range is well made and inside the document (a failure is recorded when not). */
function checkRange(document: TextDocument, range: Range, failures: Failure[], service: string): boolean {
  const problem = positionProblem(document, range.start) ?? positionProblem(document, range.end) ?? (after(range.start, range.end) ? 'it ends before it starts' : undefined);
  if (problem) failures.push({ property: 'range outside the document', service, detail: `${JSON.stringify(range)}: ${problem}` });
  return problem === undefined;
}

function positionProblem(document: TextDocument, position: Position): string | undefined {
  const { line, character } = position;
  if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0) return `not a position: ${JSON.stringify(position)}`;
  if (line >= document.lineCount) return `line ${line} of ${document.lineCount}`;
  const length = lineLength(document, line);
  if (character > length) return `character ${character} of a line of ${length}`;
  return undefined;
}

/** The length of a line without its line break. */
function lineLength(document: TextDocument, line: number): number {
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/(\r\n|\r|\n)$/, '').length;
}

function after(a: Position, b: Position): boolean {
  return a.line > b.line || (a.line === b.line && a.character > b.character);
}

/** VS Code takes a completion's edit only when its range is inside the document, on one line, and holds the cursor. */
function checkCompletion(document: TextDocument, position: Position, items: readonly CompletionItem[], failures: Failure[], offset: number): void {
  for (const item of items) {
    const edit = item.textEdit;
    if (!edit) continue;
    const ranges = 'range' in edit ? [edit.range] : [edit.insert, edit.replace];
    for (const range of ranges) {
      if (!checkRange(document, range, failures, `completion at ${offset}: '${item.label}'`)) return;
      if (range.start.line !== range.end.line || after(range.start, position) || after(position, range.end)) {
        failures.push({ property: 'bad completion range', service: `completion at ${offset}`, detail: `'${item.label}': ${JSON.stringify(range)} for the cursor at ${JSON.stringify(position)}` });
        return;
      }
    }
  }
}

/**
 * Applies a fix as an editor does, after checking that its edits are inside the document and do not
 * overlap; the text outside the edits is kept as is by construction (each edit is spliced at its own
 * offsets, compared with the editor library's result). Undefined (and a failure) when the fix is bad.
 */
function applyFix(document: TextDocument, fix: Fix, failures: Failure[], service: string): string | undefined {
  const text = document.getText();
  const spans = fix.edits.map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), newText: edit.newText })).sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end) {
      failures.push({ property: 'bad quick fix', service, detail: `its edits overlap: ${JSON.stringify(fix.edits)}` });
      return undefined;
    }
  }
  if (fix.edits.length === 0) {
    failures.push({ property: 'bad quick fix', service, detail: 'it has no edit' });
    return undefined;
  }
  let spliced = '';
  let at = 0;
  for (const span of spans) {
    spliced += text.slice(at, span.start) + span.newText;
    at = span.end;
  }
  spliced += text.slice(at);
  let applied: string;
  try {
    applied = TextDocument.applyEdits(document, fix.edits);
  } catch (error) {
    failures.push({ property: 'bad quick fix', service, detail: describe(error) });
    return undefined;
  }
  if (applied !== spliced) {
    failures.push({ property: 'bad quick fix', service, detail: 'applying its edits changes text outside them' });
    return undefined;
  }
  if (applied === text) {
    failures.push({ property: 'bad quick fix', service, detail: `it changes nothing: ${JSON.stringify(fix.edits).slice(0, 300)}` });
    return undefined;
  }
  return applied;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 8).join('\n') : String(error);
}
