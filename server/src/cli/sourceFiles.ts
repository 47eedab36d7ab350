import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { FileKind } from '../core/types';
import { detectKind, isXmlFile, mayHaveKind } from '../services';
import { absolutePath } from './lintSource';

const BOM = '\uFEFF';
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
/** The most virsh reads of an XML file (VSH_MAX_XML_FILE in libvirt's tools/vsh.h): a larger file is no domain anyone defines. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

/** A file to lint, its text without the byte order mark (editors do not count it either). */
export interface SourceFile {
  /** As given on the command line, or joined to the folder that was given. */
  path: string;
  kind: FileKind;
  text: string;
  bom: boolean;
  bytes: Buffer;
}

export interface Collected {
  files: SourceFile[];
  /**
   * One line each: a path named on the command line that cannot be linted: a file or folder that could
   * not be read, or a file of no kind virt-tune knows (the run exits 2).
   */
  unreadable: string[];
  /** One line each: a file met while walking a folder and left out (said only with --verbose). */
  skipped: string[];
}

/** What a lint's report keeps of a file: its name and kind (the text is dropped once the file is linted). */
export type SourceName = Pick<SourceFile, 'path' | 'kind'>;

/** collectSourceFiles's answer, with each file's name and kind only. */
export interface Listed extends Omit<Collected, 'files'> {
  files: SourceName[];
}

/**
 * The files the command line names: files as given, folders walked (node_modules and .git left out)
 * for the files whose kind is recognised. `kind` overrides detection. Each whole file is read into memory.
 */
export async function collectSourceFiles(paths: readonly string[], kind: FileKind | undefined): Promise<Collected> {
  const files: SourceFile[] = [];
  const listed = await readSourceFiles(paths, kind, (file) => {
    files.push(file);
  });
  return { ...listed, files };
}

/**
 * The files of collectSourceFiles, each handed to `onFile` as soon as it is read, with its place in the
 * list, and awaited before the next is read: a caller that is done with a file's text when its promise
 * settles holds one text at a time (a lint over thousands of files kept them all alive before, and every
 * scavenge copied them).
 */
export async function readSourceFiles(paths: readonly string[], kind: FileKind | undefined, onFile: (file: SourceFile, index: number) => void | Promise<void>): Promise<Listed> {
  const collected: Listed = { files: [], unreadable: [], skipped: [] };
  const seen = new Set<string>();
  const add = async (file: SourceFile) => {
    if (seen.has(file.path)) return;
    seen.add(file.path);
    collected.files.push({ path: file.path, kind: file.kind });
    await onFile(file, collected.files.length - 1);
  };
  for (const path of paths) {
    let opened: Opened;
    try {
      opened = openForReading(path);
    } catch (error) {
      // Windows refuses to open a folder as a file.
      if ((error as NodeJS.ErrnoException).code !== 'EISDIR') {
        collected.unreadable.push(cannotRead(path, error));
        continue;
      }
      await walkFolder(path, await realFolder(path), kind, add, collected);
      continue;
    }
    if (opened.info.isDirectory()) {
      closeSync(opened.fd);
      await walkFolder(path, await realFolder(path), kind, add, collected);
      continue;
    }
    const read = readSource(path, collected, opened);
    if (!read) continue;
    const fileKind = kind ?? kindOf(path, read.text);
    if (fileKind) await add({ path, kind: fileKind, ...read });
    else collected.unreadable.push(notOfAnyKind(path, read.text));
  }
  return collected;
}

/**
 * A file's kind, told by its whole path: /etc/default/grub named as `grub` from /etc/default (or met in a
 * walk of `.` there) is still /etc/default/grub, as are a BLS entry and a grub.d drop-in named from their folders.
 */
function kindOf(path: string, text: string): FileKind | undefined {
  return detectKind(absolutePath(path), text);
}

async function realFolder(folder: string): Promise<string> {
  return realpath(folder).catch(() => folder);
}

/**
 * `root` is the real path of the folder named on the command line: a link to a file the walk reaches by
 * its own name is left out (libvirt's autostart/NAME.xml links to the domain's NAME.xml beside it, and
 * linting both reported every autostarted guest twice).
 */
async function walkFolder(
  folder: string,
  root: string,
  kind: FileKind | undefined,
  add: (file: SourceFile) => Promise<void>,
  collected: Pick<Collected, 'unreadable' | 'skipped'>,
): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    collected.unreadable.push(cannotRead(folder, error));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await walkFolder(path, root, kind, add, collected);
      continue;
    }
    // The kind is told from the whole path (kindOf), worked out once per file.
    const absolute = absolutePath(path);
    // Symbolic links to files are followed; links to folders are not, so a cycle cannot trap the walk.
    if (!mayHaveKind(absolute) || !(entry.isFile() || (entry.isSymbolicLink() && (await isFile(path))))) continue;
    if (entry.isSymbolicLink()) {
      const target = await walkedTarget(path, root);
      if (target !== undefined) {
        collected.skipped.push(`${path}: skipped, a link to ${target}, which is linted under its own name`);
        continue;
      }
    }
    const read = readSource(path, collected);
    if (!read) continue;
    const fileKind = kind ?? detectKind(absolute, read.text);
    if (fileKind) await add({ path, kind: fileKind, ...read });
  }
}

/** The real path of a link's target when the walk from `root` reaches that file by its own name; else undefined. */
async function walkedTarget(link: string, root: string): Promise<string | undefined> {
  const target = await realpath(link).catch(() => undefined);
  if (target === undefined || !mayHaveKind(target)) return undefined;
  const inside = relative(root, target);
  if (inside === '' || isAbsolute(inside) || inside === '..' || inside.startsWith(`..${sep}`) || inside.split(sep).some((segment) => SKIPPED_FOLDERS.has(segment))) return undefined;
  return target;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** A file opened for reading, with what fstat says of it. */
interface Opened {
  fd: number;
  info: Stats;
}

/**
 * Opened, then asked fstat for its kind and size: a stat of the path and then readFileSync (which opens
 * and asks fstat itself) made one system call more per file, a few percent of a run over thousands.
 */
function openForReading(path: string): Opened {
  const fd = openSync(path, 'r');
  try {
    return { fd, info: fstatSync(fd) };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** The file's text, or undefined when it cannot be read (said in `collected`); `opened` is closed here. */
function readSource(path: string, collected: Pick<Collected, 'unreadable'>, opened?: Opened): Pick<SourceFile, 'text' | 'bom' | 'bytes'> | undefined {
  let fd: number | undefined;
  try {
    const { info, fd: descriptor } = opened ?? openForReading(path);
    fd = descriptor;
    if (info.size > MAX_SOURCE_BYTES) {
      collected.unreadable.push(`not reading ${path}: ${megabytes(info.size)}, more than the 10 MiB virsh reads of an XML file`);
      return undefined;
    }
    // Read synchronously: one file after another, an asynchronous read only adds a round trip to the
    // thread pool per call (over libvirt's 2,321 test files, a third of the run's time spent waiting).
    const bytes = readWhole(descriptor, info.size);
    const notText = notTextReason(bytes);
    if (notText) {
      collected.unreadable.push(`not reading ${path}: ${notText}`);
      return undefined;
    }
    const decoded = bytes.toString('utf8');
    const bom = decoded.startsWith(BOM);
    return { text: bom ? decoded.slice(1) : decoded, bom, bytes };
  } catch (error) {
    collected.unreadable.push(cannotRead(path, error));
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What readFileSync reads: the `size` bytes fstat said, or all there are when it said 0 (files of /proc and /sys). */
function readWhole(fd: number, size: number): Buffer {
  if (size === 0) {
    const chunks: Buffer[] = [];
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const count = readSync(fd, chunk, 0, chunk.length, null);
      if (count === 0) return Buffer.concat(chunks);
      chunks.push(chunk.subarray(0, count));
    }
  }
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const count = readSync(fd, bytes, filled, size - filled, null);
    if (count === 0) break;
    filled += count;
  }
  return filled < size ? bytes.subarray(0, filled) : bytes;
}

/** The bytes to write for a (possibly changed) text: the byte order mark kept if the file had one. */
export function encodeSource(file: Pick<SourceFile, 'bom'>, text: string): Buffer {
  return Buffer.from(file.bom ? BOM + text : text, 'utf8');
}

/** Whether the file is UTF-8 that survives decoding and encoding unchanged (else a rewrite would lose bytes). */
export function isFaithfulUtf8(file: SourceFile): boolean {
  return encodeSource(file, file.text).equals(file.bytes);
}

/**
 * Why bytes are not a text virt-tune can check, or undefined: a NUL byte (no XML or configuration
 * file holds one), a UTF-16 byte order mark, or bytes that are not UTF-8 (libvirt's parser refuses
 * them too; decoding them anyway would lint, and `fix` rewrite, a text the file does not hold).
 */
function notTextReason(bytes: Buffer): string | undefined {
  const nul = bytes.indexOf(0);
  if (bytes[0] === 0xff && bytes[1] === 0xfe || bytes[0] === 0xfe && bytes[1] === 0xff) return 'it is UTF-16 text; virt-tune reads UTF-8';
  if (nul >= 0) return `it is a binary file (a NUL byte at offset ${nul})`;
  if (!isUtf8(bytes)) return `it is not UTF-8 text (an invalid byte at line ${lineAt(bytes, firstInvalidUtf8(bytes))})`;
  return undefined;
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let at = bytes.indexOf(0x0a); at >= 0 && at < offset; at = bytes.indexOf(0x0a, at + 1)) line++;
  return line;
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let at = 0; at < bytes.length; ) {
    const lead = bytes[at]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length === 0 || !isUtf8(bytes.subarray(at, at + length))) return at;
    at += length;
  }
  return bytes.length;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function cannotRead(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? 'no such file or folder'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : code === 'EISDIR' ? 'is a folder'
      : code === 'ELOOP' ? 'a loop of symbolic links'
      : error instanceof Error ? error.message : String(error);
  return `cannot read ${path}: ${reason}`;
}

/** The one line for a file named on the command line that is of no kind virt-tune knows. */
function notOfAnyKind(path: string, text: string): string {
  const root = isXmlFile(path, text) ? /<([A-Za-z_][\w.:-]*)/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>/g, ''))?.[1] : undefined;
  const what = root ? `XML whose root is <${root}>, not a libvirt <domain>` : isXmlFile(path, text) ? 'XML with no <domain> root' : 'not libvirt domain XML, ksmtuned.conf or a kernel command line';
  return `${path}: not a file virt-tune knows (${what}); say what it is with --kind`;
}
