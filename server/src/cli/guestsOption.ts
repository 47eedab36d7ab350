import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FileKind } from '../core/types';
import type { DomainSource } from '../guests/libvirt';
import { GuestsProvider, type GuestsSetting } from '../guests/provider';
import type { ServiceOptions } from '../services';
import { absolutePath, fileUri } from './lintSource';
import { UsageError } from './usage';

/** lint's --guests in util.parseArgs form. */
export const GUESTS_OPTION = { guests: { type: 'string', multiple: true } } as const;

/**
 * --guests, as `virtTune.guests` in VS Code: `auto` (the default: the domains of the libvirt --libvirt
 * connects to, else the domain files beside each domain when its folder is a copy of /etc/libvirt/qemu),
 * `none`, or the files and folders of one host's domains, given once or more.
 */
export async function parseGuestsOption(values: readonly string[] | undefined): Promise<GuestsSetting> {
  if (values === undefined || (values.length === 1 && values[0] === 'auto')) return { kind: 'auto' };
  if (values.length === 1 && values[0] === 'none') return { kind: 'none' };
  const paths: string[] = [];
  for (const value of values) {
    if (value === 'auto' || value === 'none') throw new UsageError(`--guests ${value} cannot be given with paths`);
    if (!(await stat(value).catch(() => undefined))) throw new UsageError(`--guests must be auto, none or existing files and folders (cannot read '${value}')`);
    paths.push(absolutePath(value));
  }
  return { kind: 'paths', paths };
}

/** What a file's services take from the host's other guests: the guests and the huge pages reserved at boot beside them. */
export type GuestsForFile = (kind: FileKind, path: string) => Promise<Pick<ServiceOptions, 'guests' | 'bootHugepages'>>;

/**
 * The other guests of each domain file a lint covers, read as the language server reads them
 * (guests/provider.ts), once per folder or list for the whole run.
 */
export function guestsForFiles(setting: GuestsSetting, libvirt: DomainSource | undefined): GuestsForFile {
  // Read once for the run (a list is read when older than maxAgeMs: never-read lists are infinitely old).
  const provider = new GuestsProvider({ maxAgeMs: Number.MAX_SAFE_INTEGER, libvirt: () => libvirt, onDidChange: () => undefined });
  provider.configure(setting);
  const forFolder = async (uri: string): Promise<Pick<ServiceOptions, 'guests' | 'bootHugepages'>> => {
    const guests = await provider.fresh(uri);
    const bootHugepages = provider.boot(uri);
    return { ...(guests ? { guests } : {}), ...(bootHugepages ? { bootHugepages } : {}) };
  };
  // The answer for the folder of the file before: a run names a folder's files one after another, and
  // working out the folder's key from each file's URL was about 3% of a lint over libvirt's test files.
  let lastFolder: string | undefined;
  let lastAnswer: Promise<Pick<ServiceOptions, 'guests' | 'bootHugepages'>> | undefined;
  return (kind, path) => {
    if (kind !== 'domain' || setting.kind === 'none') return Promise.resolve({});
    const folder = dirname(path);
    if (lastAnswer === undefined || folder !== lastFolder) {
      lastFolder = folder;
      lastAnswer = forFolder(fileUri(absolutePath(path)));
    }
    return lastAnswer;
  };
}
