import { canonicalParamName } from '../../kb/cmdline';
import { KERNEL_PARAMETERS } from '../../kb/cmdline/sources';
import { knownParams, type CmdlineRule } from './context';

/** RHEL 6, 7 and 8 kernels (and their rebuilds) name their images `...el6`, `...el7`, `...el8`. */
const RHEL_AUTO = /\.el[678](_[0-9]+)?(\.|$)/;

/**
 * VT317: `crashkernel=auto`. Only Red Hat's kernels of RHEL 6 to 8 read `auto` (their patch picks a size
 * from the memory); mainline's parse_crashkernel() takes sizes only, so elsewhere no memory is reserved
 * and kdump cannot capture a crash. Information, unless the kernel image names a RHEL 6-8 kernel.
 */
export const crashkernelAuto: CmdlineRule = {
  meta: {
    code: 'VT317',
    name: 'crashkernel-auto',
    title: 'crashkernel=auto is understood by RHEL 6 to 8 kernels only',
    severity: 'information',
    sources: [KERNEL_PARAMETERS],
    fixable: false,
  },
  check(context, report) {
    for (const line of context.lines) {
      if (line.kernel && RHEL_AUTO.test(line.kernel.path)) continue;
      for (const param of knownParams(line)) {
        if (canonicalParamName(param.name) !== 'crashkernel' || param.value !== 'auto') continue;
        report({
          span: param.valueSpan ?? param.span,
          message:
            "crashkernel=auto is read only by RHEL 6, 7 and 8 kernels, whose patch picks a size from the memory. Mainline kernels (and RHEL 9's) take a size " +
            '(crashkernel=256M, or ranges such as 1G-4G:192M,4G-64G:256M): with auto no memory is reserved and kdump cannot save a crash dump. ' +
            (line.kernel ? '' : 'The kernel image here does not say which kernel this is.'),
        });
      }
    }
  },
};
