import type { Finding, Severity } from '../core/types';

/** What a user may set a rule to (`virtTune.rules`): a severity of its own, or `off` to hide it. */
export type RuleLevel = Severity | 'off';

/** The user's level per rule code; a rule not named keeps the severity its findings come with. */
export type RuleLevels = ReadonlyMap<string, RuleLevel>;

const LEVELS: readonly RuleLevel[] = ['off', 'hint', 'information', 'warning', 'error'];
const RULE_CODE = /^VT\d{3}$/;

/**
 * Reads `virtTune.rules`, an object such as `{ "VT136": "off", "VT143": "information" }`. Entries that
 * are not a rule code with a known level are left out, each with a line saying why, so one typo does
 * not throw away the others.
 */
export function parseRuleLevels(value: unknown): { levels: RuleLevels; problems: string[] } {
  const levels = new Map<string, RuleLevel>();
  const problems: string[] = [];
  if (value === undefined || value === null) return { levels, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { levels, problems: ['virtTune.rules must be an object such as { "VT136": "off" }: it is ignored.'] };
  }
  for (const [code, level] of Object.entries(value)) {
    const rule = code.trim().toUpperCase();
    if (!RULE_CODE.test(rule)) {
      problems.push(`virtTune.rules: "${code}" is not a rule code (VT followed by three digits): it is ignored.`);
    } else if (!isRuleLevel(level)) {
      problems.push(`virtTune.rules: ${rule} is set to ${JSON.stringify(level)}; use one of ${LEVELS.join(', ')}. It keeps its own severity.`);
    } else {
      levels.set(rule, level);
    }
  }
  return { levels, problems };
}

function isRuleLevel(value: unknown): value is RuleLevel {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** The findings as the user wants them: those of rules set `off` left out, the others at the level set. */
export function applyRuleLevels(findings: readonly Finding[], levels: RuleLevels): Finding[] {
  if (levels.size === 0) return [...findings];
  const result: Finding[] = [];
  for (const finding of findings) {
    const level = levels.get(finding.rule);
    if (level === undefined) result.push(finding);
    else if (level !== 'off') result.push(level === finding.severity ? finding : { ...finding, severity: level });
  }
  return result;
}
