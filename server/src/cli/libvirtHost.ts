import { readFile, stat } from 'node:fs/promises';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileKind } from '../core/types';
import { domainDocument } from '../domain/document';
import { domainCapabilitiesQuery } from '../domain/libvirtKey';
import type { DomainSource } from '../guests/libvirt';
import { readDomainCapabilities } from '../host/domainCapabilities';
import { HostLoadError } from '../host/errors';
import { loadHostPath } from '../host/load';
import type { DomainCapabilities } from '../host/libvirtTypes';
import type { HostModel } from '../host/types';
import { withLibvirt } from '../host/withLibvirt';
import { LibvirtFactReader } from '../libvirt/facts';
import { openLibvirt } from '../libvirt/open';
import { parseLibvirtSetting } from '../libvirt/setting';
import type { ServiceOptions } from '../services';
import { UsageError } from './usage';

/** Saved XML is some hundred KiB; anything far larger is not libvirt's. */
const MAX_XML_BYTES = 16 * 1024 * 1024;

/** The host options of one file: the CLI asks libvirt for the domcapabilities each domain names before linting it. */
export type HostForFile = ((kind: FileKind, path: string, text: string) => Promise<ServiceOptions>) & {
  /** Whether libvirt is asked: the host then differs per file. */
  active: boolean;
  /** The libvirt asked, when one is: its domains are the other guests of `--guests auto`. */
  connection?: DomainSource;
};

function fixed(base: ServiceOptions): HostForFile {
  return Object.assign(async () => base, { active: false });
}

/**
 * --libvirt (`auto`: qemu:///system when the host checked is this machine, `--host live`, and virsh
 * connects; `none`; a URI): the host model gets what that libvirt offers. A URI named on the command
 * line is the user's own, so any is used; one that does not connect is told in one line on stderr and
 * the libvirt-fed rules stay silent.
 */
export async function libvirtHostForFiles(value: string, hostSetting: readonly string[], base: ServiceOptions, warn: (line: string) => void): Promise<HostForFile> {
  const setting = parseLibvirtSetting(value);
  const thisMachine = hostSetting.length === 1 && hostSetting[0] === 'live';
  if (setting.kind === 'none' || (setting.kind === 'auto' && !thisMachine)) return fixed(base);
  const opened = await openLibvirt(setting, { fromUser: true });
  if (opened.problem) warn(`virt-tune: --libvirt: ${opened.problem}`);
  if (!opened.connection || !opened.version) return fixed(base);
  const reader = new LibvirtFactReader(opened.connection, opened.version, { maxAgeMs: Number.POSITIVE_INFINITY });
  const forFile = async (kind: FileKind, path: string, text: string): Promise<ServiceOptions> => {
    const keys = kind === 'domain' ? [domainQuery(path, text)] : [];
    const host = withLibvirt(base.host, await reader.answers(keys));
    return host ? { ...base, host } : base;
  };
  return Object.assign(forFile, { active: true, connection: opened.connection });
}

function domainQuery(path: string, text: string) {
  const document = domainDocument(TextDocument.create(`file://${encodeURI(path)}`, 'xml', 0, text));
  return document.model ? domainCapabilitiesQuery(document.model, document.xml.root) : {};
}

/**
 * --host given saved XML files: `virsh capabilities` (the host's topology and its guests' machine
 * types) and any number of `virsh domcapabilities` (one per virt type or machine type the domains
 * use), with at most one sysfs root folder. Undefined when `values` is the plain one-value form.
 */
export async function hostFromSavedFiles(values: readonly string[]): Promise<HostModel | undefined> {
  let base: HostModel | undefined;
  let capabilitiesXml: string | null = null;
  const domainCapabilities: DomainCapabilities[] = [];
  for (const path of values) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new UsageError(`--host must be live, none or an existing path (cannot read '${path}')`);
    if (info.isDirectory()) {
      if (base) throw new UsageError('--host: give at most one root folder');
      base = await loadHostPath(path);
      continue;
    }
    if (info.size > MAX_XML_BYTES) throw new UsageError(`--host: '${path}' is too large to be libvirt's XML`);
    const text = await readFile(path, 'utf8').catch(() => {
      throw new UsageError(`--host: cannot read '${path}'`);
    });
    try {
      if (/<domainCapabilities[\s>]/.test(text)) domainCapabilities.push(readDomainCapabilities(text, path));
      else {
        if (capabilitiesXml !== null) throw new UsageError('--host: give at most one virsh capabilities file');
        const host = await loadHostPath(path);
        if (!base) base = host;
        capabilitiesXml = text;
      }
    } catch (error) {
      if (error instanceof HostLoadError) throw new UsageError(`--host: ${error.message}`);
      throw error;
    }
  }
  return withLibvirt(base, { source: values.join(' + '), version: null, capabilitiesXml, domainCapabilities, freePages: null });
}
