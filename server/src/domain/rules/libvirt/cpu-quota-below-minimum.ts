import { libvirt, libvirtCode } from '../../../kb/sources';
import { elementText, firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';

/** The `<cputune>` caps on CPU time per period, in microseconds. */
const QUOTAS = ['quota', 'emulator_quota', 'iothread_quota', 'global_quota'] as const;
/** libvirt's smallest quota: a millisecond of CPU time per period. */
const MINIMUM_QUOTA = 1000;

/**
 * VT401: a `<cputune>` quota from 1 to 999. libvirt's schema takes any value from -1 up, but its C code
 * reads 0 as "not set", any negative value as "no limit", and refuses a positive one below 1000 µs
 * (the kernel's CFS bandwidth control takes no less than 1 ms per period).
 */
export const cpuQuotaBelowMinimum: DomainRule = {
  meta: {
    code: 'VT401',
    name: 'cpu-quota-below-minimum',
    title: 'A <cputune> quota must be at least 1000 microseconds, or negative for no limit',
    severity: 'error',
    sources: [libvirtCode('src/conf/domain_validate.c', 'virDomainDefCputuneValidate'), libvirt('cpu-tuning', 'CPU Tuning')],
    fixable: false,
    libvirt: { stage: 'define', says: 'must be in range [1000, 17592186044415]' },
  },
  paths: QUOTAS.map((name) => `domain/cputune/${name}`),
  check(context, report) {
    const cputune = context.model.cputune?.element;
    if (!cputune) return;
    for (const name of QUOTAS) {
      const element = firstChild(cputune, name);
      const text = element && elementText(element);
      if (!text || !/^\+?[0-9]+$/.test(text.value)) continue;
      const quota = Number(text.value);
      if (quota < 1 || quota >= MINIMUM_QUOTA) continue;
      report({
        span: text.span,
        message: `libvirt refuses a <${name}> of ${quota} µs: a positive quota must be at least ${MINIMUM_QUOTA} µs (1 ms) per period ("must be in range [1000, 17592186044415]"). Use ${MINIMUM_QUOTA} or more, or -1 for no limit.`,
      });
    }
  },
};
