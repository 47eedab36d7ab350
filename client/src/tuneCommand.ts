import { CodeActionKind, commands, Position, Range, window, workspace, type CodeAction, type Disposable } from 'vscode';

const TITLE = 'Tune for this host';

/**
 * "virt-tune: Tune for this host": the server's "Tune for this host" code actions for the active
 * domain, asked for at its root element; one is applied at once, several are offered in a pick.
 */
export function registerTuneCommand(): Disposable {
  return commands.registerCommand('virt-tune.tune', async () => {
    const editor = window.activeTextEditor;
    if (!editor) {
      void window.showInformationMessage('virt-tune: open a libvirt domain XML file to tune it.');
      return;
    }
    const text = editor.document.getText();
    const root = text.search(/<domain[\s>/]/);
    const at = editor.document.positionAt(root < 0 ? 0 : root + 1);
    const actions =
      (await commands.executeCommand<CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new Range(at, new Position(at.line, at.character)), CodeActionKind.RefactorRewrite.value)) ?? [];
    const choices = actions.filter((action) => action.title.startsWith(TITLE) && action.edit);
    if (choices.length === 0) {
      void window.showInformationMessage(
        'virt-tune: nothing to tune: the domain already reads as a placement on this host, no placement fits, or no host is set (virtTune.host).',
      );
      return;
    }
    const picked =
      choices.length === 1
        ? choices[0]
        : (await window.showQuickPick(choices.map((action) => ({ label: action.title.slice(TITLE.length + 2), action })), { title: TITLE }))?.action;
    if (picked?.edit) await workspace.applyEdit(picked.edit);
  });
}
