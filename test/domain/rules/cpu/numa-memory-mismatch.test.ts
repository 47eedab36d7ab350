import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

const numa = `  <cpu>\n    <numa>\n      <cell id='0' cpus='0-1' memory='3' unit='GiB'/>\n      <cell id='1' cpus='2-3' memory='3' unit='GiB'/>\n    </numa>\n  </cpu>`;

test("VT135 warns when <memory> is not the cells' sum, and sets it to the sum", () => {
  const text = domain(numa, { memoryKiB: 4194304 });
  const [finding, ...rest] = findings(text, 'VT135');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'warning');
  assert.equal(rangeText(text, finding!), '4194304');
  assert.match(finding!.message, /<memory> says 4 GiB, but the 2 NUMA cells add up to 6 GiB/);
  const fix = finding!.fixes[0]!;
  assert.equal(fix.isPreferred, true);
  const fixed = applyFix(text, fix);
  assert.ok(fixed.includes(`<memory unit='KiB'>6291456</memory>`));
  assert.deepEqual(findings(fixed, 'VT135'), []);
});

test('VT135 writes the sum in the unit <memory> uses when it divides evenly', () => {
  const text = domain(numa).replace(`<memory unit='KiB'>4194304</memory>`, `<memory unit='GiB'>4</memory>`);
  const [finding] = findings(text, 'VT135');
  assert.equal(rangeText(text, finding!), '4');
  assert.ok(applyFix(text, finding!.fixes[0]!).includes(`<memory unit='GiB'>6</memory>`));
});

test('VT135 is silent when the sums agree, and with memory devices that count into <memory>', () => {
  assert.deepEqual(findings(domain(numa, { memoryKiB: 6291456 }), 'VT135'), []);
  const dimm = `  <devices>\n    <memory model='dimm'>\n      <target>\n        <size unit='GiB'>1</size>\n        <node>0</node>\n      </target>\n    </memory>\n  </devices>`;
  assert.deepEqual(findings(domain(`${numa}\n${dimm}`, { memoryKiB: 7340032 }), 'VT135'), []);
});
