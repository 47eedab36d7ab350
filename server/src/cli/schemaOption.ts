import { chooseSchema } from '../services';
import { keepCompiledSchemas } from '../schema/rng';
import { schemaCacheFolder } from '../schema/rng/cache/store';
import { SchemaLoadError } from '../schema/types';

/** lint's --schema: which libvirt schema judges domains, in its util.parseArgs form. */
export const SCHEMA_OPTION = { schema: { type: 'string', default: 'auto' } } as const;

/**
 * Loads the schema --schema names (`auto`: the host's, when libvirt is installed; `builtin`: none; else
 * a domain.rng or its folder). Undefined when it is ready; else the one line that says why it cannot
 * be used, naming the file. The compiled schema is read from the user's schema cache when that holds
 * it as its files are now, and kept there once compiled (VIRT_TUNE_SCHEMA_CACHE=off: neither).
 */
export async function useSchemaOption(setting: string): Promise<string | undefined> {
  if (setting !== 'builtin') keepCompiledSchemas(schemaCacheFolder());
  try {
    await chooseSchema(setting);
    return undefined;
  } catch (error) {
    if (error instanceof SchemaLoadError) return error.message.replace(/\s*\n\s*/g, ' ');
    throw error;
  }
}
