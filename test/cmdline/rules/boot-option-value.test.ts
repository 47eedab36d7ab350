import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, rangeText } from '../../helpers';
import { cmdlineFindings, KERNEL_CMDLINE } from '../cmdlineHelpers';

const CODE = 'VT311';

test('VT311: a value systemd or dracut does not take is a warning on the value, with the closest one offered', () => {
  const text = 'quiet systemd.log_level=debuge rd.break=premount fsck.mode=skipp rd.luks=maybe\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.deepEqual(findings.map((finding) => [rangeText(text, finding), finding.severity]), [
    ['debuge', 'warning'],
    ['premount', 'warning'],
    ['skipp', 'warning'],
    ['maybe', 'warning'],
  ]);
  assert.match(findings[0]!.message, /systemd\.log_level=debuge: systemd takes one of emerg, alert, crit, err, warning, notice, info, debug or a number from 0 to 7\. Did you mean 'debug'\?/);
  assert.equal(applyFix(text, findings[0]!.fixes[0]!), text.replace('debuge', 'debug'));
  assert.match(findings[3]!.message, /a boolean/);
});

test('VT311: documented values, numbers in range and words several programs read differently are fine', () => {
  const text = 'systemd.log_level=7 systemd.log_level=info rd.break=pre-mount rd.luks=0 systemd.show_status=auto boot=live boot=UUID=1234 priority=critical net.ifnames=0\n';
  assert.deepEqual(cmdlineFindings(text, KERNEL_CMDLINE, CODE), []);
});
