import { commands, Disposable, Uri, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LIBVIRT_CHANGED_NOTIFICATION, LIBVIRT_DEFINE_REQUEST, type LibvirtDefineParams, type LibvirtDefineResult } from '../../../server/src/protocol';
import { LibvirtFileSystem } from './fileSystem';
import { domainUri } from './uri';
import { domainFacts, LIBVIRT_VIEW_ID, LibvirtDomainsView, OPEN_DOMAIN_COMMAND } from './view';

export const REFRESH_COMMAND = 'virt-tune.libvirt.refresh';
export const OPEN_COMMAND = 'virt-tune.libvirt.open';
export const DEFINE_COMMAND = 'virt-tune.libvirt.define';

/** The libvirt view, the `libvirt:` file system and their commands. */
export function registerLibvirt(client: LanguageClient): Disposable {
  const view = new LibvirtDomainsView(client);
  const open = async (name: string) => {
    const document = await workspace.openTextDocument(domainUri(name));
    await window.showTextDocument(document, { preview: false });
  };
  return Disposable.from(
    // The connection opens once the server has the settings (and again when they change).
    client.onNotification(LIBVIRT_CHANGED_NOTIFICATION, () => view.refresh()),
    window.registerTreeDataProvider(LIBVIRT_VIEW_ID, view),
    LibvirtFileSystem.register(client, () => view.refresh()),
    commands.registerCommand(REFRESH_COMMAND, () => view.refresh()),
    commands.registerCommand(OPEN_DOMAIN_COMMAND, (name: unknown) => (typeof name === 'string' ? open(name) : undefined)),
    commands.registerCommand(OPEN_COMMAND, async () => {
      const result = await view.domains();
      if (result.domains.length === 0) {
        void window.showWarningMessage(result.problem ?? `No domains defined at ${result.uri}.`);
        return;
      }
      const picked = await window.showQuickPick(
        result.domains.map((domain) => ({ label: domain.name, description: domainFacts(domain) })),
        { title: `Open libvirt domain (${result.uri})`, placeHolder: 'The domain whose persistent XML to edit; saving defines it, as virsh edit does' },
      );
      if (picked) await open(picked.label);
    }),
    commands.registerCommand(DEFINE_COMMAND, async (resource?: unknown) => {
      const document = resource instanceof Uri ? await workspace.openTextDocument(resource) : window.activeTextEditor?.document;
      if (!document || document.languageId !== 'xml') {
        void window.showWarningMessage('Define in libvirt: open a domain XML file first.');
        return;
      }
      const result = await client.sendRequest<LibvirtDefineResult>(LIBVIRT_DEFINE_REQUEST, { xml: document.getText() } satisfies LibvirtDefineParams);
      if (!result.ok) {
        void window.showErrorMessage(`libvirt refused to define ${workspace.asRelativePath(document.uri)}: ${result.message}`);
        return;
      }
      view.refresh();
      const choice = await window.showInformationMessage(`Defined '${result.name}' in libvirt.`, 'Open libvirt definition');
      if (choice) await open(result.name);
    }),
  );
}
