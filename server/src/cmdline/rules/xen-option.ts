import { closestNames } from '../../core/similarity';
import { isXenOption, XEN, XEN_NAMES } from '../../kb/cmdline/words';
import { knownParams, type CmdlineRule } from './context';
import { valueFileSpan } from './spans';

/**
 * VT318: Xen's own options on a hypervisor line (`multiboot2 /xen.gz ...`, GRUB legacy's `kernel /xen.gz`),
 * checked against Xen's documented list. A near miss is a warning with "did you mean"; an option Xen does
 * not document, a hint; options joined by a comma (`dom0_mem=4G,dom0_max_vcpus=4`) a warning: Xen
 * separates its options with spaces, and the second becomes part of the first's value. The dom0
 * kernel's line (the first module after it) is linted as a Linux command line by the other rules.
 */
export const xenOption: CmdlineRule = {
  meta: {
    code: 'VT318',
    name: 'xen-option',
    title: 'Options on a Xen hypervisor line must be ones Xen documents, separated by spaces',
    severity: 'hint',
    sources: XEN.sources,
    fixable: true,
  },
  check(context, report) {
    for (const line of context.hypervisorLines) {
      for (const param of knownParams(line)) {
        if (isXenOption(param.name)) {
          const joined = param.value === undefined ? undefined : /,([A-Za-z0-9_-]+)=/.exec(param.value);
          if (joined && isXenOption(joined[1]!) && param.valueOffsets) {
            const start = joined.index + 1;
            report({
              span: valueFileSpan(param, { start, end: param.value!.length }),
              severity: 'warning',
              message:
                `Xen separates its options with spaces: '${param.value!.slice(start)}' is read as part of ${param.name}'s value, not as an option of its own. ` +
                'Put a space instead of the comma.',
              fixes: [{ title: 'Separate the options with a space', edits: [{ span: valueFileSpan(param, { start: start - 1, end: start }), newText: ' ' }] }],
            });
          }
          continue;
        }
        const suggestions = closestNames(param.name, XEN_NAMES);
        if (suggestions.length > 0) {
          report({
            span: param.nameSpan,
            severity: 'warning',
            message: `Xen documents no option '${param.name}'. Did you mean ${suggestions.map((name) => `'${name}'`).join(' or ')}? As written, Xen ignores it.`,
            fixes: suggestions.map((name) => ({ title: `Change '${param.name}' to '${name}'`, edits: [{ span: param.nameSpan, newText: name }] })),
          });
          continue;
        }
        report({ span: param.nameSpan, message: `'${param.name}' is not an option Xen's command line documentation lists: Xen ignores options it does not know.` });
      }
    }
  },
};
