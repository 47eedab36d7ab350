import type { Whitespace } from './whitespace';

/** One XML Schema built-in type: its lexical space, value space and which facets apply to it. */
export interface ValueType<V> {
  readonly name: string;
  readonly whitespace: Whitespace;
  /**
   * What a pattern is matched against. The XSD spec says the whitespace-processed value; libxml2 2.9.14
   * (the library libvirt validates with) does that only for the string-derived types and matches the
   * value as written for the others (numbers, booleans, dates, anyURI, QName, binaries), so " 5" fails
   * [0-9]+ there although it is an unsignedInt. We side with libxml2 (xmlschemastypes.c, the PATTERN case
   * of xmlSchemaValidateFacetInternal).
   */
  readonly patternSees: 'processed' | 'written';
  /** The value of a whitespace-processed lexical form, or undefined when it is not one. */
  parse(processed: string): V | undefined;
  same(a: V, b: V): boolean;
  /** Order for the min/max facets (negative, 0, positive; NaN when incomparable); absent when unordered. */
  order?(a: V, b: V): number;
  /** Length for the length facets; absent when they do not apply. */
  length?(processed: string, value: V): number;
  /** Digits for totalDigits and fractionDigits; absent when they do not apply. */
  digits?(value: V): { total: number; fraction: number };
}
