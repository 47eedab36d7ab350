import { DEBIAN_DEFAULT_GRUB_D, GRUB_MKCONFIG } from '../../kb/cmdline/sources';
import { uriPath } from '../document';
import { neverReach, type CmdlineRule } from './context';

/**
 * VT320: an /etc/default/grub assignment of GRUB_CMDLINE_LINUX (or _DEFAULT) whose value a drop-in
 * replaces. Debian's and Ubuntu's grub-mkconfig sources /etc/default/grub.d/*.cfg after the file, so a
 * drop-in's plain assignment (Ubuntu's cloud images ship one of GRUB_CMDLINE_LINUX_DEFAULT) drops the
 * parameters given here: tuning added to /etc/default/grub never reaches the kernel. A warning, naming
 * the drop-in's file and line. On a drop-in, the same of a later drop-in. Only when the adapter read the
 * drop-ins, and only where it is sure (cmdline/dropIns.ts); no fix, as the change is in another file.
 */
export const defaultGrubOverriddenByDropIn: CmdlineRule = {
  meta: {
    code: 'VT320',
    name: 'default-grub-overridden-by-drop-in',
    title: 'A drop-in in /etc/default/grub.d replaces this command line',
    severity: 'warning',
    sources: [DEBIAN_DEFAULT_GRUB_D, GRUB_MKCONFIG],
    fixable: false,
  },
  check(context, report) {
    for (const line of context.lines) {
      const dropIn = line.replacedByDropIn;
      if (!dropIn || line.params.length === 0) continue;
      report({
        span: line.holderSpan,
        message:
          `${line.holder} is set again by the drop-in ${besideDocument(context.document.textDocument.uri, dropIn.path)} (line ${dropIn.line}), which grub-mkconfig sources after this file, without referring to $${line.holder}: the last value wins, ` +
          `so ${neverReach(context, line)} the kernel. Move them into that file's value, or start its value with $${line.holder} to keep this one.`,
      });
    }
  },
};

/** A drop-in's path from the document's folder (`grub.d/50-cloudimg-settings.cfg` beside /etc/default/grub), else as it is. */
function besideDocument(uri: string, path: string): string {
  const own = uriPath(uri);
  const folder = own.slice(0, own.lastIndexOf('/') + 1);
  return folder.length > 1 && path.startsWith(folder) ? path.slice(folder.length) : path;
}
