import type { LintResult } from './lintResult';

/** One entry per linted file, positions 0-based as in LSP; a clean file has an empty list. */
export function formatJson(results: readonly LintResult[]): string {
  const entries = results.map(({ file, findings }) => ({
    file: file.path,
    kind: file.kind,
    diagnostics: findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      range: {
        start: { line: finding.range.start.line, character: finding.range.start.character },
        end: { line: finding.range.end.line, character: finding.range.end.character },
      },
    })),
  }));
  return `${JSON.stringify(entries, null, 2)}\n`;
}
