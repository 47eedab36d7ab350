import { canonicalParamName } from '../../kb/cmdline';
import { GUIDE_IO_SCHEDULER, GUIDE_IO_SCHEDULER_GUEST, KERNEL_PARAMETERS, SWITCHING_SCHEDULER } from '../../kb/cmdline/sources';
import { kernelAtLeast } from '../kernelImage';
import { knownParams, type CmdlineRule } from './context';
import { removalSpan } from './spans';
import { ownValue } from '../../core/ownValue';

/** The multi-queue scheduler that takes over from each single-queue one. */
const MULTI_QUEUE: Record<string, string> = { deadline: 'mq-deadline', noop: 'none', cfq: 'bfq' };

/**
 * VT306: `elevator=` on a kernel that ignores it. Since Linux 5.0 every block device is multi-queue
 * (blk-mq) and the parameter has no effect (6.12's kernel-parameters.txt no longer lists it); the guide
 * already notes that virtio-blk in RHEL 7.2+ guests uses blk-mq (6.3). A warning when the kernel image
 * is known to be 5.0 or later, information when its version is unknown, nothing for older kernels.
 */
export const elevatorIgnored: CmdlineRule = {
  meta: {
    code: 'VT306',
    name: 'elevator-ignored',
    title: 'elevator= has no effect on multi-queue kernels (Linux 5.0 and later)',
    severity: 'warning',
    sources: [GUIDE_IO_SCHEDULER, GUIDE_IO_SCHEDULER_GUEST, SWITCHING_SCHEDULER, KERNEL_PARAMETERS],
    fixable: true,
  },
  check(context, report) {
    for (const line of context.lines) {
      const modern = kernelAtLeast(line.kernel, 5, 0);
      if (modern === false) continue;
      for (const param of knownParams(line)) {
        if (canonicalParamName(param.name) !== 'elevator') continue;
        const scheduler = (param.value && ownValue(MULTI_QUEUE, param.value)) ?? 'mq-deadline';
        const version = line.kernel?.version;
        const which = modern ? `This kernel (${version!.major}.${version!.minor}) ignores` : 'Linux 5.0 and later (RHEL 8 and later) ignore';
        report({
          span: param.span,
          message:
            `${which} elevator=: every block device is multi-queue there and picks its scheduler itself. ` +
            `Set it per device instead, in /sys/block/<dev>/queue/scheduler (echo ${scheduler} > /sys/block/sda/queue/scheduler), ` +
            `made permanent by a udev rule such as ACTION=="add|change", KERNEL=="sd[a-z]*", ATTR{queue/scheduler}="${scheduler}".` +
            (modern ? '' : ' On an older kernel (RHEL 5 to 7) it still works.'),
          ...(modern ? {} : { severity: 'information' as const }),
          fixes: modern ? [{ title: `Remove ${param.name}=${param.value ?? ''}`, edits: [{ span: removalSpan(context.text, param), newText: '' }] }] : [],
        });
      }
    }
  },
};
