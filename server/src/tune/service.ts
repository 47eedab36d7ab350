import type { TextDocument } from 'vscode-languageserver-textdocument';
import { spanToRange } from '../core/report';
import type { Fix } from '../core/types';
import { domainDocument, type DomainDocument } from '../domain/document';
import type { HostModel } from '../host/types';
import { contains, elementAt } from '../xml/query';
import type { XmlElement } from '../xml/types';
import { isolatedCpus } from './isolation';
import type { Guest } from '../guests/types';
import type { TuneResult } from './types';
import { tuneDomain, TUNE_TITLE } from './index';
import { ownValue } from '../core/ownValue';

/** Where "Tune for this host" is offered: on these elements (the domain: on its start tag). */
const OFFERED_ON = new Set(['vcpu', 'cputune', 'numatune', 'memoryBacking']);
/** Elements whose hover tells which placement they belong to, once the guest is tuned: by the block they are in. */
const BLOCK_OF_ELEMENT: Record<string, string> = {
  cputune: 'cputune', vcpupin: 'cputune', emulatorpin: 'cputune', iothreadpin: 'cputune',
  vcpu: 'numatune', numatune: 'numatune', memnode: 'numatune',
  topology: 'cpu', numa: 'cpu', cell: 'cpu',
  memoryBacking: 'memoryBacking', hugepages: 'memoryBacking', page: 'memoryBacking', locked: 'memtune',
  memtune: 'memtune', hard_limit: 'memtune', iothreads: 'iothreads',
};

export interface TuneOptions {
  host?: HostModel;
  guests?: readonly Guest[];
}

/**
 * The tuner's answer for a version, with the host and guest list it was worked out for. The hover of
 * every pin and cell and the code actions the editor asks at every cursor move all want the same answer
 * of a version: a few milliseconds of the tuner each time, before.
 */
interface Tuned {
  host: HostModel;
  guests: readonly Guest[] | undefined;
  result: TuneResult;
}

/** By the parsed version (a new version, or the same one parsed again, is another key), so nothing outlives its document. */
const tunedVersions = new WeakMap<DomainDocument, Tuned>();

/** The tuner on an editor document, with the host's own isolation from its command line; worked out once per version, host and guest list. */
export function tuneDocument(textDocument: TextDocument, options: TuneOptions): TuneResult | undefined {
  const document = domainDocument(textDocument);
  const { xml, model } = document;
  if (!model || !options.host) return undefined;
  const known = tunedVersions.get(document);
  // A host or guest list read again is a new object: then the tuner runs again, as it did for every call.
  if (known && known.host === options.host && known.guests === options.guests) return known.result;
  const result = tuneDomain({
    text: textDocument.getText(),
    xml,
    model,
    host: options.host,
    ...(options.guests ? { guests: options.guests } : {}),
    isolatedCpus: options.host.cmdline ? isolatedCpus(options.host.cmdline) : [],
  });
  tunedVersions.set(document, { host: options.host, guests: options.guests, result });
  return result;
}

function offeredAt(element: XmlElement | undefined, offset: number): boolean {
  for (let at = element; at; at = at.parent) {
    if (OFFERED_ON.has(at.name)) return true;
    if (at.name === 'domain' && !at.parent) return contains(at.startTagSpan, offset);
  }
  return false;
}

/** "Tune for this host: on node 1: ...", one per placement, where the cursor is on a block the tuner writes. */
export function tuneFixes(textDocument: TextDocument, offset: number, options: TuneOptions): Fix[] {
  if (!options.host) return [];
  const { xml } = domainDocument(textDocument);
  if (!offeredAt(elementAt(xml, offset), offset)) return [];
  const result = tuneDocument(textDocument, options);
  return (result?.choices ?? [])
    .filter((choice) => choice.edits.length > 0)
    .map((choice, index) => ({
      title: `${TUNE_TITLE}: ${choice.summary}`,
      edits: choice.edits.map((edit) => ({ range: spanToRange(textDocument, edit.span), newText: edit.newText })),
      ...(index === 0 ? { isPreferred: true } : {}),
    }));
}

/**
 * On an element the tuner writes, once the document reads exactly as one of its placements: that
 * placement's explanation. Otherwise nothing, rather than a guess about why the values are what they are.
 */
export function tuneHover(textDocument: TextDocument, offset: number, options: TuneOptions): string | undefined {
  if (!options.host) return undefined;
  const { xml } = domainDocument(textDocument);
  const element = elementAt(xml, offset);
  const block = element && ownValue(BLOCK_OF_ELEMENT, element.name);
  if (!block) return undefined;
  const tuned = tuneDocument(textDocument, options)?.choices.find((choice) => choice.edits.length === 0);
  const line = tuned?.blocks[block];
  return tuned && line ? `**${TUNE_TITLE}** ${tuned.summary}.\n\n${line}` : undefined;
}
