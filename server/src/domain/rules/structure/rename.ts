import type { FixSpec, SpanEdit } from '../../../core/types';
import type { XmlElement } from '../../../xml/types';

/** Renames an element in its start tag and, when it has one, its end tag; nothing else is touched. */
export function renameElementFix(text: string, element: XmlElement, newName: string, isPreferred: boolean): FixSpec {
  const edits: SpanEdit[] = [{ span: element.nameSpan, newText: newName }];
  const end = element.endNameSpan;
  if (end && text.slice(end.start, end.end) !== newName) edits.push({ span: end, newText: newName });
  return { title: `Rename <${element.name}> to <${newName}>`, edits, ...(isPreferred ? { isPreferred: true } : {}) };
}
