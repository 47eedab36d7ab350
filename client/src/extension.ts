import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext, type OutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { serverEnvironment, nodeArgumentsForCores } from '../../server/src/protocol';
import { withUserLibvirt } from './libvirtSetting';
import { registerLibvirt } from './libvirt/register';
import { registerHostPanel } from './topology/panel';
import { registerTuneCommand } from './tuneCommand';

let client: LanguageClient | undefined;

/** Starts the virt-tune language server (dist/server.js, over IPC) for XML and ksmtuned.conf files, saved or untitled. */
export async function activate(context: ExtensionContext): Promise<void> {
  const outputChannel: OutputChannel = window.createOutputChannel('virt-tune');
  context.subscriptions.push(outputChannel);

  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const env = serverEnvironment(process.env);
  const execArgv = nodeArgumentsForCores(availableParallelism());
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env, execArgv } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: [...execArgv, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'xml' },
      { scheme: 'untitled', language: 'xml' },
      // libvirt's domains opened from the libvirt view (`libvirt:/NAME.xml`): every service a domain file gets.
      { scheme: 'libvirt', language: 'xml' },
      { scheme: 'file', language: 'ksmtuned' },
      { scheme: 'untitled', language: 'ksmtuned' },
      { scheme: 'file', language: 'grub' },
      { scheme: 'untitled', language: 'grub' },
      { scheme: 'file', language: 'kernel-cmdline' },
      { scheme: 'untitled', language: 'kernel-cmdline' },
    ],
    outputChannel,
    // The server pulls `virtTune` with workspace/configuration; this first copy spares a publish at the default levels.
    initializationOptions: () => ({ rules: workspace.getConfiguration('virtTune').get<unknown>('rules') }),
    middleware: {
      workspace: {
        // The user's own virtTune.libvirt goes beside the merged one: only it may name a URI that runs a program.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return answers.map((answer: unknown, index) =>
            params.items[index]?.section === 'virtTune' ? withUserLibvirt(answer, workspace.getConfiguration('virtTune').inspect<string>('libvirt')?.globalValue) : answer,
          );
        },
      },
    },
  };
  // The id 'virtTune' makes the client read the `virtTune.trace.server` setting.
  const languageClient = new LanguageClient('virtTune', 'virt-tune', serverOptions, clientOptions);
  client = languageClient;

  context.subscriptions.push(
    commands.registerCommand('virt-tune.showOutput', () => outputChannel.show(true)),
    commands.registerCommand('virt-tune.restartServer', async () => {
      outputChannel.appendLine('Restarting the virt-tune language server.');
      await languageClient.restart();
    }),
    // The "virt-tune: Host" view: the host the server reads and the active domain's pins on it.
    registerHostPanel(languageClient),
    // The libvirt view, `libvirt:` documents (saving defines them, as virsh edit does) and "Define in libvirt".
    registerLibvirt(languageClient),
    registerTuneCommand(),
  );
  await languageClient.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
