import { parseArgs } from 'node:util';
import type { Finding } from '../core/types';
import { ALL_RULE_METAS } from '../ruleRegistry';
import { FILE_OPTIONS, parseKind, requirePaths, validateHost } from './commonOptions';
import { GUESTS_OPTION, guestsForFiles, parseGuestsOption } from './guestsOption';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatSummary, formatText } from './formatText';
import { LintPool, LintSetupError, workerCount, type LintSetup } from './lintPool';
import { hasErrors, type LintResult } from './lintResult';
import { libvirtHostForFiles } from './libvirtHost';
import { lintTextFully, requireService } from './lintSource';
import { SCHEMA_OPTION, useSchemaOption } from './schemaOption';
import { collectSourceFiles } from './sourceFiles';
import { EXIT_CLEAN, EXIT_ERRORS_FOUND, EXIT_USAGE, UsageError, type Output } from './usage';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

/** lint's options in util.parseArgs form; boot/cliVariant.ts reads --schema from the words as these do (test/boot/cliVariant.test.ts ties the two). */
export const LINT_OPTIONS = { ...FILE_OPTIONS, ...SCHEMA_OPTION, ...GUESTS_OPTION, format: { type: 'string', short: 'f', default: 'text' } } as const;

export async function lintCommand(args: string[], output: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: LINT_OPTIONS,
  });
  const format = FORMATS.find((known) => known === values.format);
  if (!format) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got '${values.format}')`);
  const kind = parseKind(values.kind);
  if (kind) requireService(kind);
  const hostOptions = await validateHost(values.host);
  const guestsSetting = await parseGuestsOption(values.guests);
  const hostFor = await libvirtHostForFiles(values.libvirt, values.host ?? ['none'], hostOptions, (line) => output.stderr(`${line}\n`));
  requirePaths('lint', positionals);
  const setup = { schema: values.schema, host: values.host ?? ['none'], guests: guestsSetting };
  // libvirt's answers are per domain (its domcapabilities): asked here, so those files are linted in this thread.
  // Many files named: the workers start now and load while this thread reads the files.
  let pool = hostFor.active ? undefined : startPool(setup, workerCount(positionals.length));
  const collected = await collectSourceFiles(positionals, kind, pool && ((file, index) => pool!.add({ index, path: file.path, kind: file.kind, text: file.text })));
  if (!pool && !hostFor.active) {
    // Folders named: how many files they hold is known now.
    pool = startPool(setup, workerCount(collected.files.length));
    collected.files.forEach((file, index) => pool?.add({ index, path: file.path, kind: file.kind, text: file.text }));
  }
  let findings: Finding[][];
  if (pool) {
    // Many files: shared over worker threads, each set up from this command line (its own schema and host).
    try {
      findings = await pool.finish();
    } catch (error) {
      if (!(error instanceof LintSetupError)) throw error;
      output.stderr(`virt-tune: ${error.message}\n`);
      return EXIT_USAGE;
    }
  } else {
    const schemaProblem = await useSchemaOption(values.schema);
    if (schemaProblem) {
      output.stderr(`virt-tune: ${schemaProblem}\n`);
      return EXIT_USAGE;
    }
    findings = [];
    const guestsFor = guestsForFiles(guestsSetting, hostFor.connection);
    // One file at a time: libvirt's schema verdict is awaited per file, and only one file's tree is held.
    for (const file of collected.files) {
      const options = { ...(await hostFor(file.kind, file.path, file.text)), ...(await guestsFor(file.kind, file.path)) };
      findings.push(await lintTextFully(file.path, file.kind, file.text, 1, options));
    }
  }
  const results: LintResult[] = collected.files.map((file, index) => ({ file, findings: findings[index]! }));

  output.stdout(render(format, results));
  if (values.verbose && format === 'text') for (const line of collected.skipped) output.stderr(`virt-tune: ${line}\n`);
  for (const line of collected.unreadable) output.stderr(`virt-tune: ${line}\n`);
  // When no path given could be taken, "0 errors ... in 0 files" would read as a clean result.
  if (format === 'text' && (collected.unreadable.length === 0 || results.length > 0)) output.stderr(formatSummary(results));
  if (collected.unreadable.length > 0) return EXIT_USAGE;
  return hasErrors(results) ? EXIT_ERRORS_FOUND : EXIT_CLEAN;
}

/** A pool of `threads` lint workers, or undefined when this thread lints alone. */
function startPool(setup: LintSetup, threads: number): LintPool | undefined {
  return threads > 1 ? new LintPool(setup, threads) : undefined;
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
