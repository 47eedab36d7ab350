import { isDeepStrictEqual } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileKind } from '../../server/src/core/types';
import { domainDocument } from '../../server/src/domain/document';
import { serviceFor, type LanguageService } from '../../server/src/services';
import { parseXml } from '../../server/src/xml/parser';
import { treeShape } from '../xml/shape';
import { call, caseDocument, findingsAllowanceMs, checkFindingRanges, checkMessageSizes, checkObjectTexts, cpuMs, type CheckOptions, type Failure, type FuzzCase } from './check';
import { pickMutation } from './mutate';
import type { Random } from './random';

/** One edit of a chain: old[start, end) replaced by `text`, offsets in the text before the edit. */
export interface ChainEdit {
  start: number;
  end: number;
  text: string;
}

/** What is typed key by key into a value or a text: every version stays well formed. */
const WORDS = ['hugepages', '1024', '2-5', 'virtio', ' ', 'x'];
/** What is typed, pasted or broken in a document of each kind. */
const TYPED: Record<FileKind, readonly string[]> = {
  domain: [
    "<vcpu placement='static'>4</vcpu>",
    "\n  <memory unit='KiB'>1048576</memory>",
    " type='kvm'",
    " unit='GiB'",
    "<disk type='file' device='disk'>\n  <driver name='qemu' type='qcow2'/>\n  <source file='/var/lib/x.qcow2'/>\n  <target dev='vda' bus='virtio'/>\n</disk>",
    "<memoryBacking><hugepages/></memoryBacking>",
    "<cputune><vcpupin vcpu='0' cpuset='2'/></cputune>",
    '</devices>',
    '<devices>',
    '<!-- note -->',
    '&amp;',
    '&lt;x',
    '<![CDATA[a<b]]>',
    '<?pi x?>',
    'hugepages',
    '2-5',
    '1024',
    ' ',
    '\n    ',
    '"',
    "'",
    '<',
    '>',
    '/>',
    '</',
  ],
  ksmtuned: ['KSM_SLEEP_MSEC=20\n', 'KSM_NPAGES_MAX=', '1250', '# DEBUG=1\n', 'KSM_THRES_COEF=', '"', '\n', '$(', ' '],
  cmdline: [' hugepages=16', ' isolcpus=2-5', ' default_hugepagesz=1G', 'GRUB_CMDLINE_LINUX="quiet"\n', '\tlinux16 /vmlinuz root=/dev/sda1 ro\n', 'options ', '"', "'", '\\\n', '$(', '#', ' ', '\n'],
};
/** Characters a break-and-mend takes out and puts back. */
const BREAKABLE = /[<>"'/=]/g;
/** Texts longer than this are not made longer by a chain's mutations (each version is parsed twice). */
const LARGE = 400_000;
/** A chain's mutation that makes the text longer than this is left out: the chain would check each later version of a huge text several times over. */
const CHAIN_MUTATION_LIMIT = 50_000;

/** The start of an attribute value or a text between tags and an offset inside it, from a random place on; a random offset when there is none. */
function insideValue(text: string, random: Random): [number, number] {
  const value = /=(['"])([^'"<>&]*)|>([^<>&]+)</g;
  value.lastIndex = random.below(text.length + 1);
  let found = value.exec(text);
  if (!found) {
    value.lastIndex = 0;
    found = value.exec(text);
  }
  if (!found) {
    const at = random.below(text.length + 1);
    return [at, at];
  }
  const inner = found[2] ?? found[3]!;
  const start = found.index + found[0].length - (found[2] === undefined ? 1 : 0) - inner.length;
  return [start, start + random.below(inner.length + 1)];
}

/** The start of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** A few whole lines (their line breaks included). */
function wholeLines(text: string, random: Random): [number, number] {
  const from = lineStart(text, random.below(text.length + 1));
  let to = from;
  for (let count = random.between(1, 12); count > 0 && to < text.length; count--) {
    const next = text.indexOf('\n', to);
    to = next < 0 ? text.length : next + 1;
  }
  return [from, to];
}

/** Any stretch, mostly short. */
function stretch(text: string, random: Random): [number, number] {
  const from = random.below(text.length + 1);
  return [from, Math.min(text.length, from + random.between(1, random.chance(0.7) ? 200 : 4000))];
}

/** An offset at the end of a line (after a tag, where an element may be typed), from a random place on; a random offset when there is none. */
function betweenLines(text: string, random: Random): number {
  const start = random.below(text.length + 1);
  const found = text.indexOf('>\n', start);
  const at = found >= 0 ? found : text.indexOf('>\n');
  return at >= 0 ? at + 1 : start;
}

/** The text after an edit (its offsets clamped to the text). */
export function applyEdit(text: string, edit: ChainEdit): string {
  const start = Math.min(Math.max(0, edit.start), text.length);
  const end = Math.min(Math.max(start, edit.end), text.length);
  return text.slice(0, start) + edit.text + text.slice(end);
}

/** The one edit that turns `before` into `after` (their common start and end kept). */
export function editBetween(before: string, after: string): ChainEdit {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let same = 0;
  while (same < shorter - start && before.charCodeAt(before.length - 1 - same) === after.charCodeAt(after.length - 1 - same)) same++;
  return { start, end: before.length - same, text: after.slice(start, after.length - same) };
}

/**
 * A run of edits of `text` as a user makes them: typing a snippet key by key, deleting with backspace,
 * breaking a tag (a `<`, `>`, quote or `/` taken out) and mending it a few edits later, pasting a stretch
 * of the document (or of `other`) elsewhere, cutting one, undoing back to an earlier version, and now and
 * then one of the fuzzer's mutations. Each edit is one version of the document.
 */
export function makeChain(kind: FileKind, text: string, random: Random, other: string): ChainEdit[] {
  const edits: ChainEdit[] = [];
  const versions = [text];
  let current = text;
  // The versions a domain's parse finds well formed: a user who broke the document mends it or undoes back to one.
  const wellFormed = (candidate: string) => kind !== 'domain' || parseXml(candidate).problems.length === 0;
  let lastGood = wellFormed(text) ? text : undefined;
  const push = (edit: ChainEdit) => {
    edits.push(edit);
    current = applyEdit(current, edit);
    versions.push(current);
    if (wellFormed(current)) lastGood = current;
  };
  const wanted = random.between(3, 40);
  let broken: { at: number; character: string } | undefined;
  while (edits.length < wanted) {
    const choice = random.below(100);
    if (lastGood !== undefined && lastGood !== current && random.chance(0.4)) {
      push(editBetween(current, lastGood));
      broken = undefined;
    } else if (broken && random.chance(0.3)) {
      // Mend what was broken, where it was (or where it went since).
      push({ start: Math.min(broken.at, current.length), end: Math.min(broken.at, current.length), text: broken.character });
      broken = undefined;
    } else if (choice < 25) {
      // Words typed key by key in a value or between tags: every version well formed.
      const at = insideValue(current, random)[1];
      [...random.pick(WORDS)].forEach((key, index) => push({ start: at + index, end: at + index, text: key }));
    } else if (choice < 35) {
      const [valueStart, at] = insideValue(current, random);
      const count = Math.min(at - valueStart, random.between(1, 6));
      for (let index = 0; index < count; index++) push({ start: at - index - 1, end: at - index, text: '' });
    } else if (choice < 47) {
      // A snippet typed key by key (the versions in between are broken), at a line's end or anywhere.
      const at = random.chance(0.6) ? betweenLines(current, random) : random.below(current.length + 1);
      const typed = random.pick(TYPED[kind]);
      const keys = random.chance(0.8) ? [...typed] : [typed];
      keys.forEach((key, index) => push({ start: at + index, end: at + index, text: key }));
    } else if (choice < 52) {
      const at = random.below(current.length + 1);
      const count = Math.min(at, random.between(1, 12));
      for (let index = 0; index < count; index++) push({ start: at - index - 1, end: at - index, text: '' });
    } else if (choice < 62) {
      BREAKABLE.lastIndex = random.below(current.length + 1);
      let found = BREAKABLE.exec(current);
      if (!found) {
        BREAKABLE.lastIndex = 0;
        found = BREAKABLE.exec(current);
      }
      if (found) {
        push({ start: found.index, end: found.index + 1, text: '' });
        broken = { at: found.index, character: found[0] };
      }
    } else if (choice < 72) {
      // A paste: whole lines (often whole elements) or any stretch, of this document or another.
      const source = random.chance(0.7) ? current : other;
      const [from, to] = random.chance(0.6) ? wholeLines(source, random) : stretch(source, random);
      const at = random.chance(0.6) ? lineStart(current, random.below(current.length + 1)) : random.below(current.length + 1);
      push({ start: at, end: at, text: source.slice(from, to) });
    } else if (choice < 78) {
      const [from, to] = random.chance(0.6) ? wholeLines(current, random) : stretch(current, random);
      push({ start: from, end: to, text: '' });
    } else if (choice < 85 && versions.length > 2) {
      // Undo back to an earlier version: the editor sends the difference as one change.
      push(editBetween(current, versions[random.below(versions.length - 1)]!));
    } else if (choice < 93) {
      const word = /[A-Za-z0-9_.:/-]+/g;
      word.lastIndex = random.below(current.length + 1);
      const found = word.exec(current);
      if (found) push({ start: found.index, end: found.index + found[0].length, text: random.pick(['', '0', 'x', '4G', 'none', found[0] + found[0], found[0].toUpperCase()]) });
    } else if (current.length < LARGE) {
      const mutation = pickMutation(random);
      const mutated = mutation.name === 'five megabytes' ? current : mutation.apply(current, random);
      if (mutated.length < CHAIN_MUTATION_LIMIT) push(editBetween(current, mutated));
    }
  }
  return edits;
}

/**
 * The chained-versions property: one document opened with `fuzzCase.text` and edited by `edits`, each
 * edit a new version sent as the editor sends it, so each version's tree is built from the last one's
 * (xml/reparse.ts through domain/document.ts's cache, with its kept basis while a version is broken).
 * After every edit what a reader sees of the chained version must be what a fresh document of the same
 * text gives: the tree (a domain's), the findings, completion and hover at the edit and at a random
 * place, and with `slow` the schema verdict. The first version that differs is reported.
 */
export async function checkChain(fuzzCase: FuzzCase, edits: readonly ChainEdit[], options: CheckOptions, limitMs: number): Promise<Failure[]> {
  const service = serviceFor(fuzzCase.kind);
  if (!service) return [];
  const failures: Failure[] = [];
  const document = caseDocument(fuzzCase);
  try {
    if (!call(failures, limitMs, 'chained diagnostics', () => service.diagnostics(document, options.services), findingsAllowanceMs)) return failures;
    for (let index = 0; index < edits.length && failures.length === 0; index++) {
      const edit = edits[index]!;
      const before = document.getText();
      const after = applyEdit(before, edit);
      const start = Math.min(Math.max(0, edit.start), before.length);
      const end = Math.min(Math.max(start, edit.end), before.length);
      const range = { start: document.positionAt(start), end: document.positionAt(end) };
      // An edit whose offsets the editor cannot say as positions (inside a CRLF) is sent as the whole text.
      const ranged = document.offsetAt(range.start) === start && document.offsetAt(range.end) === end;
      TextDocument.update(document, [ranged ? { range, text: edit.text } : { text: after }], document.version + 1);
      await compareWithFresh(service, fuzzCase, document, start + edit.text.length, options, limitMs, failures, `after edit ${index + 1} of ${edits.length}`);
    }
  } finally {
    service.forget(document.uri);
  }
  return failures;
}

async function compareWithFresh(service: LanguageService, fuzzCase: FuzzCase, chained: TextDocument, cursor: number, options: CheckOptions, limitMs: number, failures: Failure[], when: string): Promise<void> {
  const text = chained.getText();
  const fresh = caseDocument(fuzzCase, text);
  const differs = (service: string, seen: unknown, expected: unknown) => {
    if (!isDeepStrictEqual(seen, expected)) failures.push({ property: 'chained version differs', service, detail: `${when}: ${difference(seen, expected)}\ntext: ${JSON.stringify(text.slice(Math.max(0, cursor - 100), cursor + 100))}` });
  };
  try {
    const findings = call(failures, limitMs, 'chained diagnostics', () => service.diagnostics(chained, options.services), findingsAllowanceMs);
    if (!findings) return;
    checkFindingRanges(chained, findings, failures, 'chained diagnostics');
    checkMessageSizes(chained, findings, failures, 'chained diagnostics');
    checkObjectTexts(chained, findings, failures, 'chained diagnostics');
    if (fuzzCase.kind === 'domain') differs('chained tree', treeShape(domainDocument(chained).xml), treeShape(parseXml(text)));
    differs('chained diagnostics', findings, service.diagnostics(fresh, options.services));
    const random = options.random;
    for (const offset of new Set([Math.min(cursor, text.length), random ? random.below(text.length + 1) : text.length >> 1])) {
      const position = chained.positionAt(offset);
      const completion = call(failures, limitMs, 'chained completion', () => service.completion(chained, position, options.services));
      if (completion) differs('chained completion', completion, service.completion(fresh, position, options.services));
      const hover = call(failures, limitMs, 'chained hover', () => service.hover(chained, position));
      if (hover !== undefined) differs('chained hover', hover, service.hover(fresh, position));
    }
    if (options.slow && service.slowDiagnostics) {
      const started = cpuMs();
      const [seen, expected] = await Promise.all([service.slowDiagnostics(chained, options.services), service.slowDiagnostics(fresh, options.services)]);
      differs('chained diagnostics (slow)', seen, expected);
      const elapsed = cpuMs() - started;
      if (elapsed > limitMs * 20) failures.push({ property: 'slow', service: 'chained diagnostics (slow)', detail: `${Math.round(elapsed)} ms` });
    }
  } catch (error) {
    failures.push({ property: 'exception', service: 'chained check', detail: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    service.forget(fresh.uri);
  }
}

/** Where two values first differ, as their JSON around that place. */
function difference(seen: unknown, expected: unknown): string {
  const a = JSON.stringify(seen) ?? 'undefined';
  const b = JSON.stringify(expected) ?? 'undefined';
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  const around = (json: string) => json.slice(Math.max(0, at - 120), at + 200);
  return `chained ...${around(a)}... but fresh ...${around(b)}...`;
}
