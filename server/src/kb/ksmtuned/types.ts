import type { Fact, Source } from '../types';

/**
 * How ksmtuned reads a variable, which decides what a valid value is:
 * - `integer`: it goes into bash arithmetic (`$[...]`) or an integer test (`[ a -lt b ]`);
 * - `duration`: it is handed to sleep(1), which takes a number of seconds with an optional fraction and
 *   an optional s, m, h or d suffix;
 * - `path`: a file name;
 * - `flag`: only empty or not matters.
 */
export type KsmtunedValueKind = 'integer' | 'duration' | 'path' | 'flag';

/** The /sys/kernel/mm/ksm files virt-tune describes. */
export type KsmKnobName = 'run' | 'pages_to_scan' | 'sleep_millisecs' | 'merge_across_nodes';

/**
 * A variable ksmtuned reads from /etc/ksmtuned.conf. It is a Fact (keyed `ksmtuned/NAME`) so hovers and
 * completion documentation render it like every other fact.
 */
export interface KsmtunedVariable extends Fact {
  name: string;
  kind: KsmtunedValueKind;
  /** The value ksmtuned uses when the file does not set it (or, for most, sets it empty). */
  defaultValue: string | undefined;
  /** Whether an empty value falls back to the default (`${NAME:-default}`) rather than staying empty. */
  emptyMeansDefault: boolean;
  /** For integers and durations: the bounds outside which ksmtuned misbehaves, with what happens then. */
  limits?: {
    /** The lowest value allowed. */
    min?: number;
    /** The highest value allowed. */
    max?: number;
    /** A bound the value must be strictly above. */
    above?: number;
    outside: string;
  };
  /** What goes wrong when the value is not of its kind, for the message. */
  whenInvalid?: string;
  /** Unit suffixes people write after the number (`10ms`) that mean the variable's own unit. */
  unitSuffixes?: readonly string[];
  /** The value completion offers first: the default, or the guide's example where there is no default. */
  suggested: string;
  /** The /sys/kernel/mm/ksm files the variable ends up in. */
  knobs: readonly KsmKnobName[];
}

/** A file under /sys/kernel/mm/ksm/ that ksmtuned writes or that the guide tunes beside it. */
export interface KsmKnob {
  name: KsmKnobName;
  path: string;
  summary: string;
  details?: string;
  advice?: string;
  values?: string;
  kernelDefault: string;
  /** How ksmtuned drives it, or that it does not. */
  drivenBy: string;
  sources: readonly Source[];
}
