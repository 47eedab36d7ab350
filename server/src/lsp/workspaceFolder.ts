import { isAbsolute, resolve } from 'node:path';
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

/**
 * A setting that is a keyword or a path (`virtTune.schema`: auto, builtin or a path): a relative path is
 * taken from the workspace folder, as users write it in the folder's .vscode/settings.json.
 */
export function resolveSettingPath(setting: string, folder: string | undefined, keywords: readonly string[] = ['auto', 'builtin']): string {
  const trimmed = setting.trim();
  if (folder === undefined || keywords.includes(trimmed) || trimmed === '' || trimmed.startsWith('~') || isAbsolute(trimmed)) return setting;
  return resolve(folder, trimmed);
}
