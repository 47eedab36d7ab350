import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../cli/cliHarness';

/** The first ```xml block under a rule page's "## Example" and "## Fixed" headings. */
export function pageExamples(code: string): { example?: string; fixed?: string } {
  let text: string;
  try {
    text = readFileSync(join(ROOT, 'docs', 'rules', `${code}.md`), 'utf8');
  } catch {
    return {};
  }
  return { example: blockUnder(text, 'Example'), fixed: blockUnder(text, 'Fixed') };
}

function blockUnder(text: string, heading: string): string | undefined {
  const start = text.search(new RegExp(`^## ${heading}\\b.*$`, 'm'));
  if (start < 0) return undefined;
  const rest = text.slice(start);
  const next = rest.slice(1).search(/^## /m);
  const section = next < 0 ? rest : rest.slice(0, next + 1);
  return /```xml\n([\s\S]*?)```/.exec(section)?.[1];
}
