import { TextDocument } from 'vscode-languageserver-textdocument';
// Not named imports: esbuild would copy each of the module's ~300 exports into a wrapper of this file's, at every start.
import lsp = require('vscode-languageserver/node');
import type { CodeAction, CompletionList, CompletionParams, HoverParams, Connection, Hover, InitializeParams, InitializeResult, Position } from 'vscode-languageserver/node';
import { registerDocumentKeyed, trimIdleCaches } from '../core/documentCache';
import type { FileKind } from '../core/types';
import { attachGuests } from '../guests/lspGuests';
import { dropInFolderOf } from '../grubDropIns/folder';
import { candidatePath, GrubDropInsProvider } from '../grubDropIns/provider';
import { attachHost } from '../host/lspHost';
import { attachPanelRequests } from '../panel/requests';
import { attachLibvirtDomainRequests } from '../libvirtDomains/requests';
import { parseHostSetting } from '../host/load';
import { attachLibvirtFacts } from '../libvirt/lspFacts';
import { attachLibvirt } from '../libvirt/lspLibvirt';
import { detectKind, fixesInRange, schemaVariants, serviceFor, type LanguageService, type ServiceOptions } from '../services';
import { VERSION } from '../version';
import { toCodeAction, toRewriteAction, wantsQuickFixes, wantsRewrites } from './convert';
import { publishedDiagnostics } from './publishedDiagnostics';
import { ShownFindings, type Shown } from './shownFindings';
import { tuneFixes } from '../tune/service';
import { withTuneHover } from './tuneHover';
import { guarded } from './guard';
import { IDLE_COLLECT_MS, idleCollector } from '../core/idleCollect';
import { idleScavenger } from '../core/idleScavenge';
import { whileYoungGenerationKeptSmall } from '../core/youngGeneration';
import { afterQueuedMessages } from './afterQueued';
import { markedRequests } from './markedRequests';
import { quietTurns } from './quietTurns';
import { applyRuleLevels } from './ruleLevels';
import { schemaSetting } from './schemaSetting';
import { DEFAULT_SETTINGS, parseSettings, virtTuneSection, type Settings } from './settings';
import { SlowDiagnostics } from './slowDiagnostics';
import { traceFromEnvironment } from './trace';
import { runInTurns, warmUpSteps } from './warmUp';
import { resolveSettingPath, workspaceFolderPath } from './workspaceFolder';

const ALL_KINDS: readonly FileKind[] = ['domain', 'ksmtuned', 'cmdline'];
const EMPTY_COMPLETION: CompletionList = { isIncomplete: false, items: [] };
/** How long after `initialized` the settings' sources start when no document has been published (see startSourcesNow). */
const SOURCES_DELAY_MS = 300;
/** A grub.d folder is read again at most this often (and only when a document beside it is published). */
const DROP_INS_MAX_AGE_MS = 5_000;

/**
 * The LSP adapter: it keeps the open documents (incremental sync: a keystroke in a 2,000-line domain
 * brings the few characters typed, not the whole text to parse as JSON) and answers from the language service of
 * each document's kind. A document of no kind of virt-tune's (XML whose root is not <domain>) gets
 * nothing at all, so virt-tune can live beside other XML tools.
 */
export function startLanguageServer(connection: Connection): void {
  const documents = new lsp.TextDocuments(TextDocument);
  /** The documents whose last published list was not empty: they need an empty one to clear. */
  const withDiagnostics = new Set<string>();
  registerDocumentKeyed('published diagnostics', () => withDiagnostics);
  let settings: Settings = DEFAULT_SETTINGS;
  /** Whether the client answers workspace/configuration (VS Code does); if not, settings come pushed. */
  let pullsConfiguration = false;
  let registersConfigurationChanges = false;
  /** Whether the client takes InsertReplaceEdit for completion (then the user picks insert or replace). */
  let insertReplace = false;
  /** Where a relative `virtTune.host` is taken from: the first workspace folder. */
  let workspaceFolder: string | undefined;

  const trace = traceFromEnvironment();
  const describe = (document: TextDocument): string => `${document.uri} v${document.version}`;
  const where = (params: { textDocument: { uri: string }; position: { line: number; character: number } }): string => `${params.textDocument.uri} ${params.position.line}:${params.position.character}`;

  const serviceOf = (document: TextDocument): LanguageService | undefined => {
    const kind = detectKind(new URL(document.uri).pathname, document.getText(), document.languageId);
    return kind ? serviceFor(kind) : undefined;
  };

  /** Memory given back once document activity (a change, a close, a verdict merged in) pauses (see core/idleCollect.ts). */
  const active = idleCollector(IDLE_COLLECT_MS, trimIdleCaches);
  /** The young generation emptied in the pauses between messages, so that requests rarely wait for a scavenge (core/idleScavenge.ts). */
  const handled = idleScavenger();
  /** Whether a message was just handled: the warm-up and the start of a virsh then leave the next turn to what it queued (quietTurns.ts). */
  const quiet = quietTurns();

  /** The connection for the panel's and the libvirt view's requests: each says it was handled (messageHandled, below). */
  const requestsMarkingBusy = markedRequests(connection, () => messageHandled());

  /** libvirt's schema verdict (and any other slow findings), merged in when it comes. */
  const slow = new SlowDiagnostics({
    current: (uri) => documents.get(uri),
    run: trace.time('verdict asked', describe, (document: TextDocument, signal: AbortSignal) => serviceOf(document)?.slowDiagnostics?.(document, { ...optionsFor(document), signal })),
    arrived: trace.time('verdict arrived', describe, (document: TextDocument) => {
      if (slow.findings(document).length > 0) send(document);
      active();
    }),
    log: (message) => connection.console.error(message),
  });
  const useSchema = schemaSetting(connection);
  /** The host of `virtTune.host` (this machine by default), cached; a change the rules see republishes. */
  const hostAccess = attachHost(connection, () => {
    for (const document of documents.all()) send(document);
  });
  /** The host's other guests (`virtTune.guests`): libvirt's domains or the domain files beside the document. */
  const guestsAccess = attachGuests(
    () => libvirtAccess.current()?.connection,
    () => {
      for (const document of documents.all()) send(document);
    },
  );
  /** The drop-ins grub-mkconfig sources after an /etc/default/grub (or a drop-in) open here: a change re-checks the files before them. */
  const dropInsAccess = new GrubDropInsProvider({
    maxAgeMs: DROP_INS_MAX_AGE_MS,
    onDidChange: (folder) => {
      for (const document of documents.all()) {
        const path = candidatePath(document.uri);
        if (path !== undefined && dropInFolderOf(path) === folder) changed.add(document.uri);
      }
      lintChanged.schedule();
    },
  });
  /** What a document's services take besides its text: the host and the host's other guests, both cached; an /etc/default/grub's drop-ins. */
  const optionsFor = (document: TextDocument): ServiceOptions => {
    const guests = guestsAccess.current(document.uri);
    const bootHugepages = guestsAccess.boot(document.uri);
    const grubDropIns = dropInsAccess.current(document.uri);
    const base = hostAccess.options();
    const host = libvirtFacts.decorate(base.host, document);
    return { ...base, ...(host ? { host } : {}), ...(guests ? { guests } : {}), ...(bootHugepages ? { bootHugepages } : {}), ...(grubDropIns ? { grubDropIns } : {}) };
  };
  attachPanelRequests(
    requestsMarkingBusy,
    documents,
    {
      ...hostAccess,
      fresh: () => {
        startSourcesNow();
        return hostAccess.fresh();
      },
    },
    {
      ...guestsAccess,
      fresh: (uri) => {
        startSourcesNow();
        return guestsAccess.fresh(uri);
      },
    },
  );

  /** The libvirt daemon of `virtTune.libvirt` (auto: qemu:///system when the host is this machine). */
  const libvirtAccess = attachLibvirt((line) => connection.console.warn(line), { startWhen: quiet.whenQuiet });
  libvirtAccess.onDidChange(() => guestsAccess.invalidate());
  attachLibvirtDomainRequests(
    requestsMarkingBusy,
    {
      ...libvirtAccess,
      settled: () => {
        startSourcesNow();
        return libvirtAccess.settled();
      },
    },
    guestsAccess,
  );
  /** What that libvirt offers (machine types, CPU models, device types, free pages), added to the host. */
  const libvirtFacts = attachLibvirtFacts(
    libvirtAccess,
    () => {
      for (const document of documents.all()) send(document);
    },
    (line) => connection.console.warn(line),
  );

  /** A document's findings (the slow ones of its version, once arrived) at the levels the user set in `virtTune.rules`. */
  const shownFindings = new ShownFindings();
  const shownOf = (service: LanguageService, document: TextDocument): Shown =>
    shownFindings.of(service.diagnostics(document, optionsFor(document)), slow.findings(document), settings.ruleLevels);

  const completionOf = (service: LanguageService, document: TextDocument, position: Position): CompletionList => {
    // With libvirt's RelaxNG schema chosen (virtTune.schema), domain completion offers what fits each element's variant.
    const variants = service.kind === 'domain' ? schemaVariants() : undefined;
    return service.completion(document, position, { ...optionsFor(document), insertReplace, ...(variants ? { variants } : {}) });
  };
  const hoverOf = (service: LanguageService, document: TextDocument, position: Position): Hover | null => {
    const hover = service.hover(document, position);
    return service.kind === 'domain' ? withTuneHover(hover, document, position, optionsFor(document)) : hover;
  };

  const adoptSettings = (section: unknown): void => {
    const parsed = parseSettings(section);
    settings = parsed.settings;
    for (const problem of parsed.problems) connection.console.warn(problem);
    if (sourcesStarted) startSources(section);
    else sourcesSection = { section };
  };
  /** The schema worker, the host's read, libvirt and the guests, as a settings section asks. */
  const startSources = (section: unknown): void => {
    if (useSchema(resolveSettingPath(settings.schema, workspaceFolder))) slow.clear();
    hostAccess.configure(section, workspaceFolder);
    const host = typeof section === 'object' && section !== null ? (section as Record<string, unknown>)['host'] : undefined;
    libvirtAccess.configure(section, parseHostSetting(typeof host === 'string' ? host : 'none').kind === 'live');
    guestsAccess.configure(section, workspaceFolder);
  };
  /**
   * At start-up the sources wait for the first publication (or a request that needs them, or
   * SOURCES_DELAY_MS with no document opened): starting the schema worker, reading the host and running
   * virsh, on a machine of two cores, made the first diagnostics of a start-up come 40-70 ms later. None
   * of them can be in the first publication anyway: each arrives later and republishes.
   */
  let sourcesStarted = false;
  let sourcesSection: { section: unknown } | undefined;
  const startSourcesNow = (): void => {
    if (sourcesStarted) return;
    sourcesStarted = true;
    if (sourcesSection) startSources(sourcesSection.section);
    sourcesSection = undefined;
  };

  const send = guarded(connection, 'diagnostics', undefined, trace.time('publish', describe, (document: TextDocument) => {
    const service = serviceOf(document);
    if (!service) {
      if (withDiagnostics.delete(document.uri)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      return;
    }
    const findings = shownOf(service, document).all;
    const diagnostics = publishedDiagnostics(findings);
    if (diagnostics.length > 0) withDiagnostics.add(document.uri);
    else withDiagnostics.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    handled();
    quiet.busy();
    warmUpOnce(service, document.uri, findings.length);
  }));

  /** Drops what every kind's services keep for a uri (a closed document, the warm-up's copy). */
  const forgetInEveryService = (uri: string): void => {
    for (const kind of ALL_KINDS) serviceFor(kind)?.forget(uri);
  };
  /** The kinds whose services have been warmed up (warmUp.ts): once per kind and process, on the first document published. */
  const warmedUp = new Set<FileKind>();
  const warmUpStep = trace.time('warm-up', (uri: string) => uri, (_uri: string, step: () => void) => step());
  /**
   * After a kind's first publication, its handlers' work is run in the turns the messages leave free: the
   * user's first keystrokes, completions and hovers otherwise run cold code (a first completion on a
   * 2,000-line domain took 30-75 ms, the first lints after a keystroke 15-40 ms, against 1-4 ms warm).
   */
  const warmUpOnce = (service: LanguageService, uri: string, publishedFindings: number): void => {
    if (warmedUp.has(service.kind)) return;
    warmedUp.add(service.kind);
    const steps = warmUpSteps(uri, {
      current: (wanted) => documents.get(wanted),
      diagnostics: (copy) => {
        const real = documents.get(uri);
        if (real) publishedDiagnostics(applyRuleLevels(service.diagnostics(copy, optionsFor(real)), settings.ruleLevels));
      },
      completion: (document, position) => completionOf(service, document, position),
      hover: (document, position) => hoverOf(service, document, position),
      forget: forgetInEveryService,
    }, publishedFindings);
    // A step waits while messages are being answered, and while a worker is starting (the schema worker starts
    // at the first verdict asked, during the warm-up).
    runInTurns(steps, (step) => warmUpStep(uri, step), (next) => quiet.whenQuiet(() => whileYoungGenerationKeptSmall(next)));
  };

  /** The fast findings at once (an empty list too, to clear), then the slow ones once typing pauses. */
  const publish = (document: TextDocument): void => {
    send(document);
    startSourcesNow();
    slow.schedule(document);
    active();
  };

  /** Documents changed since their last publication: linted once the requests already queued are answered. */
  const changed = new Set<string>();
  const lintChanged = afterQueuedMessages(() => {
    const uris = [...changed];
    changed.clear();
    for (const uri of uris) {
      const document = documents.get(uri);
      if (document) publish(document);
    }
  });

  /** Every handler of a message from the editor says so first: to the keystrokes' lint, the idle scavenge and the warm-up. */
  const messageHandled = (): void => {
    lintChanged.handled();
    handled();
    quiet.busy();
  };

  /** Takes the settings anew (pulled, or as pushed) and republishes every open document with them. */
  const refreshSettings = async (pushed?: unknown): Promise<void> => {
    try {
      if (pullsConfiguration) adoptSettings(await connection.workspace.getConfiguration('virtTune'));
      else if (pushed !== undefined) adoptSettings(pushed);
      else return;
    } catch (error) {
      connection.console.error(`virt-tune: reading the settings failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    // With any lint of a keystroke still waiting: one publication per document, with the new settings.
    for (const document of documents.all()) changed.add(document.uri);
    lintChanged.schedule();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    pullsConfiguration = params.capabilities.workspace?.configuration === true;
    registersConfigurationChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    insertReplace = params.capabilities.textDocument?.completion?.completionItem?.insertReplaceSupport === true;
    workspaceFolder = workspaceFolderPath(params);
    adoptSettings(params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: lsp.TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['<', '/', "'", '"', '='] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.RefactorRewrite] },
      },
      serverInfo: { name: 'virt-tune', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    setTimeout(startSourcesNow, SOURCES_DELAY_MS);
    if (registersConfigurationChanges) void connection.client.register(lsp.DidChangeConfigurationNotification.type, { section: 'virtTune' });
    void refreshSettings();
  });

  connection.onDidChangeConfiguration((params) => void refreshSettings(virtTuneSection(params.settings)));

  // Traced too, so a trace shows how long a keystroke waited for its publication.
  documents.onDidChangeContent(
    trace.time('change', (event: { document: TextDocument }) => describe(event.document), (event: { document: TextDocument }) => {
      messageHandled();
      changed.add(event.document.uri);
      lintChanged.schedule();
      dropInsAccess.documentChanged(event.document.uri, event.document.getText());
    }),
  );

  documents.onDidClose(
    guarded(connection, 'close', undefined, (event: { document: TextDocument }) => {
      const { uri } = event.document;
      changed.delete(uri);
      withDiagnostics.delete(uri);
      slow.forget(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      forgetInEveryService(uri);
      guestsAccess.keepFor(documents.keys());
      dropInsAccess.documentChanged(uri, undefined);
      dropInsAccess.keepFor(documents.keys());
      active();
    }),
  );

  connection.onCompletion(
    guarded(connection, 'completion', EMPTY_COMPLETION, trace.time('completion', where, (params: CompletionParams): CompletionList => {
      messageHandled();
      const document = documents.get(params.textDocument.uri);
      const service = document && serviceOf(document);
      return service ? completionOf(service, document, params.position) : EMPTY_COMPLETION;
    })),
  );

  connection.onHover(
    guarded(connection, 'hover', null, trace.time('hover', where, (params: HoverParams): Hover | null => {
      messageHandled();
      const document = documents.get(params.textDocument.uri);
      const service = document && serviceOf(document);
      return service ? hoverOf(service, document, params.position) : null;
    })),
  );

  connection.onCodeAction(
    guarded(connection, 'code actions', [], (params): CodeAction[] => {
      messageHandled();
      const document = documents.get(params.textDocument.uri);
      const service = document && serviceOf(document);
      if (!service) return [];
      const fixes = wantsQuickFixes(params.context.only)
        ? fixesInRange(shownOf(service, document).fixable, params.range).map(({ finding, fix }) => toCodeAction(document.uri, finding, fix))
        : [];
      const tuning =
        service.kind === 'domain' && wantsRewrites(params.context.only)
          ? tuneFixes(document, document.offsetAt(params.range.start), optionsFor(document)).map((fix) => toRewriteAction(document.uri, fix))
          : [];
      return [...fixes, ...tuning];
    }),
  );

  documents.listen(connection);
  connection.listen();
}
