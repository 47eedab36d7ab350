import { closestNames } from '../../core/similarity';
import type { FixSpec } from '../../core/types';
import {
  canonicalParamName,
  DOCUMENTED_MODULES,
  DOCUMENTED_NAMES,
  isDocumentedParam,
  isUserspaceParam,
  kernelParam,
  KERNEL_PARAMS,
  KNOWN_MODULES,
  moduleParams,
} from '../../kb/cmdline';
import { KERNEL_DOCS_VERSION, KERNEL_PARAMETERS, KERNEL_PARAMETERS_INTRO } from '../../kb/cmdline/sources';
import { READER_NAMES, WORD_READERS, wordFamily, wordReaders } from '../../kb/cmdline/words';
import type { KernelParam } from '../types';
import { knownParams, type CmdlineRule } from './context';

/**
 * VT308: a word of a Linux command line that nothing documents. Every word is classified first: a kernel
 * parameter (kernel-parameters.txt, the architecture boot-options pages, names the kernel sources
 * register), a module option (`module.option`), or a word the initramfs, init or an installer reads
 * (dracut, systemd, plymouth, mkinitcpio, ostree, live systems, the Debian installer, Anaconda). Only a
 * word none of them knows gets the hint. A name one typo away from a known one is a warning with
 * "did you mean": as written, nothing reads it. Words of a family a reader owns (`rd.`, `systemd.`,
 * `inst.`, debconf questions) and options of modules nothing documents are left alone unless they are
 * such a near miss. A bare word that is an option of a parameter (`noagp` of `iommu=`) says so.
 */
export const unknownParameter: CmdlineRule = {
  meta: {
    code: 'VT308',
    name: 'unknown-parameter',
    title: 'Kernel command line words should be ones the kernel or the boot programs document',
    severity: 'hint',
    sources: [KERNEL_PARAMETERS, KERNEL_PARAMETERS_INTRO, ...WORD_READERS.flatMap((reader) => reader.sources)],
    fixable: true,
  },
  check(context, report) {
    // A name met again (a grub.cfg repeats the line in every boot entry) is compared with the names once.
    const suggested = new Map<string, string[]>();
    const suggestionsFor = (name: string, candidates: () => readonly string[]): string[] =>
      remembered(suggested, name, () => closestNames(name, candidates()).filter((candidate) => plausibleTypo(name, candidate)));
    // Module options apart: the same key means other candidates there (see checkModuleOption).
    const moduleSuggested = new Map<string, string[]>();
    // What a word gets depends on its name and whether it has a value only: judged once for each, so a
    // file that repeats a word hundreds of thousands of times shares the judgement and its message.
    // (By the name in one of two maps, not by a key made of both: no string is built per word.)
    const bareVerdicts = new Map<string, Verdict | null>();
    const valuedVerdicts = new Map<string, Verdict | null>();
    for (const line of context.lines) {
      if (line.hypervisor) continue;
      for (const param of knownParams(line)) {
        const verdicts = param.value === undefined ? bareVerdicts : valuedVerdicts;
        let verdict = verdicts.get(param.name);
        if (verdict === undefined) verdicts.set(param.name, (verdict = judge(param, suggestionsFor)));
        if (verdict === null) continue;
        if (verdict.module !== undefined) {
          checkModuleOption(param, verdict.module, verdict.option, report, moduleSuggested);
          continue;
        }
        report({
          span: param.nameSpan,
          ...(verdict.severity ? { severity: verdict.severity } : {}),
          message: verdict.message,
          ...(verdict.renames ? { fixes: verdict.renames.map(({ title, newText }) => ({ title, edits: [{ span: param.nameSpan, newText }] })) } : {}),
        });
      }
    }
  },
};

/** What VT308 says of a word: nothing (null), a module option to judge (checkModuleOption), or a finding's severity, message and renames. */
type Verdict =
  | { module: string; option: string; severity?: undefined; message?: undefined; renames?: undefined }
  | { module?: undefined; option?: undefined; severity?: 'warning'; message: string; renames?: Rename[] };

/** A quick fix that renames the word: its title and the new name, made once per verdict. */
interface Rename {
  title: string;
  newText: string;
}

function judge(param: KernelParam, suggestionsFor: (name: string, candidates: () => readonly string[]) => string[]): Verdict | null {
  const { name } = param;
  if (isKnownWord(name)) return null;
  const canonical = canonicalParamName(name);
  const family = wordFamily(name);
  if (family) {
    const suggestions = suggestionsFor(name, () => family.names.filter((known) => sharesPrefix(known, name, family.prefixes ?? [])));
    if (suggestions.length === 0) return null;
    return { severity: 'warning', message: `${family.reader} documents no '${name}'. Did you mean ${list(suggestions)}? As written, nothing reads it.`, renames: renamesTo(name, suggestions) };
  }
  const dot = canonical.indexOf('.');
  if (dot > 0) return { module: canonical.slice(0, dot), option: canonical.slice(dot + 1) };
  const suggestions = suggestionsFor(canonical, allNames);
  if (suggestions.length > 0) {
    return { severity: 'warning', message: `Neither the kernel nor the boot programs virt-tune knows read '${name}'. Did you mean ${list(suggestions)}? As written, ${fate(param)}.`, renames: renamesTo(name, suggestions) };
  }
  const owner = optionOwner(name);
  if (owner) return { severity: 'warning', message: `'${name}' is not a parameter of its own: it is an option of ${owner}= (${owner}=${name}). As written, ${fate(param)}.` };
  return {
    message:
      `'${name}' is documented neither by the kernel (kernel-parameters.txt of Linux ${KERNEL_DOCS_VERSION}, boot-options, registered names) ` +
      `nor by dracut, systemd, plymouth, mkinitcpio, ostree, live-boot, the Debian installer or Anaconda; unless another program reads it, ${fate(param)}.`,
  };
}

/** A name the kernel or a boot program documents, by its whole name. */
export function isKnownWord(name: string): boolean {
  return kernelParam(name) !== undefined || isDocumentedParam(name) || isUserspaceParam(name) || wordReaders(name).length > 0;
}

let names: string[] | undefined;
function allNames(): string[] {
  return (names ??= [...new Set([...KERNEL_PARAMS.map((spec) => spec.name), ...DOCUMENTED_NAMES, ...READER_NAMES])]);
}

/**
 * `module.option`: judged against the options documented for the module; a module nothing documents is
 * left alone unless its name is a near miss. `suggested` keeps the near misses of the check, by the
 * module (it has no dot) or by `module.option`: a line of a million words repeats the same few.
 */
function checkModuleOption(param: KernelParam, module: string, option: string, report: Parameters<CmdlineRule['check']>[1], suggested: Map<string, string[]>): void {
  const known = KNOWN_MODULES.has(module) || DOCUMENTED_MODULES.has(module);
  if (!known) {
    const modules = remembered(suggested, module, () => closestNames(module, [...KNOWN_MODULES, ...DOCUMENTED_MODULES]));
    if (modules.length === 0) return;
    const suggestions = modules.map((candidate) => `${candidate}.${option}`);
    report({
      span: param.nameSpan,
      severity: 'warning',
      message: `No module '${module}' is documented. Did you mean ${list(suggestions)}? As written, the kernel keeps the option for a module of that name, which never comes.`,
      fixes: renames(param, suggestions),
    });
    return;
  }
  const suggestions = remembered(suggested, `${module}.${option}`, () =>
    closestNames(`${module}.${option}`, [...moduleParams(module).map((spec) => spec.name), ...DOCUMENTED_NAMES.map(canonicalParamName).filter((name) => name.startsWith(`${module}.`))]),
  );
  // Modules take many more options than kernel-parameters.txt lists: only a near miss of a documented one is said.
  if (suggestions.length === 0) return;
  report({
    span: param.nameSpan,
    severity: 'warning',
    message: `${module} has no documented option '${option}'. Did you mean ${list(suggestions)}? As written, no such option is set.`,
    fixes: renames(param, suggestions),
  });
}

function remembered(memo: Map<string, string[]>, key: string, compute: () => string[]): string[] {
  let value = memo.get(key);
  if (!value) {
    value = compute();
    memo.set(key, value);
  }
  return value;
}

/** The parameter (of the knowledge base) whose options list holds a bare word: `noagp` is iommu='s. */
function optionOwner(word: string): string | undefined {
  for (const spec of KERNEL_PARAMS) {
    if (spec.value.kind === 'enum' && spec.value.list && spec.value.values.some((entry) => entry.value === word)) return spec.name;
  }
  return undefined;
}

/**
 * Short names lie one letter apart by the dozen (`nofb`, `nowb`): below six letters only a letter left out
 * or added (`pcie` for `pci`, `init-` for `init`) or two swapped counts as a typo, not a letter changed.
 */
function plausibleTypo(name: string, candidate: string): boolean {
  if (name.length >= 6) return true;
  return name.length !== candidate.length || [...name].sort().join('') === [...candidate].sort().join('');
}

function sharesPrefix(known: string, name: string, prefixes: readonly string[]): boolean {
  return prefixes.length === 0 || prefixes.some((prefix) => known.startsWith(prefix) && name.startsWith(prefix)) || known.includes('/');
}

/** What the kernel does with a name it does not know (kernel-parameters.rst). */
function fate(param: KernelParam): string {
  return param.value === undefined ? 'the kernel passes it to init as an argument' : 'the kernel passes it to init as an environment variable';
}

function list(names: readonly string[]): string {
  return names.map((name) => `'${name}'`).join(' or ');
}

function renames(param: KernelParam, names: readonly string[]): FixSpec[] {
  return renamesTo(param.name, names).map(({ title, newText }) => ({ title, edits: [{ span: param.nameSpan, newText }] }));
}

function renamesTo(name: string, names: readonly string[]): Rename[] {
  return names.map((newText) => ({ title: `Change '${name}' to '${newText}'`, newText }));
}
