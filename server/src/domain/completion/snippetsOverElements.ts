import { MarkupKind, type CompletionItem, type MarkupContent } from 'vscode-languageserver-types';

/**
 * The element items and the snippet items of one place, with one entry per label: where a snippet is
 * named like an element it writes (`nosharepages`, `cputune`, `iotune`), the snippet stands in for the
 * element, at the element's place in the list and with the element's documentation under its own.
 * Two entries of the same name with different icons would leave the user guessing which is which;
 * the snippet writes the same element, filled in the way the guide advises and sized to the guest.
 */
export function snippetsOverElements(elements: readonly CompletionItem[], snippets: readonly CompletionItem[]): CompletionItem[] {
  const snippetOf = new Map(snippets.map((snippet) => [snippet.label, snippet]));
  const merged = new Set<CompletionItem>();
  const items = elements.map((element) => {
    const snippet = snippetOf.get(element.label);
    if (!snippet || merged.has(snippet)) return element;
    merged.add(snippet);
    const documentation = joined(snippet.documentation, element.documentation);
    return { ...snippet, ...(element.sortText !== undefined ? { sortText: element.sortText } : {}), ...(documentation ? { documentation } : {}) };
  });
  return [...items, ...snippets.filter((snippet) => !merged.has(snippet))];
}

function joined(first: CompletionItem['documentation'], second: CompletionItem['documentation']): MarkupContent | undefined {
  const parts = [first, second].flatMap((part) => (part === undefined ? [] : [typeof part === 'string' ? part : part.value]));
  return parts.length > 0 ? { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } : undefined;
}
