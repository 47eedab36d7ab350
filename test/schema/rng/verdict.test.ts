import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { domainDocument } from '../../../server/src/domain/document';
import { schemaProblems } from '../../../server/src/domain/verdict/mapErrors';
import { loadRngSchema } from '../../../server/src/schema/rng';
import { loadSchema } from '../../../server/src/schema/validator';
import { textDocument } from '../../helpers';
import { CORPUS_DIR, missing } from '../../kb/shared';
import { guestWith } from '../guest';

const SCHEMA = resolve(CORPUS_DIR, 'schemas/domain.rng');
const skip = missing(SCHEMA) ?? false;

/** The mistakes of test/schema/verdict.test.ts and a few more, each one edit of the test guest. */
const MISTAKES: [string, string][] = [
  ["<interface type='network'>", "<interfase type='network'>"],
  ["type='vnc'", "type='vnx'"],
  ["<source dev='/dev/sdb'/>", "<source devce='/dev/sdb'/>"],
  ['  <os>\n', "  <boot dev='hd'/>\n  <os>\n"],
  ["<vcpupin vcpu='0' cpuset='1'/>", "<vcpupin vcpu='0'/>"],
  ["<target dev='vda'", "<target dev='v da'"],
  ["      <target dev='vda' bus='virtio'/>\n", ''],
  ['  <os>\n', '  <cputune/>\n  <os>\n'],
  ['    <graphics', '    hello\n    <graphics'],
  ["<type arch='x86_64' machine='pc'>hvm</type>", "<type arch='x86_64' machine='pc'>hvm</type>\n    <bootmenu enable='yes' timeout='65536'/>"],
  ["type='vnc'", "type='vnc' multiUser='yes'"],
  ['>2</vcpu>', '>two</vcpu>'],
  ["<driver name='qemu' type='raw' cache='none'/>", "<driver name='qemu' type='raw' cache='sometimes'/>"],
  ["<model type='virtio'/>", "<model type='virtio'/><mac/>"],
];

function fixInterfase(text: string): string {
  return text.includes('<interfase') ? text.replace('</interface>', '</interfase>') : text;
}

/** `code underlined` of each problem the verdict mapping makes of an engine's errors. */
function problems(text: string, errors: Parameters<typeof schemaProblems>[1]): string[] {
  const xml = domainDocument(textDocument(text)).xml;
  return schemaProblems(xml, errors).map((problem) => `${problem.code} ${text.slice(problem.span.start, problem.span.end)}`);
}

test("the verdict mapping makes of our validator's errors findings as precise as of libxml2's (pinpointed)", { skip }, async () => {
  const ours = loadRngSchema(SCHEMA);
  const libxml2 = await loadSchema(SCHEMA);
  for (const [from, to] of MISTAKES) {
    const text = fixInterfase(guestWith(from, to));
    const mine = problems(text, ours.validate(text));
    const theirs = problems(text, libxml2.pinpoint(text));
    assert.equal(mine.length, 1, `${to}: ${JSON.stringify(mine)}`);
    // Where libxml2 can only blame an element around the mistake, ours names the mistake itself.
    if (theirs.length === 1 && theirs[0]!.startsWith('VT108') && !mine[0]!.startsWith('VT108')) continue;
    assert.deepEqual(mine, theirs, to);
  }
});
