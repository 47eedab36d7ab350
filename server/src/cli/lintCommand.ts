import { parseArgs } from 'node:util';
import type { Finding } from '../core/types';
import { ALL_RULE_METAS } from '../ruleRegistry';
import { FILE_OPTIONS, parseKind, requirePaths, validateHost } from './commonOptions';
import { GUESTS_OPTION, guestsForFiles, parseGuestsOption } from './guestsOption';
import { grubDropInsForFiles } from './grubDropIns';
import type { GuestsSetting } from '../guests/provider';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatSummary, formatText } from './formatText';
import { LintPool, LintSetupError, MIN_FILES_FOR_WORKERS, workerCount, type LintSetup } from './lintPool';
import { hasErrors, type LintResult } from './lintResult';
import { libvirtHostForFiles, type HostForFile } from './libvirtHost';
import { lintTextFully, requireService } from './lintSource';
import { SCHEMA_OPTION, useSchemaOption } from './schemaOption';
import { readSourceFiles, type SourceFile } from './sourceFiles';
import { EXIT_CLEAN, EXIT_ERRORS_FOUND, EXIT_USAGE, UsageError, type Output } from './usage';

const FORMATS = ['text', 'json', 'sarif'] as const;
/** Files read before this thread lints them: see lintCommand. */
const READ_BATCH = 64;
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
  // Many files named: the workers, if any, start now and load while this thread reads the files. Folders
  // named: whether workers pay is decided once a batch of files is read, or the walk ends before.
  let decided = hostFor.active || positionals.length >= MIN_FILES_FOR_WORKERS;
  let pool = decided && !hostFor.active ? startPool(setup, workerCount(positionals.length)) : undefined;
  const toPool = (file: SourceFile, index: number) => pool?.add({ index, path: file.path, kind: file.kind, text: file.text });
  // Without workers, linted here a batch at a time as they are read, then dropped: with every text read
  // first and held, each scavenge copied them all; with each file linted right after its read, the reads'
  // system calls ran cold (alternated over libvirt's 2,321 test files, commit 7aa6053 has the figures).
  const batch: SourceFile[] = [];
  const decide = (files: number) => {
    decided = true;
    pool = startPool(setup, workerCount(files));
    // No file is linted before this: the batch holds the first files read, from index 0.
    if (pool) batch.splice(0).forEach(toPool);
  };
  let findings: Finding[][] = [];
  let here: Linter | string | undefined;
  const lintBatch = async () => {
    here ??= await linterHere(values.schema, guestsSetting, hostFor);
    if (typeof here !== 'string') for (const file of batch) findings.push(await here(file));
    batch.length = 0;
  };
  const listed = await readSourceFiles(positionals, kind, (file, index) => {
    if (pool) return toPool(file, index);
    batch.push(file);
    if (batch.length < READ_BATCH) return undefined;
    if (!decided) decide(Number.MAX_SAFE_INTEGER);
    return pool ? undefined : lintBatch();
  });
  if (!decided) decide(batch.length);
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
    await lintBatch();
    if (typeof here === 'string') {
      output.stderr(`virt-tune: ${here}\n`);
      return EXIT_USAGE;
    }
  }
  const results: LintResult[] = listed.files.map((file, index) => ({ file, findings: findings[index]! }));

  output.stdout(render(format, results));
  if (values.verbose && format === 'text') for (const line of listed.skipped) output.stderr(`virt-tune: ${line}\n`);
  for (const line of listed.unreadable) output.stderr(`virt-tune: ${line}\n`);
  // When no path given could be taken, "0 errors ... in 0 files" would read as a clean result.
  if (format === 'text' && (listed.unreadable.length === 0 || results.length > 0)) output.stderr(formatSummary(results));
  if (listed.unreadable.length > 0) return EXIT_USAGE;
  return hasErrors(results) ? EXIT_ERRORS_FOUND : EXIT_CLEAN;
}

type Linter = (file: SourceFile) => Promise<Finding[]>;

/**
 * Lints one file at a time in this thread, set up from --schema and --guests (libvirt's schema verdict is
 * awaited per file), or the one line that says why the schema cannot be used.
 */
async function linterHere(schema: string, guests: GuestsSetting, hostFor: HostForFile): Promise<Linter | string> {
  const schemaProblem = await useSchemaOption(schema);
  if (schemaProblem) return schemaProblem;
  const guestsFor = guestsForFiles(guests, hostFor.connection);
  const dropInsFor = grubDropInsForFiles();
  return async (file) => {
    const options = { ...(await hostFor(file.kind, file.path, file.text)), ...(await guestsFor(file.kind, file.path)) };
    const dropIns = dropInsFor(file.kind, file.path);
    const grubDropIns = dropIns && (await dropIns);
    if (grubDropIns) options.grubDropIns = grubDropIns;
    return lintTextFully(file.path, file.kind, file.text, 1, options);
  };
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
