import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadRngSchema } from '../../../server/src/schema/rng';
import type { SchemaValidator } from '../../../server/src/schema/types';
import { loadSchema } from '../../../server/src/schema/validator';
import { pickMutation, type Mutation } from '../../fuzz/mutate';
import { Random } from '../../fuzz/random';
import { corpusList, CORPUS_DIR } from '../../kb/shared';

/** One text the two engines judge differently, with the smallest text found that still shows it. */
export interface Disagreement {
  origin: string;
  mutations: string[];
  /** Whether libxml2 accepts it (ours then refuses), or not. */
  libxml2Accepts: boolean;
  minimised: string;
  ours: string;
  libxml2: string;
}

export interface DifferentialReport {
  cases: number;
  disagreements: Disagreement[];
}

/** Mutations that break the text below the schema, not only its well-formedness: the schema must judge them. */
const SCHEMA_MUTATIONS: readonly Mutation[] = [
  {
    name: 'rename an element',
    weight: 4,
    apply: (text, random) => {
      const names = [...new Set([...text.matchAll(/<([A-Za-z][\w:.-]*)/g)].map((match) => match[1]!))];
      const tags = [...text.matchAll(/<([A-Za-z][\w:.-]*)[\s/>]/g)];
      if (tags.length < 2) return text;
      const tag = tags[1 + random.below(tags.length - 1)]!;
      const name = random.pick(names);
      const renamed = text.slice(0, tag.index + 1) + name + text.slice(tag.index + 1 + tag[1]!.length);
      // The end tag of that element, renamed too when it is the next one of that name.
      const end = renamed.indexOf(`</${tag[1]}>`, tag.index);
      return end < 0 ? renamed : renamed.slice(0, end + 2) + name + renamed.slice(end + 2 + tag[1]!.length);
    },
  },
  {
    name: 'drop an attribute',
    weight: 4,
    apply: (text, random) => {
      const attributes = [...text.matchAll(/\s[A-Za-z][\w:.-]*=(['"])[^'"]*\1/g)];
      if (attributes.length === 0) return text;
      const attribute = random.pick(attributes);
      return text.slice(0, attribute.index) + text.slice(attribute.index + attribute[0].length);
    },
  },
  {
    name: 'move an attribute',
    weight: 3,
    apply: (text, random) => {
      const attributes = [...text.matchAll(/\s[A-Za-z][\w:.-]*=(['"])[^'"]*\1/g)];
      const tags = [...text.matchAll(/<[A-Za-z][\w:.-]*/g)];
      if (attributes.length === 0 || tags.length === 0) return text;
      const attribute = random.pick(attributes);
      const without = text.slice(0, attribute.index) + text.slice(attribute.index + attribute[0].length);
      const tag = random.pick([...without.matchAll(/<[A-Za-z][\w:.-]*/g)]);
      const at = tag.index + tag[0].length;
      return without.slice(0, at) + attribute[0] + without.slice(at);
    },
  },
  {
    name: 'copy a value elsewhere',
    weight: 4,
    apply: (text, random) => {
      const values = [...text.matchAll(/=(['"])([^'"]*)\1|>([^<>]+)</g)];
      if (values.length < 2) return text;
      const from = random.pick(values);
      const to = random.pick(values);
      const value = from[2] ?? from[3]!;
      const old = to[2] ?? to[3]!;
      const start = to.index + to[0].indexOf(old, 1);
      return text.slice(0, start) + value.replace(/['"]/g, '') + text.slice(start + old.length);
    },
  },
  {
    name: 'delete an element',
    weight: 3,
    apply: (text, random) => {
      const empties = [...text.matchAll(/<([A-Za-z][\w:.-]*)[^<>]*\/>|<([A-Za-z][\w:.-]*)[^<>]*>[^<>]*<\/\2>/g)];
      if (empties.length === 0) return text;
      const element = random.pick(empties);
      return text.slice(0, element.index) + text.slice(element.index + element[0].length);
    },
  },
  {
    name: "shuffle the root's children",
    weight: 4,
    apply: (text, random) => {
      // The root's children, one per line as libvirt writes them: a stretch of them in a new order.
      const lines = text.split('\n');
      const children = lines.map((line, index) => ({ line, index })).filter(({ line }) => /^ {2}<[A-Za-z]/.test(line) && /\/>\s*$|<\/[^>]+>\s*$/.test(line));
      if (children.length < 3) return text;
      const picked = children.filter(() => random.chance(0.5));
      const order = [...picked].sort(() => random.next() - 0.5);
      picked.forEach((child, position) => (lines[child.index] = order[position]!.line));
      return lines.join('\n');
    },
  },
  {
    name: 'duplicate an element',
    weight: 3,
    apply: (text, random) => {
      const elements = [...text.matchAll(/<([A-Za-z][\w:.-]*)[^<>]*\/>|<([A-Za-z][\w:.-]*)[^<>]*>[^<>]*<\/\2>/g)];
      if (elements.length === 0) return text;
      const element = random.pick(elements);
      const at = element.index + element[0].length;
      return text.slice(0, at) + element[0] + text.slice(at);
    },
  },
];

/** Generic breakers of test/fuzz that keep the text small (no megabytes, no deep nesting). */
function genericMutation(random: Random): Mutation {
  for (;;) {
    const mutation = pickMutation(random);
    if (!['five megabytes', 'deep nesting', 'huge attribute value'].includes(mutation.name)) return mutation;
  }
}

/**
 * A differential fuzz of virt-tune's RelaxNG validator against libxml2's (libxml2-wasm, the engine
 * `xmllint --relaxng` and libvirt use): corpus files mutated, each judged by both, every text on which
 * accept/refuse differ reported with the smallest text (lines, then characters, removed) that still
 * differs. Deterministic for a seed.
 */
export async function differential(options: { schemaPath: string; seed: number; cases: number; seconds?: number }): Promise<DifferentialReport> {
  const ours = loadRngSchema(options.schemaPath);
  const libxml2 = await loadSchema(options.schemaPath);
  const files = [...corpusList('accepted.txt'), ...corpusList('rejected.txt')];
  const random = new Random(options.seed);
  const disagreements: Disagreement[] = [];
  const seen = new Set<string>();
  const deadline = options.seconds === undefined ? Infinity : performance.now() + options.seconds * 1000;
  let cases = 0;
  for (; cases < options.cases && performance.now() < deadline; cases++) {
    const file = random.pick(files);
    let text = readFileSync(resolve(CORPUS_DIR, file), 'utf8');
    const mutations: string[] = [];
    const count = random.between(1, 3);
    for (let index = 0; index < count; index++) {
      const mutation = random.chance(0.7) ? random.pick(SCHEMA_MUTATIONS) : genericMutation(random);
      mutations.push(mutation.name);
      text = mutation.apply(text, random);
    }
    const libxml2Accepts = accepts(libxml2, text);
    if (accepts(ours, text) === libxml2Accepts) continue;
    const minimised = minimise(text, (candidate) => accepts(libxml2, candidate) === libxml2Accepts && accepts(ours, candidate) !== libxml2Accepts);
    if (seen.has(minimised)) continue;
    seen.add(minimised);
    disagreements.push({
      origin: file,
      mutations,
      libxml2Accepts,
      minimised,
      ours: ours.validate(minimised).map((error) => error.message).join(' | '),
      libxml2: libxml2.validate(minimised).map((error) => error.message).join(' | '),
    });
  }
  return { cases, disagreements };
}

function accepts(validator: SchemaValidator, text: string): boolean {
  return validator.validate(text).length === 0;
}

/** Removes lines, then runs of characters, while the disagreement holds (a greedy delta debugging). */
export function minimise(text: string, holds: (text: string) => boolean): string {
  let current = text;
  for (const unit of ['\n', '']) {
    let parts = unit === '\n' ? current.split('\n') : [...current];
    for (let size = Math.max(1, Math.floor(parts.length / 2)); size >= 1; size = Math.floor(size / 2)) {
      for (let start = 0; start < parts.length; ) {
        const candidate = [...parts.slice(0, start), ...parts.slice(start + size)];
        if (holds(candidate.join(unit))) parts = candidate;
        else start += size;
      }
    }
    current = parts.join(unit);
    if (unit === '' && current.length > 2000) break;
  }
  return current;
}
