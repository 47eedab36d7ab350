import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { DEFAULT_SHAPE } from '../../server/src/domain/completion/generatedSnippets';
import { SNIPPET_PLACEMENTS, SNIPPETS } from '../../server/src/domain/completion/snippets';
import { expandDefaults } from '../../server/src/domain/completion/snippetText';
import { parseXml } from '../../server/src/xml/parser';
import { findings } from '../helpers';
import { complete } from './completionHelpers';

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
