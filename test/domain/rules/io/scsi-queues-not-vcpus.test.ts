import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

const controller = (queues: string, model = 'virtio-scsi', vcpus = 4): string =>
  domain(
    `  <devices>
    <controller type='scsi' index='0' model='${model}'>
      <driver queues='${queues}'/>
    </controller>
  </devices>`,
    { vcpus },
  );

test('VT146 hints when a virtio-scsi controller has more queues than vCPUs and sets the vCPU count', () => {
  const text = controller('8', 'virtio-scsi', 4);
  const [finding, ...rest] = findings(text, 'VT146');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'hint');
  assert.equal(rangeText(text, finding!), '8');
  assert.match(finding!.message, /8 queues for 4 vCPUs/);
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.equal(fixed, text.replace(`queues='8'`, `queues='4'`));
  assert.deepEqual(findings(fixed, 'VT146'), []);
});

test('VT146 is silent when the queues match, for other models, and for a count that does not parse', () => {
  assert.deepEqual(findings(controller('4'), 'VT146'), []);
  assert.deepEqual(findings(controller('2', 'virtio-non-transitional', 2), 'VT146'), []);
  assert.deepEqual(findings(controller('2', 'lsilogic'), 'VT146'), []);
  assert.deepEqual(findings(controller('0'), 'VT146'), []);
  assert.deepEqual(findings(controller('N'), 'VT146'), []);
});
