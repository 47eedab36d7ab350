import { MarkupKind, type MarkupContent } from 'vscode-languageserver-types';
import type { Fact } from '../../kb/types';
import { withDocumentation } from '../hover/content';
import { factParagraphs, joinParagraphs, sourcesParagraphs } from '../../core/markdown';

/**
 * A completion item's documentation: what the fact says and where it comes from, plus any extra
 * paragraphs. With `path`, the element (or the element of the attribute) the item is about: its
 * formatdomain section is linked too, and is the documentation when there is nothing else to say.
 * The same markdown is asked for on every completion at the same place, so it is made once and shared
 * (nobody changes an item's documentation after it is made).
 */
export function itemDocumentation(about: Fact | undefined, extra: readonly string[] = [], path?: string): MarkupContent | undefined {
  // No path is not the same as an empty one; neither holds a control character.
  const at = path === undefined ? '\u0001' : path;
  const key = extra.length === 0 ? at : `${at}\u0000${extra.join('\u0000')}`;
  const known = made.get(about);
  if (known?.has(key)) return known.get(key);
  const documentation = markdown(about, extra, path);
  if (madeCount >= MADE_KEPT) {
    made.clear();
    madeCount = 0;
  }
  let byFact = made.get(about);
  if (!byFact) {
    byFact = new Map();
    made.set(about, byFact);
  }
  byFact.set(key, documentation);
  madeCount++;
  return documentation;
}

/** Documentation made so far, by fact and then by path and extra paragraphs; forgotten all at once when this many are kept. */
const MADE_KEPT = 4096;
const made = new Map<Fact | undefined, Map<string, MarkupContent | undefined>>();
let madeCount = 0;

function markdown(about: Fact | undefined, extra: readonly string[], path: string | undefined): MarkupContent | undefined {
  const paragraphs = [...(about ? factParagraphs(about) : []), ...extra];
  const sources = path === undefined ? about?.sources ?? [] : withDocumentation(about?.sources ?? [], path);
  if (paragraphs.length === 0 && sources.length === 0) return undefined;
  return { kind: MarkupKind.Markdown, value: joinParagraphs([...paragraphs, ...sourcesParagraphs(sources)]) };
}
