import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, findings } from '../../../helpers';
import { IO_RULES } from '../../../../server/src/domain/rules/io';

const IO_CODES = new Set(IO_RULES.map((rule) => rule.meta.code));

/** The guide's I/O and network examples, with N set to the guest's 4 vCPUs, inside one well-formed domain. */
const GUIDE_EXAMPLES = domain(`  <devices>
    <!-- 7.2 Caching -->
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw' cache='writeback' />
      <source file='/var/lib/libvirt/images/cache.raw'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <!-- 7.3 I/O Mode -->
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw' io='threads'/>
      <source file='/var/lib/libvirt/images/io.raw'/>
      <target dev='vdb' bus='virtio'/>
    </disk>
    <!-- 7.4.2.1 Configuring Multi-Queue virtio-scsi -->
    <controller type='scsi' index='0' model='virtio-scsi'>
      <driver queues='4' />
    </controller>
    <!-- 5.4.2.1 Configuring Multi-Queue virtio-net -->
    <interface type='network'>
      <source network='default'/>
      <model type='virtio'/>
      <driver name='vhost' queues='4'/>
    </interface>
    <!-- 5.5 Batching Network Packets -->
    <interface type='network'>
      <source network='default'/>
      <target dev='vnet0'/>
      <coalesce>
        <rx>
          <frames max='7'/>
        </rx>
      </coalesce>
    </interface>
  </devices>`);

test("the guide's I/O and network examples get no error and no warning from the I/O rules", () => {
  assert.deepEqual(findings(GUIDE_EXAMPLES, 'VT100'), []);
  const mine = findings(GUIDE_EXAMPLES).filter((finding) => IO_CODES.has(finding.rule));
  assert.deepEqual(mine.filter((finding) => finding.severity === 'error' || finding.severity === 'warning'), []);
  // With N equal to the vCPU count the guide's advice is followed too, so nothing at all is said.
  assert.deepEqual(mine, []);
});

test("the guide's placeholder N is not a number: the queue rules stay silent on it", () => {
  const withPlaceholder = GUIDE_EXAMPLES.replace(/queues='4'/g, `queues='N'`);
  assert.deepEqual(findings(withPlaceholder).filter((finding) => IO_CODES.has(finding.rule)), []);
});

test('the examples are really checked: a guest with 8 vCPUs gets the queue hints', () => {
  const eight = GUIDE_EXAMPLES.replace(`<vcpu placement='static'>4</vcpu>`, `<vcpu placement='static'>8</vcpu>`);
  assert.deepEqual(
    findings(eight).filter((finding) => IO_CODES.has(finding.rule)).map((finding) => finding.rule),
    ['VT146', 'VT143'],
  );
});
