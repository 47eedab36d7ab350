import type { Dirent } from 'node:fs';
import { open, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Reads at most this much of one file: sysfs attributes are a line, /proc/meminfo a few KiB. */
const MAX_FILE_BYTES = 64 * 1024;
/** Reads in flight at once, so a host with thousands of CPUs or devices does not open them all together. */
const MAX_CONCURRENT = 16;
/** Gaps kept for the report; beyond that only the count matters. */
const MAX_GAPS = 200;

/**
 * The files of a host under a root folder (`/`, or a snapshot tree in tests). Every read is async,
 * bounded in size and in how many run at once, and never throws: a file that cannot be read is
 * `undefined`, and a gap is noted unless the caller says the file may well be absent.
 */
export class HostFiles {
  readonly gaps: string[] = [];
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly root: string) {}

  /** A file's text; `optional` files are not noted as gaps when absent. */
  async text(path: string, optional = false): Promise<string | undefined> {
    const text = await this.limited(() => readBounded(this.resolve(path)));
    if (text === undefined && !optional) this.noteGap(path);
    return text;
  }

  /** A number written alone in a file (`1`, `-1`, `2048`). */
  async number(path: string, optional = false): Promise<number | undefined> {
    const text = await this.text(path, optional);
    if (text === undefined) return undefined;
    const trimmed = text.trim();
    return /^-?[0-9]+$/.test(trimmed) ? Number(trimmed) : undefined;
  }

  /** A folder's entries, sorted by name; undefined when it cannot be listed. */
  async entries(path: string, optional = false): Promise<Dirent[] | undefined> {
    const found = await this.limited(async () => {
      try {
        return (await readdir(this.resolve(path), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch {
        return undefined;
      }
    });
    if (found === undefined && !optional) this.noteGap(path);
    return found;
  }

  async names(path: string, optional = false): Promise<string[] | undefined> {
    return (await this.entries(path, optional))?.map((entry) => entry.name);
  }

  /** Where a symbolic link points, as written (often relative). */
  async link(path: string): Promise<string | undefined> {
    return this.limited(async () => {
      try {
        return await readlink(this.resolve(path));
      } catch {
        return undefined;
      }
    });
  }

  private resolve(path: string): string {
    return join(this.root, path);
  }

  private noteGap(path: string): void {
    if (this.gaps.length < MAX_GAPS) this.gaps.push(path);
  }

  private async limited<T>(read: () => Promise<T>): Promise<T> {
    while (this.active >= MAX_CONCURRENT) await new Promise<void>((resume) => this.waiting.push(resume));
    this.active++;
    try {
      return await read();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/** Reads up to MAX_FILE_BYTES: /proc and /sys files report size 0, so the length cannot be asked first. */
async function readBounded(path: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
    const chunks: Buffer[] = [];
    let length = 0;
    while (length < MAX_FILE_BYTES) {
      const chunk = Buffer.alloc(Math.min(4096, MAX_FILE_BYTES - length));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
    }
    return Buffer.concat(chunks).toString('utf8');
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
