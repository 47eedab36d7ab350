import type { LintResult } from './lintResult';
import { countBySeverity } from './lintResult';

/** One line per finding as compilers print them, `file:line:col: severity CODE message` (1-based). */
export function formatText(results: readonly LintResult[]): string {
  let output = '';
  for (const { file, findings } of results) {
    for (const finding of findings) {
      const { line, character } = finding.range.start;
      const message = finding.message.replace(/\s*\r?\n\s*/g, ' ');
      output += `${file.path}:${line + 1}:${character + 1}: ${finding.severity} ${finding.rule} ${message}\n`;
    }
  }
  return output;
}

/** `3 errors, 2 warnings in 4 files` (information and hints named only when there are some). */
export function formatSummary(results: readonly LintResult[]): string {
  const counts = countBySeverity(results);
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.information > 0) parts.push(`${counts.information} information`);
  if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
  return `${parts.join(', ')} in ${plural(results.length, 'file')}\n`;
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
