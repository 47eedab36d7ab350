import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isTemplate } from '../../server/src/core/template';
import { cmdlineDocument } from '../../server/src/cmdline/document';
import { kernelParam } from '../../server/src/kb/cmdline';
import { detectKind } from '../../server/src/services';
import { lintText } from '../../server/src/cli/lintSource';
import { rangeText } from '../helpers';
import { ROOT, runCli, temporaryFolder } from '../cli/cliHarness';

/** The example boot files (test/fixtures/boot-files), written for these tests: one folder per case. */
const CORPUS = join(ROOT, 'test', 'fixtures', 'boot-files');

interface Expectation {
  /** [code, the text the finding covers] that must be said. */
  must: [string, string][];
  /** Codes that must not be said at all. */
  mustNot: string[];
}

const EXPECTED: Record<string, Expectation> = {
  'vfio-intel/etc/default/grub': { must: [], mustNot: ['VT305', 'VT308', 'VT312', 'VT301'] },
  'proxmox-amd/etc/default/grub': { must: [['VT301', 'on']], mustNot: ['VT305'] },
  'ansible-jinja/etc/default/grub': {
    must: [['VT310', '{{ ansible_managed }}'], ['VT301', 'off'], ['VT317', 'auto']],
    mustNot: ['VT304', 'VT308', 'VT312', 'VT303'],
  },
  'puppet-erb/boot/grub2/grub.cfg': { must: [['VT310', "<%= @kernel_args.join(' ') %>"]], mustNot: ['VT307', 'VT308'] },
  'salt-ksm/etc/ksmtuned.conf': { must: [['VT218', "{{ salt['pillar.get']('ksm:interval', 60) }}"]], mustNot: ['VT201', 'VT204'] },
  'guide-6.4.2/boot/grub2/grub.cfg': { must: [['VT307', 'rd.lvm.lv=vg0/lv0 vconsole.keymap=us vconsole.font=latarcyrheb-sun16 rhgb'], ['VT307', 'quiet elevator=deadline']], mustNot: ['VT308'] },
  'windows-crlf/etc/default/grub': { must: [['VT313', '\r\n']], mustNot: ['VT308', 'VT312'] },
  'doubled-quote/etc/default/grub': { must: [['VT312', 'rhgb']], mustNot: ['VT308'] },
  'multiline/etc/default/grub': { must: [['VT314', 'iommu=pt'], ['VT314', 'default_hugepagesz=1G hugepagesz=1G hugepages=16']], mustNot: ['VT305'] },
  'grub2-named-conf/boot/grub/grub.conf': { must: [['VT306', 'elevator=noop']], mustNot: ['VT308'] },
  'legacy/boot/grub/menu.lst': { must: [], mustNot: ['VT308', 'VT301', 'VT307'] },
  'custom/etc/grub.d/40_custom': { must: [], mustNot: ['VT307', 'VT308'] },
  'bls/boot/loader/entries/abc-5.14.0-427.el9.x86_64.conf': { must: [], mustNot: ['VT305', 'VT308'] },
  'uki/etc/kernel/cmdline': { must: [], mustNot: ['VT308'] },
  'installers/etc/kernel/cmdline': { must: [], mustNot: ['VT308', 'VT311', 'VT305'] },
  'typos/etc/default/grub': {
    must: [['VT308', 'rootfsflags'], ['VT308', 'pcie_asmp'], ['VT308', 'pcie'], ['VT308', 'init-'], ['VT311', 'debuge'], ['VT308', 'transparent_hugepages']],
    mustNot: [],
  },
  'isolation/etc/default/grub': {
    must: [['VT305', 'quiet'], ['VT315', '0-7'], ['VT315', '2-3'], ['VT301', 'disable,passive'], ['VT316', 'default_hugepagesz=1G']],
    mustNot: ['VT308'],
  },
  'ksm-numbers/etc/ksmtuned.conf': { must: [['VT219', '99999999999999999999'], ['VT220', '100']], mustNot: ['VT201'] },
};

function corpusFiles(folder = CORPUS): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return corpusFiles(path);
    return name === 'README.md' ? [] : [relative(CORPUS, path).split('\\').join('/')];
  });
}

test('every example boot file has its expectations, and gets what it must and nothing it must not', () => {
  const files = corpusFiles();
  assert.deepEqual(files.sort(), Object.keys(EXPECTED).sort());
  for (const file of files) {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    const kind = detectKind(`/${file}`, text);
    assert.ok(kind === 'cmdline' || kind === 'ksmtuned', `${file} is a boot file (${kind})`);
    const findings = lintText(`/${file}`, kind, text);
    const said = findings.map((finding) => [finding.rule, rangeText(text, finding)]);
    for (const [code, covered] of EXPECTED[file]!.must) {
      assert.ok(said.some(([rule, text]) => rule === code && text === covered), `${file}: ${code} on '${covered}' (said: ${JSON.stringify(said)})`);
    }
    for (const code of EXPECTED[file]!.mustNot) {
      assert.deepEqual(said.filter(([rule]) => rule === code), [], `${file}: no ${code}`);
    }
  }
});

/** The parameters of a command line file that a fix must never take away: options that accumulate, and every word the knowledge base has no parsing rule for. */
function keptWords(path: string, text: string): string[] {
  const document = cmdlineDocument(TextDocument.create(`file://${path}`, 'grub', 1, text));
  return document.lines
    .filter((line) => !line.shadowed)
    .flatMap((line) => line.params)
    .filter((param) => {
      const spec = kernelParam(param.name);
      return !spec || spec.repeat === 'accumulate' || !spec.parsedBy;
    })
    .map((param) => `${param.name}=${param.value ?? ''}`)
    .sort();
}

test('virt-tune fix on a copy of every example deletes no accumulating or unknown parameter and changes no template', () => {
  const copy = temporaryFolder();
  cpSync(CORPUS, copy, { recursive: true });
  const run = runCli(['fix', '.'], copy);
  assert.ok(run.status !== 2 && run.status !== null, run.stderr);
  let templates = 0;
  let changed = 0;
  for (const file of corpusFiles()) {
    const before = readFileSync(join(CORPUS, file), 'utf8');
    const after = readFileSync(join(copy, file), 'utf8');
    if (after !== before) changed++;
    if (isTemplate(before)) {
      templates++;
      assert.equal(after, before, `${file} is a template and stays byte for byte`);
      assert.match(run.stderr, new RegExp(`${file.replace(/[.]/g, '\\.')}: left unchanged: it is an? (Jinja|ERB) template`));
      continue;
    }
    if (!file.includes('ksmtuned')) {
      const missing = [...keptWords(`/${file}`, before)];
      for (const word of keptWords(`/${file}`, after)) {
        const index = missing.indexOf(word);
        if (index >= 0) missing.splice(index, 1);
      }
      assert.deepEqual(missing, [], `${file}: fix took away ${missing.join(' ')}`);
    }
  }
  assert.equal(templates, 3);
  // The fixes that can be made are made: the guide's broken line, CRLF, the multi-line value, 1 GiB pairing...
  assert.ok(changed >= 4, `${changed} files changed`);
  const joined = readFileSync(join(copy, 'guide-6.4.2/boot/grub2/grub.cfg'), 'utf8');
  assert.match(joined, /\tlinux16 \S+ root=\S+ ro rd\.lvm\.lv=vg0\/lv0 vconsole\.keymap=us vconsole\.font=latarcyrheb-sun16 rhgb quiet elevator=deadline\n/);
  assert.equal(readFileSync(join(copy, 'multiline/etc/default/grub'), 'utf8').split('\n')[1], 'GRUB_CMDLINE_LINUX_DEFAULT="quiet intel_iommu=on iommu=pt default_hugepagesz=1G hugepagesz=1G hugepages=16"');
  assert.ok(!readFileSync(join(copy, 'windows-crlf/etc/default/grub'), 'utf8').includes('\r'));
});
