import type { CmdlineRule } from './context';
import { invalidValue } from './invalid-parameter-value';
import { hugepageSizeUnsupported } from './hugepage-size-unsupported';
import { defaultHugepageszUnpaired } from './default-hugepagesz-unpaired';
import { hugepagesDefaultSize } from './hugepages-default-size';
import { duplicateParameter } from './duplicate-parameter';
import { elevatorIgnored } from './elevator-ignored';
import { brokenKernelLine } from './broken-kernel-line';
import { unknownParameter } from './unknown-parameter';
import { otherArchitecture } from './other-architecture';
import { templateFile } from './template-command-line';
import { bootOptionValue } from './boot-option-value';
import { defaultGrubUnsourceable } from './default-grub-unsourceable';
import { defaultGrubCrlf } from './default-grub-crlf';
import { multilineValue } from './multiline-value';
import { cpuIsolation } from './cpu-isolation';
import { defaultHugepageSizeEmpty } from './default-hugepage-size-empty';
import { crashkernelAuto } from './crashkernel-auto';
import { xenOption } from './xen-option';
import { defaultGrubValueReplaced } from './default-grub-value-replaced';
import { defaultGrubOverriddenByDropIn } from './default-grub-overridden-by-drop-in';
import { defaultGrubAppendOperator } from './default-grub-append-operator';

/** Every kernel command line rule, in code order (VT300-VT349). */
export const CMDLINE_RULES: readonly CmdlineRule[] = [
  invalidValue,
  hugepageSizeUnsupported,
  defaultHugepageszUnpaired,
  hugepagesDefaultSize,
  duplicateParameter,
  elevatorIgnored,
  brokenKernelLine,
  unknownParameter,
  otherArchitecture,
  templateFile,
  bootOptionValue,
  defaultGrubUnsourceable,
  defaultGrubCrlf,
  multilineValue,
  cpuIsolation,
  defaultHugepageSizeEmpty,
  crashkernelAuto,
  xenOption,
  defaultGrubValueReplaced,
  defaultGrubOverriddenByDropIn,
  defaultGrubAppendOperator,
];
