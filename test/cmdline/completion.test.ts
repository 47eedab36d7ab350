import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { cmdlineCompletion } from '../../server/src/cmdline/completion';
import { atCursor, BLS_ENTRY, DEFAULT_GRUB, GRUB_CFG, KERNEL_CMDLINE } from './cmdlineHelpers';

function complete(marked: string, path = DEFAULT_GRUB): { items: CompletionItem[]; document: TextDocument } {
  const { document, position } = atCursor(marked, path);
  return { items: cmdlineCompletion(document, position).items, document };
}

function accept(document: TextDocument, item: CompletionItem | undefined): string {
  assert.ok(item?.textEdit);
  return TextDocument.applyEdits(document, [item.textEdit as TextEdit]);
}

test('completion of names inside GRUB_CMDLINE_LINUX: name= for those that take a value, then values suggested', () => {
  const { items, document } = complete('GRUB_CMDLINE_LINUX="quiet transp|"\n');
  const item = items.find((candidate) => candidate.label === 'transparent_hugepage');
  assert.equal(accept(document, item), 'GRUB_CMDLINE_LINUX="quiet transparent_hugepage="\n');
  assert.equal(item?.command?.command, 'editor.action.triggerSuggest');
  const flag = items.find((candidate) => candidate.label === 'nowatchdog');
  assert.equal(accept(document, flag), 'GRUB_CMDLINE_LINUX="quiet nowatchdog"\n');
  assert.ok(items[0]!.documentation);
});

test('completion inside a value whose quote is not closed yet, as while it is typed (no finding is made of its words)', () => {
  const { items } = complete('GRUB_CMDLINE_LINUX="quiet transp|\nGRUB_TIMEOUT=5\n');
  assert.ok(items.some((candidate) => candidate.label === 'transparent_hugepage'));
});

test('names already on the line are not offered again, except the huge page pairs', () => {
  const { items } = complete('isolcpus=2-7 hugepagesz=1G hugepages=4 |\n', KERNEL_CMDLINE);
  const labels = items.map((item) => item.label);
  assert.ok(!labels.includes('isolcpus'));
  assert.ok(labels.includes('hugepagesz'));
  assert.ok(labels.includes('hugepages'));
});

test('completion of values: a closed list, replacing only what is after =', () => {
  const { items, document } = complete('linux /vmlinuz-6.8.0 transparent_hugepage=ma|x\n', GRUB_CFG);
  assert.deepEqual(items.map((item) => item.label), ['always', 'madvise', 'never']);
  assert.equal(accept(document, items[2]), 'linux /vmlinuz-6.8.0 transparent_hugepage=never\n');
});

test('completion of values: huge page sizes of the architecture, booleans, one option of a comma list', () => {
  assert.deepEqual(complete('options hugepagesz=|\n', BLS_ENTRY).items.map((item) => item.label), ['2M', '1G']);
  assert.deepEqual(complete('kvm_intel.nested=|\n', KERNEL_CMDLINE).items.map((item) => item.label), ['1', '0']);
  const { items, document } = complete('intel_iommu=on,s|m_off quiet\n', KERNEL_CMDLINE);
  assert.equal(accept(document, items.find((item) => item.label === 'sm_on')), 'intel_iommu=on,sm_on quiet\n');
  const flags = complete('isolcpus=|\n', KERNEL_CMDLINE);
  const domain = flags.items.find((item) => item.label === 'domain');
  assert.equal(accept(flags.document, domain), 'isolcpus=domain,\n');
});

test('completion after the last parameter of a kernel line or an options line, blanks typed at its end', () => {
  const grub = complete('linux /vmlinuz-6.8.0 ro |\ninitrd /initramfs.img\n', GRUB_CFG);
  assert.equal(accept(grub.document, grub.items.find((item) => item.label === 'nosmt')), 'linux /vmlinuz-6.8.0 ro nosmt\ninitrd /initramfs.img\n');
  const bls = complete('title x\noptions |\n', BLS_ENTRY);
  assert.ok(bls.items.some((item) => item.label === 'hugepages'));
});

test('no completion outside the command lines of the file', () => {
  assert.deepEqual(complete('GRUB_TIME|OUT=5\nGRUB_CMDLINE_LINUX="quiet"\n').items, []);
  assert.deepEqual(complete('GRUB_CMDLINE_LINUX="quiet"|\n').items, []);
  assert.deepEqual(complete('menuentry x {\n\tinsmod |\n}\n', GRUB_CFG).items, []);
  assert.deepEqual(complete('frobnicate=|\n', KERNEL_CMDLINE).items, []);
});

test('item kinds as in domain XML: parameter names are Fields (name=value settings), closed-list values EnumMembers', () => {
  const names = complete('quiet |\n', KERNEL_CMDLINE).items;
  assert.ok(names.length > 0 && names.every((item) => item.kind === CompletionItemKind.Field));
  const values = complete('linux /vmlinuz-6.8.0 transparent_hugepage=|\n', GRUB_CFG).items;
  assert.ok(values.length > 0 && values.every((item) => item.kind === CompletionItemKind.EnumMember));
});

test("on a stray line, names the kernel line or that line gives are not offered again; names on another stray line are", () => {
  const { items } = complete('linux /vmlinuz-6.8.0 nosmt\nquiet isolcpus=2-7\nnohz_full=2-7 n|\n', GRUB_CFG);
  const labels = items.map((item) => item.label);
  assert.ok(!labels.includes('nosmt') && !labels.includes('nohz_full'));
  assert.ok(labels.includes('isolcpus'));
});

test('no name is offered inside a parameter that runs on across a blank (a template tag kept whole)', () => {
  // test/core/completion-insert-mode.test.ts found it: 'nohz' put after the }} joined rcu_nocbs= into nohz_full='s tag.
  assert.deepEqual(complete('nohz_full={{ cpus }}| rcu_nocbs={{ cpus }}\n', KERNEL_CMDLINE).items, []);
  assert.deepEqual(complete('nohz_full={{ cpus }} |rcu_nocbs={{ cpus }}\n', KERNEL_CMDLINE).items.length > 0, true);
});
