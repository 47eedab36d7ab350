/** Building and reading snippet syntax (LSP and VS Code share it): `${1:default}`, `${1|a,b|}`, `$0`. */

function escapeText(text: string): string {
  return text.replace(/[$}\\]/g, (character) => `\\${character}`);
}

function escapeChoice(text: string): string {
  return text.replace(/[$}\\,|]/g, (character) => `\\${character}`);
}

export function placeholder(index: number, defaultText = ''): string {
  return defaultText === '' ? `\${${index}}` : `\${${index}:${escapeText(defaultText)}}`;
}

export function choice(index: number, values: readonly string[]): string {
  return `\${${index}|${values.map(escapeChoice).join(',')}|}`;
}

/** The text a snippet inserts when every placeholder keeps its default (a choice its first value). */
export function expandDefaults(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|((?:\\.|[^|\\])*)\|\}/g, (_whole, values: string) => values.split(/(?<!\\),/)[0] ?? '')
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_whole, text: string) => text)
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([$}\\,|])/g, '$1');
}
