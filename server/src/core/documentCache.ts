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

/** A document's value, with the version and text it was built from. */
interface Entry<T> {
  uri: string;
  version: number;
  text: string;
  value: T;
}

/**
 * Parse once per version of a document: every service asks here, and the work is done the first time
 * a (uri, version) is seen. Bounded, so a long session or a CLI run over thousands of files does not
 * keep every tree; `idleCapacity` bounds it further once the process is idle (trimIdleCaches), the
 * documents used last kept. An older version never replaces a newer one: work that finishes late for
 * a version the editor has moved past (the schema verdict) gets its answer without evicting the current one.
 */
export class DocumentCache<T> {
  /**
   * The entry asked for last, kept apart from `entries`: a CLI run or a test asks for a document and
   * forgets it, and a Map whose only entry is deleted is shrunk by V8 and grown again for the next one.
   */
  private front: Entry<T> | undefined;
  /** The other entries, in the order of use, the one used last at the end. */
  private readonly entries = new Map<string, Entry<T>>();

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
    registerDocumentKeyed(name, () => this.uris());
    if (idleCapacity !== undefined) idleTrimmed.add(this);
  }

  get(document: TextDocument): T {
    const text = document.getText();
    const { uri } = document;
    const { front } = this;
    const entry = front !== undefined && front.uri === uri ? front : this.entries.get(uri);
    // The text is compared too: a CLI or a test may reuse a uri and version for other content.
    if (entry && entry.version === document.version && entry.text === text) {
      if (entry !== front) {
        this.entries.delete(uri);
        this.toFront(entry);
      }
      return entry.value;
    }
    if (entry && entry.version > document.version) return this.build(document);
    // The older value is not kept whatever happens: build may take it over (and fail half-way).
    if (entry) this.drop(uri);
    const value = this.build(document, entry && entry.version < document.version ? entry.value : undefined);
    this.toFront({ uri, version: document.version, text, value });
    this.keep(this.capacity);
    return value;
  }

  forget(uri: string): void {
    this.drop(uri);
  }

  trimToIdle(): void {
    if (this.idleCapacity !== undefined) this.keep(this.idleCapacity);
  }

  private *uris(): Iterable<string> {
    yield* this.entries.keys();
    if (this.front !== undefined) yield this.front.uri;
  }

  /** Makes the entry the one used last; the one before it joins the others. */
  private toFront(entry: Entry<T>): void {
    const { front } = this;
    // The same uri at the front means build kept a value for it meanwhile (asked again): the newer entry wins.
    if (front !== undefined && front.uri !== entry.uri) this.entries.set(front.uri, front);
    this.front = entry;
  }

  private drop(uri: string): void {
    if (this.front !== undefined && this.front.uri === uri) this.front = undefined;
    else this.entries.delete(uri);
  }

  /** Drops the entries used longest ago until at most `count` are left. */
  private keep(count: number): void {
    while (this.entries.size + (this.front === undefined ? 0 : 1) > count) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) {
        this.front = undefined;
        return;
      }
      this.entries.delete(oldest);
    }
  }
}
