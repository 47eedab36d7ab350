// The passes of findingsDump.ts: which texts, linted how, written as which lines.
import { join, relative } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../server/src/core/types';
import { applySafeFixes } from '../../server/src/cli/safeFixes';
import { lintTextFully } from '../../server/src/cli/lintSource';
import { templateSkipNotice } from '../../server/src/cli/templateSkip';
import { unifiedDiff } from '../../server/src/cli/unifiedDiff';
import { loadHostPath } from '../../server/src/host/load';
import type { HostModel } from '../../server/src/host/types';
import { chooseSchema, serviceFor } from '../../server/src/services';
import { CORPUS_DIR, SHARED_DIR } from '../kb/shared';
import { findingsDigest } from './findingsDigest';
import { grubFolderTexts } from './findingsDumpGrubD';
import { bootTexts, domainTexts, largeRegressions, moreDomainTexts, ROOT, type DumpText, type Sample } from './findingsDumpTexts';

/** libvirt's schema as `virt-tune lint --schema PATH` is given it, and that PATH as the dump names it. */
export const SCHEMA_FILE = join(CORPUS_DIR, 'schemas', 'domain.rng');
const SCHEMA_NAME = relative(SHARED_DIR, SCHEMA_FILE);

/** One JSON line: `[name, value]`, the name starting with the pass's prefix (none for the first pass, as its lines always were). */
export type Write = (name: string, value: unknown) => void;

export interface Pass {
  /** As the summary names it. */
  name: string;
  /** Lines of this pass start with `["PREFIX`. */
  prefix: string;
  /** Lints its texts, writes a line for each text with something to say; returns how many texts and findings. */
  run(write: Write, context: PassContext): Promise<{ texts: number; findings: number }>;
}

export interface PassContext {
  sample: Sample;
  host: HostModel;
}

/** The host fixture the domain passes lint with, besides without one. */
export async function passContext(sample: Sample): Promise<PassContext> {
  const host = await loadHostPath(join(ROOT, 'test', 'fixtures', 'hosts', 'two-nodes'));
  if (!host) throw new Error('the two-nodes host fixture did not load');
  return { sample, host };
}

/** The two ways each domain text is linted: ` +host` with the host fixture, a regression stored with a host only with it. */
function hostChoices(text: DumpText, host: HostModel): [string, { host?: HostModel }][] {
  return text.hostOnly ? [[' +host', { host }]] : [['', {}], [' +host', { host }]];
}

/** The first pass, written as the dump always wrote it: same texts, order, document uri and versions, lines without a prefix. */
const builtinDomains: Pass = {
  name: 'domain, built-in structure (--schema builtin)',
  prefix: '',
  async run(write, { sample, host }) {
    await chooseSchema('builtin');
    const service = serviceFor('domain')!;
    const uri = 'file:///dump/domain.xml';
    let version = 0;
    let findings = 0;
    const texts = domainTexts(sample);
    for (const { name, text } of texts) {
      for (const [label, options] of [['', {}], [' +host', { host }]] as const) {
        const found = service.diagnostics(TextDocument.create(uri, 'xml', ++version, text), options);
        service.forget(uri);
        if (found.length > 0) write(name + label, found);
        findings += found.length;
      }
    }
    return { texts: texts.length, findings };
  },
};

/** Lints each text with what `virt-tune lint` reports for it (the schema verdict awaited when one is chosen). */
async function lintEach(prefix: string, texts: readonly DumpText[], host: HostModel | undefined, write: Write): Promise<{ texts: number; findings: number }> {
  let findings = 0;
  for (const text of texts) {
    const choices: [string, { host?: HostModel }][] = host ? hostChoices(text, host) : [['', {}]];
    const dropIns = text.grubDropIns ? { grubDropIns: text.grubDropIns } : {};
    for (const [label, options] of choices) {
      const found: Finding[] = await lintTextFully(text.path, text.kind, text.text, 1, { ...options, ...dropIns });
      if (found.length > 0) write(`${prefix}${text.name}${label}`, found);
      findings += found.length;
    }
  }
  return { texts: texts.length, findings };
}

const moreDomains: Pass = {
  name: 'domain, built-in structure, more texts (other fixtures, fuzz seeds and regressions)',
  prefix: 'builtin: ',
  async run(write, { host }) {
    await chooseSchema('builtin');
    return lintEach(this.prefix, moreDomainTexts(), host, write);
  },
};

/** Compiled afresh in this process (the CLI's schema cache is not read: a stale one would hide a change). */
const schemaDomains: Pass = {
  name: `domain, libvirt's schema (--schema ${SCHEMA_NAME})`,
  prefix: `schema ${SCHEMA_NAME}: `,
  async run(write, { sample, host }) {
    const source = await chooseSchema(SCHEMA_FILE);
    if (!source) throw new Error(`${SCHEMA_FILE}: no schema chosen`);
    try {
      return await lintEach(this.prefix, [...domainTexts(sample), ...moreDomainTexts()], host, write);
    } finally {
      await chooseSchema('builtin');
    }
  },
};

const cmdline: Pass = {
  name: 'kernel command lines',
  prefix: 'cmdline: ',
  run: (write, { sample }) => lintEach(cmdline.prefix, bootTexts('cmdline', sample), undefined, write),
};

const ksmtuned: Pass = {
  name: 'ksmtuned.conf',
  prefix: 'ksmtuned: ',
  run: (write, { sample }) => lintEach(ksmtuned.prefix, bootTexts('ksmtuned', sample), undefined, write),
};

/**
 * What `virt-tune fix` would write for each text, as fixCommand decides it: a template is left alone (the
 * notice, without its path), otherwise the safe fixes applied pass by pass (with the drop-ins sourced after
 * it, as fix reads them); the line holds how many were applied, the choices among several fixes, and the
 * unified diff. A text fix leaves as it is has no line.
 */
function fixEach(prefix: string, texts: readonly DumpText[], write: Write): { texts: number; findings: number } {
  let applied = 0;
  for (const { name, kind, path, text, grubDropIns } of texts) {
    const template = templateSkipNotice(name, text);
    if (template) {
      write(`${prefix}${name}`, { left: template });
      continue;
    }
    const outcome = applySafeFixes(path, kind, text, grubDropIns ? { grubDropIns } : {});
    if (outcome.text === text) continue;
    write(`${prefix}${name}`, { applied: outcome.applied, choices: outcome.choices, diff: unifiedDiff('a', 'b', text, outcome.text) });
    applied += outcome.applied;
  }
  return { texts: texts.length, findings: applied };
}

const fixes: Pass = {
  name: 'fixes of kernel command lines and ksmtuned.conf (virt-tune fix)',
  prefix: 'fix: ',
  run: async (write, { sample }) => fixEach(fixes.prefix, [...bootTexts('cmdline', sample), ...bootTexts('ksmtuned', sample)], write),
};

/**
 * The fuzz regressions over TEXT_LIMIT, each as its regression test lints it (with the host when stored
 * with one), a domain also with the schema: a digest of its findings (written out they make hundreds of MB).
 * No fixes applied: `virt-tune fix` took 70 s on one (cmdline-kernel-line-broken-over-many-lines).
 */
const large: Pass = {
  name: 'fuzz regressions over 100,000 characters, as digests',
  prefix: 'large: ',
  async run(write, { sample, host }) {
    const texts = largeRegressions(sample);
    let findings = 0;
    const lint = async (text: DumpText, label: string) => {
      const found = await lintTextFully(text.path, text.kind, text.text, 1, text.hostOnly ? { host } : {});
      write(`${this.prefix}${text.name}${text.hostOnly ? ' +host' : ''}${label}`, findingsDigest(found));
      findings += found.length;
    };
    await chooseSchema('builtin');
    for (const text of texts) await lint(text, '');
    await chooseSchema(SCHEMA_FILE);
    try {
      for (const text of texts) if (text.kind === 'domain') await lint(text, `, schema ${SCHEMA_NAME}`);
    } finally {
      await chooseSchema('builtin');
    }
    return { texts: texts.length, findings };
  },
};

/** /etc/default/grub and its drop-ins (findingsDumpGrubD.ts): each file linted with the drop-ins sourced after it. */
const grubFolders: Pass = {
  name: '/etc/default/grub with its grub.d drop-ins',
  prefix: 'grub.d: ',
  run: async (write, { sample }) => lintEach(grubFolders.prefix, await grubFolderTexts(sample), undefined, write),
};

const grubFolderFixes: Pass = {
  name: 'fixes of /etc/default/grub with its grub.d drop-ins (virt-tune fix)',
  prefix: 'grub.d fix: ',
  run: async (write, { sample }) => fixEach(grubFolderFixes.prefix, await grubFolderTexts(sample), write),
};

/** In the order they are written: a pass added later goes last, so an older dump is the head of a newer one. */
export const PASSES: readonly Pass[] = [builtinDomains, moreDomains, schemaDomains, cmdline, ksmtuned, fixes, large, grubFolders, grubFolderFixes];
