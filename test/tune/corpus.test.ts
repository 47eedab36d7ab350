import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { spanToRange } from '../../server/src/core/report';
import { domainDiagnostics } from '../../server/src/domain/diagnostics';
import { buildDomainModel } from '../../server/src/domain/model';
import { loadHostPath } from '../../server/src/host/load';
import type { HostModel } from '../../server/src/host/types';
import { tuneDomain } from '../../server/src/tune';
import { parseXml } from '../../server/src/xml/parser';
import { CORPUS_DIR, corpusList, missing } from '../kb/shared';

const ROOT = join(__dirname, '..', '..', '..');
/** Every fifth file: enough of libvirt's variety, quick enough for every `npm test`. */
const STRIDE = 5;

let counter = 0;
function problems(text: string, host: HostModel): Set<string> {
  counter++;
  const document = TextDocument.create(`file:///corpus-${counter}.xml`, 'xml', 1, text);
  return new Set(domainDiagnostics(document, { host }).filter((finding) => finding.severity === 'error' || finding.severity === 'warning').map((finding) => finding.rule));
}

test("libvirt's accepted test domains, tuned on the saved host: no crash, and no error or warning the domain did not have", async (t) => {
  const reason = missing(resolve(CORPUS_DIR, 'accepted.txt'));
  if (reason) {
    t.skip(reason);
    return;
  }
  const host = await loadHostPath(join(ROOT, 'examples', 'hosts', 'guide-4-node'));
  let tuned = 0;
  const files = corpusList('accepted.txt').filter((_, index) => index % STRIDE === 0);
  for (const file of files) {
    const text = readFileSync(resolve(CORPUS_DIR, file), 'utf8');
    const xml = parseXml(text);
    if (xml.root?.name !== 'domain') continue;
    const choice = tuneDomain({ text, xml, model: buildDomainModel(xml.root), host }).choices[0];
    if (!choice) continue;
    const document = TextDocument.create('file:///t.xml', 'xml', 1, text);
    const after = TextDocument.applyEdits(document, choice.edits.map((edit) => ({ range: spanToRange(document, edit.span), newText: edit.newText })));
    const before = problems(text, host);
    const added = [...problems(after, host)].filter((code) => !before.has(code));
    assert.deepEqual(added, [], `${file}: ${choice.summary}`);
    tuned++;
  }
  assert.ok(tuned > files.length / 2, `only ${tuned} of ${files.length} tuned`);
});
