// Turns the pattern an attribute (or an element's text) takes into a value type, the shape the loader
// types as SchemaValue (server/src/kb/schema/types.ts). Value types are deduplicated into a table.
import { importServerSource } from './server-source.mjs';
import { xsdToJsRegex } from './xsd-regex.mjs';

const XSD = 'http://www.w3.org/2001/XMLSchema-datatypes';

/** libvirt defines with a meaning of their own; recognized by name, wherever they are referenced. */
const NAMED_DEFINES = {
  virYesNo: () => ({ kind: 'yesno' }),
  virOnOff: () => ({ kind: 'onoff' }),
  unit: (pattern) => ({ kind: 'memoryUnit', pattern: patternOf(pattern) }),
  cpuset: (pattern) => ({ kind: 'cpuset', pattern: patternOf(pattern) }),
};

/** XML Schema integer types and their bounds: the validator's own table (one table for both). */
const { INTEGER_BOUNDS: INTEGER_TYPES } = await importServerSource('schema/rng/datatypes/numbers.ts');

export class ValueTable {
  constructor() {
    this.values = [];
    this.index = new Map();
    this.memo = new WeakMap();
    /** Patterns JavaScript cannot run as they are: xsd -> reason. */
    this.unconverted = new Map();
  }

  /** The table id of the value type of an attribute's content (or of text content patterns). */
  idOf(patterns) {
    return this.intern(this.valueOfPatterns(patterns));
  }

  /** The value type any of the patterns accepts. */
  valueOfPatterns(patterns) {
    return union(patterns.map((pattern) => this.convert(pattern)).filter(Boolean)) ?? { kind: 'text' };
  }

  intern(value) {
    const key = JSON.stringify(value);
    let id = this.index.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.index.set(key, id);
    }
    return id;
  }

  /** The value type a pattern accepts; undefined for notAllowed. */
  convert(pattern) {
    let value = this.memo.get(pattern);
    if (value === undefined && !this.memo.has(pattern)) {
      value = this.convertUncached(pattern);
      this.memo.set(pattern, value);
    }
    return value;
  }

  convertUncached(pattern) {
    switch (pattern.t) {
      case 'ref': {
        const named = NAMED_DEFINES[pattern.name];
        const definition = pattern.scope.define(pattern.name);
        return named ? named(definition) : this.convert(definition);
      }
      case 'start':
        return this.convert(pattern.scope.start());
      case 'choice':
        return union(pattern.items.map((item) => this.convert(item)).filter(Boolean));
      case 'value':
        return { kind: 'enum', values: [pattern.type === 'token' ? collapse(pattern.value) : pattern.value] };
      case 'empty':
        return { kind: 'enum', values: [''] };
      case 'text':
        return { kind: 'text' };
      case 'notAllowed':
        return undefined;
      case 'data':
        return this.data(pattern);
      case 'list': {
        const item = pattern.item.t === 'oneOrMore' || pattern.item.t === 'zeroOrMore' ? pattern.item.item : pattern.item;
        return { kind: 'list', item: this.convert(item) ?? { kind: 'text' } };
      }
      default:
        // group/interleave/oneOrMore of values outside a <list>: not a single value; accept any text.
        return { kind: 'text', note: `unrepresented ${pattern.t} of values` };
    }
  }

  data(pattern) {
    const params = new Map(pattern.params.map((param) => [param.name, param.value]));
    const patterns = pattern.params.filter((param) => param.name === 'pattern');
    if (patterns.length > 1) throw new Error('a <data> with several pattern params: extend the generator');
    const regex = patterns.length === 1 ? this.regex(patterns[0].value) : undefined;
    const except = pattern.except ? this.convert(pattern.except) : undefined;
    const excluded = except?.kind === 'enum' ? except.values : undefined;
    if (except && !excluded) throw new Error('a <data> <except> that is not a list of values: extend the generator');
    const type = pattern.library === XSD ? pattern.type : `${pattern.library}#${pattern.type}`;
    const bounds = INTEGER_TYPES[type];
    if (bounds) {
      return dropUndefined({
        kind: 'integer',
        datatype: type,
        min: maxOf(bounds[0], params.get('minInclusive'), plusOne(params.get('minExclusive'))),
        max: minOf(bounds[1], params.get('maxInclusive'), plusOne(params.get('maxExclusive'), -1n)),
        pattern: regex,
        except: excluded,
      });
    }
    if (type === 'string' || type === 'token' || type === 'normalizedString') {
      const length = params.get('length');
      return dropUndefined({
        kind: regex ? 'pattern' : 'text',
        pattern: regex,
        whitespace: type === 'string' ? undefined : type === 'token' ? 'collapse' : 'replace',
        minLength: numberOrUndefined(params.get('minLength') ?? length),
        maxLength: numberOrUndefined(params.get('maxLength') ?? length),
        except: excluded,
      });
    }
    return dropUndefined({ kind: 'data', datatype: type, pattern: regex, except: excluded });
  }

  regex(xsd) {
    const converted = xsdToJsRegex(xsd);
    if ('unconverted' in converted) this.unconverted.set(xsd, converted.unconverted);
    return { xsd, ...converted };
  }
}

function patternOf(definition) {
  const data = definition.t === 'data' ? definition : undefined;
  const param = data?.params.find((candidate) => candidate.name === 'pattern');
  if (!param) return undefined;
  const converted = xsdToJsRegex(param.value);
  return { xsd: param.value, ...converted };
}

/** The union of value types; enums merge, free text absorbs everything, yes/no and on/off stay named. */
export function union(values) {
  const members = [];
  const enumValues = [];
  for (const value of values.flatMap((value) => (value.kind === 'union' ? value.of : [value]))) {
    if (isFreeText(value)) return value;
    const listed = enumValuesOf(value);
    if (listed) {
      for (const item of listed) if (!enumValues.includes(item)) enumValues.push(item);
    } else if (!members.some((member) => JSON.stringify(member) === JSON.stringify(value))) {
      members.push(value);
    }
  }
  if (enumValues.length > 0) members.unshift(namedEnum(enumValues));
  if (members.length === 0) return undefined;
  return members.length === 1 ? members[0] : { kind: 'union', of: members };
}

function isFreeText(value) {
  return value.kind === 'text' && value.minLength === undefined && value.maxLength === undefined && !value.except;
}

/** The values an enum, yes/no or on/off lists; undefined for other value types. */
export function enumValuesOf(value) {
  if (value.kind === 'enum') return value.values;
  if (value.kind === 'yesno') return ['yes', 'no'];
  if (value.kind === 'onoff') return ['on', 'off'];
  return undefined;
}

function namedEnum(values) {
  const sorted = [...values].sort().join(' ');
  if (sorted === 'no yes') return { kind: 'yesno' };
  if (sorted === 'off on') return { kind: 'onoff' };
  return { kind: 'enum', values };
}

function collapse(text) {
  return text.replace(/[ \t\n\r]+/g, ' ').trim();
}

function dropUndefined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

function numberOrUndefined(text) {
  return text === undefined ? undefined : Number(text.trim());
}

function plusOne(text, delta = 1n) {
  return text === undefined ? undefined : String(BigInt(text.trim()) + delta);
}

function maxOf(...texts) {
  const numbers = texts.filter((text) => text !== undefined).map((text) => BigInt(text.trim()));
  return numbers.length === 0 ? undefined : String(numbers.reduce((a, b) => (b > a ? b : a)));
}

function minOf(...texts) {
  const numbers = texts.filter((text) => text !== undefined).map((text) => BigInt(text.trim()));
  return numbers.length === 0 ? undefined : String(numbers.reduce((a, b) => (b < a ? b : a)));
}
