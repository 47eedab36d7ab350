import type { CmdlineShape, CommandLine } from '../types';
import { locateBls } from './bls';
import { locateDefaultGrub } from './defaultGrub';
import { locateGrubConfig } from './grubConfig';
import { locatePlain } from './plain';

/** Every kernel command line of a file of the given shape, in file order. */
export function locateCommandLines(source: string, shape: CmdlineShape): CommandLine[] {
  switch (shape) {
    case 'default-grub':
      return locateDefaultGrub(source);
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
