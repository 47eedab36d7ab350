import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { domainDocument } from '../../../../server/src/domain/document';
import type { DomainRuleContext } from '../../../../server/src/domain/rules/context';
import { STRUCTURE_RULES } from '../../../../server/src/domain/rules/structure';
import { walkRules } from '../../../../server/src/domain/rules/walk';
import { wellFormed } from '../../../../server/src/domain/rules/well-formed';
import { textDocument } from '../../../helpers';
import { CORPUS_DIR, missing , corpusList } from '../../../kb/shared';

const RULES = [wellFormed, ...STRUCTURE_RULES];

/** VT100-VT107 findings for one corpus file, as `VT103 <message>`; a rule that throws fails the test. */
function structuralFindings(file: string): string[] {
  const document = domainDocument(textDocument(readFileSync(resolve(CORPUS_DIR, file), 'utf8')));
  assert.ok(document.model, `${file} is not a domain`);
  const context: DomainRuleContext = { document, xml: document.xml, model: document.model, text: document.xml.text };
  const found: string[] = [];
  walkRules(RULES, context, (index, report) => found.push(`${RULES[index]!.meta.code} ${report.message}`));
  return found;
}

/**
 * The structure rules judge the whole domain against the generated schema structure: every domain
 * libvirt's schema accepts must pass them without a single finding.
 */
test("libvirt's accepted test domains get no VT100-VT107 finding", (t) => {
  const reason = missing(resolve(CORPUS_DIR, 'accepted.txt'));
  if (reason) {
    t.skip(reason);
    return;
  }
  const files = corpusList('accepted.txt');
  assert.ok(files.length > 2000, `only ${files.length} files listed`);
  const found = files.flatMap((file) => structuralFindings(file).map((finding) => `${file}: ${finding}`));
  assert.deepEqual(found.slice(0, 20), [], `${found.length} findings`);
});

/**
 * Most of libvirt's rejected test domains are refused by libvirt's code, not its schema (a vhost-scsi
 * rawio, an auto nodeset with a numatune memnode...): the structure can only catch the schema's part.
 */
test("libvirt's rejected test domains: how many the structure rules catch", (t) => {
  const reason = missing(resolve(CORPUS_DIR, 'rejected.txt'));
  if (reason) {
    t.skip(reason);
    return;
  }
  const files = corpusList('rejected.txt');
  const caught = files.filter((file) => structuralFindings(file).length > 0);
  t.diagnostic(`${caught.length} of ${files.length} rejected files get a structural error: ${caught.join(', ')}`);
  assert.equal(files.length, 24);
  assert.ok(caught.length >= 4, `only ${caught.length} caught`);
});
