import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

const controller = (start: string, driver: string): string =>
  domain(`  <devices>
    ${start}
      ${driver}
    </controller>
  </devices>`);

test('VT149 flags queues on an lsilogic SCSI controller and can switch it to virtio-scsi', () => {
  const text = controller(`<controller type='scsi' index='0' model='lsilogic'>`, `<driver queues='4'/>`);
  const [finding, ...rest] = findings(text, 'VT149');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.equal(rangeText(text, finding!), `queues='4'`);
  assert.match(finding!.message, /'lsilogic' SCSI controller/);
  const fixed = applyFix(text, finding!.fixes.find((fix) => fix.title === "Use model='virtio-scsi'")!);
  assert.equal(fixed, text.replace(`model='lsilogic'`, `model='virtio-scsi'`));
  assert.deepEqual(findings(fixed, 'VT149'), []);
});

test('VT149 flags each virtio-scsi setting on a SATA controller and removes it', () => {
  const text = controller(`<controller type='sata' index='0'>`, `<driver queues='2' ioeventfd='on'/>`);
  const found = findings(text, 'VT149');
  assert.deepEqual(found.map((finding) => rangeText(text, finding)), [`queues='2'`, `ioeventfd='on'`]);
  assert.equal(found[0]!.fixes.length, 1);
  const fixed = applyFix(text, found[0]!.fixes[0]!);
  assert.equal(fixed, text.replace(`<driver queues='2' ioeventfd='on'/>`, `<driver ioeventfd='on'/>`));
  assert.equal(findings(fixed, 'VT149').length, 1);
});

test('VT149 is silent for virtio-scsi, a SCSI controller without a model, and values that do not parse', () => {
  assert.deepEqual(findings(controller(`<controller type='scsi' index='0' model='virtio-scsi'>`, `<driver queues='4' cmd_per_lun='8'/>`), 'VT149'), []);
  assert.deepEqual(findings(controller(`<controller type='scsi' index='0'>`, `<driver queues='4'/>`), 'VT149'), []);
  assert.deepEqual(findings(controller(`<controller type='usb' index='0'>`, `<driver queues='x'/>`), 'VT149'), []);
});
