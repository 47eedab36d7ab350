import type { TextDocument } from 'vscode-languageserver-textdocument';

/** A store of the process that keeps something per document uri (see documentsHeld). */
interface DocumentKeyed {
  name: string;
  uris(): Iterable<string>;
}

const keyed = new Set<DocumentKeyed>();

/**
 * Registers a store kept per document uri, so that what the process still holds for a document can be
 * asked (documentsHeld): a document the server has closed must be in none of them. Returns the undo.
 */
export function registerDocumentKeyed(name: string, uris: () => Iterable<string>): () => void {
  const entry = { name, uris };
  keyed.add(entry);
  return () => keyed.delete(entry);
}

/** Every (store, uri) the registered stores hold now. */
export function documentsHeld(): { store: string; uri: string }[] {
  const held: { store: string; uri: string }[] = [];
  for (const entry of keyed) for (const uri of entry.uris()) held.push({ store: entry.name, uri });
  return held;
}

/** The caches that keep fewer entries once the process is idle (see trimIdleCaches). */
const idleTrimmed = new Set<{ trimToIdle(): void }>();

/**
 * Shrinks every cache that asked for it to what an idle process needs: what is dropped is rebuilt
 * from the text when asked for again. Called before the idle collection (core/idleCollect.ts).
 */
export function trimIdleCaches(): void {
  for (const cache of idleTrimmed) cache.trimToIdle();
}

/**
 * Parse once per version of a document: every service asks here, and the work is done the first time
 * a (uri, version) is seen. Bounded, so a long session or a CLI run over thousands of files does not
 * keep every tree; `idleCapacity` bounds it further once the process is idle (trimIdleCaches), the
 * documents used last kept. An older version never replaces a newer one: work that finishes late for
 * a version the editor has moved past (the schema verdict) gets its answer without evicting the current one.
 */
export class DocumentCache<T> {
  private readonly entries = new Map<string, { version: number; text: string; value: T }>();
  /** The uri asked for last: the entries are kept in the order of use, this one last. */
  private lastUri: string | undefined;

  /**
   * `build` is given the value kept for an older version of the same document, if any, to build from:
   * that value is dropped as the new one is kept, so `build` may take it over (domain/document.ts reuses
   * its tree); it is never given for a version older than the one kept.
   */
  constructor(
    private readonly build: (document: TextDocument, older?: T) => T,
    private readonly capacity = 32,
    name = 'document cache',
    private readonly idleCapacity?: number,
  ) {
    registerDocumentKeyed(name, () => this.entries.keys());
    if (idleCapacity !== undefined) idleTrimmed.add(this);
  }

  get(document: TextDocument): T {
    const text = document.getText();
    const entry = this.entries.get(document.uri);
    // The text is compared too: a CLI or a test may reuse a uri and version for other content.
    if (entry && entry.version === document.version && entry.text === text) {
      if (this.lastUri !== document.uri) {
        this.entries.delete(document.uri);
        this.entries.set(document.uri, entry);
        this.lastUri = document.uri;
      }
      return entry.value;
    }
    if (entry && entry.version > document.version) return this.build(document);
    // The older value is not kept whatever happens: build may take it over (and fail half-way).
    this.entries.delete(document.uri);
    const value = this.build(document, entry && entry.version < document.version ? entry.value : undefined);
    this.entries.set(document.uri, { version: document.version, text, value });
    this.lastUri = document.uri;
    this.keep(this.capacity);
    return value;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    if (this.lastUri === uri) this.lastUri = undefined;
  }

  trimToIdle(): void {
    if (this.idleCapacity !== undefined) this.keep(this.idleCapacity);
  }

  /** Drops the entries used longest ago until at most `count` are left. */
  private keep(count: number): void {
    while (this.entries.size > count) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) return;
      this.entries.delete(oldest);
      if (this.lastUri === oldest) this.lastUri = undefined;
    }
  }
}
