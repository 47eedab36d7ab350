import type { FixSpec } from '../../../core/types';
import { guide, libvirt } from '../../../kb/sources';
import { attribute } from '../../../xml/query';
import type { DomainRule } from '../context';
import { replaceValue } from '../edits';
import { writtenValue } from './values';

/**
 * VT147: `cache='unsafe'`. The host may keep every write in its page cache and ignores the guest's
 * flush requests (Guide table 7.1, libvirt's disk `<driver>`): the guest believes data is on disk
 * when it may not be, so a host crash or power loss can lose or corrupt it. It runs, but it is rarely
 * meant outside throwaway guests, hence a warning.
 */
export const unsafeCache: DomainRule = {
  meta: {
    code: 'VT147',
    name: 'unsafe-cache',
    title: "cache='unsafe' ignores the guest's flushes: data loss on a host crash",
    severity: 'warning',
    sources: [guide('7.2', 'Caching'), libvirt('hard-drives-floppy-disks-cdroms', 'Hard drives, floppy disks, CDROMs')],
    fixable: true,
  },
  paths: ['domain/devices/disk/driver'],
  check(context, report) {
    for (const disk of context.model.disks) {
      if (!disk.driver) continue;
      const cache = attribute(disk.driver, 'cache');
      if (!cache || writtenValue(context.xml, cache) !== 'unsafe') continue;
      const fixes: FixSpec[] = [];
      const toNone = replaceValue(cache, 'none');
      if (toNone) fixes.push({ title: "Use cache='none' (the guide's usual choice)", edits: [toNone] });
      // With io='native' only a direct mode starts (VT140), so writeback is not offered there.
      const nativeIo = writtenValue(context.xml, attribute(disk.driver, 'io')) === 'native';
      const toWriteback = nativeIo ? undefined : replaceValue(cache, 'writeback');
      if (toWriteback) {
        fixes.push({ title: "Use cache='writeback' (host cache kept, guest flushes honoured)", edits: [toWriteback] });
      }
      report({
        span: cache.span,
        message:
          "cache='unsafe' lets the host ignore the guest's flush requests: after a host crash or power loss, data " +
          'the guest believed written can be lost or the disk image corrupted. Keep it for throwaway guests such as installs.',
        fixes,
      });
    }
  },
};
