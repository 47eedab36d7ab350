// The schema cache file's layout (encode.ts writes it, decode.ts reads and checks it):
//   MAGIC (8 bytes) | header length (uint32 LE) | body length in int32s (uint32 LE) | checksum of what
//   follows (8 bytes, `checksum`) | header (JSON, UTF-8, padded with spaces to a multiple of 4) | body (int32s).
// The header holds what the cache is valid for, the strings, name classes, datatypes and the grammar's
// lists; the body holds the schema's patterns, PATTERN_FIELDS ints each, by id.
import type { DatatypeParam } from '../datatypes';
import type { NameClass } from '../nameClass';

export const MAGIC = Buffer.from('VTRNGC\u0000\u0001', 'latin1');
export const PREAMBLE_BYTES = MAGIC.length + 4 + 4 + 8;

/**
 * Two FNV-1a-like lanes over 32-bit words: catches a damaged or cut file (not a forged one: whoever can
 * write the user's cache folder can write its code cache too). node:crypto would cost more to load
 * than a one-file run spends on the whole cache.
 */
export function checksum(words: Int32Array): Buffer {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    a = Math.imul(a ^ word, 0x01000193);
    b = Math.imul(b ^ word, 0x5bd1e995) ^ (b >>> 15);
  }
  const digest = Buffer.alloc(8);
  digest.writeInt32LE(a, 0);
  digest.writeInt32LE(b, 4);
  return digest;
}

/** The bytes from `from` on as 32-bit words (a copy: a file's bytes need not be aligned for an Int32Array). */
export function wordsOf(bytes: Uint8Array, from: number): Int32Array {
  const words = new Int32Array((bytes.length - from) >> 2);
  new Uint8Array(words.buffer).set(bytes.subarray(from, from + words.length * 4));
  return words;
}

/** Per pattern: kind, a, b, names, datatype, value, place (indexes in the header's lists), content; -1 for none. */
export const PATTERN_FIELDS = 8;

/** A name class in JSON: [0, ns, local] | [1, except] | [2, ns, except] | [3, a, b] (except: a class or null). */
export type EncodedNameClass = [0, string, string] | [1, EncodedNameClass | null] | [2, string, EncodedNameClass | null] | [3, EncodedNameClass, EncodedNameClass];

export interface Header {
  /** The build that wrote the cache (store.ts): no other reads it. */
  build: string;
  path: string;
  /** Every file the schema was read from, with its identity when it was read (store.ts). */
  files: { path: string; stamp: string }[];
  strings: string[];
  names: EncodedNameClass[];
  datatypes: [string, string, DatatypeParam[]][];
  patterns: number;
  start: number;
  elements: number[];
  interleaves: [number, number[]][];
  choices: [number, number[]][];
}

export function encodeNameClass(names: NameClass): EncodedNameClass {
  switch (names.kind) {
    case 'name':
      return [0, names.ns, names.local];
    case 'anyName':
      return [1, names.except ? encodeNameClass(names.except) : null];
    case 'nsName':
      return [2, names.ns, names.except ? encodeNameClass(names.except) : null];
    case 'choice':
      return [3, encodeNameClass(names.a), encodeNameClass(names.b)];
  }
}
