import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { test, type TestContext } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LibvirtClaim, RuleMeta } from '../../../server/src/core/types';
import { domainDiagnostics } from '../../../server/src/domain/diagnostics';
import { DOMAIN_RULES } from '../../../server/src/domain/rules';
import { readSysfsHost } from '../../../server/src/host/sysfs';
import type { HostModel } from '../../../server/src/host/types';
import type { LibvirtResult } from '../../../server/src/libvirt/types';
import { VirshConnection } from '../../../server/src/libvirt/virsh';
import { LibvirtFactReader } from '../../../server/src/libvirt/facts';
import { withLibvirt } from '../../../server/src/host/withLibvirt';
import { domainDocument } from '../../../server/src/domain/document';
import { domainCapabilitiesQuery } from '../../../server/src/domain/libvirtKey';
import { guestDomain, type GuestImages } from './guestDomain';
import { pageExamples } from './ruleExamples';
import { sandboxReason } from './sandbox';

/**
 * `npm run test:libvirt`: every domain rule that declares what libvirt does with what it reports
 * (RuleMeta.libvirt) is checked against the real libvirtd at VT_LIBVIRT_URI (qemu:///system): its
 * example, in a minimal type='qemu' guest, must be turned down at the stage it names, with the words
 * it names, and its fixed form must pass that stage. scripts/test-libvirt.mjs runs this only when a
 * libvirtd answers. Guests are named vt-libvirt-<code>-... and removed afterwards.
 */
const URI = process.env['VT_LIBVIRT_URI'] ?? 'qemu:///system';
// A busy machine makes libvirt slow; a define normally takes well under a second.
const libvirt = new VirshConnection(URI, { timeoutMs: 180_000 });
const IMAGE_FOLDER = '/var/lib/libvirt/images';
const images: GuestImages = { raw: `${IMAGE_FOLDER}/vt-libvirt-test-${process.pid}.raw`, qcow2: `${IMAGE_FOLDER}/vt-libvirt-test-${process.pid}.qcow2` };

const claimed = DOMAIN_RULES.map((rule) => rule.meta).filter((meta): meta is RuleMeta & { libvirt: LibvirtClaim } => meta.libvirt !== undefined);

let liveHost: Promise<HostModel> | undefined;
const host = () => (liveHost ??= readSysfsHost('/'));

test.before(() => {
  execFileSync('mkdir', ['-p', IMAGE_FOLDER]);
  execFileSync('qemu-img', ['create', '-q', '-f', 'raw', images.raw, '1M']);
  execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', images.qcow2, '1M']);
});

test.after(() => {
  rmSync(images.raw, { force: true });
  rmSync(images.qcow2, { force: true });
});

test('some rules declare what libvirt does, and each has an example and a fixed form', () => {
  assert.ok(claimed.length >= 10, `only ${claimed.length} rules declare a libvirt claim`);
  for (const meta of claimed) {
    const { example, fixed } = documents(meta);
    assert.ok(example, `${meta.code} declares a libvirt claim but has no example (claim.example or an "## Example" xml block on its page)`);
    // A host rule's fix may be on the host (reserve pages, bring a CPU online), not in the document.
    if (!meta.libvirt.hostDependent) assert.ok(fixed, `${meta.code} declares a libvirt claim but has no fixed form (claim.fixed or a "## Fixed" xml block on its page)`);
  }
});

for (const meta of claimed) {
  test(`${meta.code} ${meta.name}: libvirt ${stageWords(meta.libvirt.stage)}`, async (t) => {
    const { example, fixed } = documents(meta);
    if (!example) return;
    const exampleXml = guestDomain(example, `vt-libvirt-${meta.code}-example`, images);
    const hostModel = meta.libvirt.hostDependent ? await hostWithLibvirt(exampleXml) : undefined;
    const reported = rulesOf(exampleXml, hostModel);
    if (meta.libvirt.hostDependent && !reported.includes(meta.code)) {
      t.skip(`this host does not give the finding for the example (${hostModel?.source}): nothing to check here`);
      return;
    }
    assert.ok(reported.includes(meta.code), `${meta.code} does not report its own example in a guest:\n${exampleXml}`);
    const exampleVerdict = await verdict(exampleXml, meta.libvirt.stage === 'accepted' ? 'start' : meta.libvirt.stage);
    t.diagnostic(`example: ${exampleVerdict.words}`);

    // A host rule's page writes its fixed form for the page's host: on another host it may still be reported.
    const fixedXml = fixed === undefined ? undefined : guestDomain(fixed, `vt-libvirt-${meta.code}-fixed`, images);
    const fixedReported = fixedXml !== undefined && rulesOf(fixedXml, hostModel).includes(meta.code);
    if (fixedXml !== undefined && !(meta.libvirt.hostDependent && fixedReported)) {
      assert.ok(!fixedReported, `${meta.code} still reports its fixed form:\n${fixedXml}`);
      const fixedVerdict = await verdict(fixedXml, meta.libvirt.stage === 'define' || meta.libvirt.stage === 'validate' ? 'validate' : 'start');
      t.diagnostic(`fixed: ${fixedVerdict.words}`);
      if (sandboxed(t, 'fixed form', fixedVerdict)) return;
      assert.equal(fixedVerdict.refusedAt, undefined, `libvirt turns down ${meta.code}'s fixed form ${fixedVerdict.words}`);
    }
    if (sandboxed(t, 'example', exampleVerdict, meta.libvirt.says)) return;
    if (meta.libvirt.stage === 'accepted') {
      assert.equal(exampleVerdict.refusedAt, undefined, `${meta.code} says libvirt accepts its example, but libvirt turns it down ${exampleVerdict.words}`);
      return;
    }
    assert.equal(exampleVerdict.refusedAt, meta.libvirt.stage, `${meta.code} says libvirt ${stageWords(meta.libvirt.stage)}, but libvirt ${exampleVerdict.refusedAt ? `turns it down ${exampleVerdict.words}` : 'accepts and starts it'}`);
    if (meta.libvirt.says) assert.ok(exampleVerdict.message?.includes(meta.libvirt.says), `libvirt's refusal does not say '${meta.libvirt.says}': ${exampleVerdict.message}`);
  });
}

/** This host as the host rules see it: sysfs, with what its libvirt offers for the guest's domcapabilities key. */
async function hostWithLibvirt(xml: string): Promise<HostModel | undefined> {
  const version = await libvirt.version();
  if (!version.ok) throw new Error(version.message);
  reader ??= new LibvirtFactReader(libvirt, version.value, { maxAgeMs: Number.POSITIVE_INFINITY });
  const document = domainDocument(TextDocument.create(`file:///vt-libvirt/${Math.random()}.xml`, 'xml', 1, xml.replace("<domain type='qemu'>", "<domain type='kvm'>")));
  const keys = document.model ? [domainCapabilitiesQuery(document.model, document.xml.root)] : [];
  return withLibvirt(await host(), await reader.answers(keys));
}
let reader: LibvirtFactReader | undefined;

function documents(meta: RuleMeta & { libvirt: LibvirtClaim }): { example?: string; fixed?: string } {
  const page = pageExamples(meta.code);
  return { example: meta.libvirt.example ?? page.example, fixed: meta.libvirt.fixed ?? page.fixed };
}

/**
 * The rules that report a guest, judged as the `type='kvm'` guest users write (some rules judge only
 * KVM guests); libvirt is asked with `type='qemu'`, which starts without /dev/kvm.
 */
function rulesOf(xml: string, host: HostModel | undefined): string[] {
  const document = TextDocument.create(`file:///vt-libvirt/${Math.random()}.xml`, 'xml', 1, xml.replace("<domain type='qemu'>", "<domain type='kvm'>"));
  return domainDiagnostics(document, host ? { host } : {}).map((finding) => finding.rule);
}

interface Verdict {
  /** The first stage that turned it down, up to the last one asked; undefined when it passed them all. */
  refusedAt?: 'define' | 'validate' | 'start';
  message?: string;
  words: string;
}

/**
 * Asks libvirt step by step, up to `last`: a plain define, a define --validate, a start (`virsh create`,
 * a transient guest, stopped at once). Every persistent definition is removed again.
 */
async function verdict(xml: string, last: 'define' | 'validate' | 'start'): Promise<Verdict> {
  const name = /<name>([^<]*)<\/name>/.exec(xml)?.[1] ?? '';
  await cleanUp(name);
  try {
    const defined = unwrap(await libvirt.define(xml));
    if (defined !== undefined) return { refusedAt: 'define', message: defined, words: `at define: "${defined}"` };
    await cleanUp(name);
    if (last === 'define') return { words: 'accepted by define' };
    const validated = unwrap(await libvirt.define(xml, { validate: true }));
    await cleanUp(name);
    if (validated !== undefined) return { refusedAt: 'validate', message: validated, words: `by define --validate (virsh edit): "${validated}"` };
    if (last === 'validate') return { words: 'accepted by define and define --validate' };
    const started = unwrap(await libvirt.create(xml));
    if (started !== undefined) return { refusedAt: 'start', message: started, words: `at start: "${started}"` };
    return { words: 'accepted by define and define --validate, and started' };
  } finally {
    await cleanUp(name);
  }
}

/** The refusal's message, undefined when libvirt said yes; an unreachable daemon fails the test. */
function unwrap<T>(result: LibvirtResult<T>): string | undefined {
  if (result.ok) return undefined;
  if (result.kind === 'unavailable') throw new Error(result.message);
  return result.message;
}

async function cleanUp(name: string): Promise<void> {
  await libvirt.destroy(name);
  await libvirt.undefine(name);
}

/** Skips, saying why, when the sandbox and not the rule's reason made libvirt say no. */
function sandboxed(t: TestContext, which: string, result: Verdict, says?: string): boolean {
  if (result.refusedAt !== 'start' || !result.message) return false;
  if (says && result.message.includes(says)) return false;
  const reason = sandboxReason(result.message);
  if (!reason) return false;
  t.skip(`not a hypervisor: the ${which} cannot start because ${reason} ("${result.message}")`);
  return true;
}

function stageWords(stage: LibvirtClaim['stage']): string {
  switch (stage) {
    case 'define':
      return 'refuses it at define';
    case 'validate':
      return 'refuses it at define --validate (virsh edit), a plain define drops it';
    case 'start':
      return 'defines it, the guest does not start';
    case 'accepted':
      return 'defines and starts it';
  }
}
