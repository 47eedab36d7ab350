import data from './schema/doc-anchors.json';
import { libvirt } from './sources';
import type { Source } from './types';
import { ownValue } from '../core/ownValue';

/**
 * The generated map from element paths to the section of libvirt's formatdomain page that documents
 * them: doc-anchors.json, written by scripts/gen-doc-anchors.mjs from the page's headings and XML
 * examples (`npm run gen:doc-anchors`). Anchors and headings only.
 */
interface DocAnchors {
  format: 1;
  libvirtVersion: string;
  source: string;
  sourceHash: string;
  /** `[anchor, heading]` in page order; the anchor is the heading's docutils id. */
  sections: readonly (readonly [string, string])[];
  /** Element path -> index in `sections`. */
  paths: Readonly<Record<string, number>>;
  /** Element name -> index in `sections`, for names every documented place of which is in one section. */
  names: Readonly<Record<string, number>>;
}

const ANCHORS = data as unknown as DocAnchors;

export const DOC_ANCHORS_INFO = {
  libvirtVersion: ANCHORS.libvirtVersion,
  source: ANCHORS.source,
  sourceHash: ANCHORS.sourceHash,
  sections: ANCHORS.sections,
} as const;

/**
 * The formatdomain section documenting the element at a path: the one its examples show it in, else
 * the one documenting every element of its name, else the nearest ancestor's (an element no example
 * shows is described with its parent).
 */
export function documentationSection(path: string): Source | undefined {
  if (path !== 'domain' && !path.startsWith('domain/')) return undefined;
  const index = ownValue(ANCHORS.paths, path) ?? ownValue(ANCHORS.names, path.slice(path.lastIndexOf('/') + 1)) ?? ancestorSection(path);
  const section = index === undefined ? undefined : ANCHORS.sections[index];
  return section && libvirt(section[0], section[1]);
}

function ancestorSection(path: string): number | undefined {
  for (let end = path.lastIndexOf('/'); end > 0; end = path.lastIndexOf('/', end - 1)) {
    const index = ownValue(ANCHORS.paths, path.slice(0, end));
    if (index !== undefined) return index;
  }
  return undefined;
}
