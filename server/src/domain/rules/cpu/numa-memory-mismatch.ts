import type { FixSpec, SpanEdit } from '../../../core/types';
import { guide, libvirt } from '../../../kb/sources';
import { formatKiB, toKiB } from '../../../kb/units';
import { attribute } from '../../../xml/query';
import type { Span } from '../../../core/span';
import type { XmlDocument } from '../../../xml/types';
import type { MemorySize } from '../../model';
import type { DomainRule } from '../context';
import { hasMemoryDevices, numaMemoryKiB, sizeSpan, soundAttribute } from '../guest';
import { replaceValue } from '../edits';

/**
 * VT135: `<memory>` differs from the sum of the guest NUMA cells' memory. libvirt does not refuse it:
 * when a domain is defined or created it sets `<memory>` to the cells' sum (virDomainDefPostParseMemory
 * with ABI updates allowed; formatdomain lets `<memory>` be left out with NUMA for that reason). So the
 * `<memory>` written is not what the guest gets: a warning. Guests with `<memory>` devices (their sizes
 * count into `<memory>` too) are left alone.
 */
export const numaMemoryMismatch: DomainRule = {
  meta: {
    code: 'VT135',
    name: 'numa-memory-mismatch',
    title: "<memory> should equal the sum of the guest NUMA cells' memory",
    severity: 'warning',
    sources: [libvirt('memory-allocation', 'Memory Allocation'), libvirt('cpu-model-and-topology', 'CPU model and topology'), guide('9.3.9', 'Guest NUMA Topology')],
    fixable: true,
    libvirt: { stage: 'accepted' },
  },
  paths: ['domain/cpu/numa/cell'],
  check(context, report) {
    const { model } = context;
    const memory = model.memory;
    const cellsKiB = numaMemoryKiB(model);
    if (!memory || cellsKiB === undefined || memory.kib === cellsKiB || hasMemoryDevices(model)) return;
    const span = sizeSpan(context.xml, memory);
    if (!span) return;
    const cellCount = model.cpu!.cells.length;
    const cells = cellCount === 1 ? 'the one NUMA cell has' : `the ${cellCount} NUMA cells add up to`;
    report({
      span,
      message:
        `<memory> says ${formatKiB(memory.kib)}, but ${cells} ${formatKiB(cellsKiB)}: when the domain is defined, libvirt sets <memory> to the cells' sum, so the guest ` +
        `gets ${formatKiB(cellsKiB)}, not the ${formatKiB(memory.kib)} written here.`,
      fixes: matchFix(context.xml, memory, span, cellsKiB),
    });
  },
};

/** `<memory>` set to the cells' sum, in its own unit when the sum is a whole number of it, else in KiB. */
function matchFix(xml: XmlDocument, memory: MemorySize, span: Span, cellsKiB: number): FixSpec[] {
  const unitKiB = toKiB(1, memory.unit);
  const inUnit = unitKiB === undefined ? undefined : cellsKiB / unitKiB;
  const edits: SpanEdit[] = [];
  if (inUnit !== undefined && Number.isInteger(inUnit)) {
    edits.push({ span, newText: String(inUnit) });
  } else {
    if (!Number.isInteger(cellsKiB)) return [];
    const unit = attribute(memory.element, 'unit');
    if (unit) {
      const edit = soundAttribute(xml, unit) ? replaceValue(unit, 'KiB') : undefined;
      if (!edit) return [];
      edits.push(edit);
    }
    edits.push({ span, newText: String(cellsKiB) });
  }
  return [{ title: `Set <memory> to ${formatKiB(cellsKiB)}, the cells' sum`, edits, isPreferred: true }];
}
