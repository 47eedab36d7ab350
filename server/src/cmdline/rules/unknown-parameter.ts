import { closestNames } from '../../core/similarity';
import type { FixSpec } from '../../core/types';
import { canonicalParamName, isDocumentedParam, isUserspaceParam, kernelParam, KERNEL_PARAMS, KNOWN_MODULES, moduleParams } from '../../kb/cmdline';
import { KERNEL_DOCS_VERSION, KERNEL_PARAMETERS, KERNEL_PARAMETERS_INTRO } from '../../kb/cmdline/sources';
import type { KernelParam } from '../types';
import { knownParams, type CmdlineRule } from './context';

/**
 * VT308: a parameter kernel-parameters.txt does not document. Only a hint: the kernel hands names it does
 * not know to init, modules take options of their own (`module.option`), and dracut, systemd and others
 * read theirs from the same line. A dotted name is judged only for the modules the knowledge base
 * describes. A name one typo away from a parameter the knowledge base describes is a warning: it is
 * almost surely that parameter, and as written the kernel ignores it.
 */
export const unknownParameter: CmdlineRule = {
  meta: {
    code: 'VT308',
    name: 'unknown-parameter',
    title: 'Kernel parameters should be ones the kernel documents',
    severity: 'hint',
    sources: [KERNEL_PARAMETERS, KERNEL_PARAMETERS_INTRO],
    fixable: true,
  },
  check(context, report) {
    // A name met again (a grub.cfg repeats the line in every boot entry) is compared with the thousands of parameter names once.
    const suggested = new Map<string, string[]>();
    let names: string[] | undefined;
    const suggestionsFor = (canonical: string): string[] => {
      let suggestions = suggested.get(canonical);
      if (!suggestions) {
        suggestions = closestNames(canonical, (names ??= KERNEL_PARAMS.map((spec) => spec.name)));
        suggested.set(canonical, suggestions);
      }
      return suggestions;
    };
    for (const line of context.lines) {
      for (const param of knownParams(line)) {
        if (kernelParam(param.name) || isDocumentedParam(param.name) || isUserspaceParam(param.name)) continue;
        const canonical = canonicalParamName(param.name);
        const dot = canonical.indexOf('.');
        const module = dot > 0 ? canonical.slice(0, dot) : undefined;
        const suggestions = suggestionsFor(canonical);
        if (suggestions.length > 0) {
          report({
            span: param.nameSpan,
            severity: 'warning',
            message: `The kernel has no parameter '${param.name}'. Did you mean ${suggestions.map((name) => `'${name}'`).join(' or ')}? As written, ${fate(param, module)}.`,
            fixes: renames(param, suggestions),
          });
          continue;
        }
        if (module && !KNOWN_MODULES.has(module)) continue;
        const where = module
          ? `kernel-parameters.txt (Linux ${KERNEL_DOCS_VERSION}) documents no option '${canonical.slice(dot + 1)}' of ${module}; \`modinfo -p ${module}\` lists what the module takes`
          : `'${param.name}' is not a parameter kernel-parameters.txt (Linux ${KERNEL_DOCS_VERSION}) documents; unless init or a module reads it, ${fate(param, module)}`;
        const moduleSuggestions = module ? closestNames(canonical, moduleParams(module).map((spec) => spec.name)) : [];
        report({ span: param.nameSpan, message: `${where}.`, fixes: renames(param, moduleSuggestions) });
      }
    }
  },
};

/** What the kernel does with a name it does not know (kernel-parameters.rst). */
function fate(param: KernelParam, module: string | undefined): string {
  if (module) return 'the kernel keeps it for a module of that name, and no such option is set';
  return param.value === undefined ? 'the kernel passes it to init as an argument' : 'the kernel passes it to init as an environment variable';
}

function renames(param: KernelParam, names: readonly string[]): FixSpec[] {
  return names.map((name) => ({ title: `Change '${param.name}' to '${name}'`, edits: [{ span: param.nameSpan, newText: name }] }));
}
