import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, findings, rangeText } from '../../../helpers';

const page = (attributes: string) => `  <memoryBacking>\n    <hugepages>\n      <page ${attributes}/>\n    </hugepages>\n  </memoryBacking>`;

test('VT128 is an error for a page size x86 hosts do not have', () => {
  const text = domain(page(`size='5' unit='MiB'`));
  const [finding, ...rest] = findings(text, 'VT128');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.equal(rangeText(text, finding!), '5');
  assert.match(finding!.message, /5 MiB is not a huge page size on x86/);
});

test("VT128 warns that 4 KiB is x86's normal page, not a huge page", () => {
  const text = domain(page(`size='4' unit='KiB'`));
  const [finding] = findings(text, 'VT128');
  assert.equal(finding!.severity, 'warning');
  assert.match(finding!.message, /normal page size/);
});

test('VT128 accepts 2 MiB and 1 GiB in any unit, and judges only x86 KVM guests', () => {
  assert.deepEqual(findings(domain(page(`size='2048'`)), 'VT128'), []);
  assert.deepEqual(findings(domain(page(`size='1' unit='G'`)), 'VT128'), []);
  const arm = domain(page(`size='512' unit='M'`)).replace("arch='x86_64'", "arch='aarch64'");
  assert.deepEqual(findings(arm, 'VT128'), []);
});
