import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, domain, findings, rangeText } from '../../../helpers';

const LOCKED = `  <memoryBacking>\n    <locked/>\n  </memoryBacking>`;

test('VT120 flags <locked/> without <memtune> and adds a memtune with memory + 1 GiB before <memoryBacking>', () => {
  const text = domain(LOCKED, { memoryKiB: 4194304 });
  const [finding, ...rest] = findings(text, 'VT120');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'warning');
  assert.equal(rangeText(text, finding!), '<locked/>');
  assert.match(finding!.message, /no hard_limit in <memtune>/);
  assert.match(finding!.message, /guide 8\.2\.2/);
  const fix = finding!.fixes[0]!;
  assert.equal(fix.title, 'Add a hard_limit of 5 GiB (guest memory 4 GiB + 1 GiB for QEMU)');
  assert.notEqual(fix.isPreferred, true);
  const inserted = `  <memtune>\n    <hard_limit unit='KiB'>5242880</hard_limit>\n  </memtune>\n`;
  const fixed = applyFix(text, fix);
  assert.ok(fixed.includes(`${inserted}  <memoryBacking>\n    <locked/>`));
  assert.equal(fixed.replace(inserted, ''), text, 'nothing else changes');
  assert.deepEqual(findings(fixed, 'VT120'), []);
});

test('VT120 puts the hard_limit first in an existing <memtune>', () => {
  const memtune = `  <memtune>\n    <soft_limit unit='GiB'>2</soft_limit>\n  </memtune>\n`;
  const text = domain(memtune + LOCKED, { memoryKiB: 2097152 });
  const [finding] = findings(text, 'VT120');
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.ok(fixed.includes(`  <memtune>\n    <hard_limit unit='KiB'>3145728</hard_limit>\n    <soft_limit unit='GiB'>2</soft_limit>\n  </memtune>`));
  assert.deepEqual(findings(fixed, 'VT120'), []);
});

test('VT120 opens a self-closed <memtune/> to hold the hard_limit', () => {
  const text = domain(`  <memtune/>\n` + LOCKED);
  const [finding] = findings(text, 'VT120');
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.ok(fixed.includes(`  <memtune>\n    <hard_limit unit='KiB'>5242880</hard_limit>\n  </memtune>\n  <memoryBacking>`));
  assert.deepEqual(findings(fixed, 'VT120'), []);
});

test('VT120 sizes the limit from <maxMemory> when the guest can grow, and keeps the document quote and indent', () => {
  const text = `<domain type="kvm">
    <name>guest</name>
    <maxMemory slots="4" unit="GiB">16</maxMemory>
    <memory unit="GiB">8</memory>
    <vcpu>2</vcpu>
    <memoryBacking>
        <locked/>
    </memoryBacking>
</domain>
`;
  const [finding] = findings(text, 'VT120');
  const fixed = applyFix(text, finding!.fixes[0]!);
  assert.ok(fixed.includes(`    <memtune>\n        <hard_limit unit="KiB">17825792</hard_limit>\n    </memtune>\n    <memoryBacking>`));
});

test('VT120 is silent when a hard_limit is set, and without <locked/>', () => {
  assert.deepEqual(findings(domain(`  <memtune>\n    <hard_limit unit='GiB'>5</hard_limit>\n  </memtune>\n` + LOCKED), 'VT120'), []);
  assert.deepEqual(findings(domain(`  <memoryBacking>\n    <nosharepages/>\n  </memoryBacking>`), 'VT120'), []);
});
