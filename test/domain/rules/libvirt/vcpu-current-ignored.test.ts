import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../helpers';
import { found, guest } from './guest';

/** A guest of 3 vCPUs with `current` and a <vcpus> list (vCPU 0 on, hotpluggable as libvirt needs). */
function withList(current: string, list: string): string {
  return guest(`  <vcpus>\n    <vcpu id='0' enabled='yes' hotpluggable='no'/>\n${list}  </vcpus>`, { vcpus: 3 }).replace("<vcpu placement='static'>3</vcpu>", `<vcpu placement='static' current='${current}'>3</vcpu>`);
}

// libvirt 9.0 here: such a domain is defined, and `virsh dumpxml --inactive` reads back current='2'; the
// domain with current='2' written reads back the same, byte for byte (docs/rules/VT404.md).
test("VT404: current that the <vcpus> list contradicts is rewritten by libvirt to the list's count; the fix writes that count", () => {
  const text = withList('1', "    <vcpu id='1' enabled='yes' hotpluggable='yes'/>\n");
  const flagged = found(text, 'VT404');
  assert.deepEqual(flagged.map((result) => result.at), ['1']);
  assert.match(flagged[0]!.message, /boots with 1 vCPU, but <vcpus> enables 2: libvirt .* rewrites current to 2 .*\(a vCPU the list leaves out is offline\)/);
  const fix = flagged[0]!.finding.fixes[0]!;
  assert.ok(fix.isPreferred);
  const fixed = applyFix(text, fix);
  assert.match(fixed, /<vcpu placement='static' current='2'>3<\/vcpu>/);
  assert.deepEqual(found(fixed, 'VT404'), []);
  // More written than enabled: lowered the same way.
  assert.match(found(withList('3', "    <vcpu id='1' enabled='no' hotpluggable='yes'/>\n    <vcpu id='2' enabled='no' hotpluggable='yes'/>\n"), 'VT404')[0]!.message, /rewrites current to 1/);
});

test('VT404 is silent when current agrees, is not written, or the list is one VT402 or the schema refuses', () => {
  const agreeing = withList('2', "    <vcpu id='1' enabled='yes' hotpluggable='yes'/>\n    <vcpu id='2' enabled='no' hotpluggable='yes'/>\n");
  assert.deepEqual(found(agreeing, 'VT404'), []);
  const unwritten = agreeing.replace(" current='2'", '');
  assert.deepEqual(found(unwritten, 'VT404'), []);
  for (const list of ["    <vcpu id='5' enabled='yes' hotpluggable='yes'/>\n", "    <vcpu id='0' enabled='yes' hotpluggable='no'/>\n", "    <vcpu id='1' hotpluggable='yes'/>\n"]) {
    assert.deepEqual(found(withList('1', list), 'VT404'), [], list);
  }
});
