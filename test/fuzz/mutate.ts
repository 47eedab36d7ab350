import type { Random } from './random';

/** One way of breaking a text: its name (reported with a failing case) and what it does. */
export interface Mutation {
  name: string;
  /** How often it is picked, relative to the others. */
  weight: number;
  apply(text: string, random: Random): string;
}

const STRAY = ['<', '>', '</', '/>', '<!--', '-->', '<![CDATA[', ']]>', '<?', '?>', '<!DOCTYPE x [', '"', "'", '=', '&', '&amp', '&#x;', '&#99999999;', '<a', '</domain>', '<domain>', '\0', '\t', '\\', '#', '$(', '`', 'GRUB_CMDLINE_LINUX="', '\n', '\r', ' '];
const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'];

function splice(text: string, at: number, remove: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

function offset(text: string, random: Random): number {
  return random.below(text.length + 1);
}

/** Repeats `part` until the result is at least `length` long. */
function repeatTo(part: string, length: number): string {
  return part.length === 0 ? '' : part.repeat(Math.ceil(length / part.length));
}

export const MUTATIONS: readonly Mutation[] = [
  { name: 'truncate', weight: 6, apply: (text, random) => text.slice(0, offset(text, random)) },
  {
    name: 'delete',
    weight: 6,
    apply: (text, random) => {
      const at = offset(text, random);
      return splice(text, at, random.between(1, random.chance(0.8) ? 8 : 400), '');
    },
  },
  {
    name: 'duplicate',
    weight: 5,
    apply: (text, random) => {
      const start = offset(text, random);
      const end = Math.min(text.length, start + random.between(1, random.chance(0.8) ? 60 : 2000));
      return splice(text, offset(text, random), 0, text.slice(start, end).repeat(random.between(1, 3)));
    },
  },
  { name: 'stray markup', weight: 8, apply: (text, random) => splice(text, offset(text, random), random.chance(0.3) ? 1 : 0, random.pick(STRAY)) },
  {
    name: 'lone surrogate',
    weight: 4,
    apply: (text, random) => {
      // Half the time cut a real pair in two, else drop one in anywhere.
      const pair = /[\uD800-\uDBFF][\uDC00-\uDFFF]/.exec(text);
      if (pair && random.chance(0.5)) return splice(text, pair.index + random.below(2), 1, '');
      return splice(text, offset(text, random), 0, random.pick(LONE_SURROGATES));
    },
  },
  {
    name: 'astral characters',
    weight: 2,
    apply: (text, random) => splice(text, offset(text, random), 0, random.pick(['😀', '𝔘', '\u{10FFFF}', 'é', '\u2028', '\u0085'])),
  },
  {
    name: 'huge attribute value',
    weight: 2,
    apply: (text, random) => {
      const quotes = [...text.matchAll(/=(['"])/g)];
      const huge = repeatTo(random.pick(['a', '0', '1-3,', '&amp;', ' ', 'x'.repeat(7) + '\u00e9']), random.between(10_000, 1_000_000));
      if (quotes.length === 0) return splice(text, offset(text, random), 0, `x='${huge}'`);
      const quote = random.pick(quotes);
      return splice(text, quote.index + 2, 0, huge);
    },
  },
  {
    name: 'deep nesting',
    weight: 1,
    apply: (text, random) => {
      const depth = random.between(1000, 10_000);
      const name = random.pick(['a', 'devices', 'disk', 'cell', 'x:y']);
      const closed = random.chance(0.5);
      return splice(text, offset(text, random), 0, `<${name}>`.repeat(depth) + (closed ? `</${name}>`.repeat(depth) : ''));
    },
  },
  {
    name: 'five megabytes',
    weight: 0.15,
    apply: (text, random) => {
      // The document's middle repeated to 5 MB: many devices, many lines.
      const start = Math.floor(text.length / 3);
      const middle = text.slice(start, Math.max(start + 1, Math.floor((2 * text.length) / 3)));
      return text.slice(0, start) + repeatTo(middle, 5 * 1024 * 1024) + text.slice(start) + (random.chance(0.5) ? '' : '<');
    },
  },
  { name: 'crlf', weight: 3, apply: (text) => text.replace(/\r?\n/g, '\r\n') },
  { name: 'lone cr', weight: 1, apply: (text, random) => (random.chance(0.5) ? text.replace(/\r?\n/g, '\r') : splice(text, offset(text, random), 0, '\r')) },
  { name: 'bom', weight: 2, apply: (text, random) => (random.chance(0.8) ? `\uFEFF${text}` : splice(text, offset(text, random), 0, '\uFEFF')) },
  {
    name: 'swap lines',
    weight: 2,
    apply: (text, random) => {
      const lines = text.split('\n');
      const a = random.below(lines.length);
      const b = random.below(lines.length);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    },
  },
  {
    name: 'change a value',
    weight: 5,
    apply: (text, random) => {
      const values = [...text.matchAll(/(['"])([^'"<>\n]*)\1|>([^<>\n]+)</g)];
      if (values.length === 0) return text;
      const match = random.pick(values);
      const value = match[2] ?? match[3]!;
      const start = match.index + match[0].indexOf(value, 1);
      // The names of Object's prototype too: a value looked up as a plain object's key found them (core/ownValue.ts).
      const replacement = random.pick(['', '0', '-1', '99999999999999999999999', '1-', '3-1', '^0', '0,,2', 'yes', 'none', 'G', '4G', 'x', 'vda', '1.5', '\u00a0', '&lt;', 'constructor', '__proto__', 'toString', value.toUpperCase(), value + value]);
      return splice(text, start, value.length, replacement);
    },
  },
];

const TOTAL_WEIGHT = MUTATIONS.reduce((sum, mutation) => sum + mutation.weight, 0);

export function pickMutation(random: Random): Mutation {
  let left = random.next() * TOTAL_WEIGHT;
  for (const mutation of MUTATIONS) {
    left -= mutation.weight;
    if (left < 0) return mutation;
  }
  return MUTATIONS[MUTATIONS.length - 1]!;
}
