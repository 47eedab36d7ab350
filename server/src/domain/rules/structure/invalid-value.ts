import { closestNames } from '../../../core/similarity';
import type { FixSpec } from '../../../core/types';
import { guide, libvirt } from '../../../kb/sources';
import type { ValueType } from '../../../kb/types';
import { valueChoices } from '../../../kb/specLookup';
import { memoryUnit } from '../../../kb/units';
import type { DomainRule } from '../context';
import { listOf, type TypedValue } from './values';
import { ownValue } from '../../../core/ownValue';

/** Words people write for yes/no and on/off, and the one libvirt wants. */
const SYNONYMS: Readonly<Record<'yesno' | 'onoff', Readonly<Record<string, string>>>> = {
  yesno: { true: 'yes', on: 'yes', '1': 'yes', enable: 'yes', enabled: 'yes', false: 'no', off: 'no', '0': 'no', disable: 'no', disabled: 'no' },
  onoff: { true: 'on', yes: 'on', '1': 'on', enable: 'on', enabled: 'on', false: 'off', no: 'off', '0': 'off', disable: 'off', disabled: 'off' },
};

/**
 * VT104: a value outside the words libvirt accepts there: an enumeration (`cache`, `io`, `mode`,
 * `placement`, ...), yes/no, on/off, or a memory unit. libvirt refuses the domain.
 */
export const invalidValue: DomainRule = {
  meta: {
    code: 'VT104',
    name: 'invalid-value',
    title: 'Values must be among those libvirt accepts',
    severity: 'error',
    sources: [
      libvirt('hard-drives-floppy-disks-cdroms', 'Hard drives, floppy disks, CDROMs'),
      libvirt('memory-allocation', 'Memory Allocation'),
      libvirt('numa-node-tuning', 'NUMA Node Tuning'),
      libvirt('cpu-allocation', 'CPU Allocation'),
      guide('7.2', 'Caching'),
      guide('7.3', 'I/O Mode'),
      guide('9.3.3', 'Domain Processes'),
    ],
    fixable: true,
    libvirt: { stage: 'define', says: "Unsupported NUMA memory tuning mode 'prefered'" },
  },
  visit: {
    values: {
      // The kinds valueChoices lists words for.
      kinds: ['enum', 'yesno', 'onoff', 'memoryUnit'],
      visit(typed, _context, report) {
        const words = acceptedValues(typed.type);
        if (!words || accepts(typed.type, words, typed.value)) return;
        const accepted = words.list;
        const suggestions = suggestionsFor(typed.type, accepted, typed.value);
        const hint = suggestions.length > 0 ? ` Did you mean ${listOf(suggestions.map((value) => `'${value}'`), 'or')}?` : '';
        report({
          span: typed.span,
          message: `libvirt does not accept ${typed.subject}: it takes ${describeAccepted(typed.type, accepted)}.${hint}`,
          fixes: typed.verbatim ? suggestions.map((value) => replaceFix(typed, value, suggestions.length === 1)) : [],
        });
      },
      fine(type) {
        const words = acceptedValues(type);
        return words ? (value) => accepts(type, words, value) : () => true;
      },
    },
  },
};

/** The words a type accepts; undefined for open types (numbers, lists, text), which this rule does not judge. */
function acceptedValues(type: ValueType): AcceptedWords | undefined {
  let words = acceptedByType.get(type);
  if (words === undefined) {
    const choices = valueChoices(type);
    const list = choices.map((choice) => choice.value);
    words = list.length > 0 ? { list, set: new Set(list) } : null;
    acceptedByType.set(type, words);
  }
  return words ?? undefined;
}

interface AcceptedWords {
  /** In the schema's order, for messages and suggestions. */
  list: readonly string[];
  set: ReadonlySet<string>;
}

/** The structure's value types are made once, so the words each accepts are listed once. */
const acceptedByType = new WeakMap<ValueType, AcceptedWords | null>();

/** libvirt compares memory units without regard to case; the other words must match exactly. */
function accepts(type: ValueType, words: AcceptedWords, value: string): boolean {
  if (type.kind === 'memoryUnit') return memoryUnit(value) !== undefined;
  const { list } = words;
  if (list.length > SHORT_LIST) return words.set.has(value);
  // A value is a new string of the parse, so a set would hash it first; comparing with a few words
  // mostly stops at their lengths.
  for (let i = 0; i < list.length; i++) if (list[i] === value) return true;
  return false;
}

/** Up to this many words, `accepts` compares with each instead of hashing the value. */
const SHORT_LIST = 12;

function describeAccepted(type: ValueType, accepted: readonly string[]): string {
  if (type.kind === 'memoryUnit') {
    return "a memory unit such as 'KiB', 'MiB', 'GiB', 'TiB' (also 'k', 'M', 'G', 'T'), which count in powers of 1024, " +
      "'KB', 'MB', 'GB', 'TB', which count in powers of 1000, or 'b' (bytes)";
  }
  return listOf(accepted.map((value) => `'${value}'`), 'or');
}

function suggestionsFor(type: ValueType, accepted: readonly string[], value: string): string[] {
  if (type.kind === 'yesno' || type.kind === 'onoff') {
    const synonym = ownValue(SYNONYMS[type.kind], value.toLowerCase());
    if (synonym) return [synonym];
  }
  return closestNames(value, accepted);
}

function replaceFix(typed: TypedValue, value: string, isPreferred: boolean): FixSpec {
  return {
    title: `Change '${typed.value}' to '${value}'`,
    edits: [{ span: typed.span, newText: value }],
    ...(isPreferred ? { isPreferred: true } : {}),
  };
}
