import { parseArgs } from 'node:util';
import { FILE_OPTIONS, parseKind, requirePaths, validateHost } from './commonOptions';
import { writeFileAtomically } from './atomicWrite';
import { plural } from './formatText';
import { requireService } from './lintSource';
import { applySafeFixes, WELL_FORMED } from './safeFixes';
import { collectSourceFiles, encodeSource, isFaithfulUtf8 } from './sourceFiles';
import { templateSkipNotice } from './templateSkip';
import { grubDropInsForFiles } from './grubDropIns';
import { unifiedDiff } from './unifiedDiff';
import { EXIT_CLEAN, EXIT_ERRORS_FOUND, EXIT_USAGE, type Output } from './usage';

/**
 * Applies the safe (preferred) fixes to each file. A file is left byte for byte as it is when the
 * result would not be well-formed XML, or when it is not UTF-8 that can be written back unchanged.
 */
export async function fixCommand(args: string[], output: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...FILE_OPTIONS, 'dry-run': { type: 'boolean', short: 'n', default: false } },
  });
  const kind = parseKind(values.kind);
  if (kind) requireService(kind);
  const hostOptions = await validateHost(values.host);
  requirePaths('fix', positionals);
  const dryRun = values['dry-run'];

  const collected = await collectSourceFiles(positionals, kind);
  const dropInsFor = grubDropInsForFiles();
  let failed = collected.unreadable.length > 0;
  let errorsRemain = false;
  let fixedFiles = 0;
  let appliedFixes = 0;
  for (const line of collected.unreadable) output.stderr(`virt-tune: ${line}\n`);
  if (values.verbose) for (const line of collected.skipped) output.stderr(`virt-tune: ${line}\n`);

  for (const file of collected.files) {
    if (!isFaithfulUtf8(file)) {
      output.stderr(`virt-tune: ${file.path}: left unchanged: not valid UTF-8\n`);
      failed = true;
      continue;
    }
    const template = templateSkipNotice(file.path, file.text);
    if (template) {
      output.stderr(`virt-tune: ${template}\n`);
      continue;
    }
    // The drop-ins beside an /etc/default/grub: a parameter they replace is not removed as a duplicate of it.
    const dropIns = dropInsFor(file.kind, file.path);
    const grubDropIns = dropIns && (await dropIns);
    const outcome = applySafeFixes(file.path, file.kind, file.text, grubDropIns ? { ...hostOptions, grubDropIns } : hostOptions);
    if (outcome.remaining.some((finding) => finding.severity === 'error')) errorsRemain = true;
    if (outcome.remaining.some((finding) => finding.rule === WELL_FORMED)) {
      output.stderr(`virt-tune: ${file.path}: left unchanged: not well-formed XML (${WELL_FORMED}) and no safe fix makes it so\n`);
      continue;
    }
    if (outcome.text === file.text) continue;
    for (const choice of outcome.choices) {
      const others = choice.others.map((title) => `"${title}"`).join(' or ');
      output.stderr(`virt-tune: ${file.path}:${choice.line}: ${choice.rule}: ${dryRun ? 'would apply' : 'applied'} "${choice.chosen}" (the other fix: ${others}; pick it in the editor instead)\n`);
    }
    if (dryRun) {
      output.stdout(unifiedDiff(file.path, file.path, file.text, outcome.text));
    } else {
      try {
        await writeFileAtomically(file.path, encodeSource(file, outcome.text));
      } catch (error) {
        output.stderr(`virt-tune: cannot write ${file.path}: ${error instanceof Error ? error.message : String(error)}\n`);
        failed = true;
        continue;
      }
    }
    if (values.verbose) output.stderr(`virt-tune: ${file.path}: ${plural(outcome.applied, 'fix', 'fixes')} ${dryRun ? 'would be ' : ''}applied\n`);
    fixedFiles++;
    appliedFixes += outcome.applied;
  }

  const verb = dryRun ? 'would apply' : 'applied';
  // When no path given could be taken, "applied 0 fixes in 0 files" would read as a clean result.
  if (collected.unreadable.length === 0 || collected.files.length > 0) output.stderr(`${verb} ${plural(appliedFixes, 'fix', 'fixes')} in ${plural(fixedFiles, 'file')}\n`);
  if (failed) return EXIT_USAGE;
  return errorsRemain ? EXIT_ERRORS_FOUND : EXIT_CLEAN;
}
