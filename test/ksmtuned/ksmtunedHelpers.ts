import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument, type Position } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../server/src/core/types';
import { ksmtunedDiagnostics } from '../../server/src/ksmtuned/diagnostics';
import { applyFix, rangeText } from '../helpers';

let counter = 0;

/** A fresh ksmtuned.conf document (a new uri each time, so no cache is shared between tests). */
export function ksmDocument(text: string): TextDocument {
  counter++;
  return TextDocument.create(`file:///test/ksm-${counter}/ksmtuned.conf`, 'ksmtuned', 1, text);
}

/** Text with a `|` marking the cursor: the document without the marker, and the position. */
export function ksmWithCursor(marked: string): { document: TextDocument; position: Position } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | cursor marker in the text');
  const document = ksmDocument(marked.slice(0, offset) + marked.slice(offset + 1));
  return { document, position: document.positionAt(offset) };
}

/** The findings of one rule code (all of them without a code) for a ksmtuned.conf text. */
export function ksmFindings(text: string, code?: string): Finding[] {
  const all = ksmtunedDiagnostics(ksmDocument(text));
  return code ? all.filter((finding) => finding.rule === code) : all;
}

/** The one finding of a code, with the text its range covers. */
export function onlyFinding(text: string, code: string): { finding: Finding; covered: string } {
  const found = ksmFindings(text, code);
  assert.equal(found.length, 1, `one ${code} expected, got ${JSON.stringify(found.map((finding) => finding.message))}`);
  return { finding: found[0]!, covered: rangeText(text, found[0]!) };
}

/** The text after the fix with that title (the only fix when no title is given). */
export function fixed(text: string, finding: Finding, title?: string): string {
  const fix = title === undefined ? finding.fixes[0] : finding.fixes.find((candidate) => candidate.title === title);
  assert.ok(fix, `fix ${title ?? '(first)'} among ${JSON.stringify(finding.fixes.map((candidate) => candidate.title))}`);
  return applyFix(text, fix);
}

/** A clean ksmtuned.conf: every variable at a sensible value. */
export const CLEAN_CONF = `# Configuration file for ksmtuned.
KSM_MONITOR_INTERVAL=60
KSM_SLEEP_MSEC=10
KSM_NPAGES_BOOST=300
KSM_NPAGES_DECAY=-50
KSM_NPAGES_MIN=64
KSM_NPAGES_MAX=1250
KSM_THRES_COEF=20
KSM_THRES_CONST=2048
LOGFILE=/var/log/ksmtuned
DEBUG=1
`;

/** What a shell makes of a ksmtuned.conf: sourced from a file as ksmtuned's `. /etc/ksmtuned.conf` does it. */
export interface SourcedConf {
  /** Each name's value, undefined where the file leaves it unset. */
  values: Record<string, string | undefined>;
  stderr: string;
}

/** Sources `text` with `shell` (ksmtuned's own is bash) and reads back `names`. */
export function sourceConf(text: string, names: readonly string[], shell: 'bash' | 'dash' = 'bash'): SourcedConf {
  const folder = mkdtempSync(join(tmpdir(), 'vt-ksm-'));
  try {
    writeFileSync(join(folder, 'ksmtuned.conf'), text);
    const print = names.map((name) => `printf '%s\\0' "\${${name}-unset}"`).join('; ');
    const run = spawnSync(shell, ['-c', `. "$1/ksmtuned.conf"; ${print}`, shell, folder], { encoding: 'utf8' });
    const printed = run.stdout.split('\0');
    return { stderr: run.stderr, values: Object.fromEntries(names.map((name, index) => [name, printed[index] === 'unset' ? undefined : printed[index]])) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
