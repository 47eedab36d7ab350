import type { Finding, Severity } from '../core/types';
import type { SourceName } from './sourceFiles';

export interface LintResult {
  file: SourceName;
  findings: Finding[];
}

export function countBySeverity(results: readonly LintResult[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const result of results) for (const finding of result.findings) counts[finding.severity]++;
  return counts;
}

export function hasErrors(results: readonly LintResult[]): boolean {
  return countBySeverity(results).error > 0;
}
