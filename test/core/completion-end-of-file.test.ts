import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem } from 'vscode-languageserver-types';
import type { FileKind } from '../../server/src/core/types';
import { serviceFor } from '../../server/src/services';
import { accept } from '../domain/completionHelpers';

let counter = 0;

/** Completion through a kind's service at the `|` of a marked text opened at a path. */
function complete(kind: FileKind, path: string, marked: string): { items: CompletionItem[]; text: string } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const document = TextDocument.create(`file://${path}?eof=${++counter}`, kind === 'domain' ? 'xml' : kind, 1, text);
  return { items: serviceFor(kind)!.completion(document, document.positionAt(offset)).items, text };
}

function accepted(kind: FileKind, path: string, marked: string, label: string): string {
  const { items, text } = complete(kind, path, marked);
  const item = items.find((candidate) => candidate.label === label);
  assert.ok(item, `no '${label}' among ${items.map((candidate) => candidate.label).join(', ')}`);
  return accept(text, item);
}

test('ksmtuned.conf: the last line of the file, after its line break, offers every variable as a blank line mid-file does', () => {
  const mid = complete('ksmtuned', '/etc/ksmtuned.conf', 'KSM_SLEEP_MSEC=10\n|\nKSM_NPAGES_MAX=1250\n').items.map((item) => item.label);
  const last = complete('ksmtuned', '/etc/ksmtuned.conf', 'KSM_SLEEP_MSEC=10\n|').items.map((item) => item.label);
  assert.ok(last.length > 5);
  assert.deepEqual(last, mid);
  assert.equal(accepted('ksmtuned', '/etc/ksmtuned.conf', 'KSM_SLEEP_MSEC=10\n|', 'KSM_NPAGES_MAX'), 'KSM_SLEEP_MSEC=10\nKSM_NPAGES_MAX=1250');
});

test('ksmtuned.conf: a last line without a line break: its name, its value', () => {
  assert.equal(accepted('ksmtuned', '/etc/ksmtuned.conf', 'KSM_SLEEP_MSEC=10\nKSM_NPAGES_M|', 'KSM_NPAGES_MAX'), 'KSM_SLEEP_MSEC=10\nKSM_NPAGES_MAX=1250');
  assert.equal(accepted('ksmtuned', '/etc/ksmtuned.conf', 'KSM_SLEEP_MSEC=|', '10'), 'KSM_SLEEP_MSEC=10');
  assert.equal(accepted('ksmtuned', '/etc/ksmtuned.conf', '|', 'KSM_SLEEP_MSEC'), 'KSM_SLEEP_MSEC=10');
});

test('ksmtuned.conf: a variable put before a comment line goes on a line of its own', () => {
  assert.equal(accepted('ksmtuned', '/etc/ksmtuned.conf', '|# the pages\n', 'KSM_NPAGES_MAX'), 'KSM_NPAGES_MAX=1250\n# the pages\n');
  assert.equal(accepted('ksmtuned', '/etc/ksmtuned.conf', 'KSM_SLEEP_MSEC="1|"\n', '10'), 'KSM_SLEEP_MSEC="10"\n');
});

test('kernel command lines at the end of the file, with and without a line break, in every file shape', () => {
  assert.equal(accepted('cmdline', '/etc/kernel/cmdline', 'root=/dev/sda1 ro nos|', 'nosmt'), 'root=/dev/sda1 ro nosmt');
  assert.equal(accepted('cmdline', '/etc/kernel/cmdline', 'root=/dev/sda1 ro |\n', 'nosmt'), 'root=/dev/sda1 ro nosmt\n');
  assert.equal(accepted('cmdline', '/boot/grub2/grub.cfg', 'linux /vmlinuz-6.8.0 ro transparent_hugepage=nev|', 'never'), 'linux /vmlinuz-6.8.0 ro transparent_hugepage=never');
  assert.equal(accepted('cmdline', '/boot/grub/grub.conf', 'title RHEL\n\tkernel /vmlinuz-3.10.0 ro |', 'nosmt'), 'title RHEL\n\tkernel /vmlinuz-3.10.0 ro nosmt');
  assert.equal(accepted('cmdline', '/boot/loader/entries/a.conf', 'title x\noptions root=UUID=1 |', 'nosmt'), 'title x\noptions root=UUID=1 nosmt');
  assert.equal(accepted('cmdline', '/etc/default/grub', 'GRUB_CMDLINE_LINUX="quiet nos|"', 'nosmt'), 'GRUB_CMDLINE_LINUX="quiet nosmt"');
});

test('domain XML at the end of the file: a tag being typed, and nothing after the root', () => {
  assert.ok(accepted('domain', '/guest.xml', "<domain type='kvm'>\n  <name>g</name>\n  <vcpu>2</vcpu>\n  <cputu|", 'cputune').includes('<cputune>'));
  assert.deepEqual(complete('domain', '/guest.xml', "<domain type='kvm'>\n  <name>g</name>\n</domain>\n|").items, []);
});

test('the middle of a word keeps the rest of the line: GRUB files and domain XML (issue 11)', () => {
  assert.equal(
    accepted('cmdline', '/etc/default/grub', 'GRUB_CMDLINE_LINUX="quiet |default_hugepagesz=1G hugepagesz=1G hugepages=4"\n', 'numa_balancing'),
    'GRUB_CMDLINE_LINUX="quiet numa_balancing= default_hugepagesz=1G hugepagesz=1G hugepages=4"\n',
  );
  assert.equal(
    accepted('cmdline', '/boot/grub2/grub.cfg', 'linux16 /vmlinuz-3.10.0 ro hugepagesz|elevator=noop\n', 'hugepagesz'),
    'linux16 /vmlinuz-3.10.0 ro hugepagesz= elevator=noop\n',
  );
  assert.equal(accepted('cmdline', '/etc/kernel/cmdline', 'quiet iso|=2-7\n', 'isolcpus'), 'quiet isolcpus=2-7\n');
  const xml = "<domain type='kvm'>\n  <name>g</name>\n  <vcpu>2</vcpu>\n  <cputune>\n    <vcpu|emulatorpin cpuset='1'/>\n  </cputune>\n</domain>\n";
  assert.ok(accepted('domain', '/guest.xml', xml, 'vcpupin').includes("<vcpupinemulatorpin cpuset='1'/>"));
});
