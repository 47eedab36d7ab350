import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { DEFAULT_SHAPE } from '../../server/src/domain/completion/generatedSnippets';
import { SNIPPET_PLACEMENTS, SNIPPETS } from '../../server/src/domain/completion/snippets';
import { expandDefaults } from '../../server/src/domain/completion/snippetText';
import { parseXml } from '../../server/src/xml/parser';
import { domain, findings } from '../helpers';
import { fixtureHost, hostFindings } from '../host/hostFixtures';
import { accept, complete, item, labels } from './completionHelpers';

const NAMES = Object.keys(SNIPPETS);

/** A clean domain of DEFAULT_SHAPE's size with a slot at each place a snippet may stand. */
function cleanDomain(slots: { domain?: string; devices?: string; disk?: string }): string {
  return `<domain type='kvm'>
  <name>guest</name>
  <memory unit='KiB'>${DEFAULT_SHAPE.memoryKiB}</memory>
  <vcpu placement='static'>${DEFAULT_SHAPE.vcpus}</vcpu>
${slots.domain ?? ''}
  <os>
    <type arch='x86_64' machine='pc-q35-rhel7.6.0'>hvm</type>
  </os>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw'/>
      <source file='/var/lib/libvirt/images/guest.img'/>
      <target dev='vda' bus='virtio'/>
${slots.disk ?? ''}
    </disk>
${slots.devices ?? ''}
  </devices>
</domain>
`;
}

/** A snippet as VS Code inserts it with every default kept, indented by `depth` levels of two spaces. */
function expanded(name: string, depth: number): string {
  const text = expandDefaults(SNIPPETS[name]!.body.join('\n'));
  return text
    .split('\n')
    .map((line) => '  '.repeat(depth) + line.replace(/^\t+/, (tabs) => '  '.repeat(tabs.length)))
    .join('\n');
}

function inPlace(name: string): string {
  const { place } = SNIPPET_PLACEMENTS[name]!;
  switch (place) {
    case '':
      return expanded(name, 0);
    case 'domain': {
      // Huge pages per guest node need the guest's NUMA cells (guide 9.3.10 builds on 9.3.9).
      const cells = name === 'memoryBacking: huge page size per guest NUMA node' ? `\n${expanded('cpu: guest NUMA cells', 1)}` : '';
      return cleanDomain({ domain: expanded(name, 1) + cells });
    }
    case 'domain/devices':
      return cleanDomain({ devices: expanded(name, 2) });
    case 'domain/devices/disk':
      return cleanDomain({ disk: expanded(name, 3) });
    default:
      throw new Error(`no slot for ${place}`);
  }
}

test('snippets/domain.json is in VS Code snippet format and every description names its source', () => {
  const file = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'snippets', 'domain.json'), 'utf8')) as Record<string, unknown>;
  assert.deepEqual(Object.keys(file), NAMES);
  const prefixes = new Set<string>();
  for (const name of NAMES) {
    const snippet = SNIPPETS[name]!;
    assert.deepEqual(Object.keys(file[name] as object).sort(), ['body', 'description', 'prefix'], name);
    assert.ok(/^[a-z][a-z-]*$/.test(snippet.prefix), name);
    assert.ok(!prefixes.has(snippet.prefix), `prefix ${snippet.prefix} is used twice`);
    prefixes.add(snippet.prefix);
    assert.ok(snippet.body.length > 0 && snippet.body.every((line) => !line.includes('  ')), `${name}: indent with \\t`);
    assert.match(snippet.description, name === 'libvirt domain skeleton' ? /libvirt/ : /\(Guide \d+(\.\d+)+/, name);
  }
});

test('every snippet has a place, and every place a snippet', () => {
  assert.deepEqual(Object.keys(SNIPPET_PLACEMENTS).sort(), [...NAMES].sort());
});

test('the generated snippets at the default shape are the bodies in snippets/domain.json', () => {
  for (const name of NAMES) {
    const generate = SNIPPET_PLACEMENTS[name]!.generate;
    if (generate) assert.deepEqual(generate(DEFAULT_SHAPE), SNIPPETS[name]!.body, name);
  }
});

test('per-node huge pages are written without the guide 9.3.10 self-closing mistake', () => {
  const body = SNIPPETS['memoryBacking: huge page size per guest NUMA node']!.body.join('\n');
  assert.ok(!body.includes('<hugepages/>'));
  assert.ok(body.includes('</hugepages>'));
});

test('every snippet, expanded with its defaults in its place in a clean domain, is well-formed and draws no error or warning', () => {
  const baseline = findings(cleanDomain({})).filter((finding) => finding.severity === 'error' || finding.severity === 'warning');
  assert.deepEqual(baseline, [], 'the clean domain is clean');
  for (const name of NAMES) {
    const text = inPlace(name);
    assert.deepEqual(parseXml(text).problems, [], `${name} is well-formed`);
    const serious = findings(text).filter((finding) => finding.severity === 'error' || finding.severity === 'warning');
    assert.deepEqual(serious.map((finding) => `${finding.rule}: ${finding.message}`), [], name);
  }
});

test('completion inserts what VS Code would for a document of the default shape', () => {
  const slots: Record<string, string> = { domain: 'domain', 'domain/devices': 'devices', 'domain/devices/disk': 'disk' };
  for (const name of NAMES) {
    const { place } = SNIPPET_PLACEMENTS[name]!;
    const slot = slots[place];
    if (!slot) continue;
    const { items } = complete(cleanDomain({ [slot]: '|' }));
    const offered = items.find((entry) => entry.kind === CompletionItemKind.Snippet && entry.label === SNIPPETS[name]!.prefix);
    assert.ok(offered, name);
    const newText = (offered.textEdit as { newText: string }).newText;
    assert.equal(expandDefaults(newText), expanded(name, 0), name);
  }
});

test('cputune is sized to the host when it is known: on a 2-CPU host no pin names a CPU it lacks (no <emulatorpin cpuset=\'2\'/>)', async () => {
  const host = await fixtureHost('no-numa');
  for (const vcpus of [1, 2, 4]) {
    const marked = domain('  |', { vcpus });
    const { items, text } = complete(marked, { host });
    const cputune = items.find((entry) => entry.label === 'cputune' && entry.kind === CompletionItemKind.Snippet);
    assert.ok(cputune, `${vcpus} vCPUs`);
    const result = accept(text, cputune);
    assert.ok(!/cpuset='[2-9]/.test(result), result);
    const serious = hostFindings(result, host).filter((finding) => (finding.severity === 'error' || finding.severity === 'warning') && finding.rule !== 'VT156');
    assert.deepEqual(serious.map((finding) => `${finding.rule}: ${finding.message}`), [], `${vcpus} vCPUs`);
  }
  // One vCPU on a 2-CPU host: the emulator gets the CPU the vCPU does not use.
  const one = accept(complete(domain('  |', { vcpus: 1 }), { host }).text, item(complete(domain('  |', { vcpus: 1 }), { host }).items, 'cputune'));
  assert.match(one, /<vcpupin vcpu='0' cpuset='0'\/>\n\s*<emulatorpin cpuset='1'\/>/);
});

test("huge pages per guest NUMA node name the document's cells, in the host's largest huge page size when the host is known", async () => {
  const cells = "  <cpu>\n    <numa>\n      <cell id='0' cpus='0' memory='1' unit='GiB'/>\n      <cell id='1' cpus='1' memory='1' unit='GiB'/>\n      <cell id='2' cpus='2-3' memory='2' unit='GiB'/>\n    </numa>\n  </cpu>\n  |";
  const label = SNIPPETS['memoryBacking: huge page size per guest NUMA node']!.prefix;
  const plain = complete(domain(cells));
  const written = accept(plain.text, item(plain.items, label));
  assert.deepEqual([...written.matchAll(/nodeset='(\d+)'/g)].map((match) => match[1]), ['0', '1', '2']);
  const host = await fixtureHost('two-nodes');
  const sized = complete(domain(cells), { host });
  assert.match(accept(sized.text, item(sized.items, label)), /<page size='1' unit='G' nodeset='2'\/>/);
});

test('no domain snippet is offered twice, and none where it does not fit (the skeleton inside <memoryBacking>)', () => {
  for (const marked of [domain('  |'), domain('  <memoryBacking>\n    |\n  </memoryBacking>'), domain('  <cputune>\n    <|\n  </cputune>'), cleanDomain({ devices: '|' }), cleanDomain({ disk: '<|' })]) {
    const all = labels(complete(marked).items);
    assert.deepEqual(all.filter((label, index) => all.indexOf(label) !== index), [], marked);
  }
  const backing = labels(complete(domain('  <memoryBacking>\n    |\n  </memoryBacking>')).items);
  assert.ok(!backing.includes('domain') && !backing.includes('cputune'), backing.join(', '));
});

test('VS Code does not contribute snippets/domain.json: the server is its one reader, in domain documents only', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { contributes: Record<string, unknown> };
  assert.equal(manifest.contributes['snippets'], undefined);
});
