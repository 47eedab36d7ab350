import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../../../server/src/xml/parser';
import type { XmlProblem } from '../../../../server/src/xml/types';
import { walkStructure } from '../../../../server/src/domain/rules/structure/placement';
import { brokenByXml, visitTypedValues } from '../../../../server/src/domain/rules/structure/values';
import type { ValueType } from '../../../../server/src/kb/types';
import { domain, findings } from '../../../helpers';

/** A disk whose <driver> and <target> tags are left open: two well-formedness problems, and typed values beside them. */
const BROKEN_DISK =
  "    <disk type='file' device='disk'>\n      <driver name='qemu' type='raw' cache='none'\n" +
  "      <source file='/var/lib/libvirt/images/guest.img'/>\n      <target dev='vda' bus='virtio'\n    </disk>\n";

/** The document's problems, each counting how often its span is read. */
function countSpanReads(problems: XmlProblem[]): { reads: () => number } {
  let reads = 0;
  for (const [index, problem] of problems.entries()) {
    const span = problem.span;
    problems[index] = Object.defineProperty({ ...problem }, 'span', { get: () => { reads++; return span; } });
  }
  return { reads: () => reads };
}

test('typed values are checked against the XML problems once, not once per value (a 5 MB file with broken tags took 41 s in VT104)', () => {
  const copies = 300;
  const xml = parseXml(domain(`  <devices>\n${BROKEN_DISK.repeat(copies)}  </devices>`));
  assert.ok(xml.problems.length >= copies, `expected a problem per disk, got ${xml.problems.length}`);
  const counter = countSpanReads(xml.problems);
  const kinds = new Set<ValueType['kind']>(['enum', 'yesno', 'onoff', 'integer', 'cpuset', 'nodeset', 'memory', 'memoryUnit', 'string']);
  let values = 0;
  walkStructure(xml, {
    placed: (element, place) => place.spec && visitTypedValues(xml, element, place.spec, kinds, () => values++),
    misplaced: () => undefined,
  });
  assert.ok(values > copies, `expected typed values beside the problems, got ${values}`);
  // Scanning every problem for every value read them values x problems times (here over 100,000).
  assert.ok(counter.reads() <= 2 * xml.problems.length, `problem spans read ${counter.reads()} times for ${xml.problems.length} problems`);
});

test('brokenByXml tells whether a span touches a problem, as comparing it with each problem would', () => {
  const text = domain(`  <devices>\n${BROKEN_DISK.repeat(3)}    <disk type='file' device='dsk'>\n      <target dev='vdz' bus='virtio'/>\n    </disk>\n  </devices>`) + '\n<a &bad; x=1>';
  const xml = parseXml(text);
  assert.ok(xml.problems.length > 3);
  const naive = (start: number, end: number) => xml.problems.some((problem) => problem.span.start < end && start < problem.span.end);
  for (let start = 0; start <= text.length; start++) {
    for (const length of [0, 1, 2, 7, 40]) {
      const end = Math.min(text.length, start + length);
      assert.equal(brokenByXml(xml, { start, end }), naive(start, end), `span ${start}-${end}`);
    }
  }
  // Values beside the broken tags are still judged; the open ones are left to VT100.
  assert.deepEqual(findings(text, 'VT104').map((finding) => finding.message.match(/accept (\S+)/)?.[1]), ["device='dsk'"]);
});
