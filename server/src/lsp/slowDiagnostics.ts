import type { TextDocument } from 'vscode-languageserver-textdocument';
import { registerDocumentKeyed } from '../core/documentCache';
import type { Finding } from '../core/types';

/** How long typing must pause before the slow findings of a document are asked for. */
export const SLOW_DIAGNOSTICS_DELAY_MS = 120;

export interface SlowDiagnosticsOptions {
  /** The open document of a uri as it is now (undefined once closed). */
  current(uri: string): TextDocument | undefined;
  /**
   * The slow findings of a document (LanguageService.slowDiagnostics); undefined when its kind has none.
   * `signal` is aborted once the answer is no longer wanted (a newer version came, or the document closed).
   */
  run(document: TextDocument, signal: AbortSignal): Promise<Finding[]> | undefined;
  /** The findings arrived for the document's current version: publish them, merged with the fast ones. */
  arrived(document: TextDocument): void;
  log(message: string): void;
  delayMs?: number;
}

interface State {
  timer: NodeJS.Timeout | undefined;
  /** The judgement under way and the version it judges, aborted when its answer can no longer be used. */
  running: { version: number; controller: AbortController } | undefined;
  /** A newer version came while one was being judged: judge again when it is done. */
  again: boolean;
  result: { version: number; findings: Finding[] } | undefined;
}

/**
 * The slow layer of the language server's diagnostics (libvirt's schema verdict). After each
 * publication of the fast findings, the document is judged once typing pauses; at most one judgement
 * per document runs at a time, and a result for a version that is no longer the document's is
 * dropped, so a stale verdict never replaces a newer list.
 */
export class SlowDiagnostics {
  private readonly states = new Map<string, State>();

  constructor(private readonly options: SlowDiagnosticsOptions) {
    registerDocumentKeyed('slow diagnostics', () => this.states.keys());
  }

  /** Asks for the document's slow findings once typing pauses; a judgement of an older version under way is given up. */
  schedule(document: TextDocument): void {
    const state = this.stateOf(document.uri);
    if (state.timer) clearTimeout(state.timer);
    if (state.running && state.running.version !== document.version) state.running.controller.abort();
    state.timer = setTimeout(() => this.judge(document.uri), this.options.delayMs ?? SLOW_DIAGNOSTICS_DELAY_MS);
  }

  /** The slow findings of the document's current version, once they have arrived; none before. */
  findings(document: TextDocument): Finding[] {
    const result = this.states.get(document.uri)?.result;
    return result && result.version === document.version ? result.findings : [];
  }

  /** Forgets a closed document: a judgement under way is dropped when it ends. */
  forget(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    state?.running?.controller.abort();
    this.states.delete(uri);
  }

  /** Forgets every result (the schema changed): the next schedule asks anew. */
  clear(): void {
    for (const state of this.states.values()) state.result = undefined;
  }

  private stateOf(uri: string): State {
    let state = this.states.get(uri);
    if (!state) {
      state = { timer: undefined, running: undefined, again: false, result: undefined };
      this.states.set(uri, state);
    }
    return state;
  }

  private judge(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    state.timer = undefined;
    if (state.running) {
      state.again = true;
      return;
    }
    const document = this.options.current(uri);
    if (!document) return;
    const version = document.version;
    const running = new AbortController();
    let pending: Promise<Finding[]> | undefined;
    try {
      pending = this.options.run(document, running.signal);
    } catch (error) {
      this.options.log(`virt-tune: the slow diagnostics of ${uri} failed: ${describe(error)}`);
    }
    if (!pending) return;
    state.running = { version, controller: running };
    pending
      .then((findings) => {
        const now = this.options.current(uri);
        if (running.signal.aborted || this.states.get(uri) !== state || !now || now.version !== version) return;
        state.result = { version, findings };
        this.options.arrived(now);
      })
      .catch((error: unknown) => this.options.log(`virt-tune: the slow diagnostics of ${uri} failed: ${describe(error)}`))
      .finally(() => {
        state.running = undefined;
        if (state.again && this.states.get(uri) === state) {
          state.again = false;
          this.judge(uri);
        }
      });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
