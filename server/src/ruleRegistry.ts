import type { RuleMeta } from './core/types';
import { DOMAIN_RULES } from './domain/rules';
import { withSchemaRule } from './domain/verdict/rule';
import { KSMTUNED_RULES } from './ksmtuned/rules';
import { CMDLINE_RULES } from './cmdline/rules';

/** Every rule of every file kind, in code order: for `virt-tune rules` and the rule list of a SARIF log. */
export const ALL_RULE_METAS: readonly RuleMeta[] = withSchemaRule([...DOMAIN_RULES, ...KSMTUNED_RULES, ...CMDLINE_RULES].map((rule) => rule.meta));
