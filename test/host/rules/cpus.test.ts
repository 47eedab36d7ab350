import { test } from 'node:test';
import assert from 'node:assert/strict';
import { domain, rangeText } from '../../helpers';
import { fixtureHost, hostFindings } from '../hostFixtures';

const pins = (vcpupins: string, extra = '') => domain(`  <cputune>\n${vcpupins}${extra}  </cputune>`, { vcpus: 2 });

test('VT150 flags pinned CPUs the host lacks, naming the host CPUs', async () => {
  const host = await fixtureHost('one-node');
  const text = pins(`    <vcpupin vcpu='0' cpuset='2'/>\n    <vcpupin vcpu='1' cpuset='3-5'/>\n`, `    <emulatorpin cpuset='9'/>\n`);
  const found = hostFindings(text, host, 'VT150');
  assert.deepEqual(found.map((finding) => rangeText(text, finding)), ['3-5', '9']);
  assert.equal(found[0]!.severity, 'error');
  assert.match(found[0]!.message, /<vcpupin vcpu='1'> names host CPUs 4-5, which the host does not have: host has CPUs 0-3\./);
  assert.match(found[1]!.message, /<emulatorpin> names host CPU 9/);
});

test('VT150 reads <vcpu cpuset> and <iothreadpin>, but not a cpuset placement=auto ignores', async () => {
  const host = await fixtureHost('one-node');
  const text = domain(`  <iothreads>1</iothreads>\n  <cputune>\n    <iothreadpin iothread='1' cpuset='7'/>\n  </cputune>`).replace(
    "<vcpu placement='static'>4</vcpu>",
    "<vcpu placement='static' cpuset='0-5'>4</vcpu>",
  );
  assert.deepEqual(hostFindings(text, host, 'VT150').map((finding) => rangeText(text, finding)), ['0-5', '7']);
  const auto = text.replace("placement='static' cpuset='0-5'", "placement='auto' cpuset='0-5'");
  assert.deepEqual(hostFindings(auto, host, 'VT150').map((finding) => rangeText(auto, finding)), ['7']);
});

test('host-aware rules are silent without a host, and with a host that has the CPUs', async () => {
  const text = pins(`    <vcpupin vcpu='0' cpuset='14'/>\n    <vcpupin vcpu='1' cpuset='15'/>\n`);
  assert.deepEqual(hostFindings(text, undefined).filter((finding) => /^VT1[56]\d$/.test(finding.rule)), []);
  assert.deepEqual(hostFindings(text, await fixtureHost('two-nodes'), 'VT150'), []);
});

test('VT151 flags offline host CPUs; VT150 leaves them alone', async () => {
  const host = await fixtureHost('offline-cpus');
  const text = pins(`    <vcpupin vcpu='0' cpuset='5'/>\n    <vcpupin vcpu='1' cpuset='4-6'/>\n`);
  const found = hostFindings(text, host, 'VT151');
  assert.deepEqual(found.map((finding) => rangeText(text, finding)), ['5', '4-6']);
  assert.equal(found[0]!.severity, 'warning');
  assert.match(found[0]!.message, /names host CPU 5, offline on this host \(host has CPUs 0-4,7 online\)\. With no online CPU/);
  assert.match(found[1]!.message, /names host CPUs 5-6, offline .* cannot run there until/);
  assert.deepEqual(hostFindings(text, host, 'VT150'), []);
});

test('VT156 flags more vCPUs than the host has online CPUs, counting current vCPUs when given', async () => {
  const host = await fixtureHost('offline-cpus');
  const text = domain('', { vcpus: 8 });
  const [finding] = hostFindings(text, host, 'VT156');
  assert.equal(rangeText(text, finding!), '8');
  assert.equal(finding!.severity, 'warning');
  assert.match(finding!.message, /^8 vCPUs, but the host has 6 online CPUs \(0-4,7\): .*overcommitting \(guide 3\.2\.1\)/);
  assert.deepEqual(hostFindings(domain('', { vcpus: 6 }), host, 'VT156'), []);
  const current = domain('', { vcpus: 8 }).replace("<vcpu placement='static'>", "<vcpu placement='static' current='4'>");
  assert.deepEqual(hostFindings(current, host, 'VT156'), []);
});
