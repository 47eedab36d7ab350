import { fileURLToPath } from 'node:url';
import type { InitializeParams } from 'vscode-languageserver/node';

/**
 * The folder relative paths in the settings are taken from: the client's first workspace folder, else its
 * root (rootUri, or the older rootPath). Undefined without one, or when it is not on disk (not `file:`).
 */
export function workspaceFolderPath(params: InitializeParams): string | undefined {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  if (uri) {
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }
  return params.rootPath ?? undefined;
}
