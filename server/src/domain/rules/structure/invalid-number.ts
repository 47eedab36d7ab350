import type { FixSpec } from '../../../core/types';
import { guide, libvirt } from '../../../kb/sources';
import { memoryUnit } from '../../../kb/units';
import { attribute, elementText } from '../../../xml/query';
import type { DomainRule } from '../context';
import { hasCompleteContent, type TypedValue } from './values';

const INTEGER = /^-?[0-9]+$/;
const UNSIGNED = /^[0-9]+$/;
/** `4G`, `512 MiB`: a size with its unit glued on, which libvirt wants in `unit=`. */
const SIZE_WITH_UNIT = /^([0-9]+)\s*([A-Za-z]+)$/;

/**
 * VT105: a number libvirt cannot read or refuses: not an integer, outside the range libvirt (or the
 * kernel behind it) accepts, or a memory size that is not a plain unsigned integer. Also an element
 * whose text must be such a number and is empty.
 */
export const invalidNumber: DomainRule = {
  meta: {
    code: 'VT105',
    name: 'invalid-number',
    title: 'Numbers must be integers within the range libvirt accepts',
    severity: 'error',
    sources: [
      libvirt('block-i-o-tuning', 'Block I/O Tuning'),
      libvirt('setting-nic-driver-specific-options', 'Setting NIC driver-specific options'),
      libvirt('cpu-allocation', 'CPU Allocation'),
      libvirt('memory-allocation', 'Memory Allocation'),
      guide('7.1', 'Block I/O Tuning'),
      guide('5.4.2.1', 'Configuring Multi-Queue virtio-net'),
      guide('9.3.3', 'Domain Processes'),
    ],
    fixable: true,
    libvirt: { stage: 'define', says: 'Invalid value' },
  },
  visit: {
    values: {
      kinds: ['integer', 'memory'],
      visit(typed, _context, report) {
        if (typed.type.kind === 'integer') {
          const problem = integerProblem(typed.value, typed.type.min, typed.type.max);
          if (problem) report({ span: typed.span, message: `libvirt does not accept ${typed.subject}: ${problem}.` });
        } else if (!isSize(typed.value)) {
          report({
            span: typed.span,
            message: `libvirt does not accept ${typed.subject}: a size is a whole number, and its unit goes in unit='...'.`,
            fixes: unitSplitFix(typed),
          });
        }
      },
      fine(type) {
        if (type.kind !== 'integer') return isSize;
        const { min, max } = type;
        return (value) => integerProblem(value, min, max) === undefined;
      },
    },
    noText(element, spec, _context, report) {
      const kind = spec.text?.kind;
      if ((kind !== 'integer' && kind !== 'memory') || !hasCompleteContent(element) || elementText(element)) return;
      // Child elements where a number belongs are VT101/VT102's finding; one mistake, one finding.
      if (element.children.some((child) => child.kind === 'element')) return;
      report({
        span: element.nameSpan,
        message: `<${element.name}> is empty: libvirt needs ${kind === 'memory' ? 'a size' : 'a number'} here.`,
      });
    },
  },
};

/** What libvirt takes instead of a wrong integer, as the end of a sentence; undefined when it is fine. */
function integerProblem(value: string, min: number | undefined, max: number | undefined): string | undefined {
  if (!INTEGER.test(value)) {
    const range = rangeText(min, max);
    return range ? `it takes an integer, ${range}` : 'it takes an integer';
  }
  if (min === undefined && max === undefined) return undefined;
  // libvirt's unsigned long values go beyond what a double holds exactly: up to 15 digits a Number is
  // exact (the bounds are safe integers), beyond that compare as BigInt.
  const outside = value.length <= 15
    ? (min !== undefined && Number(value) < min) || (max !== undefined && Number(value) > max)
    : (min !== undefined && BigInt(value) < BigInt(min)) || (max !== undefined && BigInt(value) > BigInt(max));
  return outside ? `it takes ${rangeText(min, max)}` : undefined;
}

function rangeText(min: number | undefined, max: number | undefined): string | undefined {
  if (min !== undefined && max !== undefined) return `${min} to ${max}`;
  if (min !== undefined) return `${min} or more`;
  if (max !== undefined) return `${max} or less`;
  return undefined;
}

/** Any unsigned integer, as libvirt's schema takes it (an unsignedLong; libvirt caps it at its own limit). */
function isSize(value: string): boolean {
  return UNSIGNED.test(value);
}

/**
 * `<memory>4G</memory>` -> `<memory unit='G'>4</memory>`, when the element has no `unit` yet (one
 * already there would make the intent unclear) and the suffix is a unit libvirt knows.
 */
function unitSplitFix(typed: TypedValue): FixSpec[] {
  const match = SIZE_WITH_UNIT.exec(typed.value);
  if (!match || !typed.verbatim || attribute(typed.element, 'unit')) return [];
  if (typed.spec.attributesKnown && !typed.spec.attributes.some((known) => known.name === 'unit')) return [];
  const number = match[1]!;
  const unitName = match[2]!;
  if (!memoryUnit(unitName)) return [];
  const quote = typed.attribute?.quote ?? preferredQuote(typed);
  const nameEnd = typed.element.nameSpan.end;
  return [{
    title: `Write ${number} with unit=${quote}${unitName}${quote}`,
    edits: [
      { span: { start: nameEnd, end: nameEnd }, newText: ` unit=${quote}${unitName}${quote}` },
      { span: typed.span, newText: number },
    ],
    isPreferred: true,
  }];
}

/** The quote the element's other attributes use, else a single quote as libvirt writes. */
function preferredQuote(typed: TypedValue): '"' | "'" {
  return typed.element.attributes.find((other) => other.quote)?.quote ?? "'";
}
