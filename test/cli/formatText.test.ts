import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding, Severity } from '../../server/src/core/types';
import { formatSummary, formatText } from '../../server/src/cli/formatText';
import type { LintResult } from '../../server/src/cli/lintResult';
import type { SourceFile } from '../../server/src/cli/sourceFiles';

function result(path: string, ...severities: Severity[]): LintResult {
  const file: SourceFile = { path, kind: 'domain', text: '', bom: false, bytes: Buffer.alloc(0) };
  const findings = severities.map(
    (severity, index): Finding => ({
      rule: `VT1${index}0`,
      severity,
      message: `problem\n  number ${index}`,
      range: { start: { line: index, character: 2 }, end: { line: index, character: 5 } },
      fixes: [],
    }),
  );
  return { file, findings };
}

test('the summary counts errors and warnings always, information and hints when there are some', () => {
  assert.equal(formatSummary([result('a.xml', 'error'), result('b.xml')]), '1 error, 0 warnings in 2 files\n');
  assert.equal(formatSummary([result('a.xml', 'warning', 'warning', 'information', 'hint')]), '0 errors, 2 warnings, 1 information, 1 hint in 1 file\n');
});

test('each finding is one line, positions 1-based, a multi-line message joined', () => {
  assert.equal(formatText([result('vm/a.xml', 'error', 'hint')]), 'vm/a.xml:1:3: error VT100 problem number 0\nvm/a.xml:2:3: hint VT110 problem number 1\n');
});
