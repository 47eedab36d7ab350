import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The project's shared sources (the guide, libvirt's documentation, schema and test XMLs) live next to
 * the repository, in ../shared; VIRT_TUNE_SHARED points elsewhere. Compiled tests run from out/test/kb.
 */
export const SHARED_DIR = process.env.VIRT_TUNE_SHARED ?? resolve(__dirname, '../../../../shared');

export const GUIDE_FILE = resolve(SHARED_DIR, 'guide/rhel7-virtualization-tuning-guide.txt');
export const FORMATDOMAIN_FILE = resolve(SHARED_DIR, 'reference/libvirt-11.3.0-formatdomain.rst');
export const CORPUS_DIR = resolve(SHARED_DIR, 'corpus/libvirt-11.3.0');

/** undefined when the file is there; else the reason to skip, for `t.skip`. */
export function missing(path: string): string | undefined {
  return existsSync(path) ? undefined : `${path} is not available`;
}

/** The corpus files a list names (`accepted.txt`, `rejected.txt`), relative to CORPUS_DIR. */
export function corpusList(list: string): string[] {
  return readFileSync(resolve(CORPUS_DIR, list), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}
