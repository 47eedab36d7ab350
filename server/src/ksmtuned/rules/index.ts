import { boostNotPositive } from './boost-not-positive';
import type { KsmtunedRule } from './context';
import { crlfLineEndings } from './crlf-line-endings';
import { debugOffValue } from './debug-off-value';
import { decayNotNegative } from './decay-not-negative';
import { duplicateVariable } from './duplicate-variable';
import { emptyPidfile } from './empty-pidfile';
import { emptyValue } from './empty-value';
import { notANumber } from './not-a-number';
import { leadingZeroRule } from './leading-zero';
import { logfileLocation } from './logfile-location';
import { logfileWithoutDebug } from './logfile-without-debug';
import { npagesMinAboveMax } from './npages-min-above-max';
import { sleepBelowFloor } from './sleep-below-floor';
import { spacesAroundEquals } from './spaces-around-equals';
import { strayCommand } from './stray-command';
import { unknownVariable } from './unknown-variable';
import { valueOutOfRange } from './value-out-of-range';
import { templateFile } from './template-ksmtuned-conf';
import { integerTooLarge } from './integer-too-large';
import { ksmNeverStops } from './ksm-never-stops';

/** Every ksmtuned.conf rule, in code order (VT201-VT249). */
export const KSMTUNED_RULES: readonly KsmtunedRule[] = [
  strayCommand,
  spacesAroundEquals,
  unknownVariable,
  notANumber,
  npagesMinAboveMax,
  decayNotNegative,
  boostNotPositive,
  valueOutOfRange,
  duplicateVariable,
  leadingZeroRule,
  emptyPidfile,
  debugOffValue,
  emptyValue,
  logfileWithoutDebug,
  logfileLocation,
  sleepBelowFloor,
  crlfLineEndings,
  templateFile,
  integerTooLarge,
  ksmNeverStops,
];
