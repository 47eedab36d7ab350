import type { FileKind } from '../core/types';
import { dropInFolderOf, dropInsAfter } from '../grubDropIns/folder';
import { readDropInFolder } from '../grubDropIns/read';
import type { GrubDropIn, GrubDropIns } from '../grubDropIns/types';
import { absolutePath } from './lintSource';

/**
 * The drop-ins grub-mkconfig sources after each /etc/default/grub (or drop-in) a lint covers, read from
 * the grub.d folder beside it once per folder for the run; undefined for every other file, at no cost.
 */
export type GrubDropInsForFile = (kind: FileKind, path: string) => Promise<GrubDropIns | undefined> | undefined;

export function grubDropInsForFiles(): GrubDropInsForFile {
  const folders = new Map<string, Promise<GrubDropIn[]>>();
  return (kind, given) => {
    if (kind !== 'cmdline') return undefined;
    // As the document's uri has it, so a message names a drop-in from the file's own folder.
    const path = absolutePath(given);
    const folder = dropInFolderOf(path);
    if (folder === undefined) return undefined;
    let files = folders.get(folder);
    if (!files) {
      files = readDropInFolder(folder);
      folders.set(folder, files);
    }
    return files.then((read) => dropInsAfter(path, folder, read));
  };
}
