import type { TextDocument } from 'vscode-languageserver-textdocument';
import { domainDocument, looksLikeDomainXml } from '../domain/document';
import { domainCapabilitiesQuery } from '../domain/libvirtKey';
import type { HostModel } from '../host/types';
import { withLibvirt, type LibvirtAnswers } from '../host/withLibvirt';
import { keyString, LibvirtFactReader } from './facts';
import type { LibvirtAccess } from './lspLibvirt';
import type { DomainCapabilitiesKey } from './types';

/** libvirt's answers are asked again when older than this (and a document is judged). */
const FACTS_MAX_AGE_MS = 60_000;

export interface LibvirtFactsAccess {
  /**
   * The host with what the libvirt of `virtTune.libvirt` offers, as last read: never waits. A domain
   * naming domcapabilities not read yet (another machine type or virt type) starts a read in the
   * background, and every document is judged again when it comes.
   */
  decorate(host: HostModel | undefined, document: TextDocument): HostModel | undefined;
}

export function attachLibvirtFacts(libvirt: LibvirtAccess, republish: () => void, log: (line: string) => void): LibvirtFactsAccess {
  let reader: LibvirtFactReader | undefined;
  let answers: LibvirtAnswers | undefined;
  let generation = 0;
  let reading = false;
  let again = false;
  const wanted = new Map<string, DomainCapabilitiesKey>();
  let memo: { base: HostModel | undefined; answers: LibvirtAnswers; host: HostModel | undefined } | undefined;

  const read = (): void => {
    if (!reader) return;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    const current = generation;
    reader
      .answers([...wanted.values()])
      .then(
        (next) => {
          if (current !== generation) return;
          // The answers are asked again once a minute while domains are judged. When libvirt says the same,
          // the documents are not all published again: with many open, that read their trees again (the
          // cache keeps a few) and held the server for a while every minute.
          if (answers && sameAnswers(answers, next)) return;
          answers = next;
          republish();
        },
        (error: unknown) => log(`virt-tune: virtTune.libvirt: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        reading = false;
        if (again) {
          again = false;
          read();
        }
      });
  };

  libvirt.onDidChange(() => {
    generation++;
    const opened = libvirt.current();
    reader = opened ? new LibvirtFactReader(opened.connection, opened.version, { maxAgeMs: FACTS_MAX_AGE_MS }) : undefined;
    answers = undefined;
    memo = undefined;
    if (reader) read();
    else republish();
  });

  return {
    decorate(host, document) {
      if (!reader) return host;
      if (looksLikeDomainXml(document.getText())) {
        const parsed = domainDocument(document);
        const key = parsed.model ? domainCapabilitiesQuery(parsed.model, parsed.xml.root) : undefined;
        if (key && !wanted.has(keyString(key))) {
          wanted.set(keyString(key), key);
          read();
        } else if (key && !reader.has(key)) read();
      }
      if (!answers) return host;
      if (memo && memo.base === host && memo.answers === answers) return memo.host;
      const decorated = withLibvirt(host, answers);
      memo = { base: host, answers, host: decorated };
      return decorated;
    },
  };
}

/** Whether two readings of libvirt's answers say the same (the domain capabilities are read afresh each time, so compared as data). */
function sameAnswers(a: LibvirtAnswers, b: LibvirtAnswers): boolean {
  return (
    a.source === b.source &&
    a.capabilitiesXml === b.capabilitiesXml &&
    JSON.stringify(a.version) === JSON.stringify(b.version) &&
    JSON.stringify(a.freePages) === JSON.stringify(b.freePages) &&
    JSON.stringify(a.domainCapabilities) === JSON.stringify(b.domainCapabilities)
  );
}
