import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in a test tool's command line: told with its usage, without a stack. */
export class UsageError extends Error {}

/** parseArgs of the process's arguments, its complaints turned into a UsageError. */
export function parsedOptions<Options extends NonNullable<ParseArgsConfig['options']>>(options: Options) {
  try {
    return parseArgs({ options }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
