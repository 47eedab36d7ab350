import { randomBytes } from 'node:crypto';
import { Disposable, Range, Uri, window, workspace, type WebviewView, type WebviewViewProvider } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOMAIN_LAYOUT_REQUEST, HOST_REQUEST, type DomainLayout, type DomainLayoutParams, type HostView } from '../../../server/src/protocol';
import { panelDocument } from './document';
import { escapeHtml } from './html';
import { renderPanelBody } from './render';

/** The webview view's id in package.json (contributes.views, in the `virtTune` activity bar container). */
export const HOST_VIEW_ID = 'virtTune.host';
/** After an edit, wait this long for typing to pause before asking the server for the new layout. */
const EDIT_DELAY_MS = 300;

/** Registers the "virt-tune: Host" panel; it asks the language server for the host and the domain's layout. */
export function registerHostPanel(client: LanguageClient): Disposable {
  const panel = new HostPanel(client);
  return Disposable.from(window.registerWebviewViewProvider(HOST_VIEW_ID, panel), panel);
}

/**
 * Draws the host the language server sees and the active domain's pins on it. It follows the active
 * editor and its edits, refreshes every `virtTune.panel.refreshSeconds` while visible, and does nothing
 * while hidden. The page is static HTML rendered here (renderPanelBody) and swapped in by a message.
 */
class HostPanel implements WebviewViewProvider, Disposable {
  private view: WebviewView | undefined;
  private timer: NodeJS.Timeout | undefined;
  private editDelay: NodeJS.Timeout | undefined;
  /** The XML document the panel follows: the active editor's, kept while focus is outside text editors. */
  private domainUri: string | undefined;
  private layout: DomainLayout | null = null;
  /** Answers to an older update are dropped. */
  private sequence = 0;
  private readonly disposables: Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      window.onDidChangeActiveTextEditor(() => void this.update()),
      workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === window.activeTextEditor?.document.uri.toString()) this.updateSoon();
      }),
      workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('virtTune.panel.refreshSeconds')) this.schedule();
        if (event.affectsConfiguration('virtTune.host')) void this.update();
      }),
    );
  }

  resolveWebviewView(view: WebviewView): void {
    this.view = view;
    view.webview.options = { enableScripts: true, localResourceRoots: [] };
    view.webview.html = panelDocument(randomBytes(16).toString('base64'), '<p class="muted">Reading the host…</p>');
    view.webview.onDidReceiveMessage((message: unknown) => this.received(message), undefined, this.disposables);
    view.onDidChangeVisibility(() => {
      this.schedule();
      void this.update();
    });
    view.onDidDispose(() => {
      this.view = undefined;
      this.schedule();
    });
    this.schedule();
  }

  dispose(): void {
    clearInterval(this.timer);
    clearTimeout(this.editDelay);
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** Polls only while the view is visible. */
  private schedule(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (!this.view?.visible) return;
    const seconds = Math.max(1, workspace.getConfiguration('virtTune').get<number>('panel.refreshSeconds', 5));
    this.timer = setInterval(() => void this.update(), seconds * 1000);
  }

  private updateSoon(): void {
    clearTimeout(this.editDelay);
    this.editDelay = setTimeout(() => void this.update(), EDIT_DELAY_MS);
  }

  private async update(): Promise<void> {
    const view = this.view;
    if (!view?.visible) return;
    const sequence = ++this.sequence;
    const uri = this.followedUri();
    let html: string;
    try {
      const [host, layout] = await Promise.all([
        this.client.sendRequest<HostView | null>(HOST_REQUEST),
        uri ? this.client.sendRequest<DomainLayout | null>(DOMAIN_LAYOUT_REQUEST, { uri } satisfies DomainLayoutParams) : Promise.resolve(null),
      ]);
      if (sequence !== this.sequence) return;
      this.layout = layout;
      html = renderPanelBody(host, layout);
    } catch (error) {
      if (sequence !== this.sequence) return;
      html = `<p class="empty">The virt-tune language server did not answer: ${escapeHtml(error instanceof Error ? error.message : String(error))}</p>`;
    }
    await view.webview.postMessage({ type: 'render', html });
  }

  private followedUri(): string | undefined {
    const editor = window.activeTextEditor;
    if (editor) this.domainUri = editor.document.languageId === 'xml' ? this.client.code2ProtocolConverter.asUri(editor.document.uri) : undefined;
    return this.domainUri;
  }

  private received(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const { type, line } = message as { type?: unknown; line?: unknown };
    if (type === 'ready') void this.update();
    if (type === 'reveal' && typeof line === 'number' && this.layout) void this.reveal(this.client.protocol2CodeConverter.asUri(this.layout.uri), line);
  }

  private async reveal(uri: Uri, line: number): Promise<void> {
    const position = new Range(line - 1, 0, line - 1, 0);
    await window.showTextDocument(uri, { selection: position, preserveFocus: false });
  }
}
