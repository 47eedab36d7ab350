// The in-editor suite run by `npm run test:vscode` inside a real VS Code (@vscode/test-electron): VS Code
// loads it in the extension host, with virt-tune loaded from this folder and examples/ open, and calls run().
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { languages, Uri, window, workspace, type Diagnostic } from 'vscode';

const ROOT = join(__dirname, '..', '..', '..');
const TIMEOUT_MS = 60_000;

/** virt-tune's diagnostics for a file once it has published some, within TIMEOUT_MS. */
function diagnosticsOf(uri: Uri): Promise<Diagnostic[]> {
  const ours = () => languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'virt-tune');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no virt-tune diagnostics for ${uri.fsPath} within ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
    const subscription = languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString()) || ours().length === 0) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(ours());
    });
    if (ours().length > 0) {
      clearTimeout(timer);
      subscription.dispose();
      resolve(ours());
    }
  });
}

function codeOf(diagnostic: Diagnostic): string {
  const { code } = diagnostic;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export async function run(): Promise<void> {
  const uri = Uri.file(join(ROOT, 'examples', 'everyday-mistakes.xml'));
  const document = await workspace.openTextDocument(uri);
  await window.showTextDocument(document);
  const codes = new Set((await diagnosticsOf(uri)).map(codeOf));
  for (const code of ['VT105', 'VT120', 'VT130', 'VT131', 'VT140', 'VT141']) {
    assert.ok(codes.has(code), `${code} among ${[...codes].join(', ')}`);
  }
  console.log(`virt-tune in-editor suite: everyday-mistakes.xml shows ${[...codes].sort().join(', ')}`);
}
