import type { FixSpec, SpanEdit } from '../../../core/types';
import { guide, libvirt } from '../../../kb/sources';
import { attribute } from '../../../xml/query';
import type { DomainRule } from '../context';
import { insertAttributeAfter, replaceValue } from '../edits';
import { writtenValue } from './values';

/** libvirt's disk cache modes; a value outside them is the structure rules' to report. */
const CACHE_MODES: ReadonlySet<string> = new Set(['default', 'none', 'writethrough', 'writeback', 'directsync', 'unsafe']);
/** The modes that open the image with O_DIRECT, which Linux native AIO needs. */
const DIRECT_MODES: ReadonlySet<string> = new Set(['none', 'directsync']);

/**
 * VT140: `<driver io='native'>` with a cache mode that goes through the host page cache. QEMU's Linux
 * AIO works only on files opened with O_DIRECT (it stops with "aio=native was specified, but it
 * requires cache.direct=on"), and libvirt checks this first: it refuses io='native' unless the cache
 * is 'none' or 'directsync'. No cache attribute (or cache='default') leaves QEMU's default, writeback,
 * which is refused the same way.
 */
export const nativeIoNeedsDirectCache: DomainRule = {
  meta: {
    code: 'VT140',
    name: 'native-io-needs-direct-cache',
    title: "io='native' needs cache='none' or cache='directsync'",
    severity: 'error',
    sources: [
      guide('7.3', 'I/O Mode'),
      guide('7.2', 'Caching'),
      libvirt('hard-drives-floppy-disks-cdroms', 'Hard drives, floppy disks, CDROMs'),
    ],
    fixable: true,
    libvirt: { stage: 'define', says: "io='native' needs either no disk cache or directsync cache mode" },
  },
  paths: ['domain/devices/disk/driver'],
  check(context, report) {
    for (const disk of context.model.disks) {
      if (!disk.driver) continue;
      const io = attribute(disk.driver, 'io');
      if (!io || writtenValue(context.xml, io) !== 'native') continue;
      const cache = attribute(disk.driver, 'cache');
      const cacheMode = writtenValue(context.xml, cache);
      if (cache && (cacheMode === undefined || !CACHE_MODES.has(cacheMode))) continue;
      if (cacheMode !== undefined && DIRECT_MODES.has(cacheMode)) continue;

      const cacheEdit: SpanEdit | undefined = cache ? replaceValue(cache, 'none') : insertAttributeAfter(io, 'cache', 'none');
      const threadsEdit = replaceValue(io, 'threads');
      const fixes: FixSpec[] = [];
      if (cacheEdit) fixes.push({ title: "Set cache='none'", edits: [cacheEdit], isPreferred: true });
      if (threadsEdit) fixes.push({ title: "Use io='threads' and keep the cache mode", edits: [threadsEdit] });
      report({ span: io.span, message: message(cacheMode), fixes });
    }
  },
};

function message(cacheMode: string | undefined): string {
  const unset = cacheMode === undefined ? 'this disk sets no cache mode' : "this disk has cache='default'";
  const why =
    cacheMode === undefined || cacheMode === 'default'
      ? `${unset}, so QEMU's default (writeback, through the host page cache) applies`
      : `cache='${cacheMode}' goes through the host page cache`;
  return (
    `io='native' (Linux native AIO) works only when the host page cache is bypassed, but ${why}: ` +
    `libvirt refuses the domain when it is defined. Use cache='none' or cache='directsync', or io='threads'.`
  );
}
