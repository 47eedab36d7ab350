import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

const nic = (type: string, source: string): string =>
  domain(`  <devices>
    <interface type='${type}'>
      ${source}
      <model type='virtio'/>
      <coalesce>
        <rx>
          <frames max='7'/>
        </rx>
      </coalesce>
    </interface>
  </devices>`);

test('VT148 flags <coalesce> on a direct (macvtap) interface and removes it', () => {
  const text = nic('direct', `<source dev='eth0' mode='bridge'/>`);
  const [finding, ...rest] = findings(text, 'VT148');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.equal(rangeText(text, finding!), 'coalesce');
  assert.match(finding!.message, /type 'direct'/);
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.equal(fixed, text.replace(`      <coalesce>\n        <rx>\n          <frames max='7'/>\n        </rx>\n      </coalesce>\n`, ''));
  assert.deepEqual(findings(fixed, 'VT148'), []);
});

test('VT148 is silent for network and bridge interfaces, and for an unknown type', () => {
  assert.deepEqual(findings(nic('network', `<source network='default'/>`), 'VT148'), []);
  assert.deepEqual(findings(nic('bridge', `<source bridge='br0'/>`), 'VT148'), []);
  assert.deepEqual(findings(nic('brigde', `<source bridge='br0'/>`), 'VT148'), []);
});
