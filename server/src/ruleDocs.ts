import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The `file:` URI of a rule's page, docs/rules/<CODE>.md. The bundles live in dist/, so the docs
 * folder is their sibling (in the repository, the VSIX and an npm install alike).
 */
export function ruleDocUri(code: string): string {
  return pathToFileURL(join(__dirname, '..', 'docs', 'rules', `${code}.md`)).href;
}
