import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where a rule's page, docs/rules/<CODE>.md, is. The bundles live in dist/, so the docs folder is their
 * sibling (in the repository, the VSIX and an npm install alike).
 */
function rulePagePath(code: string): string {
  return join(__dirname, '..', 'docs', 'rules', `${code}.md`);
}

/** Each rule's page URI once made: every diagnostic carries one, and making it is a path join and a URL parse. */
const docUris = new Map<string, string>();

/** The `file:` URI of a rule's page: for the editor on this machine, where the page is installed. */
export function ruleDocUri(code: string): string {
  let uri = docUris.get(code);
  if (uri === undefined) docUris.set(code, (uri = pathToFileURL(rulePagePath(code)).href));
  return uri;
}

/** A rule's page (Markdown) as installed, or undefined when it cannot be read. */
export function rulePage(code: string): string | undefined {
  try {
    return readFileSync(rulePagePath(code), 'utf8');
  } catch {
    return undefined;
  }
}
