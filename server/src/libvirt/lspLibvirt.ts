import { libvirtFromSection } from './sectionSetting';
import { openLibvirt, type OpenOptions } from './open';
import { programsInWorker } from './programsInWorker';
import type { LibvirtSetting } from './setting';
import type { LibvirtConnection, LibvirtVersion } from './types';

/** What the language server gets from attachLibvirt. */
export interface LibvirtAccess {
  /** The daemon the settings name, once it answered; undefined while off, unreachable or being opened. */
  current(): { connection: LibvirtConnection; version: LibvirtVersion } | undefined;
  /**
   * Takes `libvirt` (and `libvirtUser`) from a `virtTune` settings section. `thisMachine` says whether
   * the host being checked is the machine the server runs on (virtTune.host `live`): `auto` asks
   * qemu:///system only then, since a saved host is another machine.
   */
  configure(section: unknown, thisMachine: boolean): void;
  /** Settles when the connection of the last configure is open (or known not to be). */
  settled(): Promise<void>;
  onDidChange(listener: () => void): void;
}

/**
 * The libvirt daemon of `virtTune.libvirt`, opened once per setting (its version asked, so a URI that
 * does not connect is told once, as one line, and the libvirt-fed features stay silent).
 */
export function attachLibvirt(warn: (line: string) => void, options: Omit<OpenOptions, 'fromUser'> = {}): LibvirtAccess {
  // virsh is started from a worker thread, which starting it holds, not the thread answering the editor.
  const run = options.run ?? programsInWorker();
  let key: string | undefined;
  let opened: { connection: LibvirtConnection; version: LibvirtVersion } | undefined;
  let opening: Promise<void> = Promise.resolve();
  const listeners: (() => void)[] = [];
  const emit = () => listeners.forEach((listener) => listener());
  return {
    current: () => opened,
    configure(section, thisMachine) {
      const { setting, fromUser } = libvirtFromSection(section);
      const effective: LibvirtSetting = setting.kind === 'auto' && !thisMachine ? { kind: 'none' } : setting;
      const next = JSON.stringify([effective, fromUser]);
      if (next === key) return;
      key = next;
      const had = opened !== undefined;
      opened = undefined;
      if (had) emit();
      opening = openLibvirt(effective, { ...options, run, fromUser }).then(
        (result) => {
          if (key !== next) return;
          if (result.problem) warn(`virt-tune: virtTune.libvirt: ${result.problem}`);
          if (result.connection && result.version) {
            opened = { connection: result.connection, version: result.version };
            emit();
          }
        },
        (error: unknown) => warn(`virt-tune: virtTune.libvirt: ${error instanceof Error ? error.message : String(error)}`),
      );
    },
    settled: () => opening,
    onDidChange(listener) {
      listeners.push(listener);
    },
  };
}
