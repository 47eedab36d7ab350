/** Every run of `length` consecutive words of a text, lower-cased, Markdown marks dropped: what an own-words check compares. */
export function wordRuns(text: string, length: number): Set<string> {
  const words = text.toLowerCase().replace(/[`*_]/g, '').split(/[^a-z0-9]+/).filter((word) => word !== '');
  const result = new Set<string>();
  for (let i = 0; i + length <= words.length; i++) result.add(words.slice(i, i + length).join(' '));
  return result;
}
