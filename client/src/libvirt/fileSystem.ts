import {
  Diagnostic,
  DiagnosticSeverity,
  Disposable,
  EventEmitter,
    FileSystemError,
  FileType,
  languages,
  Range,
  window,
  workspace,
  type DiagnosticCollection,
  type FileChangeEvent,
  type FileStat,
  type FileSystemProvider,
  type Uri,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  LIBVIRT_DEFINE_REQUEST,
  LIBVIRT_READ_REQUEST,
  LIBVIRT_SCHEME,
  type LibvirtDefineParams,
  type LibvirtDefineResult,
  type LibvirtReadParams,
  type LibvirtReadResult,
} from '../../../server/src/protocol';
import { domainName } from './uri';

/**
 * The `libvirt:` file system: reading `libvirt:/NAME.xml` is `virsh dumpxml --inactive NAME`, writing it
 * defines the text with validation (as `virsh edit` saves), both through the language server. A refusal
 * fails the write, so VS Code keeps the document dirty with every character typed, shows libvirt's
 * words, and a diagnostic marks the place when libvirt's words point at an element.
 */
export class LibvirtFileSystem implements FileSystemProvider, Disposable {
  private readonly changes = new EventEmitter<FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  /** Times of the last read or define, so VS Code sees a document as unchanged on disk between them. */
  private readonly times = new Map<string, { mtime: number; size: number }>();
  readonly refusals: DiagnosticCollection = languages.createDiagnosticCollection('libvirt');

  constructor(
    private readonly client: LanguageClient,
    private readonly defined: () => void,
  ) {}

  static register(client: LanguageClient, defined: () => void): Disposable {
    const provider = new LibvirtFileSystem(client, defined);
    return Disposable.from(provider, provider.refusals, workspaceRegistration(provider));
  }

  dispose(): void {
    this.changes.dispose();
  }

  watch(): Disposable {
    return new Disposable(() => undefined);
  }

  async stat(uri: Uri): Promise<FileStat> {
    const name = this.nameOf(uri);
    let known = this.times.get(name);
    if (!known) {
      const xml = await this.read(name);
      known = this.remember(name, xml.length);
    }
    return { type: FileType.File, ctime: 0, mtime: known.mtime, size: known.size };
  }

  async readFile(uri: Uri): Promise<Uint8Array> {
    const name = this.nameOf(uri);
    const xml = await this.read(name);
    this.remember(name, xml.length);
    return new TextEncoder().encode(xml);
  }

  async writeFile(uri: Uri, content: Uint8Array): Promise<void> {
    const name = this.nameOf(uri);
    const xml = new TextDecoder().decode(content);
    const result = await this.client.sendRequest<LibvirtDefineResult>(LIBVIRT_DEFINE_REQUEST, { xml, name } satisfies LibvirtDefineParams);
    if (!result.ok) {
      const at = result.at;
      this.refusals.set(uri, [
        Object.assign(new Diagnostic(at ? new Range(at.line, at.character, at.line, at.character + at.length) : new Range(0, 0, 0, 0), `libvirt refused to define '${name}': ${result.message}`, DiagnosticSeverity.Error), {
          source: 'libvirt',
        }),
      ]);
      void window.showErrorMessage(`libvirt refused to define '${name}'; nothing was saved and your text is kept. ${result.message}`);
      throw FileSystemError.NoPermissions(`libvirt refused the definition: ${result.message}`);
    }
    this.refusals.delete(uri);
    this.remember(name, content.length);
    this.defined();
    void window.setStatusBarMessage(`virt-tune: defined '${name}' in libvirt`, 5000);
  }

  readDirectory(): [string, FileType][] {
    return [];
  }

  createDirectory(): void {
    throw FileSystemError.NoPermissions('libvirt: holds domains, not folders');
  }

  delete(): void {
    throw FileSystemError.NoPermissions("libvirt: use 'virsh undefine' to remove a domain");
  }

  rename(): void {
    throw FileSystemError.NoPermissions("libvirt: use 'virsh domrename' to rename a domain");
  }

  private nameOf(uri: Uri): string {
    const name = domainName(uri);
    if (!name) throw FileSystemError.FileNotFound(uri);
    return name;
  }

  private async read(name: string): Promise<string> {
    const result = await this.client.sendRequest<LibvirtReadResult>(LIBVIRT_READ_REQUEST, { name } satisfies LibvirtReadParams);
    if (!result.ok) throw FileSystemError.FileNotFound(`libvirt: ${result.message}`);
    return result.xml;
  }

  private remember(name: string, size: number): { mtime: number; size: number } {
    const entry = { mtime: Date.now(), size };
    this.times.set(name, entry);
    return entry;
  }
}

function workspaceRegistration(provider: LibvirtFileSystem): Disposable {
  return workspace.registerFileSystemProvider(LIBVIRT_SCHEME, provider, { isCaseSensitive: true });
}
