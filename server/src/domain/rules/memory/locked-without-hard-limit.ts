import type { FixSpec, SpanEdit } from '../../../core/types';
import { guide, libvirt } from '../../../kb/sources';
import { formatKiB } from '../../../kb/units';
import { childElements, firstChild } from '../../../xml/query';
import type { XmlElement } from '../../../xml/types';
import type { DomainRule, DomainRuleContext } from '../context';
import { guestMemoryKiB, runsOnQemu } from '../guest';
import { QEMU_ALLOWANCE_KIB } from './limits';
import { hasCompleteContent } from '../structure/values';
import { documentQuote, indentStep, lineIndent } from './layout';

/**
 * VT120: `<memoryBacking><locked/>` without `<memtune><hard_limit>`. libvirt accepts it, but then
 * removes the QEMU process's locked-memory limit altogether, so the guest can pin as much host memory
 * as it likes; guide 8.2.2 and libvirt both ask for a hard_limit with locked.
 */
export const lockedWithoutHardLimit: DomainRule = {
  meta: {
    code: 'VT120',
    name: 'locked-without-hard-limit',
    title: 'Locked guest memory needs a <memtune> hard_limit',
    severity: 'warning',
    sources: [
      guide('8.2.2', 'Memory Tuning with virsh'),
      libvirt('memory-backing', 'Memory Backing'),
      libvirt('memory-tuning', 'Memory Tuning'),
    ],
    fixable: true,
  },
  paths: ['domain/memoryBacking/locked'],
  check(context, report) {
    const { model } = context;
    const locked = model.memoryBacking?.locked;
    // The unlimited locked memory is the QEMU driver's doing; other drivers lock memory their own way.
    if (!locked || !runsOnQemu(model)) return;
    const memtune = model.memtune?.element;
    if (memtune && firstChild(memtune, 'hard_limit')) return;
    report({
      span: locked.span,
      message:
        '<locked/> keeps all guest memory in host RAM, and with no hard_limit in <memtune> libvirt lifts the ' +
        "QEMU process's locked-memory limit entirely: the guest can pin as much host memory as it likes. " +
        "Set a hard_limit of the guest's memory plus QEMU's own share (guide 8.2.2).",
      fixes: hardLimitFix(context, memtune),
    });
  },
};

function hardLimitFix(context: DomainRuleContext, memtune: XmlElement | undefined): FixSpec[] {
  const { model, text } = context;
  // With memory hotplug the guest may grow to <maxMemory>; the limit has to allow for that.
  const guestKiB = model.maxMemory?.kib ?? guestMemoryKiB(model);
  const memoryBacking = model.memoryBacking?.element;
  if (guestKiB === undefined || !memoryBacking) return [];
  const limitKiB = Math.ceil(guestKiB) + QEMU_ALLOWANCE_KIB;
  const quote = documentQuote(model.root);
  const hardLimit = `<hard_limit unit=${quote}KiB${quote}>${limitKiB}</hard_limit>`;
  const step = indentStep(text, memoryBacking, model.root);
  const edit = memtune ? insertIntoMemtune(text, memtune, hardLimit, step) : insertMemtune(text, memoryBacking, hardLimit, step);
  if (!edit) return [];
  return [{ title: `Add a hard_limit of ${formatKiB(limitKiB)} (guest memory ${formatKiB(guestKiB)} + 1 GiB for QEMU)`, edits: [edit] }];
}

/** A new `<memtune>` just before `<memoryBacking>`, where libvirt itself writes it. */
function insertMemtune(text: string, memoryBacking: XmlElement, hardLimit: string, step: string): SpanEdit {
  const indent = lineIndent(text, memoryBacking.span.start);
  const at = memoryBacking.span.start;
  return { span: { start: at, end: at }, newText: `<memtune>\n${indent}${step}${hardLimit}\n${indent}</memtune>\n${indent}` };
}

/** The hard_limit as the first child of an existing `<memtune>`. */
function insertIntoMemtune(text: string, memtune: XmlElement, hardLimit: string, step: string): SpanEdit | undefined {
  if (!hasCompleteContent(memtune)) return undefined;
  const indent = lineIndent(text, memtune.span.start);
  const first = childElements(memtune)[0];
  if (first) {
    const at = first.span.start;
    return { span: { start: at, end: at }, newText: `${hardLimit}\n${lineIndent(text, at) || indent + step}` };
  }
  const tagEnd = memtune.startTagSpan.end;
  if (memtune.selfClosing) {
    // `<memtune/>`: open it (the '/>' becomes '>') and close it after the new child.
    return { span: { start: tagEnd - 2, end: tagEnd }, newText: `>\n${indent}${step}${hardLimit}\n${indent}</memtune>` };
  }
  const contentEnd = memtune.endTagSpan!.start;
  if (text.slice(tagEnd, contentEnd).trim() === '') {
    return { span: { start: tagEnd, end: contentEnd }, newText: `\n${indent}${step}${hardLimit}\n${indent}` };
  }
  // Only comments or text inside: keep them, put the child in front.
  return { span: { start: tagEnd, end: tagEnd }, newText: `\n${indent}${step}${hardLimit}` };
}
