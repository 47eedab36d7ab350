import { TextDocument, type Position } from 'vscode-languageserver-textdocument';

/** What the warm-up asks of the server, as its handlers ask it, with nothing sent to the client. */
export interface WarmUpCalls {
  /** A document's findings as a publication makes them (rule levels applied, converted). */
  findings(document: TextDocument): void;
  completion(document: TextDocument, position: Position): void;
  hover(document: TextDocument, position: Position): void;
  /** Drops whatever the services keep for the copy. */
  forget(uri: string): void;
}

/** The uri of the warm-up's copy: a scheme of its own, so it can be no document of the client's. */
export const WARM_UP_URI = 'virt-tune-warm-up:/domain.xml';

/** How many times the keystrokes of the warm-up are typed: V8 compiles a function's bytecode at its first call and gathers the feedback its optimizing compiler needs over the next ones. */
const ROUNDS = 2;

/**
 * The steps of a warm-up on a private copy of `text` (a domain document): its findings, then, at a few
 * places of each kind (an attribute value, an element name, text, between elements, an attribute name,
 * after a `<` typed), a keystroke's findings, a completion and a hover. Each step is small (a few ms on
 * cold code), so the caller can run them one at a time between the client's messages. The last step
 * forgets the copy. Places the text does not have are left out.
 */
export function warmUpSteps(text: string, calls: WarmUpCalls): (() => void)[] {
  let document = TextDocument.create(WARM_UP_URI, 'xml', 1, text);
  const places = placesIn(text);
  const steps: (() => void)[] = [() => calls.findings(document)];
  const type = (at: number, typed: string): void => {
    const position = document.positionAt(at);
    document = TextDocument.update(document, [{ range: { start: position, end: position }, text: typed }], document.version + 1);
    calls.findings(document);
  };
  const undo = (at: number, typed: string): void => {
    document = TextDocument.update(document, [{ range: { start: document.positionAt(at), end: document.positionAt(at + typed.length) }, text: '' }], document.version + 1);
    calls.findings(document);
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const { at, typed } of places) {
      steps.push(() => type(at, typed));
      steps.push(() => calls.completion(document, document.positionAt(at + typed.length)));
      steps.push(() => {
        undo(at, typed);
        calls.hover(document, document.positionAt(at));
      });
      steps.push(() => calls.completion(document, document.positionAt(at)));
    }
  }
  steps.push(() => calls.forget(WARM_UP_URI));
  return steps;
}

/** Where the warm-up types, and what: each kind of place a completion or hover can be asked at. */
function placesIn(text: string): { at: number; typed: string }[] {
  const places: { at: number; typed: string }[] = [];
  const root = text.indexOf('<domain');
  if (root < 0) return places;
  const rootEnd = text.indexOf('>', root);
  if (rootEnd < 0) return places;
  // Between elements, right after the root's start tag: element names and snippets; a `<` typed there.
  places.push({ at: rootEnd + 1, typed: '\n' });
  places.push({ at: rootEnd + 1, typed: '<' });
  // An attribute value (the first after the root's tag), an attribute name (before it), an element name.
  const value = text.indexOf("='", rootEnd);
  if (value >= 0) {
    places.push({ at: value + 2, typed: 'x' });
    const space = text.lastIndexOf(' ', value);
    if (space > rootEnd) places.push({ at: space + 1, typed: 'x' });
  }
  const child = text.indexOf('<', rootEnd);
  if (child >= 0 && /[A-Za-z]/.test(text[child + 1] ?? '')) places.push({ at: child + 2, typed: 'x' });
  // Text: the first element content that is not white space or markup.
  const textual = /<[A-Za-z][^<>]*>([^<\s])/g;
  textual.lastIndex = rootEnd;
  const found = textual.exec(text);
  if (found) places.push({ at: found.index + found[0].length - 1, typed: '1' });
  // An end tag's name (the end tags then differ: a whole parse, a well-formedness finding).
  const endTag = text.indexOf('</', rootEnd);
  if (endTag >= 0 && /[A-Za-z]/.test(text[endTag + 2] ?? '')) places.push({ at: endTag + 2, typed: 'x' });
  // The last attribute value: its completion reads libvirt's schema over everything before it, once.
  const last = text.lastIndexOf("='");
  if (last > value && value >= 0) places.push({ at: last + 2, typed: 'x' });
  return places;
}

/** How long the client must have asked nothing before a step of the warm-up runs. */
export const WARM_UP_QUIET_MS = 50;

export interface WarmUp {
  /**
   * Warms up on a copy of the text `source` gives when the first step is due (undefined: the document is
   * gone, nothing is done). Only the first call of the process counts: V8's compiled code is the process's.
   */
  start(source: () => string | undefined): void;
  /** The client asked something: the next step waits for a quiet moment again. */
  activity(): void;
  /** Stops a warm-up under way and forgets its copy, so nothing of it is kept (a document closed). */
  cancel(): void;
}

/**
 * The first completion, hover and keystrokes of a session ran on code V8 had not compiled yet: in the
 * server bench's replay (test/bench/latencyReplay.ts) the first completions took 8-23 ms of the main
 * thread and the first keystrokes' findings 10-22 ms, against ~1 ms and ~3 ms once warm. So once the
 * first domain document is published and the client has been quiet for `quietMs`, the server does the
 * same work on a private copy of it (warmUpSteps), one small step per turn of the event loop; a message
 * from the client waits for one step at most, and the steps left wait for the next quiet moment.
 */
export function warmUpWhenQuiet(calls: WarmUpCalls, quietMs = WARM_UP_QUIET_MS): WarmUp {
  let state: 'idle' | 'waiting' | 'running' | 'done' = 'idle';
  let source: () => string | undefined = () => undefined;
  let steps: (() => void)[] | undefined;
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;

  const stop = (): void => {
    if (timer) clearTimeout(timer);
    if (immediate) clearImmediate(immediate);
    timer = undefined;
    immediate = undefined;
  };
  const finish = (): void => {
    stop();
    state = 'done';
    if (steps) calls.forget(WARM_UP_URI);
    steps = undefined;
  };
  const step = (): void => {
    immediate = undefined;
    timer = undefined;
    if (!steps) {
      const text = source();
      if (text === undefined) return finish();
      state = 'running';
      steps = warmUpSteps(text, calls);
    }
    const next = steps.shift();
    if (!next) return finish();
    try {
      next();
    } catch {
      // A warm-up is worth nothing to the user if it fails: what it left is forgotten.
      return finish();
    }
    if (steps.length === 0) return finish();
    immediate = setImmediate(step);
  };
  const wait = (): void => {
    stop();
    timer = setTimeout(step, quietMs);
    // Never what keeps the process alive.
    timer.unref();
  };
  return {
    start(given) {
      if (state !== 'idle') return;
      state = 'waiting';
      source = given;
      wait();
    },
    activity() {
      if (state === 'waiting' || state === 'running') wait();
    },
    cancel() {
      if (state === 'waiting' || state === 'running') finish();
    },
  };
}
