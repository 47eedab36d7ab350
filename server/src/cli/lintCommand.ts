import { parseArgs } from 'node:util';
import { ALL_RULE_METAS } from '../ruleRegistry';
import { FILE_OPTIONS, parseKind, requirePaths, validateHost } from './commonOptions';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatSummary, formatText } from './formatText';
import { hasErrors, type LintResult } from './lintResult';
import { lintTextFully, requireService } from './lintSource';
import { SCHEMA_OPTION, useSchemaOption } from './schemaOption';
import { collectSourceFiles } from './sourceFiles';
import { EXIT_CLEAN, EXIT_ERRORS_FOUND, EXIT_USAGE, UsageError, type Output } from './usage';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export async function lintCommand(args: string[], output: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...FILE_OPTIONS, ...SCHEMA_OPTION, format: { type: 'string', short: 'f', default: 'text' } },
  });
  const format = FORMATS.find((known) => known === values.format);
  if (!format) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got '${values.format}')`);
  const kind = parseKind(values.kind);
  if (kind) requireService(kind);
  const hostOptions = await validateHost(values.host);
  requirePaths('lint', positionals);
  const schemaProblem = await useSchemaOption(values.schema);
  if (schemaProblem) {
    output.stderr(`virt-tune: ${schemaProblem}\n`);
    return EXIT_USAGE;
  }

  const collected = await collectSourceFiles(positionals, kind);
  const results: LintResult[] = [];
  // One file at a time: libvirt's schema verdict is awaited per file, and only one file's tree is held.
  for (const file of collected.files) results.push({ file, findings: await lintTextFully(file.path, file.kind, file.text, 1, hostOptions) });

  output.stdout(render(format, results));
  if (values.verbose && format === 'text') for (const line of collected.skipped) output.stderr(`virt-tune: ${line}\n`);
  for (const line of collected.unreadable) output.stderr(`virt-tune: ${line}\n`);
  // When no path given could be taken, "0 errors ... in 0 files" would read as a clean result.
  if (format === 'text' && (collected.unreadable.length === 0 || results.length > 0)) output.stderr(formatSummary(results));
  if (collected.unreadable.length > 0) return EXIT_USAGE;
  return hasErrors(results) ? EXIT_ERRORS_FOUND : EXIT_CLEAN;
}

function render(format: Format, results: LintResult[]): string {
  switch (format) {
    case 'text':
      return formatText(results);
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, ALL_RULE_METAS);
  }
}
