/** A mistake in the command line: the CLI prints its message and a pointer to --help, and exits 2. */
export class UsageError extends Error {}

/** Where the CLI writes: the process's streams, or a buffer in tests. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT_CLEAN = 0;
export const EXIT_ERRORS_FOUND = 1;
export const EXIT_USAGE = 2;
