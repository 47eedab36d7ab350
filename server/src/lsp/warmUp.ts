import { TextDocument, type Position } from 'vscode-languageserver-textdocument';

/**
 * What a warm-up runs: the server's own handlers' work (results thrown away), so that the code they run
 * is compiled and optimised before the user's first keystrokes need it.
 */
export interface WarmUpProbes {
  /** The findings of a document as a publication computes them (not cached for the real document: a copy is linted). */
  diagnostics(document: TextDocument): void;
  completion(document: TextDocument, position: Position): void;
  hover(document: TextDocument, position: Position): void;
  /** Drops what the services keep for a uri (the copies' uri, once done). */
  forget(uri: string): void;
  /** The document as the editor has it now, or undefined once closed. */
  current(uri: string): TextDocument | undefined;
}

/** Lints of a changed copy, completions and hovers run by one warm-up. */
export const WARM_UP_LINTS = 8;
/** What the warm-up types into its copy, in turn: a letter in a name or value, a space that splits one, a tag's start, a quote. */
export const WARM_UP_TYPED = "x <'";
export const WARM_UP_COMPLETIONS = 24;
export const WARM_UP_HOVERS = 24;
/** Above this size a document's copies are not linted (each lint of a several-megabyte file is seconds of CPU); completion and hover still run. */
export const WARM_UP_LINT_MAX_CHARACTERS = 1_000_000;
/**
 * Nor when its publication had more findings than this: each finding costs a few microseconds more to make
 * and convert, and a lint of so many reports has compiled the rules anyway (a 100 KB command line of
 * one-letter words, 100,001 findings: the nine lints of its copies took 5.4 s of the server's CPU, all else 1.6 s).
 */
export const WARM_UP_LINT_MAX_FINDINGS = 2_000;

/** Where the copies live: the document's own uri with this fragment, so that a path-dependent kind (/etc/default/grub, grub.cfg) stays what it is. */
export const WARM_UP_FRAGMENT = '#virt-tune-warm-up';

/**
 * The steps of a warm-up on one open document, one per `yield`: lints of a copy of the text, each version
 * the text with one character typed at a place of its own (so the copy is parsed again as an edited document
 * is, and the parser and the rules meet the broken names, tags and quotes of a text being typed), then
 * completions and hovers at places spread evenly over the real document. Stops when the document closes;
 * the copy is forgotten at the end in any case.
 */
export function* warmUpSteps(uri: string, probes: WarmUpProbes, publishedFindings = 0): Generator<void, void, void> {
  const copyUri = uri + WARM_UP_FRAGMENT;
  try {
    let document = probes.current(uri);
    if (!document) return;
    const text = document.getText();
    if (text.length <= WARM_UP_LINT_MAX_CHARACTERS && publishedFindings <= WARM_UP_LINT_MAX_FINDINGS) {
      probes.diagnostics(TextDocument.create(copyUri, document.languageId, 1, text));
      for (let index = 0; index < WARM_UP_LINTS; index++) {
        yield;
        if (!probes.current(uri)) return;
        const at = Math.floor(((index + 0.5) * text.length) / WARM_UP_LINTS);
        const typed = WARM_UP_TYPED[index % WARM_UP_TYPED.length]!;
        probes.diagnostics(TextDocument.create(copyUri, document.languageId, index + 2, text.slice(0, at) + typed + text.slice(at)));
      }
      probes.forget(copyUri);
    }
    for (const [calls, run] of [
      [WARM_UP_COMPLETIONS, (current: TextDocument, position: Position) => probes.completion(current, position)],
      [WARM_UP_HOVERS, (current: TextDocument, position: Position) => probes.hover(current, position)],
    ] as const) {
      for (let call = 0; call < calls; call++) {
        yield;
        document = probes.current(uri);
        if (!document) return;
        const length = document.getText().length;
        run(document, document.positionAt(Math.floor(((call + 0.5) * length) / calls)));
      }
    }
  } finally {
    probes.forget(copyUri);
  }
}

/**
 * Runs steps one per turn of the event loop (setImmediate), as vscode-jsonrpc handles one queued
 * message per turn, so a message that comes in waits for one step at most, never for the whole warm-up.
 * Each step waits for `whenReady` first (the server's: no worker starting, see whileYoungGenerationKeptSmall).
 * A step that throws ends the warm-up (it is an optimisation: the handlers report their own errors).
 */
export function runInTurns(steps: Iterator<void>, onStep: (run: () => void) => void = (run) => run(), whenReady: (next: () => void) => void = (next) => next()): void {
  const step = (): void => {
    let done = true;
    try {
      onStep(() => {
        done = steps.next().done === true;
      });
    } catch {
      done = true;
      steps.return?.();
    }
    if (!done) setImmediate(turn);
  };
  const turn = (): void => whenReady(step);
  setImmediate(turn);
}
