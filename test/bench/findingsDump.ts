// `npm run findings:dump -- OUT`: every finding of this build, one JSON line `[name, value]` per text that
// has any, for work meant to change none (the lint's speed). Passes, in this order (findingsDumpPasses.ts):
//  1. domains, built-in structure (`--schema builtin`): libvirt's corpus (accepted and rejected), the XML of
//     examples/ and test/fixtures, 2000 seeded mutants of corpus files (the fuzzer's mutations); each without
//     and with the two-nodes host fixture (` +host`). Lines without a prefix, exactly as the dump wrote them
//     before it had other passes, so an old dump is this part of a new one.
//  2. `builtin: `: the same for the XML of the other test/**/fixtures, the fuzzer's written seeds and regressions.
//  3. `schema corpus/libvirt-11.3.0/schemas/domain.rng: `: the texts of 1 and 2 as `lint --schema PATH` reports
//     them with the corpus's schema (the verdict merged in), compiled in this process (no schema cache).
//     `--schema auto` is not dumped: it is the schema of whatever libvirt this machine has.
//  4. `cmdline: ` and 5. `ksmtuned: `: the files of that kind in examples/ and every test/**/fixtures folder,
//     the fuzzer's written seeds (test/fuzz/seeds.ts) and regressions (a chained one also after its edits),
//     2000 seeded mutants of them; a command line text also opened at each of the fuzzer's CMDLINE_PATHS.
//  6. `fix: `: for every text of 4 and 5, what `virt-tune fix` would write: the fixes applied, the choices
//     among several, a unified diff (or why a template is left alone); a text fix leaves as it is has no line.
//  7. `large: `: the fuzz regressions over 100,000 characters (cases of speed; 2-5 leave them out), each linted
//     as its regression test does it, a domain also with the schema, written as a digest (count per rule and a
//     sha256 of every finding and fix): in full they make hundreds of MB. No fix pass: one took 70 s.
//  8. `grub.d: ` and 9. `grub.d fix: ` (added in session 13; 1-7 unchanged, so an older dump is the head of
//     this one): an /etc/default/grub with the drop-ins of its grub.d folder (findingsDumpGrubD.ts), each file
//     linted, then fixed as 6 does it, with the drop-ins sourced after it as `virt-tune lint` reads them
//     (written to a temporary folder, read by readDropInFolder, named as under /etc/default): VT320, VT321 in a
//     drop-in, VT305 and VT315 on what still reaches the kernel, sourcing order, what stops the following of
//     drop-ins; /etc/default/grub alone with the quoting cases of commit 5e8b4c5 (VT319: '$NAME', \$NAME,
//     ${#NAME}, ${NAME:-}) and VT321 in each quoting; 400 seeded mutants (one file of a case mutated).
//     findingsDumpGrubD.test.ts checks these lines against `virt-tune lint --format json` and `fix --dry-run`.
// Mutants over 100,000 characters are left out (findingsDumpTexts.ts TEXT_LIMIT). Fixes are in the findings
// of passes 1-5 too (each finding's `fixes`, with their edits).
// Deterministic (findingsDump.test.ts runs it twice): fixed seeds, file lists sorted, names relative to the
// repository or the shared folder, no time in the file. CPU per pass goes to stdout: 35-47 s in all (7 runs on
// the 2-core machine of session 12, load 5-10; the large pass about 11 s; 8 and 9 about 1 s), the output about 245 MB.
// `--every N` keeps every Nth corpus file and large regression and 1/N of the mutants (the test's short dump,
// about 4 s).
//
// Before and after a change: `npm run findings:dump -- /tmp/before.jsonl` in the tree before it, the same to
// /tmp/after.jsonl in the tree after it, then `cmp /tmp/before.jsonl /tmp/after.jsonl` (no output: nothing
// changed); `node out/test/bench/findingsDumpCompare.js /tmp/before.jsonl /tmp/after.jsonl` names the texts
// whose line differs, per pass. Two commits of main: a worktree for each (`git worktree add ../at-COMMIT
// COMMIT`, beside the repository so that ../shared is found, else set VIRT_TUNE_SHARED; node_modules linked
// in, `npx tsc -p .`), the dump run in each. A commit older than these passes lacks them: copy
// test/bench/findingsD*.ts into its test/bench first. The first pass's lines are those of the older one-pass
// dump, so an old dump compares with the head of a new one (`head -n LINES`).
import { closeSync, openSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { passContext, PASSES } from './findingsDumpPasses';

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { every: { type: 'string', default: '1' } } });
  const out = positionals[0];
  const every = Number(values.every);
  if (!out || positionals.length > 1 || !Number.isInteger(every) || every < 1) throw new Error('usage: npm run findings:dump -- OUT [--every N]');
  const context = await passContext({ every });
  const fd = openSync(out, 'w');
  const started = cpuSeconds();
  try {
    for (const pass of PASSES) {
      const before = cpuSeconds();
      let lines = 0;
      const { texts, findings } = await pass.run((name, value) => {
        writeSync(fd, `${JSON.stringify([name, value])}\n`);
        lines++;
      }, context);
      console.log(`${pass.name}: ${texts} texts, ${findings} ${pass.prefix.endsWith('fix: ') ? 'fixes applied' : 'findings'}, ${lines} lines, ${(cpuSeconds() - before).toFixed(1)} s CPU`);
    }
  } finally {
    closeSync(fd);
  }
  console.log(`-> ${out} (${(cpuSeconds() - started).toFixed(1)} s CPU)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
