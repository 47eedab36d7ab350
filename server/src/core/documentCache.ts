import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Parse once per version of a document: every service asks here, and the work is done the first time
 * a (uri, version) is seen. Bounded, so a long session or a CLI run over thousands of files does not
 * keep every tree.
 */
export class DocumentCache<T> {
  private readonly entries = new Map<string, { version: number; text: string; value: T }>();

  constructor(
    private readonly build: (document: TextDocument) => T,
    private readonly capacity = 32,
  ) {}

  get(document: TextDocument): T {
    const text = document.getText();
    const entry = this.entries.get(document.uri);
    // The text is compared too: a CLI or a test may reuse a uri and version for other content.
    if (entry && entry.version === document.version && entry.text === text) return entry.value;
    const value = this.build(document);
    this.entries.delete(document.uri);
    this.entries.set(document.uri, { version: document.version, text, value });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
