import { parseRuleLevels, type RuleLevels } from './ruleLevels';

/**
 * virt-tune's settings as the server uses them, read from the `virtTune` section of the editor's
 * configuration: pulled with workspace/configuration where the client can answer it, else taken from
 * a didChangeConfiguration's `settings.virtTune` or from `initializationOptions` (the same shape).
 */
export interface Settings {
  /** `virtTune.rules`: a level per rule code. */
  ruleLevels: RuleLevels;
}

export const DEFAULT_SETTINGS: Settings = { ruleLevels: new Map() };

/** The settings in a `virtTune` section, and a line for each entry that was left out. */
export function parseSettings(section: unknown): { settings: Settings; problems: string[] } {
  const rules = isObject(section) ? section['rules'] : undefined;
  const { levels, problems } = parseRuleLevels(rules);
  return { settings: { ruleLevels: levels }, problems };
}

/** The `virtTune` section inside a didChangeConfiguration's settings, when the client sent one. */
export function virtTuneSection(settings: unknown): unknown {
  return isObject(settings) ? settings['virtTune'] : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
