import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FakeLibvirt } from '../../server/src/libvirt/fake';
import { attachLibvirtFacts } from '../../server/src/libvirt/lspFacts';
import type { LibvirtAccess } from '../../server/src/libvirt/lspLibvirt';
import { ROOT } from '../cli/cliHarness';
import { textDocument } from '../helpers';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'libvirt');
const GUEST = "<domain type='kvm'>\n  <name>g</name>\n  <memory unit='GiB'>2</memory>\n  <vcpu>2</vcpu>\n  <os>\n    <type arch='x86_64' machine='q35'>hvm</type>\n  </os>\n</domain>\n";

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(condition(), 'the answers never came');
}

test("libvirt's answers asked again a minute later republish the documents only when libvirt says something new", async () => {
  let free = 7;
  const fake = new FakeLibvirt({
    capabilities: readFileSync(join(FIXTURES, 'capabilities.xml'), 'utf8'),
    domainCapabilities: () => readFileSync(join(FIXTURES, 'domcapabilities-kvm.xml'), 'utf8'),
  });
  // The free pages change when the test says so.
  fake.freePages = async () => ({ ok: true, value: [{ node: 0, sizeKiB: 2048, free }] });
  const listeners: (() => void)[] = [];
  const access: LibvirtAccess = {
    current: () => ({ connection: fake, version: { libvirt: '9.0.0', hypervisor: { name: 'QEMU', version: '7.2.0' } } }),
    configure: () => {},
    settled: async () => {},
    onDidChange: (listener) => listeners.push(listener),
  };
  let republished = 0;
  const facts = attachLibvirtFacts(access, () => republished++, (line) => assert.fail(line));
  const realNow = Date.now;
  let now = realNow();
  Date.now = () => now;
  try {
    for (const listener of listeners) listener();
    await until(() => republished === 1);
    const document = textDocument(GUEST);
    facts.decorate(undefined, document);
    // The guest's domcapabilities are asked for: new answers.
    await until(() => republished === 2);
    const asked = fake.calls.length;
    now += 61_000;
    facts.decorate(undefined, document);
    await until(() => fake.calls.length > asked);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(republished, 2, 'the same answers a minute later: no republication');
    free = 3;
    now += 61_000;
    facts.decorate(undefined, document);
    await until(() => republished === 3);
    assert.equal(facts.decorate(undefined, document)?.hugepages.find((pages) => pages.sizeKiB === 2048)?.free, 3, 'the new free count is in the host');
  } finally {
    Date.now = realNow;
  }
});
