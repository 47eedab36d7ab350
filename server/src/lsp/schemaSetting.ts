import type { Connection } from 'vscode-languageserver/node';
import { chooseSchema, schemaVariants } from '../services';
import { keepCompiledSchemas } from '../schema/rng';
import { schemaCacheFolder } from '../schema/rng/cache/store';
import { SchemaLoadError } from '../schema/types';

/**
 * `virtTune.schema` for the language server: the schema is compiled in a worker thread, so typing never
 * waits on libxml2. A schema that cannot be loaded is said once per setting, in a window message and in
 * the log, and the built-in structure judges instead. Returns the function to call with each setting
 * read; it answers whether the setting changed (the caller then judges the open documents again).
 */
export function schemaSetting(connection: Connection): (setting: string) => boolean {
  let applied: string | undefined;
  const reported = new Set<string>();
  const log = (line: string) => connection.console.log(line);
  return (setting) => {
    if (setting === applied) return false;
    applied = setting;
    // Completion compiles the schema in this thread too (schemaVariants): from the user's schema cache
    // when it holds it (a tenth of the time, half the memory), kept there once compiled.
    if (setting !== 'builtin') keepCompiledSchemas(schemaCacheFolder());
    chooseSchema(setting, { worker: true, log }).then(
      (source) => {
        log(`virt-tune: ${source ? `judging domains with ${source.label} (${source.path})` : "no libvirt schema: judging domains with virt-tune's built-in structure"}`);
        // Completion's own copy (0.1 s from the cache, 0.5 s compiled) is read now, while the documents
        // just opened are being read, rather than in the middle of the user's first completion.
        if (source) setImmediate(() => {
          if (applied !== setting) return;
          try {
            schemaVariants();
          } catch (error) {
            log(`virt-tune: completion per variant is off: ${error instanceof Error ? error.message : String(error)}`);
          }
        });
      },
      (error: unknown) => {
        const message = error instanceof SchemaLoadError ? error.message.replace(/\s*\n\s*/g, ' ') : String(error);
        if (reported.has(`${setting}\n${message}`)) return;
        reported.add(`${setting}\n${message}`);
        connection.console.warn(`virt-tune: ${message}`);
        void connection.window.showWarningMessage(`virt-tune: ${message} The built-in structure judges domains instead (setting virtTune.schema).`);
      },
    );
    return true;
  };
}
