// XML Schema's numeric types as libxml2 2.9.14 reads them (xmlschemastypes.c), which libvirt validates with:
// - integers keep at most 24 significant digits (leading zeros do not count); a longer one is refused
//   even by xs:integer. libxml2 2.13 and later (ae960cac, "Allow unlimited length decimals, integers")
//   read any length: libxml2-wasm does.
// - the unsigned types take no sign at all ("+1" and "-0" are refused); the signed ones take + or -.
// - decimal: at most 24 digits in all, leading zeros of the integer part aside; "5." and ".5" are decimals.
// - double and float: NaN, INF, -INF (not +INF); otherwise an optional sign, digits with an optional
//   point (at least one digit), then an optional exponent whose digits may be missing ("1e" is 1).
//   NaN orders above every number, as libxml2's comparison puts it, so NaN passes a minInclusive.
import type { ValueType } from './valueType';

/** An integer: a Number when it is a safe integer, otherwise a BigInt (so === compares values). */
export type IntegerValue = number | bigint;

const MAX_SIGNIFICANT_DIGITS = 24;

function canonical(value: bigint): IntegerValue {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/** Reads [sign]digits, sign only when `signed`; undefined when that is not the whole string. */
export function parseInteger(text: string, signed: boolean): IntegerValue | undefined {
  const length = text.length;
  let i = 0;
  let negative = false;
  if (signed && length > 0) {
    const first = text.charCodeAt(0);
    if (first === 0x2d || first === 0x2b) {
      negative = first === 0x2d;
      i = 1;
    }
  }
  if (i === length) return undefined;
  while (i < length && text.charCodeAt(i) === 0x30) i++;
  const start = i;
  let value = 0;
  for (; i < length; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  if (start === length && text.charCodeAt(length - 1) !== 0x30) return undefined;
  const digits = length - start;
  if (digits > MAX_SIGNIFICANT_DIGITS) return undefined;
  if (digits <= 15) return negative && value !== 0 ? -value : value;
  const big = BigInt(text.slice(start));
  return canonical(negative ? -big : big);
}

function integerDigits(value: IntegerValue): { total: number; fraction: number } {
  const text = (value < 0 ? -value : value).toString();
  return { total: text === '0' ? 1 : text.length, fraction: 0 };
}

function compareIntegers(a: IntegerValue, b: IntegerValue): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function integerType(name: string, signed: boolean, min: IntegerValue | undefined, max: IntegerValue | undefined): ValueType<IntegerValue> {
  return {
    name,
    whitespace: 'collapse',
    patternSees: 'written',
    parse(text) {
      const value = parseInteger(text, signed);
      if (value === undefined) return undefined;
      if (min !== undefined && value < min) return undefined;
      if (max !== undefined && value > max) return undefined;
      return value;
    },
    same: (a, b) => a === b,
    order: compareIntegers,
    digits: integerDigits,
  };
}

/**
 * XML Schema's integer types and their bounds (min, max; undefined: none), as decimal strings. The one
 * table: the types below are built from it, and scripts/gen-schema reads it for the generated structure.
 */
export const INTEGER_BOUNDS: Readonly<Record<string, readonly [string | undefined, string | undefined]>> = {
  integer: [undefined, undefined],
  nonNegativeInteger: ['0', undefined],
  positiveInteger: ['1', undefined],
  nonPositiveInteger: [undefined, '0'],
  negativeInteger: [undefined, '-1'],
  long: ['-9223372036854775808', '9223372036854775807'],
  int: ['-2147483648', '2147483647'],
  short: ['-32768', '32767'],
  byte: ['-128', '127'],
  unsignedLong: ['0', '18446744073709551615'],
  unsignedInt: ['0', '4294967295'],
  unsignedShort: ['0', '65535'],
  unsignedByte: ['0', '255'],
};

function bound(text: string | undefined): IntegerValue | undefined {
  return text === undefined ? undefined : parseInteger(text, true);
}

export const INTEGER_TYPES: readonly ValueType<IntegerValue>[] = Object.entries(INTEGER_BOUNDS).map(([name, [min, max]]) =>
  integerType(name, !name.startsWith('unsigned'), bound(min), bound(max)),
);

/** A decimal as an integer scaled by 10^-scale, without trailing fraction zeros. */
export interface DecimalValue {
  readonly unscaled: bigint;
  readonly scale: number;
  readonly total: number;
}

function parseDecimal(text: string): DecimalValue | undefined {
  const match = /^([+-]?)0*([0-9]*)(?:\.([0-9]*))?$/.exec(text);
  if (!match) return undefined;
  const whole = match[2]!;
  const fraction = match[3];
  if (whole === '' && !fraction && !/^[+-]?0/.test(text)) return undefined;
  if (whole.length + (fraction?.length ?? 0) > MAX_SIGNIFICANT_DIGITS) return undefined;
  const kept = (fraction ?? '').replace(/0+$/, '');
  const unscaled = BigInt(whole + kept || '0');
  const digits = (whole + kept).replace(/^0+/, '');
  return { unscaled: match[1] === '-' ? -unscaled : unscaled, scale: kept.length, total: Math.max(digits.length, 1) };
}

function compareDecimals(a: DecimalValue, b: DecimalValue): number {
  const scale = Math.max(a.scale, b.scale);
  const x = a.unscaled * 10n ** BigInt(scale - a.scale);
  const y = b.unscaled * 10n ** BigInt(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const DECIMAL: ValueType<DecimalValue> = {
  name: 'decimal',
  whitespace: 'collapse',
  patternSees: 'written',
  parse: parseDecimal,
  same: (a, b) => compareDecimals(a, b) === 0,
  order: compareDecimals,
  digits: (value) => ({ total: value.total, fraction: value.scale }),
};

/** The value of a double or float as libxml2 2.9.14 reads it (see the head of this file). */
function parseFloating(text: string): number | undefined {
  if (text === 'NaN') return NaN;
  if (text === 'INF') return Infinity;
  if (text === '-INF') return -Infinity;
  const length = text.length;
  let i = 0;
  const first = text.charCodeAt(0);
  if (first === 0x2d || first === 0x2b) i = 1;
  const mantissaStart = i;
  let digits = 0;
  while (i < length && isDigit(text.charCodeAt(i))) (i++, digits++);
  if (text.charCodeAt(i) === 0x2e) {
    i++;
    while (i < length && isDigit(text.charCodeAt(i))) (i++, digits++);
  }
  if (digits === 0) return undefined;
  const mantissaEnd = i;
  let exponent = '';
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    const sign = text.charCodeAt(++i);
    if (sign === 0x2d || sign === 0x2b) i++;
    const exponentDigits = i;
    while (i < length && isDigit(text.charCodeAt(i))) i++;
    if (i > exponentDigits) exponent = text.slice(mantissaEnd + 1, i);
  }
  if (i !== length) return undefined;
  if (mantissaEnd === length) return Number(text);
  const mantissa = text.slice(mantissaStart, mantissaEnd);
  const value = Number(exponent === '' ? mantissa : `${mantissa}e${exponent}`);
  return first === 0x2d ? -value : value;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** libxml2's order: NaN equals NaN and is above everything else; -0 equals 0. */
function compareFloating(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export const DOUBLE: ValueType<number> = {
  name: 'double',
  whitespace: 'collapse',
  patternSees: 'written',
  parse: parseFloating,
  same: (a, b) => compareFloating(a, b) === 0,
  order: compareFloating,
};

export const FLOAT: ValueType<number> = {
  ...DOUBLE,
  name: 'float',
  parse(text) {
    const value = parseFloating(text);
    return value === undefined ? undefined : Math.fround(value);
  },
};
