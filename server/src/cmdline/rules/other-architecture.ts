import { kernelParam, type KernelEnumValue } from '../../kb/cmdline';
import { KERNEL_PARAMETERS } from '../../kb/cmdline/sources';
import { archNote, knownParams, type CmdlineRule } from './context';
import { valueFileSpan } from './spans';

/**
 * VT309: a parameter, or one value of it, that kernel-parameters.txt marks for other architectures
 * (`iommu=pt` is x86 only, `iommu=nobypass` POWER only). The kernel has no handler for it there and
 * ignores it. A warning when the kernel image names its architecture; information when x86_64 is assumed.
 */
export const otherArchitecture: CmdlineRule = {
  meta: {
    code: 'VT309',
    name: 'other-architecture',
    title: 'Kernel parameters must be ones the host architecture has',
    severity: 'warning',
    sources: [KERNEL_PARAMETERS],
    fixable: false,
  },
  check(context, report) {
    for (const line of context.lines) {
      const arch = context.archOf(line);
      const severity = arch.assumed ? { severity: 'information' as const } : {};
      for (const param of knownParams(line)) {
        const spec = kernelParam(param.name);
        if (!spec) continue;
        if (spec.arch && !spec.arch.includes(arch.arch)) {
          report({ span: param.nameSpan, message: `${spec.name} exists on ${spec.arch.join(', ')} only, not on ${arch.arch}${archNote(arch)}: the kernel ignores it.`, ...severity });
          continue;
        }
        if (param.value === undefined || !param.valueOffsets) continue;
        const values = spec.value.kind === 'enum' ? spec.value.values : [];
        const options = spec.value.kind === 'enum' && spec.value.list ? param.value.split(',') : [param.value];
        let offset = 0;
        for (const option of options) {
          const entry: KernelEnumValue | undefined = values.find((candidate) => candidate.value === option);
          if (entry?.arch && !entry.arch.includes(arch.arch)) {
            report({
              span: valueFileSpan(param, { start: offset, end: offset + option.length }),
              message: `${spec.name}=${option} exists on ${entry.arch.join(', ')} only, not on ${arch.arch}${archNote(arch)}: the kernel ignores it.`,
              ...severity,
            });
          }
          offset += option.length + 1;
        }
      }
    }
  },
};
