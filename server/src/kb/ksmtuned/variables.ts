import { KSM_DEFAULT_FILE, KSM_MONITORING, KSM_TUNING_SERVICE, KSMTUNED_DEFAULT_CONF, KSMTUNED_SCRIPT } from './sources';
import type { KsmtunedVariable } from './types';

const NOT_AN_INTEGER_IN_ARITHMETIC = 'bash arithmetic cannot use it, so the computation fails and ksmtuned writes an empty or wrong value to the kernel';

/**
 * Every variable the ksmtuned script reads from /etc/ksmtuned.conf, which it sources as a bash script
 * before filling in its defaults (`NAME=${NAME:-default}`). Facts from the script itself and from the
 * guide's sections 8.3.2 and 8.3.3, in our own words.
 */
export const KSMTUNED_VARIABLES: readonly KsmtunedVariable[] = [
  {
    key: 'ksmtuned/KSM_MONITOR_INTERVAL',
    name: 'KSM_MONITOR_INTERVAL',
    kind: 'duration',
    summary: 'How long ksmtuned waits between two tuning rounds.',
    details:
      'Each round ksmtuned compares free and committed memory with its threshold and starts, speeds up, slows ' +
      'down or stops KSM. The value is handed to `sleep`, so GNU sleep suffixes work (`90`, `1.5m`, `2m`). ' +
      'ksmtuned also runs a round at once when libvirt tells it a guest was started or stopped (`retune`).',
    default: '60',
    unit: 'seconds',
    range: 'more than 0',
    sources: [KSM_TUNING_SERVICE, KSMTUNED_SCRIPT],
    defaultValue: '60',
    emptyMeansDefault: true,
    limits: { above: 0, outside: '`sleep 0` returns at once, so ksmtuned runs its rounds back to back and keeps a CPU busy' },
    whenInvalid: 'sleep refuses it and returns at once, so ksmtuned runs its rounds back to back and keeps a CPU busy',
    unitSuffixes: ['sec', 'secs', 'second', 'seconds'],
    suggested: '60',
    knobs: [],
  },
  {
    key: 'ksmtuned/KSM_SLEEP_MSEC',
    name: 'KSM_SLEEP_MSEC',
    kind: 'integer',
    summary: "The pause ksmd takes between two scan batches, in milliseconds, as meant for a host with 16 GiB of memory.",
    details:
      'ksmtuned scales it by 16 GiB divided by the host memory (MemTotal), so a smaller host pauses longer and a larger ' +
      'one shorter, and never writes less than 10 ms: on a host with 16 GiB or more, any value up to 10 ends up as 10. ' +
      'The result goes to `/sys/kernel/mm/ksm/sleep_millisecs` each time KSM is started.',
    default: '10',
    unit: 'milliseconds (for a 16 GiB host)',
    range: '0 or more; ksmtuned writes at least 10',
    sources: [KSM_TUNING_SERVICE, KSMTUNED_SCRIPT],
    defaultValue: '10',
    emptyMeansDefault: true,
    whenInvalid: NOT_AN_INTEGER_IN_ARITHMETIC,
    unitSuffixes: ['ms', 'msec', 'msecs'],
    suggested: '10',
    knobs: ['sleep_millisecs'],
  },
  {
    key: 'ksmtuned/KSM_NPAGES_BOOST',
    name: 'KSM_NPAGES_BOOST',
    kind: 'integer',
    summary: 'How many pages ksmtuned adds to `npages` (the pages ksmd scans per batch) in a round where free memory is below the threshold.',
    details:
      'It makes KSM work harder while memory is short. The result is kept between KSM_NPAGES_MIN and KSM_NPAGES_MAX ' +
      'and written to `/sys/kernel/mm/ksm/pages_to_scan`.',
    default: '300',
    unit: 'pages',
    range: 'more than 0',
    sources: [KSM_TUNING_SERVICE, KSMTUNED_SCRIPT],
    defaultValue: '300',
    emptyMeansDefault: true,
    whenInvalid: NOT_AN_INTEGER_IN_ARITHMETIC,
    unitSuffixes: ['pages'],
    suggested: '300',
    knobs: ['pages_to_scan'],
  },
  {
    key: 'ksmtuned/KSM_NPAGES_DECAY',
    name: 'KSM_NPAGES_DECAY',
    kind: 'integer',
    summary: 'What ksmtuned adds to `npages` in a round where KSM runs but free memory is above the threshold: a negative number, so KSM slows down.',
    details:
      'ksmtuned adds the value as it is, so it must carry its minus sign to lower `npages`. The result is kept between ' +
      'KSM_NPAGES_MIN and KSM_NPAGES_MAX and written to `/sys/kernel/mm/ksm/pages_to_scan`.',
    default: '-50',
    unit: 'pages',
    range: 'less than 0',
    sources: [KSM_TUNING_SERVICE, KSMTUNED_SCRIPT],
    defaultValue: '-50',
    emptyMeansDefault: true,
    whenInvalid: NOT_AN_INTEGER_IN_ARITHMETIC,
    unitSuffixes: ['pages'],
    suggested: '-50',
    knobs: ['pages_to_scan'],
  },
  {
    key: 'ksmtuned/KSM_NPAGES_MIN',
    name: 'KSM_NPAGES_MIN',
    kind: 'integer',
    summary: 'The lowest `npages` ksmtuned writes to `/sys/kernel/mm/ksm/pages_to_scan` while KSM runs.',
    default: '64',
    unit: 'pages',
    range: '0 or more, and not above KSM_NPAGES_MAX',
    sources: [KSM_TUNING_SERVICE, KSMTUNED_SCRIPT],
    defaultValue: '64',
    emptyMeansDefault: true,
    limits: { min: 0, outside: 'the kernel takes only a count of 0 or more in pages_to_scan, so the write fails and ksmd keeps its previous rate' },
    whenInvalid: 'the integer test that keeps `npages` above it fails, so the lower bound is not applied',
    unitSuffixes: ['pages'],
    suggested: '64',
    knobs: ['pages_to_scan'],
  },
  {
    key: 'ksmtuned/KSM_NPAGES_MAX',
    name: 'KSM_NPAGES_MAX',
    kind: 'integer',
    summary: 'The highest `npages` ksmtuned writes to `/sys/kernel/mm/ksm/pages_to_scan`: how hard KSM may work at most.',
    default: '1250',
    unit: 'pages',
    range: '0 or more, and not below KSM_NPAGES_MIN',
    sources: [KSM_TUNING_SERVICE, KSMTUNED_SCRIPT],
    defaultValue: '1250',
    emptyMeansDefault: true,
    limits: { min: 0, outside: 'the kernel takes only a count of 0 or more in pages_to_scan, so the write fails and ksmd keeps its previous rate' },
    whenInvalid: 'the integer test that keeps `npages` below it fails, so the upper bound is not applied',
    unitSuffixes: ['pages'],
    suggested: '1250',
    knobs: ['pages_to_scan'],
  },
  {
    key: 'ksmtuned/KSM_THRES_COEF',
    name: 'KSM_THRES_COEF',
    kind: 'integer',
    summary: 'The memory threshold `thres`, as a percentage of the host memory (MemTotal).',
    details:
      'KSM is started when the memory committed to QEMU processes plus `thres` exceeds the host memory, or when free ' +
      'memory falls below `thres`; it is sped up while free memory stays below `thres`. When the percentage gives less ' +
      'than KSM_THRES_CONST, KSM_THRES_CONST is used instead.',
    default: '20',
    unit: 'percent of host memory',
    range: '0 to 100',
    sources: [KSM_TUNING_SERVICE, KSMTUNED_SCRIPT],
    defaultValue: '20',
    emptyMeansDefault: true,
    limits: {
      min: 0,
      max: 100,
      outside:
        'above 100 the threshold is more than the host has, so ksmtuned never stops KSM and boosts it every round; ' +
        'below 0 the percentage is ignored and only KSM_THRES_CONST counts',
    },
    whenInvalid: NOT_AN_INTEGER_IN_ARITHMETIC,
    unitSuffixes: ['%'],
    suggested: '20',
    knobs: ['run', 'pages_to_scan'],
  },
  {
    key: 'ksmtuned/KSM_THRES_CONST',
    name: 'KSM_THRES_CONST',
    kind: 'integer',
    summary: 'The smallest memory threshold `thres`, in KiB: used instead of the KSM_THRES_COEF percentage when that gives less.',
    details:
      'It matters on hosts with little memory. With the threshold, ksmtuned starts KSM when free memory drops below it ' +
      'or when committed memory plus the threshold exceeds the host memory. ksmtuned compares it with /proc/meminfo ' +
      'figures, which are in KiB.',
    default: '2048',
    unit: 'KiB',
    range: '0 or more',
    sources: [KSM_TUNING_SERVICE, KSMTUNED_SCRIPT],
    defaultValue: '2048',
    emptyMeansDefault: true,
    whenInvalid: 'the integer test that compares it with the threshold fails, so it is never used',
    unitSuffixes: ['k', 'K', 'kB', 'KB', 'KiB'],
    suggested: '2048',
    knobs: ['run', 'pages_to_scan'],
  },
  {
    key: 'ksmtuned/LOGFILE',
    name: 'LOGFILE',
    kind: 'path',
    summary: 'The file ksmtuned appends its debug lines to, when DEBUG is set.',
    details:
      'Without it, the debug lines go to standard output (the journal, under systemd). Without DEBUG, nothing is written.',
    advice: 'Keep the usual `/var/log/ksmtuned`: the guide advises against moving the log, which may need SELinux changes.',
    range: 'a file path',
    sources: [KSM_MONITORING, KSMTUNED_DEFAULT_CONF, KSMTUNED_SCRIPT],
    defaultValue: undefined,
    emptyMeansDefault: false,
    suggested: '/var/log/ksmtuned',
    knobs: [],
  },
  {
    key: 'ksmtuned/DEBUG',
    name: 'DEBUG',
    kind: 'flag',
    summary: 'Turns on ksmtuned\'s debug lines (memory figures and each decision) when set to anything that is not empty.',
    details: 'ksmtuned only checks that the value is not empty: `DEBUG=0` or `DEBUG=no` turn debugging on too. Leave it unset to turn it off.',
    range: 'empty (off) or any text (on); `1` by convention',
    sources: [KSM_MONITORING, KSMTUNED_DEFAULT_CONF, KSMTUNED_SCRIPT],
    defaultValue: undefined,
    emptyMeansDefault: false,
    suggested: '1',
    knobs: [],
  },
  {
    key: 'ksmtuned/PIDFILE',
    name: 'PIDFILE',
    kind: 'path',
    summary: 'The file ksmtuned writes the process id of its loop to.',
    details:
      'The default is `/var/run/ksmtune.pid` (without a d). Unlike the other variables, an empty value is kept: ksmtuned ' +
      'then cannot create the file and does not start its loop at all.',
    default: '/var/run/ksmtune.pid',
    range: 'a file path, not empty',
    sources: [KSMTUNED_SCRIPT],
    defaultValue: '/var/run/ksmtune.pid',
    emptyMeansDefault: false,
    suggested: '/var/run/ksmtune.pid',
    knobs: [],
  },
];

/**
 * Names people put in ksmtuned.conf that another program reads: what to say instead of "unknown".
 * KSM_MAX_KERNEL_PAGES is a setting of the ksm service's own file (Debian's /etc/default/ksm).
 */
export const FOREIGN_VARIABLES: Readonly<Record<string, string>> = {
  KSM_MAX_KERNEL_PAGES: "the ksm service reads it from its own file (/etc/default/ksm on Debian), not ksmtuned",
};

export const FOREIGN_VARIABLE_SOURCES = [KSM_DEFAULT_FILE];
