import type { RuleMeta } from './core/types';
import type { FileKind } from './core/types';
import { DOMAIN_RULES } from './domain/rules';
export { HOST_RULE_CODES } from './domain/rules/host';
export { GUEST_RULE_CODES } from './domain/rules/guests';
import { withSchemaRule } from './domain/verdict/rule';
import { KSMTUNED_RULES } from './ksmtuned/rules';
import { CMDLINE_RULES } from './cmdline/rules';

/** Every rule of every file kind, in code order: for `virt-tune rules` and the rule list of a SARIF log. */
export const ALL_RULE_METAS: readonly RuleMeta[] = withSchemaRule([...DOMAIN_RULES, ...KSMTUNED_RULES, ...CMDLINE_RULES].map((rule) => rule.meta));

/** The codes of each kind's rules, in code order (the help text is made from them, so it cannot drift). */
export const RULE_CODES_BY_KIND: Readonly<Record<FileKind, readonly string[]>> = {
  domain: withSchemaRule(DOMAIN_RULES.map((rule) => rule.meta)).map((meta) => meta.code),
  ksmtuned: KSMTUNED_RULES.map((rule) => rule.meta.code).sort(),
  cmdline: CMDLINE_RULES.map((rule) => rule.meta.code).sort(),
};

/** Codes as runs of consecutive numbers: `VT150-VT159, VT161`. */
export function codeRanges(codes: readonly string[]): string {
  const numbers = [...new Set(codes.map((code) => Number(code.slice(2))))].filter(Number.isInteger).sort((a, b) => a - b);
  const runs: string[] = [];
  for (let index = 0; index < numbers.length; ) {
    let end = index;
    while (end + 1 < numbers.length && numbers[end + 1] === numbers[end]! + 1) end++;
    runs.push(end === index ? `VT${numbers[index]}` : `VT${numbers[index]}-VT${numbers[end]}`);
    index = end + 1;
  }
  return runs.join(', ');
}
