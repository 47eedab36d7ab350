import { writeFileSync } from 'node:fs';
import type { FileKind } from '../../server/src/core/types';
import type { ServiceOptions } from '../../server/src/services';
import { applyEdit, makeChain, type ChainEdit } from './chain';
import { caseLimitMs, checkCase, cpuMs, type CheckOptions, type Failure, type FuzzCase } from './check';
import { pickMutation } from './mutate';
import { saveRegression } from './regressions';
import { Random } from './random';
import { CMDLINE_PATHS, loadSeeds, type Seed } from './seeds';
import { Watchdog } from './watchdog';

/**
 * A case still running after this many times its CPU limit (check.ts caseLimitMs; a slow case runs twice)
 * is taken for a hang by the watchdog, which saves it and ends the run; and after WALL_FACTOR times it in
 * wall time (an await that never ends): generous, so that a niced run on a loaded machine is not stopped.
 */
const HANG_FACTOR = 3;
const WALL_FACTOR = 20;

export interface FuzzOptions {
  seconds: number;
  seed: number;
  /** Passed to the services for half the cases (the host-aware rules). */
  host?: ServiceOptions['host'];
  /** Also await libvirt's schema verdict (a schema must have been chosen). */
  slow?: boolean;
  limitMs?: number;
  /** The CPU time one whole case may take (check.ts caseLimitMs; default 30 times limitMs, and 2 more per edit of a chain). */
  caseLimitMs?: number;
  /** The share of cases (0 to 1) that are chains of edits of one document (chain.ts), the rest single versions; none when undefined. */
  chained?: number;
  /** Where minimised failing cases are written as regression tests; none when undefined. */
  saveTo?: string;
  /** How long each failing case may be minimised. */
  minimiseSeconds?: number;
  log?: (line: string) => void;
  /** Each case is written to this file (JSON) before it runs (--dump FILE). */
  dumpTo?: string;
  /** Told each case before it runs (--verbose). */
  trace?: (line: string) => void;
}

/** A failing case as found and as minimised, and what it breaks. */
export interface Found {
  signature: string;
  origin: string;
  mutations: string[];
  failures: Failure[];
  minimised: FuzzCase;
  savedAs?: string;
}

export interface FuzzReport {
  cases: number;
  /** How many of the cases were chains of edits. */
  chains: number;
  perKind: Partial<Record<FileKind, number>>;
  perMutation: Record<string, number>;
  found: Found[];
  /** The case that took the most CPU time (its checks, not its minimising), to compare with the limit. */
  slowest?: { case: number; cpuMs: number; limitMs: number; what: string };
}

/**
 * Mutates seeds of every kind for `seconds` (the same seed gives the same sequence of cases), puts each
 * case through checkCase, and minimises each new kind of failure; with `saveTo`, writes it there as a
 * regression test (test/fuzz/regressions.test.ts runs them all).
 */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const random = new Random(options.seed);
  const seeds = loadSeeds();
  const byKind = new Map<FileKind, Seed[]>();
  for (const seed of seeds) byKind.set(seed.kind, [...(byKind.get(seed.kind) ?? []), seed]);
  const kinds = [...byKind.keys()].sort();
  const report: FuzzReport = { cases: 0, chains: 0, perKind: {}, perMutation: {}, found: [] };
  const signatures = new Set<string>();
  const deadline = performance.now() + options.seconds * 1000;
  const watchdog = new Watchdog();
  try {
    while (performance.now() < deadline) {
      const kind = random.pick(kinds);
      const seed = random.pick(byKind.get(kind)!);
      const path = kind === 'cmdline' && random.chance(0.5) ? random.pick(CMDLINE_PATHS) : seed.path;
      let text = seed.text;
      const mutations: string[] = [];
      const chained = options.chained !== undefined && random.chance(options.chained);
      // A chain starts from the seed as it is most of the time: a user edits files that were fine.
      for (let count = chained ? (random.chance(0.7) ? 0 : 1) : random.between(1, 3); count > 0; count--) {
        const mutation = pickMutation(random);
        text = mutation.apply(text, random);
        mutations.push(mutation.name);
        report.perMutation[mutation.name] = (report.perMutation[mutation.name] ?? 0) + 1;
      }
      const fuzzCase: FuzzCase = { kind, path, text };
      if (chained && text.length < 2_000_000) {
        fuzzCase.edits = makeChain(kind, text, random, random.pick(byKind.get(kind)!).text);
        mutations.push(`chain of ${fuzzCase.edits.length} edits`);
        report.chains++;
      }
      const checkOptions: CheckOptions = {
        random,
        slow: options.slow ?? false,
        ...(options.limitMs === undefined ? {} : { limitMs: options.limitMs }),
        ...(options.caseLimitMs === undefined ? {} : { caseLimitMs: options.caseLimitMs }),
        ...(options.host && random.chance(0.5) ? { services: { host: options.host } } : {}),
      };
      report.cases++;
      report.perKind[kind] = (report.perKind[kind] ?? 0) + 1;
      options.trace?.(`case ${report.cases}: ${kind} ${path}, ${text.length} characters (${seed.origin}; ${mutations.join(', ')})`);
      // To replay a case that hangs: it is written here before it runs.
      if (options.dumpTo) writeFileSync(options.dumpTo, JSON.stringify(fuzzCase));
      const { services } = checkOptions;
      const where = `seed ${options.seed}, case ${report.cases} (${seed.origin}; ${mutations.join(', ')})`;
      // Each check of this case or of a smaller one made from it is watched: a hang is saved and ends the run.
      const watched = async (candidate: FuzzCase, candidateOptions: CheckOptions) => {
        const limit = caseLimitMs(candidate, candidateOptions);
        watchdog.arm({ fuzzCase: candidate, found: where, withHost: services !== undefined, cpuLimitMs: limit * HANG_FACTOR, wallLimitMs: limit * WALL_FACTOR, ...(options.saveTo ? { saveTo: options.saveTo } : {}) });
        try {
          return await checkCase(candidate, candidateOptions);
        } finally {
          watchdog.disarm();
        }
      };
      const started = cpuMs();
      const failures = await watched(fuzzCase, checkOptions);
      const spent = cpuMs() - started;
      if (!report.slowest || spent > report.slowest.cpuMs) report.slowest = { case: report.cases, cpuMs: Math.round(spent), limitMs: Math.round(caseLimitMs(fuzzCase, checkOptions)), what: `${kind}, ${text.length} characters, ${where}` };
      const fresh = failures.filter((failure) => !signatures.has(signatureOf(kind, failure)));
      if (fresh.length === 0) continue;
      const target = fresh[0]!;
      const signature = signatureOf(kind, target);
      signatures.add(signature);
      options.log?.(`failure ${signature} in case ${report.cases} (${seed.origin}; ${mutations.join(', ')}): ${target.detail.split('\n')[0]}`);
      const at = /at (\d+)$/.exec(target.service)?.[1];
      const start: FuzzCase = at === undefined ? fuzzCase : { ...fuzzCase, at: Number(at) };
      const minimiseOptions: CheckOptions = { ...checkOptions, ...(services ? { services } : {}), random: undefined };
      const minimised = await minimise(start, target, (candidate) => watched(candidate, minimiseOptions), (options.minimiseSeconds ?? 30) * 1000);
      const found: Found = { signature, origin: seed.origin, mutations, failures: fresh, minimised };
      if (options.saveTo) found.savedAs = saveRegression(options.saveTo, minimised, fresh[0]!, where, services !== undefined);
      options.log?.(`  minimised to ${minimised.text.length} characters${found.savedAs ? `: ${found.savedAs}` : ''}`);
      report.found.push(found);
    }
  } finally {
    await watchdog.close();
  }
  return report;
}

/** What makes two failures the same bug: the kind, the property and the service, without offsets or titles. */
export function signatureOf(kind: FileKind, failure: Failure): string {
  const service = failure.service.replace(/ at \d+$/, '').replace(/: '.*'$/, '').replace(/ '.*'$/, '');
  return `${kind}: ${failure.property} in ${service}`;
}

/**
 * Removes ever smaller chunks of the text while the same failure still shows (delta debugging), within
 * a time budget. The cursor of a completion or hover failure is kept: chunks that hold it are not removed.
 */
export async function minimise(fuzzCase: FuzzCase, failure: Failure, check: (candidate: FuzzCase) => Promise<Failure[]>, budgetMs: number): Promise<FuzzCase> {
  const deadline = performance.now() + budgetMs;
  const kind = fuzzCase.kind;
  const wanted = signatureOf(kind, failure);
  const reproduces = async (candidate: FuzzCase) => (await check(candidate)).some((other) => signatureOf(kind, other) === wanted);
  if (fuzzCase.edits) return minimiseChain(fuzzCase, fuzzCase.edits, reproduces, deadline);
  let best = fuzzCase;
  for (let chunk = Math.max(1, Math.floor(best.text.length / 2)); chunk >= 1 && performance.now() < deadline; chunk = Math.floor(chunk / 2)) {
    for (let start = 0; start < best.text.length && performance.now() < deadline; ) {
      const end = Math.min(best.text.length, start + chunk);
      if (best.at !== undefined && best.at >= start && best.at <= end && !(best.at === end && end === best.text.length)) {
        start = end;
        continue;
      }
      const candidate: FuzzCase = { ...best, text: best.text.slice(0, start) + best.text.slice(end) };
      if (best.at !== undefined && best.at >= end) candidate.at = best.at - (end - start);
      if (await reproduces(candidate)) best = candidate;
      else start = end;
    }
    if (chunk === 1) break;
  }
  return best;
}

/**
 * A chain made smaller: edits left out (ever fewer at a time, the later ones first: the failure is at
 * the end), then the texts the edits leave alone (before every edit or after every edit) cut, the edits
 * moved to match; the cut edits' own texts are shortened last.
 */
async function minimiseChain(fuzzCase: FuzzCase, edits: readonly ChainEdit[], reproduces: (candidate: FuzzCase) => Promise<boolean>, deadline: number): Promise<FuzzCase> {
  let best: FuzzCase & { edits: ChainEdit[] } = { ...fuzzCase, edits: [...edits] };
  const fits = async (candidate: FuzzCase & { edits: ChainEdit[] }) => {
    if (performance.now() >= deadline || !(await reproduces(candidate))) return false;
    best = candidate;
    return true;
  };
  // The failure shows after the last edit kept: the edits after it are not needed.
  for (let count = best.edits.length - 1; count >= 1; count--) if (!(await fits({ ...best, edits: best.edits.slice(0, count) }))) break;
  for (let chunk = Math.max(1, best.edits.length >> 1); chunk >= 1 && performance.now() < deadline; chunk >>= 1) {
    for (let start = 0; start < best.edits.length && performance.now() < deadline; ) {
      if (!(await fits({ ...best, edits: [...best.edits.slice(0, start), ...best.edits.slice(start + chunk)] }))) start += chunk;
    }
  }
  for (let chunk = Math.max(1, best.text.length >> 1); chunk >= 1 && performance.now() < deadline; chunk >>= 1) {
    for (let start = 0; start < best.text.length && performance.now() < deadline; ) {
      if (!(await fits(cutText(best, start, Math.min(best.text.length, start + chunk))))) start += chunk;
    }
  }
  for (let index = 0; index < best.edits.length && performance.now() < deadline; index++) {
    for (let chunk = best.edits[index]!.text.length >> 1; chunk >= 1 && performance.now() < deadline; chunk >>= 1) {
      for (let start = 0; start < best.edits[index]!.text.length && performance.now() < deadline; ) {
        const edit = best.edits[index]!;
        const shorter = { ...edit, text: edit.text.slice(0, start) + edit.text.slice(start + chunk) };
        if (!(await fits({ ...best, edits: best.edits.map((other, at) => (at === index ? shorter : other)) }))) start += chunk;
      }
    }
  }
  return best;
}

/**
 * The chain with its first text's [start, end) cut, and each edit's offsets moved to match: the stretch
 * is followed through the edits. After an edit that reaches into it the texts differ by more than one
 * stretch and the later edits are left where they are (the candidate then seldom fails the same way).
 */
function cutText(chain: FuzzCase & { edits: ChainEdit[] }, start: number, end: number): FuzzCase & { edits: ChainEdit[] } {
  let from = start;
  let to = end;
  let text = chain.text;
  const edits: ChainEdit[] = [];
  for (const edit of chain.edits) {
    const length = to - from;
    const moved = (offset: number) => (offset <= from ? offset : offset >= to ? offset - length : from);
    edits.push({ start: moved(edit.start), end: moved(edit.end), text: edit.text });
    const next = applyEdit(text, edit);
    if (edit.end <= from) {
      from += next.length - text.length;
      to += next.length - text.length;
    } else if (edit.start < to) {
      from = to = moved(edit.start) + edit.text.length;
    }
    text = next;
  }
  return { ...chain, text: chain.text.slice(0, start) + chain.text.slice(end), edits };
}
