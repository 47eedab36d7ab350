import { parseArgs } from 'node:util';
import type { RuleMeta } from '../core/types';
import { ALL_RULE_METAS } from '../ruleRegistry';
import { EXIT_CLEAN, UsageError, type Output } from './usage';

/** Lists the rules: code, name, severity and title, as a table or as JSON. */
export function rulesCommand(args: string[], output: Output): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', short: 'f', default: 'text' } },
  });
  if (positionals.length > 0) throw new UsageError(`rules takes no PATH (got '${positionals[0]}')`);
  const rules = ALL_RULE_METAS;
  if (values.format === 'json') {
    const entries = rules.map(({ code, name, severity, title, fixable }) => ({ code, name, severity, title, fixable }));
    output.stdout(`${JSON.stringify(entries, null, 2)}\n`);
  } else if (values.format === 'text') {
    output.stdout(table(rules));
  } else {
    throw new UsageError(`--format must be text or json for rules (got '${values.format}')`);
  }
  return EXIT_CLEAN;
}

function table(rules: readonly RuleMeta[]): string {
  const rows = rules.map((rule) => [rule.code, rule.name, rule.severity, rule.title]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join('  ') + '\n').join('');
}
