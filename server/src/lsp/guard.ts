import type { Connection } from 'vscode-languageserver/node';

/**
 * Wraps a handler so a bug in virt-tune (or a file it did not expect) never takes the server down:
 * the exception goes to the client's log and the request answers `fallback`.
 */
export function guarded<Args extends unknown[], Result>(
  connection: Connection,
  name: string,
  fallback: Result,
  handler: (...args: Args) => Result,
): (...args: Args) => Result {
  return (...args: Args) => {
    try {
      return handler(...args);
    } catch (error) {
      connection.console.error(`virt-tune: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };
}
