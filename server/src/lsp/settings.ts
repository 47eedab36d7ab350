import { parseRuleLevels, type RuleLevels } from './ruleLevels';

/**
 * virt-tune's settings as the server uses them, read from the `virtTune` section of the editor's
 * configuration: pulled with workspace/configuration where the client can answer it, else taken from
 * a didChangeConfiguration's `settings.virtTune` or from `initializationOptions` (the same shape).
 */
export interface Settings {
  /** `virtTune.rules`: a level per rule code. */
  ruleLevels: RuleLevels;
  /** `virtTune.schema`: `auto`, `builtin`, or the path of a domain.rng (or its folder). */
  schema: string;
}

export const DEFAULT_SETTINGS: Settings = { ruleLevels: new Map(), schema: 'auto' };

/** The settings in a `virtTune` section, and a line for each entry that was left out. */
export function parseSettings(section: unknown): { settings: Settings; problems: string[] } {
  const rules = isObject(section) ? section['rules'] : undefined;
  const { levels, problems } = parseRuleLevels(rules);
  const schema = isObject(section) ? section['schema'] : undefined;
  if (schema !== undefined && typeof schema !== 'string') problems.push('virtTune.schema must be auto, builtin or a path: it is taken as auto.');
  return { settings: { ruleLevels: levels, schema: typeof schema === 'string' && schema.trim() !== '' ? schema.trim() : 'auto' }, problems };
}

/** The `virtTune` section inside a didChangeConfiguration's settings, when the client sent one. */
export function virtTuneSection(settings: unknown): unknown {
  return isObject(settings) ? settings['virtTune'] : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
