import { parseArgs } from 'node:util';
import { DOMAIN_RULES } from '../domain/rules';
import { FILE_OPTIONS, parseKind, requirePaths, validateHost } from './commonOptions';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatSummary, formatText } from './formatText';
import { hasErrors, type LintResult } from './lintResult';
import { lintText, requireService } from './lintSource';
import { collectSourceFiles } from './sourceFiles';
import { EXIT_CLEAN, EXIT_ERRORS_FOUND, EXIT_USAGE, UsageError, type Output } from './usage';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export async function lintCommand(args: string[], output: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...FILE_OPTIONS, format: { type: 'string', short: 'f', default: 'text' } },
  });
  const format = FORMATS.find((known) => known === values.format);
  if (!format) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got '${values.format}')`);
  const kind = parseKind(values.kind);
  if (kind) requireService(kind);
  await validateHost(values.host);
  requirePaths('lint', positionals);

  const collected = await collectSourceFiles(positionals, kind);
  const results: LintResult[] = collected.files.map((file) => ({ file, findings: lintText(file.path, file.kind, file.text) }));

  output.stdout(render(format, results));
  if (values.verbose && format === 'text') for (const line of collected.skipped) output.stderr(`virt-tune: ${line}\n`);
  for (const line of collected.unreadable) output.stderr(`virt-tune: ${line}\n`);
  if (format === 'text') output.stderr(formatSummary(results));
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
      return formatSarif(results, DOMAIN_RULES.map((rule) => rule.meta));
  }
}
