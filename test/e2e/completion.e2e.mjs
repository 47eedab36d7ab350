// @ts-check
// Completion as a user meets it (issue 11): accepting an item in the middle of a word keeps the rest of
// the line, in GRUB files and in domain XML; a domain snippet is offered once; nothing of virt-tune's in
// a pom.xml; ksmtuned.conf offers its variables on the last line of the file. With libvirt's schema set
// (issue 16), a file disk's <source> is offered the attributes of a file disk.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES_HOST, examplesHost, expectedProblems, ROOT, scenario } from './workbench.mjs';

/**
 * Opens a file and waits until its findings show: the language server is up and has the document.
 * @param {import('./workbench.mjs').Workbench} workbench @param {string} file @param {string} [host]
 */
async function openJudged(workbench, file, host) {
  await workbench.openFile(file);
  const expected = expectedProblems(join(workbench.folder, file), host);
  assert.ok(expected.length > 0, `${file} has a finding to wait for`);
  assert.deepEqual(await workbench.waitForProblems(file.split('/').at(-1) ?? file, expected), [...expected].sort());
}

const DEFAULT_GRUB = 'GRUB_TIMEOUT=5\nGRUB_CMDLINE_LINUX="quiet default_hugepagesz=1G hugepagesz=1G hugepages=4 transparent_hugepage=sometimes"\n';
// Indented with blanks: Go to Line's column would count a tab as one, the status bar as four.
const GRUB_CFG = "menuentry 'RHEL' {\n  linux16 /vmlinuz-3.10.0 root=/dev/sda1 ro elevator=noop transparent_hugepage=sometimes\n  initrd16 /initramfs-3.10.0.img\n}\n";
const DOMAIN = `<domain type='kvm'>
  <name>vt-editing-e2e</name>
  <memory unit='GiB'>4</memory>
  <vcpu placement='static'>2</vcpu>
  <cputune>
    <emulatorpin cpuset='1'/>
    <vcpupin vcpu='3' cpuset='2'/>
  </cputune>

  <os>
    <type arch='x86_64'>hvm</type>
  </os>
</domain>
`;

/**
 * Types `typed` at a 1-based line and column, accepts the first suggestion whose label is `label` with
 * Enter (VS Code's default insert mode), closes what the item opens next (a value list), saves, and
 * returns the line as saved.
 * @param {import('./workbench.mjs').Workbench} workbench
 * @param {string} file @param {number} line @param {number} column @param {string} typed @param {string} label
 */
async function completeAt(workbench, file, line, column, typed, label) {
  const page = workbench.page;
  await workbench.goTo(line, column);
  await page.keyboard.type(typed, { delay: 30 });
  let labels = await workbench.suggestions();
  let names = labels.map((each) => each.split(',')[0]?.trim());
  if (!names.includes(label)) {
    // The list typing brought up may predate the language server: ask again, as a user would.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Space');
    await page.waitForTimeout(1000);
    labels = await workbench.suggestions();
    names = labels.map((each) => each.split(',')[0]?.trim());
  }
  const index = names.indexOf(label);
  assert.ok(index >= 0, `${label} is offered after typing ${typed}: ${labels.join(' | ')}`);
  for (let moves = 0; moves < index; moves++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  await page.keyboard.press('Escape');
  await workbench.save();
  return readFileSync(join(workbench.folder, file), 'utf8').split('\n')[line - 1];
}

scenario('completion in the middle of a word keeps the rest of the line: /etc/default/grub and grub.cfg', {
  'etc/default/grub': { text: DEFAULT_GRUB },
  'boot/grub2/grub.cfg': { text: GRUB_CFG },
}, async (workbench) => {
  await openJudged(workbench, 'etc/default/grub');
  // quiet |default_hugepagesz=1G: a new parameter goes in front, default_hugepagesz=1G stays whole.
  const grub = await completeAt(workbench, 'etc/default/grub', 2, 'GRUB_CMDLINE_LINUX="quiet '.length + 1, 'numa_bal', 'numa_balancing');
  await workbench.screenshot('completion-default-grub');
  assert.match(grub ?? '', /^GRUB_CMDLINE_LINUX="quiet numa_balancing=\S* default_hugepagesz=1G hugepagesz=1G hugepages=4 transparent_hugepage=sometimes"$/, grub);

  await openJudged(workbench, 'boot/grub2/grub.cfg');
  const cfg = await completeAt(workbench, 'boot/grub2/grub.cfg', 2, '  linux16 /vmlinuz-3.10.0 root=/dev/sda1 ro '.length + 1, 'hugepagesz', 'hugepagesz');
  await workbench.screenshot('completion-grub-cfg');
  assert.match(cfg ?? '', /ro hugepagesz=\S* elevator=noop transparent_hugepage=sometimes$/, cfg);
});

scenario('domain completion: the middle of a name keeps the rest; a snippet is offered once', { 'guest.xml': { text: DOMAIN }, ...examplesHost() }, async (workbench) => {
  await openJudged(workbench, 'guest.xml', EXAMPLES_HOST);
  // <|emulatorpin cpuset='1'/>, "vcpu" typed: the accepted name goes in, the rest of the tag stays.
  const renamed = await completeAt(workbench, 'guest.xml', 6, 6, 'vcpu', 'vcpupin');
  await workbench.screenshot('completion-domain-middle');
  assert.equal(renamed, "    <vcpupinemulatorpin cpuset='1'/>");

  await workbench.goTo(9, 1);
  await workbench.page.keyboard.type('  numatu', { delay: 30 });
  const labels = await workbench.suggestions();
  await workbench.screenshot('completion-domain-snippet-once');
  const names = labels.map((each) => each.split(',')[0]?.trim());
  assert.equal(names.filter((name) => name === 'numatune').length, 1, `numatune once: ${labels.join(' | ')}`);
  await workbench.page.keyboard.press('Escape');
});

scenario("nothing of virt-tune's in a pom.xml; ksmtuned.conf offers its variables on the file's last line", {
  'pom.xml': { text: '<project>\n  <modelVersion>4.0.0</modelVersion>\n  \n</project>\n' },
  'ksmtuned.conf': { text: '# ksmtuned\nKSM_SLEEP_MSEC=10\nKSM_SLEEP=10\n' },
}, async (workbench) => {
  const page = workbench.page;
  await workbench.openFile('pom.xml');
  await workbench.goTo(3, 3);
  await page.keyboard.type('cputu', { delay: 30 });
  await page.keyboard.press('Control+Space');
  await page.waitForTimeout(3000);
  const pom = await page.locator('.suggest-widget .monaco-list-row').evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
  await workbench.screenshot('completion-pom-xml');
  assert.ok(!pom.some((label) => /cputune|vcpupin|hugepages/.test(label)), `nothing of virt-tune's: ${pom.join(' | ')}`);
  await page.keyboard.press('Escape');

  await openJudged(workbench, 'ksmtuned.conf');
  await workbench.goTo(4, 1);
  await page.keyboard.press('Control+Space');
  const labels = await workbench.suggestions();
  await workbench.screenshot('completion-ksmtuned-last-line');
  const names = labels.map((each) => each.split(',')[0]?.trim());
  assert.ok(names.includes('KSM_NPAGES_MAX') && names.includes('KSM_MONITOR_INTERVAL'), `the variables on the last line: ${labels.join(' | ')}`);
});

/** libvirt's schema for the variant scenario: the host's (libvirt installed), else the corpus's 11.3.0 one. */
const VARIANT_SCHEMA = ['/usr/share/libvirt/schemas/domain.rng', join(ROOT, '..', 'shared', 'corpus', 'libvirt-11.3.0', 'schemas', 'domain.rng')].find((path) => existsSync(path));
/** A file disk whose <source> gets its attribute, and a disk with no <target>, which only the schema refuses (VT108). */
const VARIANT_DOMAIN = `<domain type='kvm'>
  <name>vt-variant-e2e</name>
  <memory unit='GiB'>4</memory>
  <vcpu placement='static'>2</vcpu>
  <os>
    <type arch='x86_64'>hvm</type>
  </os>
  <devices>
    <disk type='file' device='disk'>
      <source />
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='block' device='disk'>
      <source dev='/dev/sdb'/>
    </disk>
  </devices>
</domain>
`;

scenario("with virtTune.schema set, a file disk's <source> is offered file, not dev", { 'guest.xml': { text: VARIANT_DOMAIN }, ...examplesHost({ 'virtTune.schema': VARIANT_SCHEMA }) }, async (workbench) => {
  await workbench.openFile('guest.xml');
  // The schema is in use once its verdict shows: what the CLI finds with the same host and schema, VT108 among it.
  const expected = expectedProblems(join(workbench.folder, 'guest.xml'), EXAMPLES_HOST, VARIANT_SCHEMA);
  assert.ok(expected.some((problem) => problem.includes('VT108')), expected.join(' | '));
  assert.deepEqual(await workbench.waitForProblems('guest.xml', expected), [...expected].sort());

  // <source |/>: what a file disk's source takes.
  await workbench.goTo(10, '      <source '.length + 1);
  await workbench.page.keyboard.press('Control+Space');
  const labels = await workbench.suggestions();
  await workbench.screenshot('completion-variant-file-source');
  const names = labels.map((each) => each.split(',')[0]?.trim());
  for (const name of ['file', 'startupPolicy', 'index']) assert.ok(names.includes(name), `${name} is offered: ${labels.join(' | ')}`);
  for (const name of ['dev', 'pool', 'protocol', 'dir']) assert.ok(!names.includes(name), `${name} is not: ${labels.join(' | ')}`);
  await workbench.page.keyboard.press('Escape');
}, { skip: VARIANT_SCHEMA ? false : 'no libvirt schema here (neither the host\'s nor the corpus\'s)' });
