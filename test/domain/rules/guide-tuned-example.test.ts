import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings } from '../../helpers';
import { CPU_RULES } from '../../../server/src/domain/rules/cpu';
import { MEMORY_RULES } from '../../../server/src/domain/rules/memory';

/**
 * The guide's 9.3.4 tuned configuration (4 vCPUs pinned to host CPUs 1, 5, 2, 6; memory strict on
 * host nodes 1-2; two guest cells of 3 GiB), in a domain of 6 GiB and 4 vCPUs, with the emulator
 * pinned too as 9.3.2 advises. It is what the guide recommends, so the memory and CPU rules must
 * find no error and no warning in it.
 */
const TUNED = `<domain type='kvm'>
  <name>tuned</name>
  <memory unit='GiB'>6</memory>
  <vcpu placement='static'>4</vcpu>
  <cputune>
    <vcpupin vcpu="0" cpuset="1"/>
    <vcpupin vcpu="1" cpuset="5"/>
    <vcpupin vcpu="2" cpuset="2"/>
    <vcpupin vcpu="3" cpuset="6"/>
    <emulatorpin cpuset="0,4"/>
  </cputune>
  <numatune>
    <memory mode="strict" nodeset="1-2"/>
  </numatune>
  <os>
    <type arch='x86_64' machine='pc-q35-rhel7.6.0'>hvm</type>
  </os>
  <cpu>
    <numa>
      <cell id="0" cpus="0-1" memory="3" unit="GiB"/>
      <cell id="1" cpus="2-3" memory="3" unit="GiB"/>
    </numa>
  </cpu>
</domain>
`;

test('the guide 9.3.4 tuned example gets no error and no warning from the memory and CPU rules', () => {
  const codes = new Set([...MEMORY_RULES, ...CPU_RULES].map((rule) => rule.meta.code));
  const ours = findings(TUNED).filter((finding) => codes.has(finding.rule));
  assert.deepEqual(
    ours.filter((finding) => finding.severity === 'error' || finding.severity === 'warning'),
    [],
  );
});

test('the same example trips the rules once it is broken: a memory mismatch and an extra pin', () => {
  const broken = TUNED.replace(`<memory unit='GiB'>6</memory>`, `<memory unit='GiB'>4</memory>`).replace(
    `<vcpupin vcpu="3" cpuset="6"/>`,
    `<vcpupin vcpu="3" cpuset="6"/>\n    <vcpupin vcpu="3" cpuset="7"/>`,
  );
  const rules = findings(broken).map((finding) => finding.rule);
  assert.ok(rules.includes('VT135'));
  assert.ok(rules.includes('VT131'));
});
