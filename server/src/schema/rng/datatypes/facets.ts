// A built-in type restricted by the facets RelaxNG passes as <param>s. Every param must hold: several
// patterns all apply (as libxml2 checks them, one facet per param).
import type { Datatype, DatatypeParam } from './index';
import type { ValueType } from './valueType';
import { applyWhitespace, collapse, replaceWhitespace } from './whitespace';
import { compileXsdRegex } from './xsdRegex';

interface Facets<V> {
  patterns: RegExp[];
  minLength: number;
  maxLength: number;
  lower?: { value: V; inclusive: boolean }[];
  upper?: { value: V; inclusive: boolean }[];
  totalDigits: number;
  fractionDigits: number;
}

const LENGTH_PARAM = /^[0-9]+$/;

/** The Datatype for `base` with `params` applied, or a message saying which param is wrong. */
export function restrict<V>(base: ValueType<V>, params: readonly DatatypeParam[]): Datatype | string {
  const facets: Facets<V> = { patterns: [], minLength: 0, maxLength: Infinity, totalDigits: Infinity, fractionDigits: Infinity };
  for (const param of params) {
    const problem = addFacet(base, facets, param);
    if (problem) return `param ${param.name} of ${base.name}: ${problem}`;
  }
  return datatype(base, facets);
}

function addFacet<V>(base: ValueType<V>, facets: Facets<V>, { name, value }: DatatypeParam): string | undefined {
  switch (name) {
    case 'pattern': {
      const regex = compileXsdRegex(value);
      if (typeof regex === 'string') return regex;
      facets.patterns.push(regex);
      return undefined;
    }
    case 'length':
    case 'minLength':
    case 'maxLength': {
      if (!base.length) return `${base.name} has no length`;
      const text = collapse(value);
      if (!LENGTH_PARAM.test(text)) return `"${value}" is not a non-negative integer`;
      const length = Number(text);
      if (name !== 'maxLength') facets.minLength = Math.max(facets.minLength, length);
      if (name !== 'minLength') facets.maxLength = Math.min(facets.maxLength, length);
      return undefined;
    }
    case 'minInclusive':
    case 'minExclusive':
    case 'maxInclusive':
    case 'maxExclusive': {
      if (!base.order) return `${base.name} is not ordered`;
      const bound = base.parse(applyWhitespace(base.whitespace, value));
      if (bound === undefined) return `"${value}" is not a ${base.name}`;
      const side = name.startsWith('min') ? (facets.lower ??= []) : (facets.upper ??= []);
      side.push({ value: bound, inclusive: name.endsWith('Inclusive') });
      return undefined;
    }
    case 'totalDigits':
    case 'fractionDigits': {
      if (!base.digits) return `${base.name} has no digits to count`;
      const text = collapse(value);
      if (!LENGTH_PARAM.test(text) || (name === 'totalDigits' && Number(text) === 0)) return `"${value}" is not a ${name === 'totalDigits' ? 'positive' : 'non-negative'} integer`;
      if (name === 'totalDigits') facets.totalDigits = Math.min(facets.totalDigits, Number(text));
      else facets.fractionDigits = Math.min(facets.fractionDigits, Number(text));
      return undefined;
    }
    case 'enumeration':
    case 'whiteSpace':
      return 'RelaxNG does not allow this facet as a param (use <value> or <choice> instead)';
    default:
      return 'no such facet';
  }
}

function datatype<V>(base: ValueType<V>, facets: Facets<V>): Datatype {
  const { whitespace, patternSees } = base;
  const process = whitespace === 'collapse' ? collapse : whitespace === 'replace' ? replaceWhitespace : undefined;
  const parse = (raw: string): V | undefined => base.parse(process ? process(raw) : raw);
  const equal = (a: string, b: string): boolean => {
    if (a === b) return true;
    const x = parse(a);
    const y = parse(b);
    return x !== undefined && y !== undefined && base.same(x, y);
  };
  const { patterns, minLength, maxLength, lower, upper, totalDigits, fractionDigits } = facets;
  const checksLength = minLength > 0 || maxLength < Infinity;
  const checksDigits = totalDigits < Infinity || fractionDigits < Infinity;
  if (patterns.length === 0 && !checksLength && !lower && !upper && !checksDigits) {
    return { allows: (raw) => parse(raw) !== undefined, equal };
  }
  const order = base.order;
  return {
    allows(raw) {
      const processed = process ? process(raw) : raw;
      const value = base.parse(processed);
      if (value === undefined) return false;
      const subject = patternSees === 'written' ? raw : processed;
      for (let i = 0; i < patterns.length; i++) if (!patterns[i]!.test(subject)) return false;
      if (checksLength) {
        const length = base.length!(processed, value);
        if (length < minLength || length > maxLength) return false;
      }
      if (lower) {
        for (const bound of lower) {
          const relation = order!(value, bound.value);
          if (!(bound.inclusive ? relation >= 0 : relation > 0)) return false;
        }
      }
      if (upper) {
        for (const bound of upper) {
          const relation = order!(value, bound.value);
          if (!(bound.inclusive ? relation <= 0 : relation < 0)) return false;
        }
      }
      if (checksDigits) {
        const digits = base.digits!(value);
        if (digits.total > totalDigits || digits.fraction > fractionDigits) return false;
      }
      return true;
    },
    equal,
  };
}
