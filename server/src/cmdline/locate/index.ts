import type { ShellStatement } from '../defaultGrubShell';
import type { CmdlineShape, CommandLine } from '../types';
import { locateBls } from './bls';
import { locateDefaultGrub } from './defaultGrub';
import { locateGrubConfig } from './grubConfig';
import { locatePlain } from './plain';

/** Every kernel command line of a file of the given shape, in file order; `statements` are an /etc/default/grub's, already read. */
export function locateCommandLines(source: string, shape: CmdlineShape, statements?: readonly ShellStatement[]): CommandLine[] {
  switch (shape) {
    case 'default-grub':
      return locateDefaultGrub(source, statements);
    case 'grub-cfg':
      return locateGrubConfig(source, 'grub2');
    case 'grub-legacy':
      return locateGrubConfig(source, 'legacy');
    case 'bls':
      return locateBls(source);
    case 'plain':
      return locatePlain(source);
  }
}
