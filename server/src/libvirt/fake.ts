import type { DefineOptions, DomainCapabilitiesKey, DomainSummary, FreePages, LibvirtConnection, LibvirtResult, LibvirtVersion } from './types';

/** A domain the fake knows: its summary and its persistent XML. */
export interface FakeDomain {
  summary: DomainSummary;
  xml: string;
}

export interface FakeLibvirtData {
  uri?: string;
  version?: LibvirtVersion;
  capabilities?: string;
  /** domcapabilities XML for a key (undefined: libvirt refuses the combination). */
  domainCapabilities?: (key: DomainCapabilitiesKey) => string | undefined;
  freePages?: FreePages[];
  domains?: FakeDomain[];
  /** libvirt's refusal of a domain, or undefined when it accepts it (defaults to accepting anything). */
  judge?: (xml: string, stage: 'define' | 'validate' | 'create') => string | undefined;
  /** When set, every call answers as an unreachable daemon with this message. */
  unreachable?: string;
}

/** A LibvirtConnection over fixed data, for unit tests: it records each call it was asked. */
export class FakeLibvirt implements LibvirtConnection {
  readonly uri: string;
  readonly calls: string[] = [];
  private readonly domains: FakeDomain[];

  constructor(private readonly data: FakeLibvirtData = {}) {
    this.uri = data.uri ?? 'test:///fake';
    this.domains = [...(data.domains ?? [])];
  }

  async version() {
    return this.answer('version', () => this.data.version ?? { libvirt: '9.0.0', hypervisor: { name: 'QEMU', version: '7.2.0' } });
  }

  async capabilities() {
    return this.answer('capabilities', () => this.data.capabilities ?? '<capabilities/>');
  }

  async domainCapabilities(key: DomainCapabilitiesKey): Promise<LibvirtResult<string>> {
    this.calls.push(`domcapabilities ${[key.emulator, key.arch, key.machine, key.virttype].map((part) => part ?? '-').join(' ')}`);
    if (this.data.unreachable) return { ok: false, kind: 'unavailable', message: this.data.unreachable };
    const xml = this.data.domainCapabilities ? this.data.domainCapabilities(key) : '<domainCapabilities/>';
    return xml === undefined ? { ok: false, kind: 'refused', message: `the fake has no domain capabilities for ${JSON.stringify(key)}` } : { ok: true, value: xml };
  }

  async freePages() {
    return this.answer('freepages', () => this.data.freePages ?? []);
  }

  async listDomains() {
    return this.answer('list', () => this.domains.map((domain) => domain.summary));
  }

  async dumpXml(name: string): Promise<LibvirtResult<string>> {
    this.calls.push(`dumpxml ${name}`);
    if (this.data.unreachable) return { ok: false, kind: 'unavailable', message: this.data.unreachable };
    const domain = this.domains.find((candidate) => candidate.summary.name === name);
    return domain ? { ok: true, value: domain.xml } : { ok: false, kind: 'refused', message: `failed to get domain '${name}'` };
  }

  async define(xml: string, options: DefineOptions = {}) {
    return this.judged(options.validate ? 'validate' : 'define', xml);
  }

  async create(xml: string) {
    return this.judged('create', xml);
  }

  async undefine(name: string): Promise<LibvirtResult<void>> {
    this.calls.push(`undefine ${name}`);
    const index = this.domains.findIndex((domain) => domain.summary.name === name);
    if (index < 0) return { ok: false, kind: 'refused', message: `failed to get domain '${name}'` };
    this.domains.splice(index, 1);
    return { ok: true, value: undefined };
  }

  async destroy(name: string): Promise<LibvirtResult<void>> {
    this.calls.push(`destroy ${name}`);
    return { ok: true, value: undefined };
  }

  private judged(stage: 'define' | 'validate' | 'create', xml: string): LibvirtResult<string> {
    this.calls.push(stage);
    if (this.data.unreachable) return { ok: false, kind: 'unavailable', message: this.data.unreachable };
    const refusal = this.data.judge?.(xml, stage);
    if (refusal !== undefined) return { ok: false, kind: 'refused', message: refusal };
    const name = /<name>\s*([^<]*?)\s*<\/name>/.exec(xml)?.[1] ?? '';
    if (stage !== 'create' && !this.domains.some((domain) => domain.summary.name === name)) {
      this.domains.push({ xml, summary: { name, uuid: '', state: 'shut off', autostart: false, persistent: true, vcpus: null, memoryKiB: null } });
    }
    return { ok: true, value: name };
  }

  private answer<T>(call: string, value: () => T): LibvirtResult<T> {
    this.calls.push(call);
    if (this.data.unreachable) return { ok: false, kind: 'unavailable', message: this.data.unreachable };
    return { ok: true, value: value() };
  }
}
