import { fileURLToPath } from 'node:url';
import { DEFAULT_GRUB_PATH, GRUB_DROP_IN_PATH } from '../cmdline/shape';
import { dropInFolderOf, dropInsAfter } from './folder';
import { readDropInFolder } from './read';
import type { GrubDropIn, GrubDropIns } from './types';

export interface GrubDropInsProviderOptions {
  /** A folder is read again when it is older than this and a document asks. */
  maxAgeMs: number;
  /** A folder's drop-ins changed: the documents sourced before them should be checked again. */
  onDidChange: (folder: string) => void;
  now?: () => number;
  read?: (folder: string) => Promise<GrubDropIn[]>;
}

interface Folder {
  /** As read from the disk; undefined until the first read ends. */
  disk: GrubDropIn[] | undefined;
  readAt: number;
  reading: Promise<void> | undefined;
  /** `disk` with the texts of the drop-ins open in the editor: a snapshot, replaced when anything changes. */
  merged: GrubDropIn[] | undefined;
  /** What each document takes of `merged`, made once per snapshot so its findings stay cached. */
  after: Map<string, GrubDropIns | undefined>;
}

/** At most this many folders are kept. */
const MAX_FOLDERS = 16;

/**
 * The drop-ins sourced after an /etc/default/grub (or a drop-in) open in the language server, never read
 * on the keystroke path: `current` answers from what was read and starts a read of the folder when it is
 * stale; a drop-in open in the editor counts with its text there, so typing in it re-checks the files it
 * is sourced after at once. A change calls onDidChange with the folder.
 */
export class GrubDropInsProvider {
  private readonly folders = new Map<string, Folder>();
  /** The texts of the drop-ins open in the editor, by path. */
  private readonly open = new Map<string, string>();

  constructor(private readonly options: GrubDropInsProviderOptions) {}

  /** The drop-ins sourced after a document now; undefined when there are none, or before the folder is first read. */
  current(uri: string): GrubDropIns | undefined {
    const path = candidatePath(uri);
    const folderPath = path === undefined ? undefined : dropInFolderOf(path);
    if (path === undefined || folderPath === undefined) return undefined;
    const folder = this.folder(folderPath);
    if (!folder.reading && this.now() - folder.readAt > this.options.maxAgeMs) folder.reading = this.read(folderPath, folder);
    if (!folder.merged) return undefined;
    if (!folder.after.has(path)) folder.after.set(path, dropInsAfter(path, folderPath, folder.merged));
    return folder.after.get(path);
  }

  /** A document's text as the editor has it, or undefined once it is closed (the file's own text then counts again). */
  documentChanged(uri: string, text: string | undefined): void {
    const path = candidatePath(uri);
    if (path === undefined || !path.endsWith('.cfg')) return;
    const folderPath = dropInFolderOf(path);
    if (folderPath === undefined) return;
    if (text === undefined) {
      if (!this.open.delete(path)) return;
    } else {
      if (this.open.get(path) === text) return;
      this.open.set(path, text);
    }
    const folder = this.folders.get(folderPath);
    if (!folder) return;
    // Closed: what was saved is read again.
    if (text === undefined) folder.readAt = -Infinity;
    this.merge(folderPath, folder);
  }

  /** Drops the folders no open document is sourced before. */
  keepFor(openUris: Iterable<string>): void {
    const used = new Set<string>();
    for (const uri of openUris) {
      const path = candidatePath(uri);
      const folder = path === undefined ? undefined : dropInFolderOf(path);
      if (folder !== undefined) used.add(folder);
    }
    for (const folder of [...this.folders.keys()]) if (!used.has(folder)) this.folders.delete(folder);
  }

  private folder(path: string): Folder {
    let folder = this.folders.get(path);
    if (!folder) {
      folder = { disk: undefined, readAt: -Infinity, reading: undefined, merged: undefined, after: new Map() };
      this.folders.set(path, folder);
      if (this.folders.size > MAX_FOLDERS) this.folders.delete(this.folders.keys().next().value!);
    }
    return folder;
  }

  private async read(path: string, folder: Folder): Promise<void> {
    let disk: GrubDropIn[];
    try {
      disk = await (this.options.read ?? readDropInFolder)(path);
    } catch {
      disk = [];
    }
    folder.disk = disk;
    folder.readAt = this.now();
    folder.reading = undefined;
    if (this.folders.get(path) === folder) this.merge(path, folder);
  }

  private merge(path: string, folder: Folder): void {
    if (!folder.disk) return;
    const merged = folder.disk.map((file) => {
      const text = this.open.get(file.path);
      return text === undefined || text === file.text ? file : { path: file.path, text };
    });
    const previous = folder.merged;
    if (previous && previous.length === merged.length && previous.every((file, index) => file.path === merged[index]!.path && file.text === merged[index]!.text)) return;
    folder.merged = merged;
    folder.after.clear();
    // A folder first read empty changes nothing a document was judged with.
    if (previous || merged.length > 0) this.options.onDidChange(path);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

/**
 * The file path of a uri that may be an /etc/default/grub or a drop-in; every other document is passed
 * over without parsing its uri.
 */
export function candidatePath(uri: string): string | undefined {
  if (!uri.startsWith('file:') || !(DEFAULT_GRUB_PATH.test(uri) || GRUB_DROP_IN_PATH.test(uri))) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
