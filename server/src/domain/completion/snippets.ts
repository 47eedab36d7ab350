import { InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import { ITEM_KINDS } from '../../core/completionKinds';
import snippetFile from '../../../../snippets/domain.json';
import { parseXml } from '../../xml/parser';
import { childElements } from '../../xml/query';
import type { Span } from '../../core/span';
import type { XmlElement } from '../../xml/types';
import type { DomainModel } from '../model';
import { onlineCpus, supportedPageSizes } from '../../host/queries';
import type { HostModel } from '../../host/types';
import {
  DEFAULT_SHAPE,
  guestNumaCells,
  hugePagesPerCell,
  lockedWithHardLimit,
  multiQueueVirtioNet,
  multiQueueVirtioScsi,
  pinEveryVcpu,
  type DomainShape,
  type SnippetGenerator,
} from './generatedSnippets';
import { spanRange, type CompletionSite } from './site';
import { expandDefaults } from './snippetText';

/** One entry of snippets/domain.json, VS Code's snippet format. */
export interface SnippetDefinition {
  prefix: string;
  description: string;
  body: string[];
}

/**
 * snippets/domain.json is the one source of the snippets: completion offers them in domain documents
 * only, where they fit and sized to the document and the host (VS Code does not contribute the file: it
 * would show them in every XML file, twice in a domain).
 */
export const SNIPPETS: Readonly<Record<string, SnippetDefinition>> = snippetFile;

/** Where a snippet may stand, and how completion sizes it to the document. */
export interface SnippetPlacement {
  /** The path of the element its top-level elements go into; '' for the document itself. */
  place: string;
  /** Whether its single top-level element may be repeated (a device): then it is never unwrapped. */
  repeatable?: boolean;
  generate?: SnippetGenerator;
}

export const SNIPPET_PLACEMENTS: Readonly<Record<string, SnippetPlacement>> = {
  'libvirt domain skeleton': { place: '' },
  'memoryBacking: static huge pages': { place: 'domain' },
  'memoryBacking: huge page size per guest NUMA node': { place: 'domain', generate: hugePagesPerCell },
  'memoryBacking: locked, with memtune hard_limit': { place: 'domain', generate: lockedWithHardLimit },
  'memoryBacking: nosharepages': { place: 'domain' },
  'cputune: pin every vCPU and the emulator': { place: 'domain', generate: pinEveryVcpu },
  'numatune: memory on host NUMA nodes': { place: 'domain' },
  'interface: multi-queue virtio-net': { place: 'domain/devices', repeatable: true, generate: multiQueueVirtioNet },
  'controller: multi-queue virtio-scsi': { place: 'domain/devices', repeatable: true, generate: multiQueueVirtioScsi },
  'iotune: disk I/O throttling': { place: 'domain/devices/disk' },
  'cpu: guest NUMA cells': { place: 'domain', generate: guestNumaCells },
};

export function domainShape(model: DomainModel | undefined, host?: HostModel): DomainShape {
  const vcpus = model?.vcpu?.count;
  const memoryKiB = model?.memory?.kib;
  const cells = (model?.cpu?.cells ?? []).flatMap((cell) => (cell.id === undefined ? [] : [cell.id]));
  const hostCpus = host ? onlineCpus(host).map((cpu) => cpu.id).sort((a, b) => a - b) : [];
  const hostPageSizesKiB = host ? supportedPageSizes(host) : undefined;
  return {
    vcpus: vcpus !== undefined && vcpus >= 1 && vcpus <= 4096 ? vcpus : DEFAULT_SHAPE.vcpus,
    memoryKiB: memoryKiB !== undefined && Number.isInteger(memoryKiB) && memoryKiB > 0 ? memoryKiB : DEFAULT_SHAPE.memoryKiB,
    cells: cells.length > 0 ? cells : DEFAULT_SHAPE.cells,
    ...(hostCpus.length > 0 ? { hostCpus } : {}),
    ...(hostPageSizesKiB ? { hostPageSizesKiB } : {}),
  };
}

/** A snippet's body for a document: generated to its shape where the snippet follows it. */
export function snippetBody(name: string, shape: DomainShape): string[] {
  const generate = SNIPPET_PLACEMENTS[name]?.generate;
  return generate ? generate(shape) : SNIPPETS[name]?.body ?? [];
}

/**
 * The lines to offer inside `parent` (at path `parentPath`), or undefined when the snippet does not
 * belong there. A snippet fits at its place when none of its top-level elements is there already;
 * inside an existing wrapper (`<cputune>` when the body is a whole `<cputune>`) its inner part fits.
 */
export function fitSnippet(
  name: string,
  lines: readonly string[],
  parentPath: string,
  parent: XmlElement | undefined,
  typing?: XmlElement,
): string[] | undefined {
  const placement = SNIPPET_PLACEMENTS[name];
  if (!placement) return undefined;
  let place = placement.place;
  let body = [...lines];
  for (;;) {
    const roots = topLevelNames(body);
    if (place === parentPath) {
      if (placement.repeatable && place === placement.place) return body;
      const present = (root: string): boolean => !!parent && childElements(parent, root).some((child) => child !== typing);
      return roots.some(present) ? undefined : body;
    }
    const inner = `${place}/${roots[0]}`;
    if (placement.repeatable || roots.length !== 1 || body.length < 3 || !isWithin(parentPath, inner)) return undefined;
    place = inner;
    body = body.slice(1, -1).map((line) => line.replace(/^\t/, ''));
  }
}

function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

/**
 * The top-level element names of a snippet body or of its inner part, by text: parsed once per text.
 * snippets/domain.json's texts are few; generated ones follow the document's shape, so the kept names
 * are forgotten all at once when there are many.
 */
const bodyRoots = new Map<string, readonly string[]>();
const BODY_ROOTS_KEPT = 512;

function topLevelNames(lines: readonly string[]): readonly string[] {
  const text = lines.join('\n');
  let roots = bodyRoots.get(text);
  if (!roots) {
    const xml = parseXml(expandDefaults(text));
    roots = xml.nodes.flatMap((node) => (node.kind === 'element' ? [node.name] : []));
    if (bodyRoots.size >= BODY_ROOTS_KEPT) bodyRoots.clear();
    bodyRoots.set(text, roots);
  }
  return roots;
}

/**
 * Snippet items for the content of `parent`. `replace` is what the item replaces: the word typed, or
 * `<` and the name typed after it (then `lt` is true and the items filter on `<prefix`); `typing` is
 * the element whose start tag is being typed there, which the snippet would replace.
 */
export function snippetItems(
  site: CompletionSite,
  parentPath: string,
  parent: XmlElement | undefined,
  replace: Span,
  lt: boolean,
  typing?: XmlElement,
): CompletionItem[] {
  const shape = domainShape(site.document.model, site.host);
  const items: CompletionItem[] = [];
  for (const [name, definition] of Object.entries(SNIPPETS)) {
    const lines = fitSnippet(name, snippetBody(name, shape), parentPath, parent, typing);
    if (!lines) continue;
    const text = lines.map((line) => adaptLine(line, site)).join('\n');
    items.push({
      label: definition.prefix,
      labelDetails: { description: name },
      kind: ITEM_KINDS.snippet,
      detail: name,
      documentation: {
        kind: MarkupKind.Markdown,
        value: `${definition.description}\n\n\`\`\`xml\n${expandDefaults(text)}\n\`\`\``,
      },
      filterText: lt ? `<${definition.prefix}` : definition.prefix,
      sortText: `1-${definition.prefix}`,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.adjustIndentation,
      textEdit: { range: spanRange(site, replace), newText: text },
    });
  }
  return items;
}

/** The document's indentation for `\t`, its quote for `'`. */
function adaptLine(line: string, site: CompletionSite): string {
  const indented = line.replace(/^\t+/, (tabs) => site.indent.repeat(tabs.length));
  return site.quote === "'" ? indented : indented.replace(/'/g, '"');
}
