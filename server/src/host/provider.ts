import { HostLoadError } from './errors';
import { loadHost } from './load';
import type { HostModel, HostSetting } from './types';

export interface HostProviderOptions {
  /** A host older than this is read again when next asked for. */
  maxAgeMs: number;
  load?: (setting: HostSetting) => Promise<HostModel | undefined>;
  now?: () => number;
  /** Told once per distinct problem (a path that cannot be read), not on every refresh. */
  onProblem?: (message: string) => void;
}

/**
 * The host the language server checks domains against, per the `virtTune.host` setting. Reads are
 * cached: `current()` answers at once with the last host and starts a re-read in the background only
 * when it is older than `maxAgeMs`, so typing never waits for sysfs and the live host is read every
 * few seconds at most. Listeners hear when what the rules read changed (a new fingerprint).
 */
export class HostProvider {
  private setting: HostSetting = { kind: 'none' };
  private host: HostModel | undefined;
  private readAt = Number.NEGATIVE_INFINITY;
  private reading: Promise<void> | undefined;
  /** Bumped by configure, so a read started under an older setting is dropped. */
  private generation = 0;
  private lastProblem: string | undefined;
  private readonly listeners: (() => void)[] = [];
  private readonly load: (setting: HostSetting) => Promise<HostModel | undefined>;
  private readonly now: () => number;

  constructor(private readonly options: HostProviderOptions) {
    this.load = options.load ?? loadHost;
    this.now = options.now ?? Date.now;
  }

  configure(setting: HostSetting): void {
    if (sameSetting(setting, this.setting)) return;
    this.setting = setting;
    this.generation++;
    this.readAt = Number.NEGATIVE_INFINITY;
    this.lastProblem = undefined;
    // A read under the old setting may still run: it is dropped when it ends (generation), not waited for.
    this.reading = undefined;
    const had = this.host !== undefined;
    this.host = undefined;
    if (had) this.emit();
    if (setting.kind !== 'none') void this.refresh();
  }

  /** The last host read, at once; a re-read is started when it is stale. */
  current(): HostModel | undefined {
    if (this.stale()) void this.refresh();
    return this.host;
  }

  /** The host, re-read first when it is stale (for the panel, which asks every few seconds while visible). */
  async fresh(): Promise<HostModel | undefined> {
    if (this.stale()) await this.refresh();
    return this.host;
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private stale(): boolean {
    return this.setting.kind !== 'none' && this.now() - this.readAt >= this.options.maxAgeMs;
  }

  private refresh(): Promise<void> {
    if (!this.reading) {
      const reading: Promise<void> = this.read().finally(() => {
        if (this.reading === reading) this.reading = undefined;
      });
      this.reading = reading;
    }
    return this.reading;
  }

  private async read(): Promise<void> {
    const generation = this.generation;
    let host: HostModel | undefined;
    try {
      host = await this.load(this.setting);
      this.lastProblem = undefined;
    } catch (error) {
      const message = error instanceof HostLoadError ? error.message : `reading the host failed: ${error instanceof Error ? error.message : String(error)}`;
      if (message !== this.lastProblem) this.options.onProblem?.(message);
      this.lastProblem = message;
    }
    if (generation !== this.generation) return;
    this.readAt = this.now();
    const changed = host?.fingerprint !== this.host?.fingerprint;
    this.host = host;
    if (changed) this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function sameSetting(a: HostSetting, b: HostSetting): boolean {
  return a.kind === b.kind && (a.kind !== 'path' || (b.kind === 'path' && a.path === b.path));
}
