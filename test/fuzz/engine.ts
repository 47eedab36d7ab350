import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileKind } from '../../server/src/core/types';
import type { ServiceOptions } from '../../server/src/services';
import { checkCase, type CheckOptions, type Failure, type FuzzCase } from './check';
import { pickMutation } from './mutate';
import { Random } from './random';
import { CMDLINE_PATHS, loadSeeds, type Seed } from './seeds';

export interface FuzzOptions {
  seconds: number;
  seed: number;
  /** Passed to the services for half the cases (the host-aware rules). */
  host?: ServiceOptions['host'];
  /** Also await libvirt's schema verdict (a schema must have been chosen). */
  slow?: boolean;
  limitMs?: number;
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
  perKind: Partial<Record<FileKind, number>>;
  perMutation: Record<string, number>;
  found: Found[];
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
  const report: FuzzReport = { cases: 0, perKind: {}, perMutation: {}, found: [] };
  const signatures = new Set<string>();
  const deadline = performance.now() + options.seconds * 1000;
  while (performance.now() < deadline) {
    const kind = random.pick(kinds);
    const seed = random.pick(byKind.get(kind)!);
    const path = kind === 'cmdline' && random.chance(0.5) ? random.pick(CMDLINE_PATHS) : seed.path;
    let text = seed.text;
    const mutations: string[] = [];
    for (let count = random.between(1, 3); count > 0; count--) {
      const mutation = pickMutation(random);
      text = mutation.apply(text, random);
      mutations.push(mutation.name);
      report.perMutation[mutation.name] = (report.perMutation[mutation.name] ?? 0) + 1;
    }
    const fuzzCase: FuzzCase = { kind, path, text };
    const checkOptions: CheckOptions = {
      random,
      slow: options.slow ?? false,
      ...(options.limitMs === undefined ? {} : { limitMs: options.limitMs }),
      ...(options.host && random.chance(0.5) ? { services: { host: options.host } } : {}),
    };
    report.cases++;
    report.perKind[kind] = (report.perKind[kind] ?? 0) + 1;
    options.trace?.(`case ${report.cases}: ${kind} ${path}, ${text.length} characters (${seed.origin}; ${mutations.join(', ')})`);
    // To replay a case that hangs: it is written here before it runs.
    if (options.dumpTo) writeFileSync(options.dumpTo, JSON.stringify(fuzzCase));
    const failures = await checkCase(fuzzCase, checkOptions);
    const fresh = failures.filter((failure) => !signatures.has(signatureOf(kind, failure)));
    if (fresh.length === 0) continue;
    const target = fresh[0]!;
    const signature = signatureOf(kind, target);
    signatures.add(signature);
    options.log?.(`failure ${signature} in case ${report.cases} (${seed.origin}; ${mutations.join(', ')}): ${target.detail.split('\n')[0]}`);
    const at = /at (\d+)$/.exec(target.service)?.[1];
    const start: FuzzCase = at === undefined ? fuzzCase : { ...fuzzCase, at: Number(at) };
    const { services } = checkOptions;
    const minimised = await minimise(start, target, { ...checkOptions, ...(services ? { services } : {}), random: undefined }, (options.minimiseSeconds ?? 30) * 1000);
    const found: Found = { signature, origin: seed.origin, mutations, failures: fresh, minimised };
    if (options.saveTo) found.savedAs = saveRegression(options.saveTo, found, `seed ${options.seed}, case ${report.cases}`, services !== undefined);
    options.log?.(`  minimised to ${minimised.text.length} characters${found.savedAs ? `: ${found.savedAs}` : ''}`);
    report.found.push(found);
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
export async function minimise(fuzzCase: FuzzCase, failure: Failure, options: CheckOptions, budgetMs: number): Promise<FuzzCase> {
  const deadline = performance.now() + budgetMs;
  const kind = fuzzCase.kind;
  const wanted = signatureOf(kind, failure);
  const reproduces = async (candidate: FuzzCase) => (await checkCase(candidate, options)).some((other) => signatureOf(kind, other) === wanted);
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

function saveRegression(folder: string, found: Found, where: string, withHost: boolean): string {
  mkdirSync(folder, { recursive: true });
  const { minimised } = found;
  const hash = createHash('sha256').update(minimised.kind + minimised.path + minimised.text).digest('hex').slice(0, 10);
  const name = `${minimised.kind}-${found.failures[0]!.property.replace(/[^a-z]+/g, '-')}-${hash}.json`;
  const entry = {
    found: `${where} (${found.origin}; ${found.mutations.join(', ')})`,
    failure: `${found.failures[0]!.property} in ${found.failures[0]!.service}: ${found.failures[0]!.detail.split('\n')[0]}`,
    host: withHost,
    kind: minimised.kind,
    path: minimised.path,
    ...(minimised.at === undefined ? {} : { at: minimised.at }),
    text: minimised.text,
  };
  writeFileSync(join(folder, name), `${JSON.stringify(entry, null, 2)}\n`);
  return name;
}
