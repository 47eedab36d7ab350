import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { domainCompletion } from '../../server/src/domain/completion';
import { parseXml } from '../../server/src/xml/parser';
import { domain, textDocument } from '../helpers';
import { accept, complete, item, labels, replaced } from './completionHelpers';

const DISK = `  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw' DRIVER/>
      <source file='/var/lib/libvirt/images/guest.img'/>
      <target dev='vda' bus='virtio'/>
    </disk>
  </devices>`;

function elementLabels(items: ReturnType<typeof complete>['items']): string[] {
  return labels(items.filter((candidate) => candidate.kind !== CompletionItemKind.Snippet));
}

function snippetLabels(items: ReturnType<typeof complete>['items']): string[] {
  return labels(items.filter((candidate) => candidate.kind === CompletionItemKind.Snippet));
}

test('in <domain> content: the tuning elements and the snippets that stand in <domain>', () => {
  const { items } = complete(domain('  |'));
  const elements = elementLabels(items);
  for (const name of ['memtune', 'memoryBacking', 'cpu', 'devices']) assert.ok(elements.includes(name), name);
  assert.ok(!elements.includes('vcpupin'), 'vcpupin belongs in <cputune>');
  const snippets = snippetLabels(items);
  // <cputune> and <numatune> are offered once, as their snippets (see the one-entry-per-label test).
  for (const name of ['cputune', 'numatune']) assert.ok(snippets.includes(name) && !elements.includes(name), name);
  for (const prefix of ['cputune', 'numatune', 'hugepages', 'hugepages-nodes', 'locked', 'nosharepages', 'numa-cells']) {
    assert.ok(snippets.includes(prefix), prefix);
  }
  assert.ok(!snippets.includes('interface-multiqueue'), 'interfaces stand in <devices>');
  assert.ok(!snippets.includes('iotune'), 'iotune stands in <disk>');
});

test('an element inserted in content is a whole tag with its required attributes', () => {
  const { items, text } = complete(domain('  <cputune>\n    |\n  </cputune>'));
  const vcpupin = item(items, 'vcpupin', CompletionItemKind.Property);
  assert.equal(replaced(text, vcpupin), '');
  assert.ok(accept(text, vcpupin).includes(`    <vcpupin vcpu='0' cpuset=''/>\n`));
  const memtune = item(complete(domain('  |')).items, 'memtune', CompletionItemKind.Property);
  assert.match((memtune.textEdit as { newText: string }).newText, /^<memtune>\n {2}\$0\n<\/memtune>$/);
});

test("after '<' in <cputune>: vcpupin and emulatorpin, replacing exactly the partial name", () => {
  const { items, text } = complete(domain('  <cputune>\n    <vcp|\n  </cputune>'));
  const elements = elementLabels(items);
  assert.ok(elements.includes('vcpupin'));
  assert.ok(elements.includes('emulatorpin'));
  assert.ok(!elements.includes('cputune'));
  const vcpupin = item(items, 'vcpupin');
  assert.equal(replaced(text, vcpupin), 'vcp');
  const accepted = accept(text, vcpupin);
  assert.ok(accepted.includes(`    <vcpupin vcpu='0' cpuset=''/>\n  </cputune>`), accepted);
});

test("after a lone '<' the items complete the tag without a second '<'", () => {
  const { items, text } = complete(domain('  <cputune>\n    <|\n  </cputune>'));
  const emulatorpin = item(items, 'emulatorpin');
  assert.equal(replaced(text, emulatorpin), '');
  assert.ok(accept(text, emulatorpin).includes(`    <emulatorpin cpuset=''/>\n`));
});

test('renaming an existing start tag renames its end tag too', () => {
  const { items, text } = complete(domain('  <memtune|>\n  </memtune>'));
  const numatune = item(items, 'numatune');
  assert.equal(replaced(text, numatune), 'memtune');
  assert.ok(accept(text, numatune).includes('  <numatune>\n  </numatune>'));
});

test('a rename in the middle of a name keeps what is right of the cursor, in the start and the end tag alike', () => {
  for (const insertReplace of [false, true]) {
    const { items, text } = complete(domain('  <cputune>\n    <vcpu|emulatorpin cpuset=\'1\'></vcpuemulatorpin>\n  </cputune>'), { insertReplace });
    const vcpupin = item(items, 'vcpupin');
    assert.equal(replaced(text, vcpupin, 'replace'), 'vcpu');
    assert.ok(accept(text, vcpupin, 'replace').includes("<vcpupinemulatorpin cpuset='1'></vcpupinemulatorpin>"));
  }
});

test('renaming <curr|entMemory> in insert mode keeps the rest of the name in both tags, and an end tag misspelt but closing it is renamed too', () => {
  for (const end of ['currentMemory', 'currentMemor', 'currentMéemory']) {
    const { items, text } = complete(domain(`  <curr|entMemory unit='KiB'>403456</${end}>`));
    const maxMemory = item(items, 'maxMemory');
    assert.equal(replaced(text, maxMemory, 'insert'), 'curr');
    const result = accept(text, maxMemory, 'insert');
    assert.ok(result.includes("  <maxMemoryentMemory unit='KiB'>403456</maxMemoryentMemory>\n"), `after </${end}>: ${result}`);
    // Left misspelt, the end tag would no longer resemble the start tag and would close nothing.
    assert.ok(parseXml(result).problems.length <= parseXml(text).problems.length, `after </${end}>: ${result}`);
  }
});

test("after '</' the name that closes the open element", () => {
  const { items, text } = complete(domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='0'/>\n  </|`));
  assert.deepEqual(labels(items), ['cputune']);
  assert.ok(accept(text, items[0]!).includes(`  </cputune>\n  <os>`));
});

test('attributes of <vcpupin |/>: vcpu and cpuset, each once', () => {
  const { items, text } = complete(domain('  <cputune>\n    <vcpupin |/>\n  </cputune>'));
  assert.deepEqual(labels(items).sort(), ['cpuset', 'vcpu']);
  const cpuset = item(items, 'cpuset');
  assert.equal(replaced(text, cpuset), '');
  assert.equal((cpuset.textEdit as { newText: string }).newText, "cpuset='${1}'");
  assert.deepEqual(labels(complete(domain(`  <cputune>\n    <vcpupin vcpu='1' |/>\n  </cputune>`)).items), ['cpuset']);
});

test('attribute names replace the partial name typed and follow the quote style the document uses', () => {
  const marked = domain('  <cputune>\n    <vcpupin vcpu="1" cpu|/>\n  </cputune>').replace(/'/g, '"');
  const { items, text } = complete(marked);
  const cpuset = item(items, 'cpuset');
  assert.equal(replaced(text, cpuset), 'cpu');
  assert.equal((cpuset.textEdit as { newText: string }).newText, 'cpuset="${1}"');
});

test('an attribute right after a closing quote gets a separating space', () => {
  const { items, text } = complete(domain(`  <cputune>\n    <vcpupin vcpu='1'|/>\n  </cputune>`));
  assert.ok(accept(text, item(items, 'cpuset')).includes(`<vcpupin vcpu='1' cpuset=''/>`));
});

test('attributes of disk <driver |/> include cache and io, with their values as a snippet choice', () => {
  const { items } = complete(domain(DISK.replace('DRIVER', '|')));
  const names = labels(items);
  assert.ok(names.includes('cache'));
  assert.ok(names.includes('io'));
  assert.ok(!names.includes('name'), 'name is already written');
  const cache = item(items, 'cache');
  const choices = /^cache='\$\{1\|([a-z,]+)\|\}'$/.exec((cache.textEdit as { newText: string }).newText);
  assert.ok(choices, 'the values are a snippet choice');
  assert.deepEqual(choices[1]!.split(',').sort(), ['default', 'directsync', 'none', 'unsafe', 'writeback', 'writethrough']);
  assert.ok(cache.detail);
});

test("values in cache='|' and io='|' of a disk driver", () => {
  const cache = complete(domain(DISK.replace('DRIVER', "cache='|'"))).items;
  for (const mode of ['none', 'writethrough', 'writeback', 'directsync', 'unsafe']) assert.ok(labels(cache).includes(mode), mode);
  assert.ok(cache.every((entry) => entry.kind === CompletionItemKind.EnumMember && entry.documentation !== undefined));
  const io = labels(complete(domain(DISK.replace('DRIVER', "io='|'"))).items);
  assert.deepEqual([...io].sort(), ['io_uring', 'native', 'threads']);
});

test('a value replaces the value typed up to the cursor; the whole value only when the user asks for a replace', () => {
  const marked = domain(DISK.replace('DRIVER', "cache='wri|tex'"));
  const plain = item(complete(marked).items, 'writeback');
  assert.ok(plain.textEdit && 'range' in plain.textEdit, 'a client without insertReplaceSupport gets a range ending at the cursor');
  assert.equal(replaced(complete(marked).text, plain), 'wri');
  assert.ok(accept(complete(marked).text, plain).includes("cache='writebacktex'"));
  const { items, text } = complete(marked, { insertReplace: true });
  const writeback = item(items, 'writeback');
  assert.equal(replaced(text, writeback, 'insert'), 'wri');
  assert.equal(replaced(text, writeback, 'replace'), 'writex');
  assert.ok(accept(text, writeback, 'replace').includes("cache='writeback'"));
});

test('an unterminated value gets its closing quote', () => {
  const { items, text } = complete(domain(DISK.replace('DRIVER/>', "cache='n|")));
  const none = item(items, 'none');
  assert.equal(replaced(text, none), 'n');
  assert.ok(accept(text, none).includes("cache='none'"));
});

test("right after 'name=' the values come with their quotes", () => {
  const { items, text } = complete(domain(DISK.replace('DRIVER', 'cache=|')));
  const none = item(items, 'none');
  assert.equal(replaced(text, none), '');
  assert.ok(accept(text, none).includes("cache='none'/>"));
});

test("mode='|' of numatune <memory> offers the NUMA policies", () => {
  const names = labels(complete(domain("  <numatune>\n    <memory mode='|' nodeset='0'/>\n  </numatune>")).items);
  assert.deepEqual([...names].sort(), ['interleave', 'preferred', 'restrictive', 'strict']);
});

test("unit='|' offers libvirt's memory units", () => {
  const items = complete(domain("  <memtune>\n    <hard_limit unit='|'>4</hard_limit>\n  </memtune>")).items;
  const names = labels(items);
  for (const unit of ['KiB', 'MiB', 'GiB', 'KB', 'b']) assert.ok(names.includes(unit), unit);
  assert.equal(item(items, 'KiB').kind, CompletionItemKind.Unit);
});

test("vcpu='|' of <vcpupin> offers the vCPU ids not pinned yet", () => {
  const pins = [
    '  <cputune>',
    "    <vcpupin vcpu='0' cpuset='0'/>",
    "    <vcpupin vcpu='2' cpuset='2'/>",
    "    <vcpupin vcpu='|' cpuset='5'/>",
    '  </cputune>',
  ].join('\n');
  assert.deepEqual(labels(complete(domain(pins, { vcpus: 6 })).items), ['1', '3', '4', '5']);
  const editing = `  <cputune>\n    <vcpupin vcpu='0' cpuset='0'/>\n    <vcpupin vcpu='1|' cpuset='1'/>\n  </cputune>`;
  assert.deepEqual(labels(complete(domain(editing, { vcpus: 3 })).items), ['1', '2'], "the pin's own id stays offered");
});

test('element text values where the text is an enumeration', () => {
  assert.ok(labels(complete(domain('  <on_crash>|</on_crash>')).items).includes('coredump-restart'));
  assert.deepEqual(complete(domain("  <vcpu placement='static'>|</vcpu>")).items, []);
});

test('the cputune snippet pins every vCPU of the document', () => {
  for (const vcpus of [8, 2]) {
    const { items, text } = complete(domain('  |', { vcpus }));
    const snippet = item(items, 'cputune', CompletionItemKind.Snippet);
    const accepted = accept(text, snippet);
    assert.equal(accepted.match(/<vcpupin /g)?.length, vcpus);
    for (let vcpu = 0; vcpu < vcpus; vcpu++) assert.ok(accepted.includes(`<vcpupin vcpu='${vcpu}' cpuset='${vcpu}'/>`));
    assert.ok(accepted.includes(`<emulatorpin cpuset='${vcpus}'/>`));
  }
});

test('snippets follow the vCPU count and memory: multi-queue devices and NUMA cells', () => {
  const devices = complete(domain('  <devices>\n    |\n  </devices>', { vcpus: 6 }));
  assert.ok(accept(devices.text, item(devices.items, 'interface-multiqueue')).includes("<driver name='vhost' queues='6'/>"));
  assert.ok(accept(devices.text, item(devices.items, 'virtio-scsi-multiqueue')).includes("<driver queues='6'/>"));
  const cells = complete(domain('  |', { vcpus: 6, memoryKiB: 8 * 1024 * 1024 }));
  const accepted = accept(cells.text, item(cells.items, 'numa-cells'));
  assert.ok(accepted.includes("<cell id='0' cpus='0-2' memory='4' unit='GiB'/>"), accepted);
  assert.ok(accepted.includes("<cell id='1' cpus='3-5' memory='4' unit='GiB'/>"));
});

test('snippets keep to their place: iotune in a disk, none of the domain-level ones in devices', () => {
  const disk = snippetLabels(complete(domain(DISK.replace('DRIVER/>', '/>\n      |'))).items);
  assert.deepEqual(disk, ['iotune']);
  const devices = snippetLabels(complete(domain('  <devices>\n    |\n  </devices>')).items);
  assert.deepEqual([...devices].sort(), ['interface-multiqueue', 'virtio-scsi-multiqueue']);
});

test('a snippet whose element is already there is offered inside it instead', () => {
  const existing = '  <cputune>\n    |\n  </cputune>';
  assert.ok(!snippetLabels(complete(domain(`  <cputune>\n  </cputune>\n  |`)).items).includes('cputune'));
  const { items, text } = complete(domain(existing, { vcpus: 2 }));
  const accepted = accept(text, item(items, 'cputune', CompletionItemKind.Snippet));
  const expected = [
    '  <cputune>',
    "    <vcpupin vcpu='0' cpuset='0'/>",
    "    <vcpupin vcpu='1' cpuset='1'/>",
    "    <emulatorpin cpuset='2'/>",
    '  </cputune>',
  ].join('\n');
  assert.ok(accepted.includes(expected), accepted);
  const pinned = domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='0'/>\n    |\n  </cputune>`);
  assert.ok(!snippetLabels(complete(pinned).items).includes('cputune'), 'pins are there already');
  const memoryBacking = snippetLabels(complete(domain('  <memoryBacking>\n    |\n  </memoryBacking>')).items);
  assert.deepEqual([...memoryBacking].sort(), ['hugepages', 'hugepages-nodes', 'nosharepages']);
});

test("typing '<cpu' in <domain> offers the snippets too, replacing '<cpu'", () => {
  const { items, text } = complete(domain('  <cpu|'));
  const snippet = item(items, 'cputune', CompletionItemKind.Snippet);
  assert.equal(replaced(text, snippet), '<cpu');
  assert.equal(snippet.filterText, '<cputune');
  assert.equal(replaced(text, item(items, 'cpu', CompletionItemKind.Property)), 'cpu');
});

test('a word typed without < in content completes to a whole tag', () => {
  const { items, text } = complete(domain('  <cputune>\n    emul|\n  </cputune>'));
  const emulatorpin = item(items, 'emulatorpin');
  assert.equal(replaced(text, emulatorpin), 'emul');
  assert.ok(accept(text, emulatorpin).includes("    <emulatorpin cpuset=''/>\n"));
});

test('documentation comes from the knowledge base as Markdown', () => {
  const vcpupin = item(complete(domain('  <cputune>\n    |\n  </cputune>')).items, 'vcpupin');
  const documentation = vcpupin.documentation as { kind: string; value: string };
  assert.equal(documentation.kind, 'markdown');
  assert.match(documentation.value, /Guide 9\.3\.4/);
  for (const entry of complete(domain('  |')).items) assert.ok(entry.kind !== undefined && entry.detail, entry.label);
});

test('XML whose root is not <domain> gets nothing; a document with no root gets the domain skeleton', () => {
  assert.deepEqual(complete('<network>\n  |\n</network>').items, []);
  assert.deepEqual(complete("<network><bridge name='|'/></network>").items, []);
  for (const marked of ['|', '<?xml version="1.0"?>\n|', '<|', '<dom|']) {
    const { items, text } = complete(marked);
    assert.deepEqual(labels(items), ['domain'], marked);
    const accepted = accept(text, items[0]!);
    assert.ok(accepted.includes("<domain type='kvm'>") && accepted.trimEnd().endsWith('</domain>'), accepted);
    assert.ok(!accepted.includes('<<'), accepted);
  }
});

test('half-typed documents do not throw, at any offset', () => {
  const full = domain(
    [
      '  <cputune>',
      "    <vcpupin vcpu='0' cpuset='1-4,^2'/>",
      '    <emulatorpin cpuset="0"/>',
      '  </cputune>',
      '  <numatune>',
      "    <memory mode='strict' nodeset='0'/>",
      '  </numatune>',
      DISK.replace('DRIVER', "cache='none' io='native'"),
    ].join('\n'),
  );
  const text = `<domain type='kvm'>\n  <vcpu>4</vcpu>\n  <cputune>\n    <vcpupin vcpu='0' cpu`;
  const { items } = complete(`${text}|`);
  assert.ok(labels(items).includes('cpuset'));
  for (let end = 0; end <= full.length; end += 3) {
    const prefix = full.slice(0, end);
    const document = textDocument(prefix);
    for (let offset = 0; offset <= prefix.length; offset += 7) domainCompletion(document, document.positionAt(offset));
    domainCompletion(document, document.positionAt(prefix.length));
  }
});

test('children libvirt takes once are not offered again where they are; repeatable ones are', () => {
  const backing = (children: string) => complete(domain(`  <memoryBacking>\n${children}    |\n  </memoryBacking>`)).items;
  const full = labels(backing('    <hugepages/>\n    <locked/>\n'));
  assert.ok(!full.includes('hugepages') && !full.includes('locked'), full.join(', '));
  for (const name of ['nosharepages', 'source', 'access', 'allocation', 'discard']) assert.ok(full.includes(name), name);
  assert.ok(!full.includes('hugepages-nodes'), 'nor the snippet that writes a second <hugepages>');
  const empty = labels(backing(''));
  assert.ok(empty.includes('hugepages') && empty.includes('locked'), empty.join(', '));
  // The start tag being typed is not "there already": renaming <hugepa|ges/> still offers hugepages.
  const renaming = complete(domain('  <memoryBacking>\n    <hugepa|ges/>\n  </memoryBacking>')).items;
  assert.ok(labels(renaming).includes('hugepages'));
  // <vcpupin> may be repeated: offered next to one.
  const pins = elementLabels(complete(domain(`  <cputune>\n    <vcpupin vcpu='0' cpuset='0'/>\n    |\n  </cputune>`)).items);
  assert.ok(pins.includes('vcpupin'), pins.join(', '));
  assert.ok(!elementLabels(complete(domain(`  <cputune>\n    <emulatorpin cpuset='0'/>\n    |\n  </cputune>`)).items).includes('emulatorpin'));
});

test('one entry per label: a snippet named like the element it writes stands in for it, with its documentation', () => {
  for (const marked of [domain('  <memoryBacking>\n    |\n  </memoryBacking>'), domain('  <memoryBacking>\n    <|\n  </memoryBacking>'), domain('  |')]) {
    const all = labels(complete(marked).items);
    assert.deepEqual(all.filter((label, index) => all.indexOf(label) !== index), [], marked);
  }
  const { items, text } = complete(domain('  <memoryBacking>\n    |\n  </memoryBacking>'));
  const nosharepages = item(items, 'nosharepages');
  assert.equal(nosharepages.kind, CompletionItemKind.Snippet);
  const documentation = (nosharepages.documentation as { value: string }).value;
  assert.match(documentation, /```xml\n<nosharepages\/>\n```/, "the snippet's own text");
  assert.match(documentation, /KSM/, "the element's documentation under it");
  assert.equal(nosharepages.sortText, item(items, 'locked').sortText!.replace('locked', 'nosharepages'), "at the element's place");
  assert.ok(accept(text, nosharepages).includes('    <nosharepages/>\n  </memoryBacking>'));
  const top = complete(domain('  |')).items;
  assert.equal(item(top, 'cputune').kind, CompletionItemKind.Snippet);
  assert.match((item(top, 'cputune').documentation as { value: string }).value, /Guide 9\.3/);
});

test('order by relevance: the tuning elements the guide describes first, then the rest alphabetically', () => {
  const ordered = (marked: string): string[] =>
    [...complete(marked).items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((entry) => entry.label);
  assert.deepEqual(ordered(domain('  <cputune>\n    |\n  </cputune>')).slice(0, 2), ['emulatorpin', 'vcpupin']);
  const cputune = ordered(domain('  <cputune>\n    |\n  </cputune>'));
  assert.ok(cputune.indexOf('cachetune') < cputune.indexOf('emulator_period'), 'the rest alphabetically');
  assert.deepEqual(ordered(domain('  <memoryBacking>\n    |\n  </memoryBacking>')).slice(0, 3), ['hugepages', 'locked', 'nosharepages']);
  assert.deepEqual(ordered(domain('  <numatune>\n    |\n  </numatune>')).slice(0, 2), ['memory', 'memnode']);
});

test('item kinds: elements and closing tags are Property, attributes Field, values by what they are, snippets Snippet', () => {
  const content = complete(domain('  <cputune>\n    |\n  </cputune>')).items;
  assert.equal(item(content, 'vcpupin').kind, CompletionItemKind.Property);
  assert.equal(complete(domain('  <cputune>\n  </|')).items[0]?.kind, CompletionItemKind.Property);
  assert.ok(complete(domain('  <cputune>\n    <vcpupin |/>\n  </cputune>')).items.every((entry) => entry.kind === CompletionItemKind.Field));
  assert.equal(item(complete(domain("  <cputune>\n    <vcpupin vcpu='|' cpuset='0'/>\n  </cputune>")).items, '0').kind, CompletionItemKind.Value);
  assert.ok(!complete(domain('  |')).items.some((entry) => entry.kind === CompletionItemKind.Module), 'no Module icon left');
});
